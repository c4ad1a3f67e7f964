import { EmisValidationError } from "../../models/errors";
import type { ReadOptions } from "../read-options";
import { decodeBytes, decodeUtf8OrNull, showBytes } from "./decode";
import type { FieldSpec } from "./field-spec";
import { detectDelimiter, looksLikeJson, matchHeader, splitRecord, type HeaderMatch } from "./header";
import { COL_CODE, COL_IGNORED, COL_NUMBER, TableBuilder } from "./table-builder";
import { hashCell, type ByteDictionary } from "./byte-dictionary";
import { SHORT_MAX, type ShortCodes } from "./short-codes";
import { compileScanner, type RowScanner } from "./scan-codegen";

const QUOTE = 34;
const LF = 10;
const CR = 13;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Bytes at the start of the input checked for NUL bytes (binary files). */
const SNIFF_BYTES = 1 << 16;

/**
 * The streaming byte tokenizer: `push` Uint8Array chunks, then `finish`. Handles the
 * UTF-8 BOM, CRLF/LF/CR line ends, RFC 4180 quotes (delimiters, doubled quotes and
 * line breaks inside quotes) and blank lines (skipped). A row cut by a chunk boundary
 * is carried over and scanned again with the next chunk.
 */
export class CsvScanner {
  builder: TableBuilder | null = null;
  delimiter = "";
  ignoredColumns: string[] = [];
  bytes = 0;
  private carry: Uint8Array | null = null;
  private delim = 44;
  /** A CR ended the last buffer: skip an LF at the start of the next. */
  skipLF = false;
  /** Set by the generated scanner when it stopped at a row boundary to be called again. */
  resume = false;
  /** The row scanner generated for this file's columns (`null`: use the generic one). */
  private compiled: RowScanner | null = null;
  private started = false;
  private reserved = false;
  private qbuf: Uint8Array = new Uint8Array(256);
  private qs = 0;
  private qe = 0;
  private qsrc: Uint8Array | null = null;

  constructor(
    private readonly fn: string,
    private readonly file: string,
    private readonly fields: FieldSpec[],
    private readonly options: ReadOptions,
    private readonly chunkRows: number,
    private readonly totalBytes = 0,
  ) {}

  /** Feed the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.bytes < SNIFF_BYTES) this.sniff(chunk);
    this.bytes += chunk.length;
    let buf = chunk;
    if (this.carry !== null && this.started) {
      // finish the row cut by the chunk boundary in a small buffer (the carried bytes and
      // the chunk up to its first line break), so the chunk itself is never copied
      const lf = chunk.indexOf(LF);
      if (lf >= 0 && lf + 1 < chunk.length) {
        const carry = this.carry;
        this.carry = null;
        this.consume(join(carry, chunk.subarray(0, lf + 1)), false);
        buf = chunk.subarray(lf + 1);
      }
    }
    if (this.carry !== null) {
      buf = join(this.carry, buf);
      this.carry = null;
    }
    this.consume(buf, false);
    const b = this.builder;
    if (this.totalBytes > 0 && !this.reserved && b !== null && b.read >= 1000) {
      // size the columns once from the input size and the bytes per row so far
      this.reserved = true;
      b.reserve(((this.totalBytes / this.bytes) * b.read) * 1.1 + 1024);
    }
  }

  /** Signal the end of input; scans what is left. */
  finish(): void {
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = null;
    this.consume(buf, true);
  }

  /** Binary check on the first {@link SNIFF_BYTES}: a UTF-16 byte-order mark or a NUL byte. */
  private sniff(chunk: Uint8Array): void {
    if (this.bytes === 0 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      this.notCsv("is UTF-16 encoded; save it as UTF-8 CSV");
    }
    const head = chunk.subarray(0, SNIFF_BYTES - this.bytes);
    if (head.indexOf(0) !== -1) this.notCsv("contains NUL bytes (a binary file?)");
  }

  /** The input is JSON (its header neither matches the schema nor reads as CSV). */
  private jsonError(line: string): never {
    const first = line.trimStart()[0];
    this.notCsv(`starts with "${first}": this looks like JSON, not CSV; use readJson for a JSON array of records (or save the data as CSV)`, "");
  }

