import { EmisInputError } from "../../models/errors";
import { checkOptionKeys } from "./options";
import { asArrayLike, readKeys, readNumbers, readWeights, requireNonEmpty, requireNonNegative } from "./input";
import type { Accessor, KeyAccessor, NumericInput, RowInput } from "./input";

/** Two-group counts per unit (school), with optional unit totals. */
export interface TwoGroupCounts {
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
}

/** Options shared by the two-group segregation indices. */
export interface TwoGroupOptions<T = unknown> {
  /**
   * Unit totals (all pupils in the school) when more than two groups exist; default
   * x + y. Each total must be at least x + y.
   */
  totals?: ArrayLike<number> | Accessor<T>;
}

/**
 * Decode `(x, y, options?)` or `(rows, xAccessor, yAccessor, options?)`; check counts are
 * finite and non-negative and totals cover both groups; drop units with total 0.
 */
export function readTwoGroups<T>(fn: string, a: unknown, b: unknown, c: unknown, d: unknown): TwoGroupCounts {
  const byRows = typeof b === "function" || typeof b === "string";
  if (a === null || a === undefined || typeof a !== "object") {
    throw new EmisInputError("invalid-input", `${fn} requires counts per unit or rows`, { function: fn });
  }
  checkOptionKeys(fn, byRows ? d : c, ["totals"]);
  let x: Float64Array;
  let y: Float64Array;
  let t: Float64Array | null;
  if (byRows) {
    const data = asArrayLike(a as RowInput<T>);
    requireNonEmpty(fn, data.length, "unit");
    x = readNumbers(fn, data, b as Accessor<T>, "count");
    y = readNumbers(fn, data, c as Accessor<T>, "count");
    t = readWeights(fn, ((d ?? {}) as TwoGroupOptions<T>).totals, data, x.length);
  } else {
    const xa = asArrayLike(a as NumericInput);
    const ya = asArrayLike((b ?? []) as NumericInput);
    requireNonEmpty(fn, xa.length, "unit");
    if (xa.length !== ya.length) {
      throw new EmisInputError("length-mismatch", `${fn} requires one count of each group per unit; got ${xa.length} and ${ya.length}`, { function: fn });
    }
    x = readNumbers(fn, xa, undefined, "count");
    y = readNumbers(fn, ya, undefined, "count");
    t = readWeights<T>(fn, ((c ?? {}) as TwoGroupOptions<T>).totals, null, x.length);
  }
  requireNonNegative(fn, x, "counts");
  requireNonNegative(fn, y, "counts");
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const ti = t === null ? x[i] + y[i] : t[i];
    if (ti < x[i] + y[i] - 1e-9 * ti) {
      throw new EmisInputError("invalid-value", `${fn} requires each unit total to be at least x + y; got ${ti} < ${x[i] + y[i]} at index ${i}`, { function: fn, index: i });
    }
    if (ti > 0) keep.push(i);
  }
  return {
    x: Float64Array.from(keep, (i) => x[i]),
    y: Float64Array.from(keep, (i) => y[i]),
    t: Float64Array.from(keep, (i) => (t === null ? x[i] + y[i] : t[i])),
  };
}

/** Columns of a long (tidy) table of counts: one row per unit and group, or one per pupil. */
export interface SegregationColumns<T> {
  /** The unit pupils sit in (school). */
  unit: KeyAccessor<T>;
  /** The group (sex, language, SES quintile...). */
  group: KeyAccessor<T>;
  /** Count of the row; default 1 (each row is one pupil). */
  count?: Accessor<T>;
}

/** Contingency table read from long rows: cells[unit][group] = count. */
export interface Contingency {
  cells: Map<string, Map<string, number>>;
  total: number;
}

export function readContingency<T>(fn: string, data: RowInput<T>, columns: SegregationColumns<T>, extraKey?: KeyAccessor<T>): { table: Contingency; outer: string[] | null } {
  const rows = asArrayLike(data);
  requireNonEmpty(fn, rows.length, "row");
  if (!columns || columns.unit === undefined || columns.group === undefined) {
    throw new EmisInputError("invalid-option", `${fn} requires columns { unit, group } (and optionally count)`, { function: fn });
  }
  checkOptionKeys(fn, columns, extraKey === undefined ? ["unit", "group", "count"] : ["unit", "group", "count", "within"], "column");
  const units = readKeys(fn, rows, columns.unit, "unit");
  const groups = readKeys(fn, rows, columns.group, "group");
  const outer = extraKey === undefined ? null : readKeys(fn, rows, extraKey, "district");
  const counts = columns.count === undefined ? new Float64Array(rows.length).fill(1) : readNumbers(fn, rows, columns.count, "count");
  requireNonNegative(fn, counts, "counts");
  const cells = new Map<string, Map<string, number>>();
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const u = outer === null ? units[i] : JSON.stringify([outer[i], units[i]]);
    let row = cells.get(u);
    if (!row) cells.set(u, (row = new Map()));
    row.set(groups[i], (row.get(groups[i]) ?? 0) + counts[i]);
    total += counts[i];
  }
  return { table: { cells, total }, outer };
}

/** Mutual information M (nats) and group entropy E of a contingency table; null when empty. */
export function mutualInformation(cells: Map<string, Map<string, number>>): { M: number; E: number; total: number } | null {
  let T = 0;
  const pg = new Map<string, number>();
  const pu = new Map<string, number>();
  for (const [u, row] of cells) {
    for (const [g, n] of row) {
      T += n;
      pg.set(g, (pg.get(g) ?? 0) + n);
      pu.set(u, (pu.get(u) ?? 0) + n);
    }
  }
  if (T === 0) return null;
  let M = 0;
  for (const [u, row] of cells) {
    for (const [g, n] of row) {
      if (n === 0) continue;
      M += (n / T) * Math.log((n * T) / (pu.get(u)! * pg.get(g)!));
    }
  }
  let E = 0;
  for (const n of pg.values()) if (n > 0) E -= (n / T) * Math.log(n / T);
  return { M: Math.max(0, M), E, total: T };
}

/** Check the options of the multigroup indices (only `base`) and read the log base. */
export function readBaseOption(fn: string, options: unknown): number {
  checkOptionKeys(fn, options, ["base"]);
  return readBase(fn, (options as { base?: unknown } | undefined)?.base);
}

export function readBase(fn: string, base: unknown): number {
  const b = base ?? Math.E;
  if (typeof b !== "number" || !(b > 1) || !Number.isFinite(b)) {
    throw new EmisInputError("invalid-option", `${fn} requires a log base above 1; got ${String(b)}`, { function: fn });
  }
  return b;
}
