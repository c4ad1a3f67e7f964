/**
 * Shared input handling for the equity measures: one missing-data rule, one weight
 * rule, one error vocabulary. Private to `equity/` (and `stats/` helpers reuse the
 * same rules by calling these functions).
 */
import { EmisInputError } from "../../models/errors";
import { checkOptionKeys } from "./options";

/**
 * How to read a number from a row: a function `(d, i, data)` (d3-array style) or the
 * name of a column. A `null`, `undefined` or `NaN` result is a missing value.
 */
export type Accessor<T> =
  | ((d: T, i: number, data: ArrayLike<T>) => number | null | undefined)
  | (keyof T & string);

/** How to read a category (group, unit, district) from a row: a function or a column name. */
export type KeyAccessor<T> =
  | ((d: T, i: number, data: ArrayLike<T>) => string | number | null | undefined)
  | (keyof T & string);

/** Plain numbers; `null`, `undefined` and `NaN` are missing values. */
export type NumericInput = ArrayLike<number | null | undefined> | Iterable<number | null | undefined>;

/** Rows read through an accessor. */
export type RowInput<T> = ArrayLike<T> | Iterable<T>;

/**
 * Weights option shared by the measures. Weights are **frequency weights**: a weight of
 * 3 counts the unit three times, so a weighted index equals the index on replicated
 * data. Survey (sampling) weights give the same point estimate; their sampling error
 * is not modelled here (use `bootstrapInterval` or the `sampling/` layer).
 * Zero weights are allowed (the unit contributes nothing); negative, missing or
 * non-finite weights throw `invalid-weight`; all-zero weights throw `invalid-weight`.
 */
export interface WeightOptions<T = unknown> {
  /** One weight per value (array), or an accessor / column name when rows are given. */
  weights?: ArrayLike<number> | Accessor<T>;
}

/** Materialise an iterable once, leave array-likes untouched. */
export function asArrayLike<T>(input: ArrayLike<T> | Iterable<T>): ArrayLike<T> {
  if (input == null) return input as never;
  if (typeof (input as ArrayLike<T>).length === "number") return input as ArrayLike<T>;
  return Array.from(input as Iterable<T>);
}

function describe(v: unknown): string {
  return v === undefined ? "undefined" : v === null ? "null" : String(v);
}

/** Read one value with an accessor (or the value itself when no accessor). */
export function valueAt<T>(data: ArrayLike<T>, i: number, accessor: Accessor<T> | undefined): unknown {
  const d = data[i];
  if (accessor === undefined) return d;
  if (typeof accessor === "function") return accessor(d, i, data);
  return d == null ? undefined : (d as Record<string, unknown>)[accessor];
}

/**
 * Read a numeric column. Missing values (`null`, `undefined`, `NaN`) throw
 * `missing-value` naming the index; `±Infinity` and non-numbers throw `invalid-value`.
 */
export function readNumbers<T>(
  fn: string,
  data: ArrayLike<T>,
  accessor: Accessor<T> | undefined,
  what = "value",
): Float64Array {
  const n = data.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = valueAt(data, i, accessor);
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
      throw new EmisInputError(
        "missing-value",
        `${fn} found a missing ${what} (${describe(v)}) at index ${i}; drop or impute missing values first (missing is never read as 0)`,
        { function: fn, index: i, value: v },
      );
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new EmisInputError("invalid-value", `${fn} requires finite numbers; got ${describe(v)} at index ${i}`, {
        function: fn,
        index: i,
        value: v,
      });
    }
    out[i] = v;
  }
  return out;
}

/** Throw `empty-input` when there is nothing to measure. */
export function requireNonEmpty(fn: string, n: number, what = "value"): void {
  if (n === 0) {
    throw new EmisInputError("empty-input", `${fn} requires at least one ${what}; got none`, { function: fn });
  }
}

/**
 * Throw `negative-value` on the first negative entry. The one negative-value rule of
 * `equity/`: every measure describes a non-negative quantity (spending per pupil, PTR,
 * a rate, a count; METHODS.md 3), so a negative is a data error and is never computed
 * through; only a documented option (gini `negatives: "rsv"`, concentrationIndex
 * `negatives: "allow"`) reads signed data.
 */
export function requireNonNegative(fn: string, x: ArrayLike<number>, what = "values"): void {
  for (let i = 0; i < x.length; i++) {
    if (x[i] < 0) {
      throw new EmisInputError("negative-value", `${fn} requires non-negative ${what}; got ${x[i]} at index ${i} (correct or drop it first)`, {
        function: fn,
        index: i,
        value: x[i],
      });
    }
  }
}

