import { hashCell } from "./byte-dictionary";
import { SHORT_MAX } from "./short-codes";
import { COL_CODE, COL_NUMBER, type TableBuilder } from "./table-builder";

/** Scans rows from `pos`; returns where the first incomplete row starts (or `buf.length`). */
export type RowScanner = (buf: Uint8Array, pos: number, final: boolean) => number;

/** What the generated scanner calls back into. */
export interface ScanHost {
  builder: TableBuilder | null;
  skipLF: boolean;
  /** Set by the generated scanner when it returned early at a row boundary: call it again from there. */
  resume: boolean;
  /** The generic scanner, for at most `maxRows` rows (quoted cells, extra cells). */
  scanGeneric(buf: Uint8Array, pos: number, final: boolean, maxRows: number): number;
}

/** Files with more columns are read by the generic scanner (a generated function that big would not be optimised). */
const MAX_COLUMNS = 64;

type Factory = (host: ScanHost, b: TableBuilder, pow10: number[], hash: typeof hashCell) => RowScanner;

/**
 * Generated scanners by source text, so that reading many files of one shape compiles
 * (and lets the engine optimise) one function, not one per read. Bounded, oldest out.
 */
const factories = new Map<string, Factory>();
const MAX_FACTORIES = 32;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A number as JavaScript source (`NaN`, `-0`, ±`Number.MAX_VALUE` kept exact). */
function lit(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (Object.is(x, -0)) return "-0";
  return String(x);
}

/**
 * Generate a row scanner specialised to one file's columns: one block per column in
 * file order, each column's output array, dictionary and checks held in locals and
 * its constants written into the code, so a cell costs no lookups by column index
 * and no method call when its value is valid and known. Handles rows of exactly the
 * header's cells with no quotes; any other row (a quote, too many cells) is read by
 * the generic scanner, one row at a time, with the same results. Returns `null` where
 * code cannot be generated (a Content-Security-Policy without `unsafe-eval`): the
 * generic scanner then reads everything.
 */
