import { MISSING_CODE, type Column, type ColumnTable } from "../../models/columns";
import { EmisValidationError, type EmisIssue } from "../../models/errors";
import type { ReadCounts } from "../read-options";
import { ByteDictionary, hashCell } from "./byte-dictionary";
import { decodeBytes, decodeUtf8OrNull, showBytes } from "./decode";
import type { FieldSpec } from "./field-spec";
import { checkText, compileNumberCheck, describeNumberRule, numberRuleCode } from "./field-rules";
import { parseNumberBytes } from "./parse-number";
import { allocate, fit, FIRST_ROWS, nextCapacity } from "./column-store";
import { ShortCodes } from "./short-codes";
import { cellMessage } from "./cell-message";

/** Marks a dictionary slot whose value failed the field's checks. */
export const INVALID = -1;
/** Marks a dictionary slot of spaces and tabs only: an empty cell. */
const BLANK = -2;

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
  /** An upper bound on the rows to come, when known (e.g. half the input bytes); sizes the first columns. */
  maxRows?: number;
}

/** An issue of the current row's cell of field `field`, reported when the row ends. */
export interface Pending {
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
  /** 1-based data rows of every row this piece rejected, in order (not capped). */
  rejectedRows: Int32Array;
}

const EMPTY_CODES = new Uint32Array(0);
const EMPTY_VALUES = new Float64Array(0);

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
 * Fills growable typed columns from cells, runs the compiled checks, keeps issues and
 * counts. Cells of a row are written at the next free row ({@link TableBuilder.pos});
 * the row is committed (kept) or dropped (rejected) at {@link TableBuilder.endRow}, so
 * a partial row can be fed again. The scanner writes valid cells straight into
 * {@link TableBuilder.codesOut} / {@link TableBuilder.valuesOut} and calls the cell
 * methods only for the rest (new values, empty or invalid cells, quoted cells).
 */