/**
 * Resolve a `weights` option into one non-negative weight per value, or `null` when
 * unweighted. See {@link WeightOptions} for the rule.
 */
export function readWeights<T>(
  fn: string,
  weights: ArrayLike<number> | Accessor<T> | undefined,
  data: ArrayLike<T> | null,
  n: number,
): Float64Array | null {
  if (weights === undefined || weights === null) return null;
  let w: Float64Array;
  if (typeof weights === "function" || typeof weights === "string") {
    if (data === null) {
      throw new EmisInputError(
        "invalid-option",
        `${fn} got a weights accessor but plain values; pass rows with an accessor, or an array of weights`,
        { function: fn },
      );
    }
    try {
      w = readNumbers(fn, data, weights, "weight");
    } catch (e) {
      throw new EmisInputError("invalid-weight", (e as Error).message, { function: fn });
    }
  } else {
    const arr = asArrayLike(weights);
    if (arr.length !== n) {
      throw new EmisInputError("length-mismatch", `${fn} requires one weight per value; got ${arr.length} weights for ${n} values`, {
        function: fn,
        weights: arr.length,
        values: n,
      });
    }
    w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = arr[i] as unknown;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new EmisInputError("invalid-weight", `${fn} requires finite weights; got ${describe(v)} at index ${i}`, {
          function: fn,
          index: i,
          value: v,
        });
      }
      w[i] = v;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] < 0) {
      throw new EmisInputError("invalid-weight", `${fn} requires non-negative weights; got ${w[i]} at index ${i}`, {
        function: fn,
        index: i,
        value: w[i],
      });
    }
    total += w[i];
  }
  if (!(total > 0)) {
    throw new EmisInputError("invalid-weight", `${fn} requires weights with a positive sum; all weights are 0`, { function: fn });
  }
  return w;
}

/** Values, weights (null = unweighted), the rows (null for plain values) and the options. */
export interface MeasureInput<T, O> {
  x: Float64Array;
  w: Float64Array | null;
  data: ArrayLike<T> | null;
  options: O;
}

/**
 * Decode the two calling forms every numeric measure accepts:
 * `f(values, options?)` and `f(rows, accessor, options?)`. Checks the option keys
 * against `known` ({@link checkOptionKeys}), non-empty input and the missing-value
 * rule, and reads the weights.
 */
export function readMeasureInput<T, O extends WeightOptions<T>>(
  fn: string,
  a: unknown,
  b: unknown,
  c: unknown,
  known: readonly string[],
): MeasureInput<T, O> {
  if (a === null || a === undefined || typeof a !== "object") {
    throw new EmisInputError("invalid-input", `${fn} requires an array of values or rows; got ${describe(a)}`, { function: fn });
  }
  const byAccessor = typeof b === "function" || typeof b === "string";
  checkOptionKeys(fn, byAccessor ? c : b, known);
  const options = ((byAccessor ? c : b) ?? {}) as O;
  if (byAccessor) {
    const data = asArrayLike(a as RowInput<T>);
    requireNonEmpty(fn, data.length);
    const x = readNumbers(fn, data, b as Accessor<T>);
    return { x, w: readWeights(fn, options.weights, data, x.length), data, options };
  }
  const values = asArrayLike(a as NumericInput) as ArrayLike<T>;
  requireNonEmpty(fn, values.length);
  const x = readNumbers(fn, values, undefined);
  return { x, w: readWeights<T>(fn, options.weights, null, x.length), data: null, options };
}

/** Read a category column as strings (null/undefined/NaN throw `missing-value`). */
export function readKeys<T>(fn: string, data: ArrayLike<T>, key: KeyAccessor<T>, what = "group"): string[] {
  const out: string[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const d = data[i];
    const v = typeof key === "function" ? key(d, i, data) : d == null ? undefined : (d as Record<string, unknown>)[key];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
      throw new EmisInputError("missing-value", `${fn} found a missing ${what} at index ${i}; give unknown codes their own label`, {
        function: fn,
        index: i,
      });
    }
    out[i] = String(v);
  }
  return out;
}

/** Throw `invalid-option` with a message naming the function and the fix. */
export function invalidOption(fn: string, message: string, details: Record<string, unknown> = {}): never {
  throw new EmisInputError("invalid-option", `${fn} ${message}`, { function: fn, ...details });
}
