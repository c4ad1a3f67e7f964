import { atkinsonCore } from "./internal/core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link atkinson}. */
export interface AtkinsonOptions<T = unknown> extends WeightOptions<T> {
  /** Inequality aversion epsilon >= 0; default 0.5 (as ineq `Atkinson`). */
  epsilon?: number;
}

/**
 * Atkinson index A(epsilon): the share of the mean that could be given up, with the rest
 * shared equally, for the same social welfare; higher epsilon cares more about the
 * bottom. 0 = all equal.
 *
 * Formula: A = 1 - EDE/mu, with EDE = (sum (w_i/W) x_i^(1-e))^(1/(1-e)) for e != 1 and
 * EDE = exp(sum (w_i/W) ln x_i) for e = 1 (the geometric mean). e = 0 gives 0.
 * Source: Atkinson (1970) J Econ Theory 2:244; METHODS.md 3.3; R ineq `Atkinson`,
 * PySAL `inequality.atkinson`.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative values
 * throw `negative-value`; zeros kept, but any zero with e >= 1 gives `null`; one value
 * gives 0; mean 0 gives `null`; epsilon < 0 throws `invalid-option`.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link AtkinsonOptions}
 * @returns A(epsilon), or `null` when undefined
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * atkinson([10, 20, 30, 40, 50], { epsilon: 1 }); // 0.1316096 (PySAL test)
 */
export function atkinson(values: NumericInput, options?: AtkinsonOptions): number | null;
export function atkinson<T>(data: RowInput<T>, accessor: Accessor<T>, options?: AtkinsonOptions<T>): number | null;
export function atkinson<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const fn = "atkinson";
  const { x, w, options } = readMeasureInput<T, AtkinsonOptions<T>>(fn, a, b, c, ["weights", "epsilon"]);
  const epsilon = options.epsilon ?? 0.5;
  if (typeof epsilon !== "number" || !(epsilon >= 0) || !Number.isFinite(epsilon)) {
    invalidOption(fn, `requires a finite epsilon >= 0; got ${String(epsilon)}`);
  }
  requireNonNegative(fn, x);
  return atkinsonCore(x, w, epsilon);
}
