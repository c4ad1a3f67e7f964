import { MISSING_CODE, type CodeColumn, type Column, type ColumnTable } from "../../models/columns";
import type { DimBuilder } from "../fact-table";

/** Reads a code column as strings (null when missing or absent). */
export function stringGetter(table: ColumnTable, name: string): (i: number) => string | null {
  const col: Column | undefined = table.columns[name];
  if (!col) return () => null;
  if (col.kind === "code") {
    const { codes, dictionary } = col;
    return (i) => (codes[i] === MISSING_CODE ? null : dictionary[codes[i]]);
  }
  const { values } = col;
  return (i) => (Number.isNaN(values[i]) ? null : String(values[i]));
}

/** Reads a number column (NaN when missing or absent; numeric text in code columns is parsed). */
export function numberGetter(table: ColumnTable, name: string): (i: number) => number {
  const col: Column | undefined = table.columns[name];
  if (!col) return () => Number.NaN;
  if (col.kind === "number") {
    const { values } = col;
    return (i) => values[i];
  }
  const { codes, dictionary } = col;
  const parsed = dictionary.map((s) => (s.trim() === "" ? Number.NaN : Number(s)));
  return (i) => (codes[i] === MISSING_CODE ? Number.NaN : parsed[codes[i]]);
}

/**
 * A column as codes: a code column as it is (its dictionary not read), a number column
 * encoded with its values as text (as {@link stringGetter} reads them); null when absent.
 */
export function asCodes(table: ColumnTable, name: string): CodeColumn | null {
  const col: Column | undefined = table.columns[name];
  if (!col) return null;
  if (col.kind === "code") return col;
  const codes = new Uint32Array(table.length);
  const dictionary: string[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < table.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = MISSING_CODE;
      continue;
    }
    let c = seen.get(v);
    if (c === undefined) {
      seen.set(v, (c = dictionary.length));
      dictionary.push(String(v));
    }
    codes[i] = c;
  }
  return { kind: "code", codes, dictionary };
}

/**
 * Per source code of `col`, a code of the fact dimension `dim`, looked up once per
 * distinct value (not once per row) and in the order rows first use them, so the
 * fact's dictionary is the one row-by-row interning gives. A missing cell is `unknown`.
 */
export function codeMapper(col: CodeColumn | null, dim: DimBuilder): (i: number) => number {
  let missing = -1;
  const unknown = () => (missing < 0 ? (missing = dim.code(null)) : missing);
  if (!col) return unknown;
  const src = col.codes;
  const map: number[] = [];
  let dictionary: string[] | null = null;
  return (i) => {
    const s = src[i];
    if (s === MISSING_CODE) return unknown();
    let c = map[s];
    if (c === undefined) {
      dictionary ??= col.dictionary;
      c = map[s] = dim.code(dictionary[s]);
    }
    return c;
  };
}

/** Fill `dim` for kept rows (`rows[j]` the source row of fact row `j`) from column `name`. */
export function copyCodes(table: ColumnTable, name: string, dim: DimBuilder, rows: Int32Array): void {
  const map = codeMapper(asCodes(table, name), dim);
  const out = dim.codes;
  for (let j = 0; j < rows.length; j++) out[j] = map(rows[j]);
}

/** Source row of each kept row. */
export function keptRows(keep: Uint8Array, kept: number): Int32Array {
  const rows = new Int32Array(kept);
  let j = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) rows[j++] = i;
  return rows;
}
