import { EmisInputError } from "../../models/errors";
import type { ResultRow } from "../../models/result";

/** Fixed fields of a ResultRow; every other key is a dimension column. */
export const FIXED_FIELDS = new Set([
  "indicator",
  "level",
  "numerator",
  "denominator",
  "value",
  "n",
  "nExcluded",
  "ciLow",
  "ciHigh",
  "suppressed",
  "flags",
]);

export function dimensionColumns(row: ResultRow): string[] {
  return Object.keys(row).filter((k) => !FIXED_FIELDS.has(k));
}

export function requireTable(fn: string, table: unknown): ResultRow[] {
  if (!Array.isArray(table)) {
    throw new EmisInputError("invalid-input", `${fn} requires a ResultTable (an array of result rows)`, { function: fn });
  }
  return table as ResultRow[];
}

/** Group rows by a key built from the given columns, keeping first-seen order. */
export function groupRows(rows: ResultRow[], key: (r: ResultRow) => unknown[]): Array<{ key: unknown[]; rows: ResultRow[] }> {
  const out = new Map<string, { key: unknown[]; rows: ResultRow[] }>();
  for (const r of rows) {
    const k = key(r);
    const s = JSON.stringify(k);
    let g = out.get(s);
    if (!g) out.set(s, (g = { key: k, rows: [] }));
    g.rows.push(r);
  }
  return [...out.values()];
}
