import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { geCore, normalise, totalWeight, weightedMean } from "./internal/core";
import { asArrayLike, invalidOption, readKeys, readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, KeyAccessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Option keys {@link theilDecomposition} accepts. */
const KNOWN = ["weights", "alpha"];

/** Options for {@link theilDecomposition}. */
export interface TheilDecompositionOptions<T = unknown> extends WeightOptions<T> {
  /** GE parameter: 1 = Theil T (default), 0 = MLD, any finite alpha. */
  alpha?: number;
}

/** One group's part of a {@link TheilDecompositionResult}. */
export interface TheilDecompositionGroup {
  group: string;
  /** Units in the group. */
  n: number;
  /** Sum of the group's weights (units when unweighted). */
  weight: number;
  mean: number;
  /** v_g = W_g / W. */
  populationShare: number;
  /** s_g = v_g mu_g / mu. */
  valueShare: number;
  /** GE(alpha) inside the group; `null` when undefined there. */
  index: number | null;
  /** This group's term of the within part: v_g^(1-alpha) s_g^alpha GE_g. */
  contribution: number | null;
}

/** Total, between-group and within-group inequality; between + within = total. */
export interface TheilDecompositionResult {
  alpha: number;
  total: number | null;
  between: number | null;
  within: number | null;
  /** between / total ("between-group contribution"); `null` when total is 0 or null. */
  betweenShare: number | null;
  groups: TheilDecompositionGroup[];
  /** `undefined-measure` when the index is undefined (zeros with alpha <= 0); `zero-mean`. */
  flags: Flag[];
}

/**
 * Between/within decomposition of a generalised entropy index (Theil T by default):
 * how much of the inequality across schools lies between districts (or locations,
 * school types) and how much within them.
 *
 * Formula (Shorrocks 1980): with v_g = W_g/W and s_g = v_g mu_g/mu,
 * within = sum_g v_g^(1-a) s_g^a GE_g(a) (Theil T: sum s_g T_g; MLD: sum v_g L_g) and
 * between = GE(a) of the distribution where every unit has its group mean. The parts
 * add to the total exactly. Source: METHODS.md 3.2; PySAL `TheilD`; Stata `ineqdeco`.
 *
 * Rules: as {@link generalizedEntropy}; groups are read as strings and a missing group
 * throws `missing-value` (give unknown codes their own label); when the index is
 * undefined all parts are `null` with `undefined-measure` (or `zero-mean`).
 *
 * @param values values, with `groups` one label per value; or rows with a value accessor and a group accessor
 * @param options {@link TheilDecompositionOptions}
 * @returns {@link TheilDecompositionResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`, `invalid-weight`, `invalid-option`
 * @example
 * theilDecomposition([1, 1, 3, 3], ["a", "a", "b", "b"]);
 * // { total: 0.1308, between: 0.1308, within: 0, betweenShare: 1, ... }
 */
export function theilDecomposition(
  values: NumericInput,
  groups: ArrayLike<string | number> | Iterable<string | number>,
  options?: TheilDecompositionOptions,
): TheilDecompositionResult;
export function theilDecomposition<T>(
  data: RowInput<T>,
  value: Accessor<T>,
  group: KeyAccessor<T>,
  options?: TheilDecompositionOptions<T>,
): TheilDecompositionResult;
export function theilDecomposition<T>(a: unknown, b: unknown, c?: unknown, d?: unknown): TheilDecompositionResult {
  const fn = "theilDecomposition";
  const byRows = typeof b === "function" || typeof b === "string";
  const input = byRows ? readMeasureInput<T, TheilDecompositionOptions<T>>(fn, a, b, d, KNOWN) : readMeasureInput<T, TheilDecompositionOptions<T>>(fn, a, c, undefined, KNOWN);
  const { options } = input;
  // Values and weights divided by powers of two (exact) so no sum overflows: the indices
  // and shares are scale-invariant; group means and weights are scaled back.
  const z = normalise(input.x, input.w);
  const { x, w } = z;
  let keys: string[];
  if (byRows) {
    keys = readKeys(fn, input.data!, c as KeyAccessor<T>);
  } else {
    if (b === null || b === undefined || typeof b !== "object") invalidOption(fn, "requires one group label per value");
    const g = asArrayLike(b as Iterable<string | number>);
    if (g.length !== x.length) {
      throw new EmisInputError("length-mismatch", `${fn} requires one group per value; got ${g.length} groups for ${x.length} values`, { function: fn });
    }
    keys = readKeys(fn, g, (v) => v as string | number);
  }
  const alpha = options.alpha ?? 1;
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) invalidOption(fn, `requires a finite alpha; got ${String(alpha)}`);
  requireNonNegative(fn, input.x);

  const members = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = members.get(k);
    if (list) list.push(i);
    else members.set(k, [i]);
  });
  const W = totalWeight(x.length, w);
  const mu = weightedMean(x, w);
  const total = geCore(x, w, alpha);
  const groups: TheilDecompositionGroup[] = [];
  const smoothed = new Float64Array(x.length);
  let within = 0;
  let withinDefined = true;
  for (const [group, idx] of members) {
    const gx = Float64Array.from(idx, (i) => x[i]);
    const gw = w === null ? null : Float64Array.from(idx, (i) => w[i]);
    const Wg = totalWeight(idx.length, gw);
    const mg = Wg > 0 ? weightedMean(gx, gw) : 0;
    for (const i of idx) smoothed[i] = mg;
    const v = Wg / W;
    const s = mu > 0 ? (v * mg) / mu : 0;
    const index = Wg > 0 ? geCore(gx, gw, alpha) : 0;
    let contribution: number | null = null;
    if (v === 0 || s === 0) contribution = v === 0 ? 0 : alpha > 0 ? 0 : null;
    else if (index !== null) contribution = Math.pow(v, 1 - alpha) * Math.pow(s, alpha) * index;
    if (contribution === null) withinDefined = false;
    else within += contribution;
    const rawW = input.w === null ? idx.length : totalWeight(idx.length, Float64Array.from(idx, (i) => input.w![i]));
    groups.push({ group, n: idx.length, weight: rawW, mean: z.scale * mg, populationShare: v, valueShare: s, index, contribution });
  }
  const flags: Flag[] = [];
  if (total === null || !withinDefined) {
    flags.push(mu > 0 ? "undefined-measure" : "zero-mean");
    return { alpha, total: null, between: null, within: null, betweenShare: null, groups, flags };
  }
  const between = total - within;
  // Between part computed directly from the smoothed distribution agrees with total - within
  // to rounding; take the direct value so each part is its own formula.
  const direct = geCore(smoothed, w, alpha);
  const betweenValue = direct ?? between;
  return {
    alpha,
    total,
    between: betweenValue,
    within,
    betweenShare: total === 0 ? null : betweenValue / total,
    groups,
    flags,
  };
}