export class TableBuilder {
  readonly fields: FieldSpec[];
  /** Output dictionaries, shared by every piece (they only grow; see {@link flushDictionary}). */
  readonly dictionaries: (string[] | null)[];
  /** Kind of each source column for the scanner: COL_IGNORED, COL_CODE or COL_NUMBER. */
  readonly colKind: Uint8Array;
  /** Field index of each source column, -1 when ignored. */
  readonly colField: Int32Array;
  /** Per field: the code column being filled (its elements are replaced when it grows; the array itself stays). */
  readonly codesOut: Uint32Array[];
  /** Per field: the number column being filled (same contract as {@link codesOut}). */
  readonly valuesOut: Float64Array[];
  /** Per code field: exact short-value keys of its valid values. */
  readonly shorts: (ShortCodes | null)[];
  /** Per code field: the byte dictionary (slot codes in `dicts[k].codes`). */
  readonly dicts: (ByteDictionary | null)[];
  /** Per number field: bounds and mode of the inline check (0: range only; 1: plus integer; 2: call the full check). */
  readonly fastLo: Float64Array;
  readonly fastHi: Float64Array;
  readonly fastMode: Uint8Array;
  /** Per field: 1 when an empty cell is accepted, with the code or number stored for it. */
  readonly emptyOk: Uint8Array;
  readonly emptyCode: Uint32Array;
  readonly emptyNumber: Float64Array;
  read = 0;
  kept = 0;
  /** Row index, within the current piece, that the current row is written at. */
  pos = 0;
  /** Changes whenever {@link codesOut} or {@link valuesOut} get new arrays (a scanner holding them reloads). */
  gen = 0;
  private cap = 0;
  private readonly s: BuilderSettings;
  private readonly kinds: Uint8Array;
  private readonly nColumns: number;
  private readonly mark: number;
  private readonly slotIssue: Map<number, { code: string; rule: string; value: string }>[];
  /** Per field: slots holding a value's bytes with spaces or tabs around it (see newSlot). */
  private readonly aliases: Set<number>[];
  private readonly deferred: Uint8Array;
  private readonly decodedSlots: Int32Array;
  private readonly codeCount: Int32Array;
  private readonly numCheck: ((v: number) => number)[];
  private readonly present: Uint8Array;
  private readonly uniqueFields: number[];
  private readonly firstRow: Map<number, number>[];
  private pieceStart = 0;
  private pieceRead = 0;
  /** Per field: 1 once its dictionary array was handed out (it must then keep its identity and only grow). */
  private readonly observed: Uint8Array;
  /** True once the input ended and the last piece was cut (dictionaries then stop growing). */
  private done = false;
  private pending: Pending[] = [];
  private rejects: EmisIssue[] = [];
  private rejectsTotal: EmisIssue[] = [];
  private keptByRule = new Map<string, number>();
  private byRule: Record<string, number> = {};
  private pieceByRule: Record<string, number> = {};
  private pieceRejected = 0;
  /** Rows rejected since the last piece was cut (the first `pieceRejected` entries). */
  private rejectedRows = new Int32Array(16);
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
    this.shorts = [];
    this.slotIssue = [];
    this.aliases = [];
    this.numCheck = [];
    this.dictionaries = [];
    this.deferred = new Uint8Array(nf);
    this.decodedSlots = new Int32Array(nf);
    this.observed = new Uint8Array(nf);
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
      this.slotIssue.push(new Map());
      this.aliases.push(new Set());
      this.firstRow.push(new Map());
      this.numCheck.push(kind === KIND_NUMBER ? compileNumberCheck(f) : () => -1);
      if (kind === KIND_NUMBER) {
        this.dicts.push(null);
        this.shorts.push(null);
        this.dictionaries.push(null);
        this.emptyNumber[k] = typeof f.defaultValue === "number" ? f.defaultValue : NaN;
        this.setupFastNumber(k, f);
        return;
      }
      this.dicts.push(new ByteDictionary());
      this.shorts.push(new ShortCodes());
      this.dictionaries.push([]);
      this.deferred[k] = isDeferrable(f) ? 1 : 0;
      // seeds: booleans read as false/true; enum values in schema order; the default
      const seeds = kind === KIND_BOOLEAN ? ["false", "true"] : f.allowed ? (f.allowed as string[]) : [];
      for (const v of seeds) this.seed(k, v);
      if (kind === KIND_BOOLEAN && f.allowed) {
        // z.literal(true): the seeded "false" is a value of the column's dictionary, not
        // an accepted one (a trial's "false" cells were kept while "FALSE" was rejected)
        for (const b of [false, true]) if (!f.allowed.includes(b)) this.refuse(k, String(b), { code: "invalid-value", rule: f.rule, value: String(b) });
      }
      this.emptyCode[k] = MISSING_CODE;
      if (f.defaultValue !== undefined) {
        this.emptyCode[k] = kind === KIND_BOOLEAN ? (f.defaultValue ? 1 : 0) : this.seed(k, String(f.defaultValue));
      }
    });
    this.colKind = new Uint8Array(this.nColumns);
    settings.columnField.forEach((k, c) => {
      this.colKind[c] = k < 0 ? COL_IGNORED : this.kinds[k] === KIND_NUMBER ? COL_NUMBER : COL_CODE;
    });
    this.uniqueFields = settings.unique.map((u) => fields.findIndex((f) => f.name === u));
    this.codesOut = fields.map(() => EMPTY_CODES);
    this.valuesOut = fields.map(() => EMPTY_VALUES);
    this.startPiece();
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
    const h = hashCell(bytes, 0, bytes.length);
    const found = dict.find(bytes, 0, bytes.length, h);
    if (found >= 0) return dict.codes[found];
    const code = this.codeCount[k]++;
    const slot = dict.add(bytes, 0, bytes.length, h, code);
    (this.dictionaries[k] as string[]).push(v);
    this.decodedSlots[k] = slot + 1;
    return code;
  }

  /** Mark a seeded value of field `k` as failing its checks, with the issue its cells get. */
  private refuse(k: number, v: string, issue: { code: string; rule: string; value: string }): void {
    const bytes = new TextEncoder().encode(v);
    const dict = this.dicts[k] as ByteDictionary;
    const slot = dict.find(bytes, 0, bytes.length, hashCell(bytes, 0, bytes.length));
    dict.codes[slot] = INVALID;
    this.slotIssue[k].set(slot, issue);
  }

  /** Rows the next piece can hold at most: the chunk size and the bound on the input. */
  private pieceLimit(): number {
    const bound = this.s.maxRows ?? Infinity;
    return Math.max(1, this.s.chunkRows > 0 ? Math.min(this.s.chunkRows, bound) : bound);
  }

  /** Allocate the columns of a new piece. */
  private startPiece(): void {
    const limit = this.pieceLimit();
    this.cap = this.s.chunkRows > 0 ? limit : Math.min(FIRST_ROWS, limit);
    this.pos = 0;
    this.gen++;
    for (let k = 0; k < this.fields.length; k++) {
      if (!this.present[k]) continue;
      if (this.kinds[k] === KIND_NUMBER) this.valuesOut[k] = new Float64Array(this.cap);
      else this.codesOut[k] = new Uint32Array(this.cap);
    }
  }

  /** Grow the current piece's columns to `rows` rows (keeping the rows written). */
  private growTo(rows: number): void {
    const pos = this.pos;
    let cap = rows;
    for (let k = 0; k < this.fields.length; k++) {
      if (!this.present[k]) continue;
      if (this.kinds[k] === KIND_NUMBER) {
        const next = allocate((n) => new Float64Array(n), cap, pos + 1);
        next.set(this.valuesOut[k].subarray(0, pos));
        this.valuesOut[k] = next;
        cap = next.length;
      } else {
        const next = allocate((n) => new Uint32Array(n), cap, pos + 1);
        next.set(this.codesOut[k].subarray(0, pos));
        this.codesOut[k] = next;
        cap = next.length;
      }
    }
    // every column gets the smallest capacity any allocation succeeded with
    for (let k = 0; k < this.fields.length; k++) {
      if (!this.present[k]) continue;
      if (this.kinds[k] === KIND_NUMBER && this.valuesOut[k].length > cap) this.valuesOut[k] = this.valuesOut[k].subarray(0, cap);
      else if (this.kinds[k] !== KIND_NUMBER && this.codesOut[k].length > cap) this.codesOut[k] = this.codesOut[k].subarray(0, cap);
    }
    this.cap = cap;
    this.gen++;
  }

  /**
   * Make room for about `rows` rows in the current piece (an estimate from the input
   * size; capacity beyond the rows written is address space, not memory).
   */
  reserve(rows: number): void {
    const want = Math.min(Math.ceil(rows), this.pieceLimit());
    if (want > this.cap) this.growTo(want);
    // a code column with a new value in most rows so far (ids) gets its dictionary sized
    // for the rows to come; dictionaries are shared by pieces, so the whole input counts
    const read = this.read;
    if (read < 1000) return;
    for (let k = 0; k < this.fields.length; k++) {
      const dict = this.dicts[k];
      if (dict === null || !this.present[k] || dict.size * 2 < read) continue;
      const entries = Math.ceil((dict.size / read) * rows);
      dict.reserve(entries, Math.ceil((dict.arenaUsed / dict.size) * entries * 1.05) + 64);
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

  /** An empty cell of field `k`: its empty value, or a `required` issue. */
  emptyCell(k: number): void {
    if (this.emptyOk[k] === 1) {
      if (this.kinds[k] === KIND_NUMBER) this.valuesOut[k][this.pos] = this.emptyNumber[k];
      else this.codesOut[k][this.pos] = this.emptyCode[k];
    } else this.pending.push({ field: k, code: "required", rule: "required", value: "" });
  }

  /** Any cell: bytes `buf[s..e)` of source column `col`. */
  cell(col: number, buf: Uint8Array, s: number, e: number): void {
    if (col >= this.nColumns) return;
    const k = this.colField[col];
    if (k < 0) return;
    if (this.kinds[k] === KIND_NUMBER) this.numberCell(col, buf, s, e);
    else this.codeCell(col, buf, s, e, hashCell(buf, s, e));
  }

  /**
   * A code or boolean cell whose {@link hashCell} is `h`: looks it up (adding and
   * checking a new value), writes its code and returns it, or records the issue and
   * returns {@link INVALID} (also for an empty cell). `found` is the slot a caller's
   * own `find` returned (-1: absent), or -2 when it did not look.
   */
  codeCell(col: number, buf: Uint8Array, s: number, e: number, h: number, found = -2): number {
    const k = this.colField[col];
    if (s === e) {
      this.emptyCell(k);
      return INVALID;
    }
    const dict = this.dicts[k] as ByteDictionary;
    let slot = found === -2 ? dict.find(buf, s, e, h) : found;
    if (slot < 0) slot = this.newSlot(k, dict, buf, s, e, h);
    const c = dict.codes[slot];
    if (c >= 0) this.codesOut[k][this.pos] = c;
    else if (c === BLANK) {
      this.emptyCell(k);
      return INVALID;
    } else {
      const iss = this.slotIssue[k].get(slot) as { code: string; rule: string; value: string };
      this.pending.push({ field: k, code: iss.code, rule: iss.rule, value: iss.value });
    }
    return c;
  }

  /** A number cell. */
  numberCell(col: number, buf: Uint8Array, s: number, e: number): void {
    const k = this.colField[col];
    // spaces and tabs only: an empty cell, as for codes (see newSlot)
    let t = s;
    while (t < e && (buf[t] === 32 || buf[t] === 9)) t++;
    if (t === e) {
      this.emptyCell(k);
      return;
    }
    this.numberValue(col, parseNumberBytes(buf, s, e, this.mark), buf, s, e);
  }

  /** A number cell already parsed (`buf[s..e)` is its text, for issues). */
  numberValue(col: number, v: number, buf: Uint8Array, s: number, e: number): void {
    const k = this.colField[col];
    const mode = this.fastMode[k];
    if (mode < 2 && v >= this.fastLo[k] && v <= this.fastHi[k] && (mode === 0 || Math.floor(v) === v)) {
      this.valuesOut[k][this.pos] = v;
      return;
    }
    const r = this.numCheck[k](v);
    if (r === -1) this.valuesOut[k][this.pos] = v;
    else this.numberIssue(k, r, buf, s, e);
  }

  /**
   * The text of a cell of field `k` for the dictionary or an issue.
   * @throws EmisValidationError `not-utf8` when the bytes are not valid UTF-8
   */
  private text(k: number, buf: Uint8Array, s: number, e: number): string {
    const t = decodeUtf8OrNull(buf, s, e);
    if (t !== null) return t;
    const row = this.read + 1;
    const column = this.fields[k].name;
    const shown = showBytes(buf, s, e);
    const message = `${this.s.fn}: ${this.s.file} is not UTF-8 text (row ${row}, column ${column}: "${shown}" has bytes that are not valid UTF-8, as in Latin-1 or Windows-1252 files); re-save the file as UTF-8 (e.g. "CSV UTF-8" in Excel) and read it again`;
    throw new EmisValidationError(
      "not-utf8",
      message,
      [{ code: "not-utf8", file: this.s.file, row, column, rule: "UTF-8 text", value: shown, message }],
      { file: this.s.file, row, column },
    );
  }

  private newSlot(k: number, dict: ByteDictionary, buf: Uint8Array, s: number, e: number, h: number): number {
    // Codes lose surrounding spaces and tabs: "P1 " is the pupil "P1" (a user trial's
    // export made two pupils of one), " male" is "male". The cell's own bytes get a slot
    // of their own with the trimmed value's code (an alias, left out of the dictionary),
    // so the next such cell is found at once; only new values come here.
    let ts = s;
    let te = e;
    while (ts < te && (buf[ts] === 32 || buf[ts] === 9)) ts++;
    while (te > ts && (buf[te - 1] === 32 || buf[te - 1] === 9)) te--;
    if (ts !== s || te !== e) {
      let code = BLANK;
      let inner = -1;
      if (te > ts) {
        const th = hashCell(buf, ts, te);
        inner = dict.find(buf, ts, te, th);
        if (inner < 0) inner = this.newSlot(k, dict, buf, ts, te, th);
        code = dict.codes[inner];
      }
      const slot = dict.size;
      if (code === INVALID) this.slotIssue[k].set(slot, this.slotIssue[k].get(inner)!);
      this.aliases[k].add(slot);
      dict.add(buf, s, e, h, code);
      if (this.deferred[k] === 0) this.decodedSlots[k] = slot + 1;
      return slot;
    }
    const slot = dict.size;
    const f = this.fields[k];
    let code = INVALID;
    if (this.kinds[k] === KIND_BOOLEAN) {
      const b = boolCode(buf, s, e);
      if (b < 0) this.slotIssue[k].set(slot, { code: "invalid-type", rule: "true/false, yes/no or 1/0", value: this.text(k, buf, s, e) });
      else if (f.allowed && !f.allowed.includes(b === 1)) this.slotIssue[k].set(slot, { code: "invalid-value", rule: f.rule, value: this.text(k, buf, s, e) });
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
      } else bad = checkText(f, this.text(k, buf, s, e));
      if (bad) this.slotIssue[k].set(slot, { ...bad, value: decodeBytes(buf, s, e) });
      else code = this.codeCount[k]++;
    } else {
      const text = this.text(k, buf, s, e);
      const bad = checkText(f, text);
      if (bad) this.slotIssue[k].set(slot, { ...bad, value: text });
      else {
        code = this.codeCount[k]++;
        (this.dictionaries[k] as string[]).push(text);
      }
    }
    dict.add(buf, s, e, h, code);
    if (this.deferred[k] === 0) this.decodedSlots[k] = slot + 1;
    return slot;
  }

  /** Decode the values a deferred field added since the last flush into its dictionary. */
  private flushDictionary(k: number): void {
    if (this.deferred[k] === 0) return;
    const dict = this.dicts[k];
    if (dict === null) return;
    const from = this.decodedSlots[k];
    if (from >= dict.size) return;
    const texts = dict.decodeRange(from, dict.size);
    const out = this.dictionaries[k] as string[];
    const codes = dict.codes;
    const aliases = this.aliases[k];
    // a value of the dictionary: checked, and not an alias of another (see newSlot)
    const own = (slot: number) => codes[slot] >= 0 && (aliases.size === 0 || !aliases.has(slot));
    let valid = 0;
    while (valid < texts.length && own(from + valid)) valid++;
    if (out.length === 0 && valid === texts.length && this.observed[k] === 0) {
      // nobody holds the (empty) dictionary yet: take the decoded array as it is
      // (pushing 1M ids one by one into a new array took ~80 ms, GC included)
      this.dictionaries[k] = texts;
    } else {
      for (let i = 0; i < texts.length; i++) if (own(from + i)) out.push(texts[i]);
    }
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
    const value = this.text(k, buf, s, e);
    this.pending.push({ field: k, code, rule, value: this.wantValue(code) ? value : undefined });
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
    if (r === -1) this.valuesOut[k][this.pos] = v;
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
    this.rejected(row);
  }

  /** Count row `row` as rejected (kept in {@link rejectedRows}). */
  private rejected(row: number): void {
    if (this.pieceRejected === this.rejectedRows.length) {
      const next = new Int32Array(this.rejectedRows.length * 2);
      next.set(this.rejectedRows);
      this.rejectedRows = next;
    }
    this.rejectedRows[this.pieceRejected++] = row;
  }

  /** Commit the current row: kept when it has no issue and `nCells` matches the header. */
  endRow(nCells: number): void {
    if (nCells === this.nColumns && this.pending.length === 0 && this.uniqueFields.length === 0) {
      this.read++;
      this.kept++;
      if (++this.pos === this.cap) this.full();
      return;
    }
    this.endRowChecked(nCells);
  }

  private endRowChecked(nCells: number): void {
    const row = ++this.read;
    if (nCells !== this.nColumns) {
      this.pending.length = 0;
      this.report(row, -1, "field-count", `${this.nColumns} fields`, nCells,
        `row has ${nCells} fields but the header has ${this.nColumns}; check the quoting and the delimiter`);
      this.rejected(row);
      return;
    }
    if (this.pending.length === 0 && this.uniqueFields.length) this.checkUnique(row);
    if (this.pending.length) {
      for (const p of this.pending) {
        // the message of an issue past the cap is never kept: not built
        const message = this.wantValue(p.code) ? cellMessage(this.fields[p.field], p, this.s.decimalComma) : "";
        this.report(row, p.field, p.code, p.rule, p.value, message);
      }
      this.pending.length = 0;
      this.rejected(row);
      return;
    }
    this.kept++;
    if (++this.pos === this.cap) this.full();
  }

  /** The current piece is full: cut it (chunked reads) or grow it. */
  private full(): void {
    if (this.s.chunkRows > 0 && this.pos >= this.s.chunkRows) {
      this.pieces.push(this.takePiece());
      this.startPiece();
    } else {
      const want = Math.min(nextCapacity(this.cap), this.pieceLimit());
      this.growTo(want > this.cap ? want : nextCapacity(this.cap));
    }
  }

  private uniqueKey(k: number): number {
    if (!this.present[k]) return this.kinds[k] === KIND_NUMBER ? this.emptyNumber[k] : this.emptyCode[k];
    return this.kinds[k] === KIND_NUMBER ? this.valuesOut[k][this.pos] : this.codesOut[k][this.pos];
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

  /**
   * Cut the rows kept since the previous piece into a table. The columns are views of
   * the filled ones (no copy) unless small; the builder then starts new columns only
   * when more rows come (see {@link full}), so a last piece allocates nothing more.
   */
  takePiece(): BuiltPiece {
    const n = this.pos;
    const columns: Record<string, Column> = {};
    this.fields.forEach((f, k) => {
      const absent = !this.present[k];
      if (this.kinds[k] === KIND_NUMBER) {
        const values = absent ? new Float64Array(n).fill(this.emptyNumber[k]) : fit(this.valuesOut[k], n);
        columns[f.name] = { kind: "number", values };
        this.valuesOut[k] = EMPTY_VALUES;
      } else {
        const codes = absent ? new Uint32Array(n).fill(this.emptyCode[k]) : fit(this.codesOut[k], n);
        if (this.deferred[k] === 1) {
          // Ids and free text are decoded when the dictionary is first read, not here: a
          // dataset reads ids by code (duplicates, joins) and never needs 10M id strings
          // (at 10M unique ids, decoding them cost ~1.4 s, GC included, and ~300 MB).
          const texts = () => this.dictionaryOf(k);
          // writable like any CodeColumn's: an array assigned replaces the decoded one
          let assigned: string[] | null = null;
          columns[f.name] = {
            kind: "code",
            codes,
            get dictionary() {
              return assigned ?? texts();
            },
            set dictionary(v: string[]) {
              assigned = v;
            },
          };
        } else columns[f.name] = { kind: "code", codes, dictionary: this.dictionaries[k] as string[] };
        this.codesOut[k] = EMPTY_CODES;
      }
    });
    const piece: BuiltPiece = {
      table: { length: n, columns },
      rejects: this.rejects,
      counts: { read: this.read - this.pieceRead, kept: n, rejected: this.pieceRejected, byRule: this.pieceByRule },
      rowOffset: this.pieceRead,
      rejectedRows: this.rejectedRows.slice(0, this.pieceRejected),
    };
    this.pieceStart = this.kept;
    this.pieceRead = this.read;
    this.rejects = [];
    this.pieceByRule = {};
    this.pieceRejected = 0;
    this.pos = 0;
    this.cap = 0;
    this.gen++;
    return piece;
  }

  /**
   * A deferred field's dictionary, decoded up to the values read so far; from now on the
   * array keeps its identity (later values are pushed onto it). After the input ended,
   * the byte dictionary is let go once everything is decoded.
   */
  private dictionaryOf(k: number): string[] {
    this.flushDictionary(k);
    this.observed[k] = 1;
    if (this.done) this.dicts[k] = null;
    return this.dictionaries[k] as string[];
  }

  /**
   * The input ended and its last piece was cut: let go of what only reading needed. A
   * deferred dictionary not yet decoded keeps its bytes (for {@link dictionaryOf}) but
   * not its hash table (at 10M ids, 128 MB).
   */
  finishInput(): void {
    this.done = true;
    for (let k = 0; k < this.fields.length; k++) {
      const dict = this.dicts[k];
      if (dict === null) continue;
      if (this.deferred[k] === 1 && this.decodedSlots[k] < dict.size) dict.dropIndex();
      else this.dicts[k] = null;
      this.firstRow[k].clear();
      this.slotIssue[k].clear();
    }
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
