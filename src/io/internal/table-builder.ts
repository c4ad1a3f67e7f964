import { MISSING_CODE, type Column, type ColumnTable } from "../../models/columns";
import type { EmisIssue } from "../../models/errors";
import { ByteDictionary, hashBytes } from "./byte-dictionary";
import { decodeBytes } from "./decode";
import type { ReadCounts } from "../read-options";
import type { FieldSpec } from "./field-spec";
import { checkText, compileNumberCheck, describeNumberRule, numberRuleCode } from "./field-rules";
import { parseNumberBytes } from "./parse-number";

/** Marks a dictionary slot whose value failed the field's checks. */
const INVALID = 0xfffffffe;
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

const KIND_CODE = 0;
const KIND_NUMBER = 1;
const KIND_BOOLEAN = 2;

/** Settings of one {@link TableBuilder}. */
export interface BuilderSettings {
  fn: string;
  file: string;
  fields: FieldSpec[];
  /** Field index of each source column (file column or JSON key), -1 when ignored. */
  columnField: number[];
  decimalComma: boolean;
  unique: string[];
  maxIssuesPerRule: number;
  /** Emit a chunk each time this many rows are kept (0: never). */
  chunkRows: number;
}


interface Pending {
  field: number;
  code: string;
  rule: string;
  value: unknown;
}

/** A finished piece of output: rows kept since the previous piece. */
export interface BuiltPiece {
  table: ColumnTable;
  rejects: EmisIssue[];
  counts: ReadCounts;
  /** Number of data rows read before this piece's first row. */
  rowOffset: number;
}

function boolCode(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 1) return buf[s] === 49 ? 1 : buf[s] === 48 ? 0 : -1;
  let w = "";
  if (n > 5) return -1;
  for (let i = s; i < e; i++) w += String.fromCharCode(buf[i] | 0x20);
  return w === "true" || w === "yes" ? 1 : w === "false" || w === "no" ? 0 : -1;
}

/**
 * Fills chunked typed columns from cells, runs the compiled checks, keeps issues and
 * counts. Cells of a row are written at the next free row; the row is committed (kept)
 * or dropped (rejected) at {@link TableBuilder.endRow}, so a partial row can be fed again.
 */
export class TableBuilder {
  readonly fields: FieldSpec[];
  /** Output dictionaries, shared by every piece (they only grow). */
  readonly dictionaries: (string[] | null)[];
  read = 0;
  kept = 0;
  private readonly s: BuilderSettings;
  private readonly kinds: Uint8Array;
  private readonly colField: Int32Array;
  private readonly nColumns: number;
  private readonly mark: number;
  private readonly dicts: (ByteDictionary | null)[];
  private readonly slotCodes: number[][];
  private readonly slotIssue: Map<number, { code: string; rule: string; value: string }>[];
  private readonly codeOf: Map<string, number>[];
  private readonly numCheck: ((v: number) => number)[];
  private readonly emptyCode: Uint32Array;
  private readonly emptyNumber: Float64Array;
  private readonly present: Uint8Array;
  private readonly uniqueFields: number[];
  private readonly firstRowOfCode: Map<number, number>[];
  // blocks
  private codesBlocks: Uint32Array[][];
  private valuesBlocks: Float64Array[][];
  private curCodes: (Uint32Array | null)[];
  private curValues: (Float64Array | null)[];
  private pieceStart = 0;
  private pieceRead = 0;
  // row state
  private pending: Pending[] = [];
  // issues
  private rejects: EmisIssue[] = [];
  private rejectsTotal: EmisIssue[] = [];
  private keptByRule = new Map<string, number>();
  private byRule: Record<string, number> = {};
  private pieceByRule: Record<string, number> = {};
  private pieceRejected = 0;
  readonly pieces: BuiltPiece[] = [];

