import { MISSING_CODE, type Column, type ColumnTable } from "../../models/columns";
import type { EmisIssue } from "../../models/errors";
import type { ReadCounts } from "../read-options";
import { ByteDictionary, hashBytes, mixHash } from "./byte-dictionary";
import { decodeBytes } from "./decode";
import type { FieldSpec } from "./field-spec";
import { checkText, compileNumberCheck, describeNumberRule, numberRuleCode } from "./field-rules";
import { parseNumberBytes } from "./parse-number";
import { BLOCK, BLOCK_BITS, BLOCK_MASK, concatBlocks } from "./blocks";

/** Marks a dictionary slot whose value failed the field's checks. */
const INVALID = -1;

const KIND_CODE = 0;
const KIND_NUMBER = 1;
const KIND_BOOLEAN = 2;

/** Kind of a source column for the scanner's hot loop. */
export const COL_IGNORED = 0;
export const COL_CODE = 1;
export const COL_NUMBER = 2;

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
  /** Cut a piece each time this many rows are kept (0: never). */
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
  if (n > 5) return -1;
  let w = "";
  for (let i = s; i < e; i++) w += String.fromCharCode(buf[i] | 0x20);
  return w === "true" || w === "yes" ? 1 : w === "false" || w === "no" ? 0 : -1;
}