  /** The header line is not valid UTF-8. */
  private notUtf8Header(buf: Uint8Array, s: number, e: number): never {
    const shown = showBytes(buf, s, e);
    const message = `${this.fn}: ${this.file} is not UTF-8 text (header line: "${shown}" has bytes that are not valid UTF-8, as in Latin-1 or Windows-1252 files); re-save the file as UTF-8 (e.g. "CSV UTF-8" in Excel) and read it again`;
    throw new EmisValidationError("not-utf8", message, [{ code: "not-utf8", file: this.file, row: 0, rule: "UTF-8 text", value: shown, message }], { file: this.file, row: 0 });
  }

  private notCsv(what: string, fix = "; pass a UTF-8 CSV file"): never {
    throw new EmisValidationError("not-csv", `${this.fn}: ${this.file} ${what}${fix}`, [], { file: this.file });
  }

  private consume(buf: Uint8Array, final: boolean): void {
    let pos = 0;
    if (!this.started) {
      // carried bytes are copies: a reader may refill the chunk once push returns
      if (!final && buf.length < 3) {
        this.carry = buf.slice();
        return;
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      // skip leading blank lines
      while (pos < buf.length && (buf[pos] === LF || buf[pos] === CR)) pos++;
      const end = recordEnd(buf, pos);
      if (end < 0 && !final) {
        this.carry = buf.slice();
        return;
      }
      const stop = end < 0 ? buf.length : end;
      const line = decodeUtf8OrNull(buf, pos, stop);
      if (line === null) this.notUtf8Header(buf, pos, stop);
      if (line.trim() === "") {
        throw new EmisValidationError("empty-file", `${this.fn}: ${this.file} is empty; it needs a header line and data rows`, [], { file: this.file });
      }
      this.started = true;
      this.setup(line);
      pos = stop;
      if (pos < buf.length) {
        if (buf[pos] === CR) {
          pos++;
          if (pos < buf.length) {
            if (buf[pos] === LF) pos++;
          } else this.skipLF = true;
        } else pos++;
      }
    }
    if (this.skipLF && pos < buf.length) {
      if (buf[pos] === LF) pos++;
      this.skipLF = false;
    }
    let next: number;
    if (this.compiled === null) next = this.scanGeneric(buf, pos, final, Infinity);
    else {
      // the generated scanner sees the buffer up to its last line break only, so it
      // never meets the end of input inside a row: those paths stay cold, and taken
      // at a random cell of each chunk they cost the optimised code a deopt each
      const view = final ? buf : buf.subarray(0, lastBreak(buf, pos));
      next = this.compiled(view, pos, final);
      while (this.resume) {
        this.resume = false;
        next = this.compiled(view, next, final);
      }
    }
    if (next < buf.length) this.carry = buf.slice(next);
  }

  private setup(line: string): void {
    const opt = this.options.delimiter ?? "auto";
    this.delimiter = opt === "auto" ? detectDelimiter(line) : opt;
    this.delim = this.delimiter.charCodeAt(0);
    const headers = splitRecord(line, this.delimiter);
    const json = looksLikeJson(line);
    let match: HeaderMatch;
    try {
      match = matchHeader(this.fn, this.file, headers, this.fields, this.options.aliases ?? {});
    } catch (e) {
      if (json) this.jsonError(line);
      throw e;
    }
    if (json && match.columnField.every((k) => k < 0)) this.jsonError(line);
    this.ignoredColumns = match.ignoredColumns;
    this.builder = new TableBuilder({
      fn: this.fn,
      file: this.file,
      fields: this.fields,
      columnField: match.columnField,
      decimalComma: this.options.decimalComma ?? false,
      unique: this.options.unique ?? [],
      maxIssuesPerRule: this.options.maxIssuesPerRule ?? 1000,
      chunkRows: this.chunkRows,
      maxRows: this.totalBytes > 0 ? Math.floor(this.totalBytes / 2) + 2 : undefined,
    });
    const mark = this.options.decimalComma ? (this.delim === 44 ? -1 : 44) : 46;
    this.compiled = compileScanner(this, this.builder, this.delim, mark);
  }

  /**
   * Scan rows from `pos` (at most `maxRows`); returns where the first incomplete row
   * starts (or where it stopped, or `buf.length`). The generic scanner, for rows the
   * generated one ({@link compileScanner}) hands over, and for every row when code
   * cannot be generated. The hot loop: one pass per cell to its end, then per column kind: short codes by
   * their exact key ({@link ShortCodes}), longer codes by hash in the byte dictionary,
   * plain decimals parsed and range-checked inline; valid values are written straight
   * into the builder's columns. Everything else (quotes, empty or invalid cells, new
   * values) goes through the builder's cell methods.
   */
  scanGeneric(buf: Uint8Array, pos: number, final: boolean, maxRows: number): number {
    const b = this.builder as TableBuilder;
    const n = buf.length;
    const d = this.delim;
    const kinds = b.colKind;
    const fieldOf = b.colField;
    const nk = kinds.length;
    const codesOut = b.codesOut;
    const valuesOut = b.valuesOut;
    const shorts = b.shorts;
    const dicts = b.dicts;
    const fastLo = b.fastLo;
    const fastHi = b.fastHi;
    const fastMode = b.fastMode;
    const emptyOk = b.emptyOk;
    const emptyCode = b.emptyCode;
    const emptyNumber = b.emptyNumber;
    const mark = this.options.decimalComma ? (d === 44 ? -1 : 44) : 46;
    // bytes above maxStop can never end a cell: one comparison for most bytes
    const maxStop = d > CR ? d : CR;
    let row = b.pos;
    let i = pos;
    while (i < n) {
      const rowStart = i;
      let c = buf[i];
      if (c === LF || c === CR) {
        i++;
        if (c === CR) {
          if (i < n) {
            if (buf[i] === LF) i++;
          } else this.skipLF = true;
        }
        continue;
      }
      b.beginRow();
      let col = 0;
      for (;;) {
        const s = i;
        const kind = col < nk ? kinds[col] : COL_IGNORED;
        if (i < n && buf[i] === QUOTE) {
          const r = this.quoted(buf, i, n, final);
          if (r === -1) return rowStart;
          if (r === -2) {
            b.rejectRow("unclosed-quote", "a closing quote", decodeBytes(buf, i, Math.min(n, i + 40)),
              "a quoted field is never closed; add the closing quote or double the quotes inside it");
            return n;
          }
          i = r;
          if (kind !== COL_IGNORED) b.cell(col, this.qsrc as Uint8Array, this.qs, this.qe);
        } else if (kind === COL_CODE) {
          while (i < n) {
            c = buf[i];
            if (c <= maxStop && (c === d || c === LF || c === CR)) break;
            i++;
          }
          if (i >= n && !final) return rowStart;
          const k = fieldOf[col];
          const len = i - s;
          if (len === 0) {
            if (emptyOk[k] === 1) codesOut[k][row] = emptyCode[k];
            else b.emptyCell(k);
          } else if (len <= SHORT_MAX) {
            // key: first three bytes, then the rest (see ShortCodes)
            const mid = len > 3 ? s + 3 : i;
            let ka = 0;
            let kb = 0;
            for (let j = s; j < mid; j++) ka = ka * 257 + buf[j] + 1;
            for (let j = mid; j < i; j++) kb = kb * 257 + buf[j] + 1;
            const short = shorts[k] as ShortCodes;
            const code = short.get(ka, kb);
            if (code >= 0) codesOut[k][row] = code;
            else {
              const added = b.codeCell(col, buf, s, i, hashCell(buf, s, i));
              if (added >= 0) short.set(ka, kb, added);
            }
          } else {
            const h = hashCell(buf, s, i);
            const dict = dicts[k] as ByteDictionary;
            const slot = dict.find(buf, s, i, h);
            const code = slot >= 0 ? dict.codes[slot] : -1;
            if (code >= 0) codesOut[k][row] = code;
            else b.codeCell(col, buf, s, i, h, slot);
          }
        } else if (kind === COL_NUMBER) {
          const k = fieldOf[col];
          // fast path: [-]digits[.digits] (≤ 15 digits: exact, as Number() reads it)
          let m = 0;
          let nd = 0;
          let fd = -1;
          let neg = false;
          if (i < n && buf[i] === 45) {
            neg = true;
            i++;
          }
          while (i < n) {
            c = buf[i];
            const dg = c - 48;
            if (dg >= 0 && dg <= 9) {
              m = m * 10 + dg;
              nd++;
              if (fd >= 0) fd++;
            } else if (c === mark && fd < 0) fd = 0;
            else break;
            i++;
          }
          if (i < n && (c === d || c === LF || c === CR) && nd > 0 && nd <= 15 && fd !== 0) {
            let v = fd > 0 ? m / POW10[fd] : m;
            if (neg) v = -v;
            const mode = fastMode[k];
            if (mode < 2 && v >= fastLo[k] && v <= fastHi[k] && (mode === 0 || Math.floor(v) === v)) valuesOut[k][row] = v;
            else b.numberValue(col, v, buf, s, i);
          } else {
            while (i < n) {
              c = buf[i];
              if (c <= maxStop && (c === d || c === LF || c === CR)) break;
              i++;
            }
            if (i >= n && !final) return rowStart;
            if (i === s) {
              if (emptyOk[k] === 1) valuesOut[k][row] = emptyNumber[k];
              else b.emptyCell(k);
            } else b.numberCell(col, buf, s, i);
          }
        } else {
          while (i < n) {
            c = buf[i];
            if (c <= maxStop && (c === d || c === LF || c === CR)) break;
            i++;
          }
          if (i >= n && !final) return rowStart;
        }
        col++;
        if (i >= n) {
          b.endRow(col);
          return n;
        }
        c = buf[i++];
        if (c === d) continue;
        if (c === CR) {
          if (i < n) {
            if (buf[i] === LF) i++;
          } else this.skipLF = true;
        }
        b.endRow(col);
        row = b.pos;
        break;
      }
      if (--maxRows === 0) return i;
    }
    return i;
  }

  /**
   * Read a quoted cell starting at `buf[i]` (a quote). Sets `qsrc[qs..qe)` to its
   * unescaped content and returns the index of the byte after it (delimiter, line
   * break or end); -1 when the input ends before the cell does (more may come);
   * -2 for an unclosed quote at the end of input (the row is rejected).
   */
  private quoted(buf: Uint8Array, i: number, n: number, final: boolean): number {
    const d = this.delim;
    const s = i + 1;
    let j = s;
    let escapes = false;
    for (;;) {
      while (j < n && buf[j] !== QUOTE) j++;
      if (j >= n) {
        return final ? -2 : -1;
      }
      if (j + 1 < n && buf[j + 1] === QUOTE) {
        escapes = true;
        j += 2;
        continue;
      }
      if (j + 1 >= n && !final) return -1;
      break;
    }
    const close = j;
    let k = close + 1;
    while (k < n && buf[k] !== d && buf[k] !== LF && buf[k] !== CR) k++;
    if (k >= n && !final) return -1;
    if (!escapes && k === close + 1) {
      this.qsrc = buf;
      this.qs = s;
      this.qe = close;
      return k;
    }
    // unescape doubled quotes; text after the closing quote is kept as is (lenient)
    const need = close - s + (k - close - 1);
    if (this.qbuf.length < need) this.qbuf = new Uint8Array(need * 2);
    const q = this.qbuf;
    let o = 0;
    for (let x = s; x < close; x++) {
      q[o++] = buf[x];
      if (buf[x] === QUOTE) x++;
    }
    for (let x = close + 1; x < k; x++) q[o++] = buf[x];
    this.qsrc = q;
    this.qs = 0;
    this.qe = o;
    return k;
  }
}

/** `a` then `b` in a new array. */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Index after the last line break (CR or LF) in `buf` at or after `pos`, or `pos` when there is none. */
function lastBreak(buf: Uint8Array, pos: number): number {
  for (let i = buf.length - 1; i >= pos; i--) if (buf[i] === LF || buf[i] === CR) return i + 1;
  return pos;
}

/** Index of the line break ending the record that starts at `pos` (quotes respected), or -1. */
function recordEnd(buf: Uint8Array, pos: number): number {
  let inQuotes = false;
  for (let i = pos; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}