  constructor(settings: BuilderSettings) {
    this.s = settings;
    const fields = settings.fields;
    this.fields = fields;
    const nf = fields.length;
    this.kinds = new Uint8Array(nf);
    this.colField = Int32Array.from(settings.columnField);
    this.nColumns = settings.columnField.length;
    this.mark = settings.decimalComma ? 44 : 46;
    this.present = new Uint8Array(nf);
    for (const f of settings.columnField) if (f >= 0) this.present[f] = 1;
    this.dicts = [];
    this.slotCodes = [];
    this.slotIssue = [];
    this.codeOf = [];
    this.numCheck = [];
    this.dictionaries = [];
    this.emptyCode = new Uint32Array(nf);
    this.emptyNumber = new Float64Array(nf);
    this.firstRowOfCode = [];
    fields.forEach((f, k) => {
      const kind = f.kind === "number" ? KIND_NUMBER : f.kind === "boolean" ? KIND_BOOLEAN : KIND_CODE;
      this.kinds[k] = kind;
      this.slotCodes.push([]);
      this.slotIssue.push(new Map());
      this.firstRowOfCode.push(new Map());
      const codeOf = new Map<string, number>();
      this.codeOf.push(codeOf);
      if (kind === KIND_NUMBER) {
        this.dicts.push(null);
        this.dictionaries.push(null);
        this.numCheck.push(compileNumberCheck(f));
        this.emptyNumber[k] = typeof f.defaultValue === "number" ? f.defaultValue : NaN;
      } else {
        this.dicts.push(new ByteDictionary());
        const seed = kind === KIND_BOOLEAN ? ["false", "true"] : f.allowed ? (f.allowed as string[]) : [];
        const dict = [...seed];
        dict.forEach((v, i) => codeOf.set(v, i));
        this.dictionaries.push(dict);
        this.numCheck.push(() => -1);
        this.emptyCode[k] = f.defaultValue === undefined ? MISSING_CODE : this.outputCode(k, String(f.defaultValue));
      }
    });
    this.uniqueFields = settings.unique.map((u) => fields.findIndex((f) => f.name === u));
    this.codesBlocks = fields.map(() => []);
    this.valuesBlocks = fields.map(() => []);
    this.curCodes = fields.map(() => null);
    this.curValues = fields.map(() => null);
    this.newBlock();
  }

  private outputCode(field: number, v: string): number {
    const map = this.codeOf[field];
    let c = map.get(v);
    if (c === undefined) {
      const dict = this.dictionaries[field] as string[];
      c = dict.length;
      dict.push(v);
      map.set(v, c);
    }
    return c;
  }

  private newBlock(): void {
    for (let k = 0; k < this.fields.length; k++) {
      if (this.kinds[k] === KIND_NUMBER) {
        const b = new Float64Array(BLOCK);
        if (!this.present[k]) b.fill(this.emptyNumber[k]);
        this.valuesBlocks[k].push(b);
        this.curValues[k] = b;
      } else {
        const b = new Uint32Array(BLOCK);
        if (!this.present[k]) b.fill(this.emptyCode[k]);
        this.codesBlocks[k].push(b);
        this.curCodes[k] = b;
      }
    }
  }

  /** Start a row (forget the issues of a previous partial attempt). */
  beginRow(): void {
    if (this.pending.length) this.pending.length = 0;
  }

  private wantValue(code: string): boolean {
    return (this.keptByRule.get(code) ?? 0) < this.s.maxIssuesPerRule;
  }

  /** Record an issue with the current row (before {@link endRow}). */
  rowIssue(field: number, code: string, rule: string, value: unknown): void {
    this.pending.push({ field, code, rule, value });
  }

  /** One cell: bytes `buf[s..e)` of source column `col`. */
  cell(col: number, buf: Uint8Array, s: number, e: number): void {
    if (col >= this.nColumns) return;
    const k = this.colField[col];
    if (k < 0) return;
    const pos = this.kept & BLOCK_MASK;
    if (this.kinds[k] === KIND_NUMBER) {
      const values = this.curValues[k] as Float64Array;
      if (s === e) {
        if (this.fields[k].emptyOk) values[pos] = this.emptyNumber[k];
        else this.pending.push({ field: k, code: "required", rule: "required", value: "" });
        return;
      }
      const v = parseNumberBytes(buf, s, e, this.mark);
      const r = this.numCheck[k](v);
      if (r === -1) values[pos] = v;
      else this.numberIssue(k, r, buf, s, e);
      return;
    }
    const codes = this.curCodes[k] as Uint32Array;
    if (s === e) {
      if (this.fields[k].emptyOk) codes[pos] = this.emptyCode[k];
      else this.pending.push({ field: k, code: "required", rule: "required", value: "" });
      return;
    }
    const h = hashBytes(buf, s, e);
    const dict = this.dicts[k] as ByteDictionary;
    let slot = dict.find(buf, s, e, h);
    if (slot < 0) slot = this.newSlot(k, dict, buf, s, e, h);
    const c = this.slotCodes[k][slot];
    if (c !== INVALID) codes[pos] = c;
    else {
      const iss = this.slotIssue[k].get(slot)!;
      this.pending.push({ field: k, code: iss.code, rule: iss.rule, value: iss.value });
    }
  }

