import { MISSING_CODE, type Column, type ColumnTable } from "../../models/columns";

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
