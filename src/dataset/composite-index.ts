import { EmisInputError } from "../models/errors";

/** Options of {@link compositeIndex}. */
export interface CompositeIndexOptions {
  /**
   * `min-max` (default): each item rescaled to 0-1 by `(x − min) ÷ (max − min)`, with the
   * item's theoretical `range` when given (Likert 1-5: stable across subsets and
   * years), else the observed minimum and maximum of that item. `z-score`: each item
   * standardised by its observed mean and population standard deviation (n).
   */
  normalisation?: "min-max" | "z-score";
  /** Theoretical [min, max] of every item (e.g. [1, 5]); min-max only. */
  range?: [number, number];
  /** Item weights (non-negative, not all 0); default equal. Rescaled over answered items. */
  weights?: number[];
  /** Least number of answered items for a score; default two thirds of the items, rounded up. */
  minAnswered?: number;
  /** Multiplier of the result; default 100 for min-max (0-100 scale), 1 for z-score. */
  scale?: number;
}

/**
 * Composite index of several items (e.g. an inclusive-pedagogy index from Likert
 * answers). Formula: normalise each item (min-max or z-score), then the weighted mean
 * of the answered items, times `scale`. Missing-item rule: a response with fewer than
 * `minAnswered` answered items (NaN = missing) has no score (NaN); otherwise the weights
 * of the answered items are rescaled to sum to 1 (the mean of what was answered). An
 * item with no spread (max = min, or SD 0) contributes 0 after normalisation (z-score)
 * or 0 (min-max with observed bounds).
 * Source: OECD/JRC, Handbook on Constructing Composite Indicators (2008), steps 5-6
 * (normalisation, weighting and aggregation).
 * @param rows one array of item values per response
 * @returns one score per response (NaN when too few items were answered)
 * @throws EmisInputError when rows have different lengths, weights do not fit, or range is empty
 * @example compositeIndex([[5, 5, 3], [1, NaN, 1]], { range: [1, 5] }) // [83.33..., 0]
 */
export function compositeIndex(rows: ReadonlyArray<ReadonlyArray<number>>, options: CompositeIndexOptions = {}): number[] {
  const k = rows.length ? rows[0].length : (options.weights?.length ?? 0);
  if (rows.some((r) => r.length !== k)) throw new EmisInputError("invalid-input", "compositeIndex requires every row to have the same number of items");
  const weights = options.weights ?? new Array<number>(k).fill(1);
  if (weights.length !== k || weights.some((w) => !(w >= 0)) || (k > 0 && weights.every((w) => w === 0))) {
    throw new EmisInputError("invalid-input", `compositeIndex requires ${k} non-negative weights, not all 0`);
  }
  const method = options.normalisation ?? "min-max";
  const minAnswered = options.minAnswered ?? Math.ceil((2 * k) / 3);
  const scale = options.scale ?? (method === "min-max" ? 100 : 1);
  const lo: number[] = [];
  const span: number[] = [];
  for (let j = 0; j < k; j++) {
    const col = rows.map((r) => r[j]).filter((v) => !Number.isNaN(v));
    if (method === "min-max") {
      const [min, max] = options.range ?? [Math.min(...col), Math.max(...col)];
      if (options.range && !(max > min)) throw new EmisInputError("invalid-input", "compositeIndex requires range [min, max] with max > min");
      lo.push(min);
      span.push(col.length && max > min ? max - min : Number.POSITIVE_INFINITY);
    } else {
      const mean = col.reduce((a, b) => a + b, 0) / (col.length || 1);
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / (col.length || 1));
      lo.push(mean);
      span.push(sd > 0 ? sd : Number.POSITIVE_INFINITY);
    }
  }
  return rows.map((r) => {
    let answered = 0;
    let wsum = 0;
    let acc = 0;
    for (let j = 0; j < k; j++) {
      if (Number.isNaN(r[j])) continue;
      answered++;
      wsum += weights[j];
      acc += weights[j] * ((r[j] - lo[j]) / span[j]);
    }
    if (answered < minAnswered || answered === 0 || wsum === 0) return Number.NaN;
    return (scale * acc) / wsum;
  });
}