  private newSlot(k: number, dict: ByteDictionary, buf: Uint8Array, s: number, e: number, h: number): number {
    const slot = dict.add(buf, s, e, h);
    const text = decodeBytes(buf, s, e);
    const f = this.fields[k];
    let code = INVALID;
    if (this.kinds[k] === KIND_BOOLEAN) {
      const b = boolCode(buf, s, e);
      if (b < 0) this.slotIssue[k].set(slot, { code: "invalid-type", rule: "true/false, yes/no or 1/0", value: text });
      else if (f.allowed && !f.allowed.includes(b === 1)) this.slotIssue[k].set(slot, { code: "invalid-value", rule: f.rule, value: text });
      else code = b;
    } else {
      const bad = checkText(f, text);
      if (bad) this.slotIssue[k].set(slot, { ...bad, value: text });
      else code = this.outputCode(k, text);
    }
    this.slotCodes[k].push(code);
    return slot;
  }

  private numberIssue(k: number, r: number, buf: Uint8Array, s: number, e: number): void {
    const f = this.fields[k];
    let code: string;
    let rule: string;
    if (r === -2) {
      code = "invalid-type";
      rule = this.s.decimalComma ? "a number (decimal comma)" : "a number";
    } else if (r === -3) {
      code = "invalid-value";
      rule = f.rule;
    } else {
      code = numberRuleCode(f.numberRules[r]);
      rule = describeNumberRule(f.numberRules[r]);
    }
    this.pending.push({ field: k, code, rule, value: this.wantValue(code) ? decodeBytes(buf, s, e) : undefined });
  }

  /** A JSON number for source column `col`. */
  cellNumber(col: number, v: number): void {
    const k = this.colField[col];
    if (k < 0) return;
    if (this.kinds[k] !== KIND_NUMBER) {
      const bytes = new TextEncoder().encode(String(v));
      this.cell(col, bytes, 0, bytes.length);
      return;
    }
    const r = this.numCheck[k](v);
    if (r === -1) (this.curValues[k] as Float64Array)[this.kept & BLOCK_MASK] = v;
    else {
      const bytes = new TextEncoder().encode(String(v));
      this.numberIssue(k, r, bytes, 0, bytes.length);
    }
  }

  /** Reject the current row as a whole (a broken record, not a bad cell). */
  rejectRow(code: string, rule: string, value: unknown, message: string): void {
    const row = ++this.read;
    this.pending.length = 0;
    this.report(row, -1, code, rule, value, message);
    this.pieceRejected++;
  }

  /** Commit the current row: kept when it has no issue and `nCells` matches the header. */
  endRow(nCells: number): void {
    const row = ++this.read;
    if (nCells !== this.nColumns) {
      this.pending.length = 0;
      this.report(row, -1, "field-count", `${this.nColumns} fields`, nCells,
        `row has ${nCells} fields but the header has ${this.nColumns}; check the quoting and the delimiter`);
      this.pieceRejected++;
      return;
    }
    if (this.pending.length === 0 && this.uniqueFields.length) this.checkUnique(row);
    if (this.pending.length) {
      for (const p of this.pending) {
        const f = this.fields[p.field];
        this.report(row, p.field, p.code, p.rule, p.value,
          p.code === "duplicate-id"
            ? `${f.name} ${JSON.stringify(p.value)} repeats ${p.rule.replace(/^unique, first at /, "")}; remove or fix the duplicate`
            : p.code === "required"
              ? `${f.name} is empty but required; fill it in or make the field optional`
              : `${f.name} must be ${p.rule}, got ${JSON.stringify(p.value)}; fix the cell or the schema`);
      }
      this.pending.length = 0;
      this.pieceRejected++;
      return;
    }
    this.kept++;
    if ((this.kept & BLOCK_MASK) === 0) this.newBlock();
    if (this.s.chunkRows > 0 && this.kept - this.pieceStart >= this.s.chunkRows) this.pieces.push(this.takePiece());
  }