export function compileScanner(host: ScanHost, b: TableBuilder, delim: number, mark: number): RowScanner | null {
  const nk = b.colKind.length;
  if (nk === 0 || nk > MAX_COLUMNS) return null;
  const maxStop = delim > 13 ? delim : 13;
  const stopLoop = `while (i < n) { c = buf[i]; if (c <= ${maxStop} && (c === ${delim} || c === 10 || c === 13)) break; i++; }`;
  const lineEnd = "if (c === 13) { if (i < n) { if (buf[i] === 10) i++; } else host.skipLF = true; }";
  const locals: string[] = [];
  const cols: string[] = [];
  for (let col = 0; col < nk; col++) {
    const kind = b.colKind[col];
    const k = b.colField[col];
    let body: string;
    if (kind === COL_CODE) {
      locals.push(`const o${col} = b.codesOut[${k}]; const sh${col} = b.shorts[${k}]; const dc${col} = b.dicts[${k}];`);
      const empty = b.emptyOk[k] === 1 ? `o${col}[row] = ${b.emptyCode[k]};` : `b.emptyCell(${k});`;
      // The key's digits are byte + 1 in base 257 (see ShortCodes); \`| 0\` keeps \`kb\` an
      // int32 in long values, whose key is never used (within SHORT_MAX it never wraps).
      // Two paths, short values by their exact key and long ones by hash. Merging them
      // into one path that the first row runs whole (so that the first long value or
      // the first repeat of one cannot deoptimise) was measured 25-40% slower per row
      // on repeated ids; one deopt and recompile per such event costs less.
      body = `let ka = 0; let kb = 0;
        while (i < n) {
          c = buf[i];
          if (c <= ${maxStop} && (c === ${delim} || c === 10 || c === 13)) break;
          if (i - s < 3) ka = ka * 257 + c + 1; else kb = (kb * 257 + c + 1) | 0;
          i++;
        }
        if (i >= n && !final) return rowStart;
        const len = i - s;
        if (len === 0) { ${empty} }
        else if (len <= ${SHORT_MAX}) {
          const code = sh${col}.get(ka, kb);
          if (code >= 0) o${col}[row] = code;
          else { const added = b.codeCell(${col}, buf, s, i, hashCell(buf, s, i)); if (added >= 0) sh${col}.set(ka, kb, added); }
        } else {
          const h = hashCell(buf, s, i);
          const slot = dc${col}.find(buf, s, i, h);
          const code = slot >= 0 ? dc${col}.codes[slot] : -1;
          if (code >= 0) o${col}[row] = code; else b.codeCell(${col}, buf, s, i, h, slot);
        }`;
    } else if (kind === COL_NUMBER) {
      locals.push(`const o${col} = b.valuesOut[${k}];`);
      const mode = b.fastMode[k];
      const lo = lit(b.fastLo[k]);
      const hi = lit(b.fastHi[k]);
      const check = mode === 0 ? `v >= ${lo} && v <= ${hi}` : mode === 1 ? `v >= ${lo} && v <= ${hi} && Math.floor(v) === v` : "false";
      const empty = b.emptyOk[k] === 1 ? `o${col}[row] = ${lit(b.emptyNumber[k])};` : `b.emptyCell(${k});`;
      body = `let m = 0; let nd = 0; let fd = -1; let neg = false;
        if (i < n && buf[i] === 45) { neg = true; i++; }
        while (i < n) {
          c = buf[i];
          const dg = c - 48;
          if (dg >= 0 && dg <= 9) { m = m * 10 + dg; nd++; if (fd >= 0) fd++; }
          else if (c === ${mark} && fd < 0) fd = 0;
          else break;
          i++;
        }
        if (i < n && (c === ${delim} || c === 10 || c === 13) && nd > 0 && nd <= 15 && fd !== 0) {
          let v = fd > 0 ? m / POW10[fd] : m;
          if (neg) v = -v;
          if (${check}) o${col}[row] = v; else b.numberValue(${col}, v, buf, s, i);
        } else {
          ${stopLoop}
          if (i >= n && !final) return rowStart;
          if (i === s) { ${empty} } else b.numberCell(${col}, buf, s, i);
        }`;
    } else {
      body = `${stopLoop}
        if (i >= n && !final) return rowStart;`;
    }
    cols.push(`{ const s = i;
        if (i < n && buf[i] === 34) { GENERIC }
        ${body}
        if (i >= n) { b.endRow(${col + 1}); return n; }
        c = buf[i++];
        ${col === nk - 1 ? `if (c === ${delim}) { GENERIC }` : `if (c !== ${delim}) { ${lineEnd} b.endRow(${col + 1}); row = b.pos; if (b.gen !== gen) { RESUME } continue; }`}
      }`);
  }
  // the builder's columns were replaced (grown, or a chunk cut): return at this row
  // boundary and let the host call again, which loads the new columns at the top (one
  // place that loads them, always run, so the engine never meets it unprepared)
  const resume = "host.resume = true; return i;";
  // a row the generated code does not read (quotes, extra cells): the generic scanner reads it
  const generic = "const r = host.scanGeneric(buf, rowStart, final, 1); if (r === rowStart) return rowStart; i = r; row = b.pos; if (b.gen !== gen) { RESUME } continue;";
  const source = `return function scanRows(buf, pos, final) {
      const b = builder;
      const host = scanHost;
      const n = buf.length;
      let row = b.pos;
      const gen = b.gen;
      ${locals.join("\n      ")}
      let i = pos;
      let c = 0;
      while (i < n) {
        const rowStart = i;
        c = buf[i];
        if (c === 10 || c === 13) { i++; ${lineEnd} continue; }
        b.beginRow();
        ${cols.join("\n        ")}
        ${lineEnd}
        b.endRow(${nk});
        row = b.pos;
        if (b.gen !== gen) { RESUME }
      }
      return i;
    };`.replaceAll("GENERIC", generic).replaceAll("RESUME", resume);
  try {
    let factory = factories.get(source);
    if (factory === undefined) {
      factory = new Function("scanHost", "builder", "POW10", "hashCell", source) as Factory;
      if (factories.size >= MAX_FACTORIES) factories.delete(factories.keys().next().value as string);
      factories.set(source, factory);
    }
    return factory(host, b, POW10, hashCell);
  } catch {
    return null;
  }
}
