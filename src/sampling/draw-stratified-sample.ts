import { EmisInputError } from "../models/errors";
import { seededRandom, shuffledIndices } from "../stats/random";
import { readColumn, toLabel } from "./internal/accessor";
import type { Accessor } from "./survey-design";

/** Options of {@link drawStratifiedSample}. */
export interface DrawStratifiedSampleOptions<T> {
  /** Stratum label per frame row (column name or accessor). */
  strata: Accessor<T>;
  /**
   * Sample size per stratum: one number for every stratum, a record keyed by stratum
   * label, or the array returned by `allocateSample` (`{ id, n }[]`).
   */
  n: number | Readonly<Record<string, number>> | readonly { id: string | number; n: number }[];
  /** Seed of the random generator (any integer); the same seed gives the same sample. */
  seed: number;
}

/** One selected frame row with its design variables. */
export interface StratifiedSampleRow<T> {
  /** The frame row itself (not copied). */
  row: T;
  /** Its index in the frame. */
  index: number;
  /** Its stratum label (string form). */
  stratum: string;
  /** Design weight N_h / n_h. */
  weight: number;
  /** Population count of its stratum, N_h (use as `fpc`). */
  fpc: number;
}

/**
 * Stratified simple random sample without replacement (SRSWOR in each stratum), seeded.
 *
 * In each stratum h (taken in order of first appearance in the frame) the N_h frame
 * rows are shuffled by a seeded Fisher–Yates shuffle (`shuffledIndices` with
 * `seededRandom(seed)`, mulberry32; one generator for the whole draw) and the first n_h
 * are kept, so every subset of size n_h is equally likely. Each selected row carries
 * its design weight N_h/n_h (the inverse inclusion probability) and N_h as `fpc`, ready
 * for `surveyEstimate(sample, { design: { strata: "stratum", weight: "weight", fpc: "fpc" } })`.
 * Rows are returned in frame order. A stratum given n_h = 0 contributes no rows (its
 * population is then not represented: avoid it for totals).
 *
 * Source: Cochran (1977) §5.1; Lohr (2022) §3.1. Missing data: a frame row without a
 * stratum label throws (`missing-design-value`).
 *
 * @param frame the population list (e.g. all schools)
 * @param options strata, sample sizes and seed
 * @returns the selected rows with stratum, weight and fpc
 * @throws EmisInputError `invalid-sample-size` (n_h not a non-negative integer),
 *   `sample-exceeds-stratum` (n_h > N_h), `missing-allocation` (a frame stratum has no
 *   n_h), `unknown-stratum` (an n_h for a stratum absent from the frame),
 *   `invalid-seed`, `missing-design-value`
 * @example
 * const frame = [{ id: 1, t: "a" }, { id: 2, t: "a" }, { id: 3, t: "b" }, { id: 4, t: "b" }];
 * drawStratifiedSample(frame, { strata: "t", n: 1, seed: 7 }).map((d) => [d.stratum, d.weight, d.fpc]);
 * // [["a", 2, 2], ["b", 2, 2]]
 */
export function drawStratifiedSample<T>(
  frame: readonly T[],
  options: DrawStratifiedSampleOptions<T>,
): StratifiedSampleRow<T>[] {
  const fn = "drawStratifiedSample";
  if (!Number.isInteger(options?.seed)) {
    throw new EmisInputError("invalid-seed", `${fn} requires options.seed to be an integer`, { seed: options?.seed });
  }
  const labels = readColumn(frame, options.strata, fn, "options.strata");
  const members = new Map<string, number[]>();
  for (let i = 0; i < frame.length; i++) {
    const key = toLabel(labels[i], fn, "stratum", i);
    let list = members.get(key);
    if (list === undefined) members.set(key, (list = []));
    list.push(i);
  }
  const sizes = sampleSizes(options.n, members, fn);
  const random = seededRandom(options.seed);
  const chosen: { index: number; stratum: string; weight: number; fpc: number }[] = [];
  for (const [stratum, list] of members) {
    const nh = sizes.get(stratum) as number;
    const Nh = list.length;
    if (nh === 0) continue;
    const order = shuffledIndices(Nh, random);
    for (let k = 0; k < nh; k++) chosen.push({ index: list[order[k]], stratum, weight: Nh / nh, fpc: Nh });
  }
  chosen.sort((x, y) => x.index - y.index);
  return chosen.map((c) => ({ row: frame[c.index], ...c }));
}

function sampleSizes(
  spec: DrawStratifiedSampleOptions<unknown>["n"],
  members: Map<string, number[]>,
  fn: string,
): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof spec === "number") {
    for (const key of members.keys()) out.set(key, spec);
  } else if (Array.isArray(spec)) {
    for (const a of spec) out.set(String(a.id), a.n);
  } else if (spec !== null && typeof spec === "object") {
    for (const [k, v] of Object.entries(spec)) out.set(k, v as number);
  } else {
    throw new EmisInputError("invalid-sample-size", `${fn} requires options.n: a number, a record by stratum, or allocateSample's result`, {});
  }
  for (const key of out.keys()) {
    if (!members.has(key)) {
      throw new EmisInputError("unknown-stratum", `${fn}: options.n names stratum ${JSON.stringify(key)}, which the frame does not contain`, {
        stratum: key,
      });
    }
  }
  for (const [key, list] of members) {
    const nh = out.get(key);
    if (nh === undefined) {
      throw new EmisInputError("missing-allocation", `${fn}: options.n gives no sample size for stratum ${JSON.stringify(key)}`, {
        stratum: key,
      });
    }
    if (!Number.isInteger(nh) || nh < 0) {
      throw new EmisInputError("invalid-sample-size", `${fn} requires each n_h to be a non-negative integer; stratum ${JSON.stringify(key)} has ${nh}`, {
        stratum: key,
        n: nh,
      });
    }
    if (nh > list.length) {
      throw new EmisInputError(
        "sample-exceeds-stratum",
        `${fn}: stratum ${JSON.stringify(key)} has ${list.length} frame rows but n_h = ${nh}; lower n_h (allocateSample caps it at N_h)`,
        { stratum: key, N: list.length, n: nh },
      );
    }
  }
  return out;
}