  private checkUnique(row: number): void {
    const pos = this.kept & BLOCK_MASK;
    for (const k of this.uniqueFields) {
      const key = this.kinds[k] === KIND_NUMBER ? (this.curValues[k] as Float64Array)[pos] : (this.curCodes[k] as Uint32Array)[pos];
      if (key !== key || key === MISSING_CODE) continue;
      const first = this.firstRowOfCode[k].get(key);
      if (first !== undefined) {
        const value = this.kinds[k] === KIND_NUMBER ? key : (this.dictionaries[k] as string[])[key];
        this.pending.push({ field: k, code: "duplicate-id", rule: `unique, first at row ${first}`, value });
      }
    }
    if (this.pending.length) return;
    for (const k of this.uniqueFields) {
      const key = this.kinds[k] === KIND_NUMBER ? (this.curValues[k] as Float64Array)[pos] : (this.curCodes[k] as Uint32Array)[pos];
      if (key !== key || key === MISSING_CODE) continue;
      this.firstRowOfCode[k].set(key, row);
    }
  }

  private report(row: number, field: number, code: string, rule: string, value: unknown, message: string): void {
    this.byRule[code] = (this.byRule[code] ?? 0) + 1;
    this.pieceByRule[code] = (this.pieceByRule[code] ?? 0) + 1;
    const n = this.keptByRule.get(code) ?? 0;
    if (n >= this.s.maxIssuesPerRule) return;
    this.keptByRule.set(code, n + 1);
    const issue: EmisIssue = { code, file: this.s.file, row, rule, value, message: `${this.s.fn}: ${message} (${this.s.file} row ${row})` };
    if (field >= 0) issue.column = this.fields[field].name;
    else delete issue.column;
    this.rejects.push(issue);
    this.rejectsTotal.push(issue);
  }

  /** Cut the rows kept since the previous piece into a table (arrays of exact length). */
  takePiece(): BuiltPiece {
    const start = this.pieceStart;
    const end = this.kept;
    const n = end - start;
    const firstBlock = start >>> BLOCK_BITS;
    const columns: Record<string, Column> = {};
    this.fields.forEach((f, k) => {
      if (this.kinds[k] === KIND_NUMBER) {
        columns[f.name] = { kind: "number", values: concat(this.valuesBlocks[k], start, end, new Float64Array(n)) };
        this.valuesBlocks[k] = this.valuesBlocks[k].slice(Math.max(0, (end >>> BLOCK_BITS) - firstBlock));
      } else {
        columns[f.name] = { kind: "code", codes: concat(this.codesBlocks[k], start, end, new Uint32Array(n)), dictionary: this.dictionaries[k] as string[] };
        this.codesBlocks[k] = this.codesBlocks[k].slice(Math.max(0, (end >>> BLOCK_BITS) - firstBlock));
      }
    });
    const read = this.read - this.pieceRead;
    const piece: BuiltPiece = {
      table: { length: n, columns },
      rejects: this.rejects,
      counts: { read, kept: n, rejected: this.pieceRejected, byRule: this.pieceByRule },
      rowOffset: this.pieceRead,
    };
    this.pieceStart = end;
    this.pieceRead = this.read;
    this.rejects = [];
    this.pieceByRule = {};
    this.pieceRejected = 0;
    return piece;
  }

  /** Rows read since the last piece was cut. */
  readSincePiece(): number {
    return this.read - this.pieceRead;
  }

  /** All issues kept so far (capped per rule) and the running counts. */
  totals(): { rejects: EmisIssue[]; counts: ReadCounts } {
    return {
      rejects: this.rejectsTotal,
      counts: { read: this.read, kept: this.kept, rejected: this.read - this.kept, byRule: { ...this.byRule } },
    };
  }
}

/** Copy rows `start..end` of a block list (whose first block holds row `start & ~mask`). */
function concat<T extends Uint32Array | Float64Array>(blocks: T[], start: number, end: number, out: T): T {
  let o = 0;
  let row = start;
  let b = 0;
  while (row < end) {
    const off = row & BLOCK_MASK;
    const take = Math.min(BLOCK - off, end - row);
    out.set(blocks[b].subarray(off, off + take), o);
    o += take;
    row += take;
    b++;
  }
  return out;
}
