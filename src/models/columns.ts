/**
 * Columnar storage shared by `io/` (what readers produce) and `dataset/` (facts).
 * Codes are dictionary-encoded: `codes[i]` indexes `dictionary`; a missing cell is
 * {@link MISSING_CODE}. Numbers are Float64 with `NaN` for a missing cell (never 0).
 */

/** Code stored for an empty cell in a {@link CodeColumn}. */
export const MISSING_CODE = 0xffffffff;

/**
 * A dictionary-encoded text column (ids, codes, names). Dictionary values should be
 * distinct, so that code equality is text equality (`createDataset` compares ids by
 * code; a hand-built dictionary that repeats a text has its ids compared by text).
 * Readers decode an id or free-text column's dictionary when `dictionary` is first
 * read (a getter); the array then keeps its identity and, in chunked reads, grows.
 */
export interface CodeColumn {
  kind: "code";
  codes: Uint32Array;
  dictionary: string[];
}

/** A numeric column; `NaN` marks a missing value. */
export interface NumberColumn {
  kind: "number";
  values: Float64Array;
}

/** Either column kind. */
export type Column = CodeColumn | NumberColumn;

/** A set of equally long columns. */
export interface ColumnTable {
  length: number;
  columns: Record<string, Column>;
}

/** Decode one cell of a code column (`null` when missing). */
export function codeAt(col: CodeColumn, i: number): string | null {
  const c = col.codes[i];
  return c === MISSING_CODE ? null : col.dictionary[c];
}

/** Decode one row of a table into a plain object (missing: `null`). */
export function rowAt(table: ColumnTable, i: number): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [name, col] of Object.entries(table.columns)) {
    if (col.kind === "code") out[name] = codeAt(col, i);
    else out[name] = Number.isNaN(col.values[i]) ? null : col.values[i];
  }
  return out;
}
