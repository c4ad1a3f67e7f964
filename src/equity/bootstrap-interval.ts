import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { seededRandom } from "../stats/random";
import { weightedQuantile } from "../stats/quantile";
import { readMeasureInput } from "./internal/input";
import type { NumericInput, WeightOptions } from "./internal/input";

/** A statistic of resampled values (and their weights, when weighted). */
export type BootstrapStatistic = (values: number[], weights: number[] | undefined) => number | null;

/** Options for {@link bootstrapInterval}. */
export interface BootstrapIntervalOptions extends WeightOptions {
  /** Number of resamples; default 999. */
  replicates?: number;
  /** Seed of the generator (mulberry32, `seededRandom`); default 1. Same seed, same interval. */
  seed?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** Result of {@link bootstrapInterval}. */
export interface BootstrapIntervalResult {
  /** The statistic on the data as given. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  level: number;
  replicates: number;
  /** Resamples where the statistic was undefined (`null`); left out of the percentiles. */
  undefinedReplicates: number;
  seed: number;
  method: "percentile";
  /** `undefined-measure` when the estimate or every replicate is undefined. */
  flags: Flag[];
}

/**
 * Seeded bootstrap percentile interval for an inequality index (or any statistic of a
 * set of units): resample the units (schools, districts) with replacement, recompute
 * the statistic, take the (1-level)/2 and (1+level)/2 percentiles (R type 7).
 *
 * Units are resampled with their weights, so a weighted index stays weighted. This is
 * the simple i.i.d. bootstrap of units; for stratified or clustered survey designs use
 * the `sampling/` layer. Source: Efron & Tibshirani (1993) *An Introduction to the
 * Bootstrap*, ch. 13; R `boot` (type "perc").
 *
 * Rules: the input rules are those of the measures (empty throws, missing throws,
 * weights are frequencies); a statistic that throws on a resample propagates; `null`
 * results are counted in `undefinedReplicates`.
 *
 * @param values unit values
 * @param statistic function of resampled values and weights, e.g. `(v, w) => gini(v, { weights: w })`
 * @param options {@link BootstrapIntervalOptions}
 * @returns {@link BootstrapIntervalResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `invalid-weight`, `invalid-option`
 * @example
 * bootstrapInterval(ptrs, (v, w) => gini(v, { weights: w }), { seed: 42, replicates: 999 });
 * // { estimate: 0.21, low: 0.15, high: 0.27, ... }
 */
export function bootstrapInterval(values: NumericInput, statistic: BootstrapStatistic, options: BootstrapIntervalOptions = {}): BootstrapIntervalResult {
  const fn = "bootstrapInterval";
  const { x, w } = readMeasureInput<unknown, BootstrapIntervalOptions>(fn, values, options, undefined, ["weights", "replicates", "seed", "level"]);
  if (typeof statistic !== "function") throw new EmisInputError("invalid-option", `${fn} requires a statistic function`, { function: fn });
  const replicates = options.replicates ?? 999;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!(Number.isInteger(replicates) && replicates >= 1)) throw new EmisInputError("invalid-option", `${fn} requires a positive integer replicates; got ${replicates}`, { function: fn });
  if (!(level > 0 && level < 1)) throw new EmisInputError("invalid-option", `${fn} requires level in (0, 1); got ${level}`, { function: fn });
  if (!Number.isFinite(seed)) throw new EmisInputError("invalid-option", `${fn} requires a finite seed; got ${seed}`, { function: fn });
  const xs = Array.from(x);
  const ws = w === null ? undefined : Array.from(w);
  const estimate = statistic(xs, ws);
  const random = seededRandom(seed);
  const n = xs.length;
  const draws: number[] = [];
  let undefinedReplicates = 0;
  for (let b = 0; b < replicates; b++) {
    const v = new Array<number>(n);
    const vw = ws === undefined ? undefined : new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const i = Math.floor(random() * n);
      v[k] = xs[i];
      if (vw) vw[k] = ws![i];
    }
    // A resample may draw only zero-weight units; the statistic then sees all-zero weights.
    if (vw && !vw.some((e) => e > 0)) {
      undefinedReplicates++;
      continue;
    }
    const s = statistic(v, vw);
    if (s === null || !Number.isFinite(s)) undefinedReplicates++;
    else draws.push(s);
  }
  const base = { estimate, level, replicates, undefinedReplicates, seed, method: "percentile" as const };
  if (draws.length === 0 || estimate === null) return { ...base, low: null, high: null, flags: ["undefined-measure"] };
  const alpha = (1 - level) / 2;
  return {
    ...base,
    low: weightedQuantile(draws, alpha, { method: "linear" }),
    high: weightedQuantile(draws, 1 - alpha, { method: "linear" }),
    flags: [],
  };
}
