import { EmisInputError } from "../../models/errors";
import type { Accessor } from "../survey-design";

/** Read one value per row through a column name or an accessor `(d, i, data)`. */
export function readColumn<T>(rows: readonly T[], accessor: Accessor<T>, fn: string, role: string): unknown[] {
  const out = new Array<unknown>(rows.length);
  if (typeof accessor === "function") {
    for (let i = 0; i < rows.length; i++) out[i] = accessor(rows[i], i, rows);
    return out;
  }
  if (typeof accessor !== "string") {
    throw new EmisInputError(
      "invalid-accessor",
      `${fn} requires ${role} to be a column name or a function (d, i, data) => value`,
      { role },
    );
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown;
    out[i] = row !== null && typeof row === "object" ? (row as Record<string, unknown>)[accessor] : undefined;
  }
  return out;
}

/** True for the values read as missing everywhere in sampling/: null, undefined, NaN, "". */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/**
 * A numeric cell: numbers as they are, booleans as 1/0, numeric strings parsed.
 * Returns `NaN` for missing; throws for anything else (never reads junk as 0).
 */
export function toNumber(v: unknown, fn: string, role: string, row: number): number {
  if (isMissing(v)) return Number.NaN;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const x = Number(v.trim());
    if (v.trim() !== "" && Number.isFinite(x)) return x;
  }
  throw new EmisInputError("non-numeric-value", `${fn} requires ${role} to be numeric; row ${row} holds ${JSON.stringify(v)}`, {
    role,
    row,
    value: v,
  });
}

/** A label cell (stratum, PSU): any non-missing value, compared by its string form. */
export function toLabel(v: unknown, fn: string, role: string, row: number): string {
  if (isMissing(v)) {
    throw new EmisInputError(
      "missing-design-value",
      `${fn} requires a ${role} on every row; row ${row} has none. Fill it or drop the row before estimation`,
      { role, row },
    );
  }
  return String(v);
}