/** Length rules only (checkable on bytes): the field's strings can be decoded late, in bulk. */
function isDeferrable(f: FieldSpec): boolean {
  return f.kind === "code" && f.allowed === null && f.textRules.every((r) => r.lengthRange !== undefined);
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
  /** Kind of each source column for the scanner: COL_IGNORED, COL_CODE (hash inline) or COL_NUMBER. */
  readonly colKind: Uint8Array;
  read = 0;
  kept = 0;
  private pos = 0;
  private readonly s: BuilderSettings;
  private readonly kinds: Uint8Array;
  private readonly colField: Int32Array;
  private readonly nColumns: number;
  private readonly mark: number;
  private readonly dicts: (ByteDictionary | null)[];
  private readonly slotCodes: number[][];
  private readonly slotIssue: Map<number, { code: string; rule: string; value: string }>[];
  private readonly deferred: Uint8Array;
  private readonly decodedSlots: Int32Array;
  private readonly codeCount: Int32Array;
  private readonly numCheck: ((v: number) => number)[];
  private readonly fastLo: Float64Array;
  private readonly fastHi: Float64Array;
  /** 0: range check only; 1: plus integer; 2: use numCheck. */
  private readonly fastMode: Uint8Array;
  private readonly emptyOk: Uint8Array;
  private readonly emptyCode: Uint32Array;
  private readonly emptyNumber: Float64Array;
  private readonly present: Uint8Array;
  private readonly uniqueFields: number[];
  private readonly firstRow: Map<number, number>[];
  private codesBlocks: Uint32Array[][];
  private valuesBlocks: Float64Array[][];
  private curCodes: Uint32Array[];
  private curValues: Float64Array[];
  private pieceStart = 0;
  private pieceRead = 0;
  private pending: Pending[] = [];
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
    this.numCheck = [];
    this.dictionaries = [];
    this.deferred = new Uint8Array(nf);
    this.decodedSlots = new Int32Array(nf);
    this.codeCount = new Int32Array(nf);
    this.fastLo = new Float64Array(nf);
    this.fastHi = new Float64Array(nf);
    this.fastMode = new Uint8Array(nf);
    this.emptyOk = new Uint8Array(nf);
    this.emptyCode = new Uint32Array(nf);
    this.emptyNumber = new Float64Array(nf);
    this.firstRow = [];
    fields.forEach((f, k) => {
      const kind = f.kind === "number" ? KIND_NUMBER : f.kind === "boolean" ? KIND_BOOLEAN : KIND_CODE;
      this.kinds[k] = kind;
      this.emptyOk[k] = f.emptyOk ? 1 : 0;
      this.slotCodes.push([]);
      this.slotIssue.push(new Map());
      this.firstRow.push(new Map());
      this.numCheck.push(kind === KIND_NUMBER ? compileNumberCheck(f) : () => -1);
      if (kind === KIND_NUMBER) {
        this.dicts.push(null);
        this.dictionaries.push(null);
        this.emptyNumber[k] = typeof f.defaultValue === "number" ? f.defaultValue : NaN;
        this.setupFastNumber(k, f);
        return;
      }
      const dict = new ByteDictionary();
      this.dicts.push(dict);
      this.dictionaries.push([]);
      this.deferred[k] = isDeferrable(f) ? 1 : 0;
      // seeds: booleans read as false/true; enum values in schema order; the default
      const seeds = kind === KIND_BOOLEAN ? ["false", "true"] : f.allowed ? (f.allowed as string[]) : [];
      for (const v of seeds) this.seed(k, v);
      this.emptyCode[k] = MISSING_CODE;
      if (f.defaultValue !== undefined) {
        const v = kind === KIND_BOOLEAN ? String(f.defaultValue) : String(f.defaultValue);
        this.emptyCode[k] = kind === KIND_BOOLEAN ? (f.defaultValue ? 1 : 0) : this.seed(k, v);
      }
    });
    this.colKind = new Uint8Array(this.nColumns);
    settings.columnField.forEach((k, c) => {
      this.colKind[c] = k < 0 ? COL_IGNORED : this.kinds[k] === KIND_CODE ? COL_CODE : this.kinds[k] === KIND_NUMBER ? COL_NUMBER : 3;
    });
    this.uniqueFields = settings.unique.map((u) => fields.findIndex((f) => f.name === u));
    this.codesBlocks = fields.map(() => []);
    this.valuesBlocks = fields.map(() => []);
    this.curCodes = fields.map(() => new Uint32Array(0));
    this.curValues = fields.map(() => new Float64Array(0));
    this.newBlock();
  }

  private setupFastNumber(k: number, f: FieldSpec): void {
    let lo = -Number.MAX_VALUE;
    let hi = Number.MAX_VALUE;
    let mode = 0;
    for (const r of f.numberRules) {
      if (r.op === "min") lo = Math.max(lo, r.value);
      else if (r.op === "max") hi = Math.min(hi, r.value);
      else if (r.op === "int") mode = Math.max(mode, 1);
      else mode = 2;
    }
    if (f.allowed) mode = 2;
    this.fastLo[k] = lo;
    this.fastHi[k] = hi;
    this.fastMode[k] = mode;
  }

  /** Put a known value in a code field's dictionary (bytes and text); returns its code. */
  private seed(k: number, v: string): number {
    const bytes = new TextEncoder().encode(v);
    const dict = this.dicts[k] as ByteDictionary;
    const h = mixHash(hashBytes(bytes, 0, bytes.length));
    const found = dict.find(bytes, 0, bytes.length, h);
    if (found >= 0) return this.slotCodes[k][found];
    const slot = dict.add(bytes, 0, bytes.length, h);
    const code = this.codeCount[k]++;
    this.slotCodes[k].push(code);
    (this.dictionaries[k] as string[]).push(v);
    this.decodedSlots[k] = slot + 1;
    return code;
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

  private emptyCell(k: number): void {
    if (this.emptyOk[k] === 1) {
      if (this.kinds[k] === KIND_NUMBER) this.curValues[k][this.pos] = this.emptyNumber[k];
      else this.curCodes[k][this.pos] = this.emptyCode[k];
    } else this.pending.push({ field: k, code: "required", rule: "required", value: "" });
  }

  /** Any cell: bytes `buf[s..e)` of source column `col`. */
  cell(col: number, buf: Uint8Array, s: number, e: number): void {
    if (col >= this.nColumns) return;
    const k = this.colField[col];
    if (k < 0) return;
    if (this.kinds[k] === KIND_NUMBER) this.numberCell(col, buf, s, e);
    else this.codeCell(col, buf, s, e, hashBytes(buf, s, e));
  }

  /** A code or boolean cell whose unmixed FNV hash `h` the scanner computed while scanning. */
  codeCell(col: number, buf: Uint8Array, s: number, e: number, h: number): void {
    const k = this.colField[col];
    if (s === e) {
      this.emptyCell(k);
      return;
    }
    const hm = h ^ (h >>> 15);
    const dict = this.dicts[k] as ByteDictionary;
    let slot = dict.find(buf, s, e, hm);
    if (slot < 0) slot = this.newSlot(k, dict, buf, s, e, hm);
    const c = this.slotCodes[k][slot];
    if (c !== INVALID) this.curCodes[k][this.pos] = c;
    else {
      const iss = this.slotIssue[k].get(slot) as { code: string; rule: string; value: string };
      this.pending.push({ field: k, code: iss.code, rule: iss.rule, value: iss.value });
    }
  }

  /** A number cell. */
  numberCell(col: number, buf: Uint8Array, s: number, e: number): void {
    const k = this.colField[col];
    if (s === e) {
      this.emptyCell(k);
      return;
    }
    const v = parseNumberBytes(buf, s, e, this.mark);
    const mode = this.fastMode[k];
    if (mode < 2 && v >= this.fastLo[k] && v <= this.fastHi[k] && (mode === 0 || Math.floor(v) === v)) {
      this.curValues[k][this.pos] = v;
      return;
    }
    const r = this.numCheck[k](v);
    if (r === -1) this.curValues[k][this.pos] = v;
    else this.numberIssue(k, r, buf, s, e);
  }

  /** A number cell the scanner already parsed (`buf[s..e)` is its text, for issues). */
  numberValue(col: number, v: number, buf: Uint8Array, s: number, e: number): void {
    const k = this.colField[col];
    const mode = this.fastMode[k];
    if (mode < 2 && v >= this.fastLo[k] && v <= this.fastHi[k] && (mode === 0 || Math.floor(v) === v)) {
      this.curValues[k][this.pos] = v;
      return;
    }
    const r = this.numCheck[k](v);
    if (r === -1) this.curValues[k][this.pos] = v;
    else this.numberIssue(k, r, buf, s, e);
  }

  private newSlot(k: number, dict: ByteDictionary, buf: Uint8Array, s: number, e: number, h: number): number {
    const slot = dict.add(buf, s, e, h);
    const f = this.fields[k];
    let code = INVALID;
    if (this.kinds[k] === KIND_BOOLEAN) {
      const b = boolCode(buf, s, e);
      const text = decodeBytes(buf, s, e);
      if (b < 0) this.slotIssue[k].set(slot, { code: "invalid-type", rule: "true/false, yes/no or 1/0", value: text });
      else if (f.allowed && !f.allowed.includes(b === 1)) this.slotIssue[k].set(slot, { code: "invalid-value", rule: f.rule, value: text });
      else code = b;
    } else if (this.deferred[k] === 1) {
      let ascii = true;
      for (let i = s; i < e; i++) if (buf[i] >= 0x80) ascii = false;
      let bad: { code: string; rule: string } | null = null;
      if (ascii) {
        const n = e - s;
        for (let q = 0; q < f.textRules.length; q++) {
          const r = f.textRules[q];
          const range = r.lengthRange as [number, number];
          if (n < range[0] || n > range[1]) {
            bad = { code: r.code, rule: r.rule };
            break;
          }
        }
      } else bad = checkText(f, decodeBytes(buf, s, e));
      if (bad) this.slotIssue[k].set(slot, { ...bad, value: decodeBytes(buf, s, e) });
      else code = this.codeCount[k]++;
    } else {
      const text = decodeBytes(buf, s, e);
      const bad = checkText(f, text);
      if (bad) this.slotIssue[k].set(slot, { ...bad, value: text });
      else {
        code = this.codeCount[k]++;
        (this.dictionaries[k] as string[]).push(text);
      }
    }
    this.slotCodes[k].push(code);
    if (this.deferred[k] === 0) this.decodedSlots[k] = slot + 1;
    return slot;
  }

  /** Decode the values a deferred field added since the last flush into its dictionary. */
  private flushDictionary(k: number): void {
    if (this.deferred[k] === 0) return;
    const dict = this.dicts[k] as ByteDictionary;
    const from = this.decodedSlots[k];
    if (from >= dict.size) return;
    const texts = dict.decodeRange(from, dict.size);
    const out = this.dictionaries[k] as string[];
    const codes = this.slotCodes[k];
    for (let i = 0; i < texts.length; i++) if (codes[from + i] !== INVALID) out.push(texts[i]);
    this.decodedSlots[k] = dict.size;
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
    if (r === -1) this.curValues[k][this.pos] = v;
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
        const name = this.fields[p.field].name;
        const message = p.code === "duplicate-id"
          ? `${name} ${JSON.stringify(p.value)} repeats the one in row ${p.rule.slice(p.rule.lastIndexOf(" ") + 1)}; remove or fix the duplicate`
          : p.code === "required"
            ? `${name} is empty but required; fill it in or make the field optional`
            : `${name} must be ${p.rule}, got ${JSON.stringify(p.value)}; fix the cell or the schema`;
        this.report(row, p.field, p.code, p.rule, p.value, message);
      }
      this.pending.length = 0;
      this.pieceRejected++;
      return;
    }
    this.kept++;
    this.pos = this.kept & BLOCK_MASK;
    if (this.pos === 0) this.newBlock();
    if (this.s.chunkRows > 0 && this.kept - this.pieceStart >= this.s.chunkRows) this.pieces.push(this.takePiece());
  }

  private uniqueKey(k: number): number {
    return this.kinds[k] === KIND_NUMBER ? this.curValues[k][this.pos] : this.curCodes[k][this.pos];
  }

  private checkUnique(row: number): void {
    for (const k of this.uniqueFields) {
      const key = this.uniqueKey(k);
      if (key !== key || key === MISSING_CODE) continue;
      const first = this.firstRow[k].get(key);
      if (first !== undefined) {
        this.flushDictionary(k);
        const value = this.kinds[k] === KIND_NUMBER ? key : (this.dictionaries[k] as string[])[key];
        this.pending.push({ field: k, code: "duplicate-id", rule: `unique, first seen in row ${first}`, value });
      }
    }
    if (this.pending.length) return;
    for (const k of this.uniqueFields) {
      const key = this.uniqueKey(k);
      if (key !== key || key === MISSING_CODE) continue;
      this.firstRow[k].set(key, row);
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
    this.rejects.push(issue);
    this.rejectsTotal.push(issue);
  }

  /** Cut the rows kept since the previous piece into a table (arrays of exact length). */
  takePiece(): BuiltPiece {
    const start = this.pieceStart;
    const end = this.kept;
    const n = end - start;
    const drop = (end >>> BLOCK_BITS) - (start >>> BLOCK_BITS);
    const columns: Record<string, Column> = {};
    this.fields.forEach((f, k) => {
      if (this.kinds[k] === KIND_NUMBER) {
        columns[f.name] = { kind: "number", values: concatBlocks(this.valuesBlocks[k], start, end, new Float64Array(n)) };
        this.valuesBlocks[k] = this.valuesBlocks[k].slice(drop);
      } else {
        this.flushDictionary(k);
        columns[f.name] = { kind: "code", codes: concatBlocks(this.codesBlocks[k], start, end, new Uint32Array(n)), dictionary: this.dictionaries[k] as string[] };
        this.codesBlocks[k] = this.codesBlocks[k].slice(drop);
      }
    });
    const piece: BuiltPiece = {
      table: { length: n, columns },
      rejects: this.rejects,
      counts: { read: this.read - this.pieceRead, kept: n, rejected: this.pieceRejected, byRule: this.pieceByRule },
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
