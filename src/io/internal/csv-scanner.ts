import { EmisValidationError } from "../../models/errors";
import type { ReadOptions } from "../read-options";
import { decodeBytes } from "./decode";
import type { FieldSpec } from "./field-spec";
import { detectDelimiter, matchHeader, splitRecord } from "./header";
import { COL_CODE, COL_IGNORED, COL_NUMBER, TableBuilder } from "./table-builder";
import { FNV_PRIME, FNV_START } from "./byte-dictionary";

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
  private skipLF = false;
  private started = false;
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
  ) {}

  /** Feed the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.bytes < SNIFF_BYTES) this.sniff(chunk);
    this.bytes += chunk.length;
    let buf = chunk;
    if (this.carry !== null) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    this.consume(buf, false);
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

  private notCsv(what: string): never {
    throw new EmisValidationError("not-csv", `${this.fn}: ${this.file} ${what}; pass a UTF-8 CSV file`, [], { file: this.file });
  }

  private consume(buf: Uint8Array, final: boolean): void {
    let pos = 0;
    if (!this.started) {
      if (!final && buf.length < 3) {
        this.carry = buf;
        return;
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      // skip leading blank lines
      while (pos < buf.length && (buf[pos] === LF || buf[pos] === CR)) pos++;
      const end = recordEnd(buf, pos);
      if (end < 0 && !final) {
        this.carry = buf;
        return;
      }
      const stop = end < 0 ? buf.length : end;
      const line = decodeBytes(buf, pos, stop);
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
    const next = this.scan(buf, pos, final);
    if (next < buf.length) this.carry = buf.slice(next);
  }

  private setup(line: string): void {
    const opt = this.options.delimiter ?? "auto";
    this.delimiter = opt === "auto" ? detectDelimiter(line) : opt;
    this.delim = this.delimiter.charCodeAt(0);
    const headers = splitRecord(line, this.delimiter);
    const match = matchHeader(this.fn, this.file, headers, this.fields, this.options.aliases ?? {});
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
    });
  }

  /** Scan rows from `pos`; returns where the first incomplete row starts (or `buf.length`). */
  private scan(buf: Uint8Array, pos: number, final: boolean): number {
    const b = this.builder as TableBuilder;
    const n = buf.length;
    const d = this.delim;
    const kinds = b.colKind;
    const nk = kinds.length;
    const mark = this.options.decimalComma ? (d === 44 ? -1 : 44) : 46;
    let parsed = false;
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
        if (i < n && buf[i] === QUOTE) {
          const r = this.quoted(buf, i, n, final);
          if (r === -1) return rowStart;
          if (r === -2) {
            b.rejectRow("unclosed-quote", "a closing quote", decodeBytes(buf, i, Math.min(n, i + 40)),
              "a quoted field is never closed; add the closing quote or double the quotes inside it");
            return n;
          }
          i = r;
          b.cell(col, this.qsrc as Uint8Array, this.qs, this.qe);
        } else {
          const kind = col < nk ? kinds[col] : COL_IGNORED;
          if (kind === COL_CODE) {
            let h = FNV_START;
            while (i < n) {
              c = buf[i];
              if (c === d || c === LF || c === CR) break;
              h = Math.imul(h ^ c, FNV_PRIME);
              i++;
            }
            if (i >= n && !final) return rowStart;
            b.codeCell(col, buf, s, i, h);
          } else {
            if (kind === COL_NUMBER) {
              // fast path: [-]digits[.digits] read while scanning (≤ 15 digits: exact)
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
                const v = fd > 0 ? m / POW10[fd] : m;
                b.numberValue(col, neg ? -v : v, buf, s, i);
                parsed = true;
              }
            }
            if (parsed) parsed = false;
            else {
              while (i < n) {
                c = buf[i];
                if (c === d || c === LF || c === CR) break;
                i++;
              }
              if (i >= n && !final) return rowStart;
              if (kind === COL_NUMBER) b.numberCell(col, buf, s, i);
              else if (kind !== COL_IGNORED) b.cell(col, buf, s, i);
            }
          }
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
        break;
      }
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
