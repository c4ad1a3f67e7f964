import { EmisInputError } from "../models/errors";
import { readColumn, toLabel } from "./internal/accessor";
import { resolveDesign } from "./internal/resolve-design";
import type { Accessor } from "./survey-design";

/** Options of {@link designWeights}. */
export interface DesignWeightsOptions<T> {
  /** Stratum label per row. Absent: one stratum. */
  strata?: Accessor<T>;
  /** PSU label per row (e.g. school of a sampled pupil). Absent: each row is a PSU. */
  psu?: Accessor<T>;
  /**
   * Population PSU count N_h per row (column or accessor), or a record of N_h by
   * stratum label; a sampling fraction f_h (all values ≤ 1) is also accepted.
   */
  fpc: Accessor<T> | Readonly<Record<string, number>>;
}

/**
 * Design (base) weights of a stratified sample: N_h / n_h for every row of stratum h.
 *
 * Formula in words: the inverse of the first-stage inclusion probability, the number
 * of population PSUs in the stratum divided by the number of distinct PSUs sampled in
 * it (or 1/f_h when a sampling fraction is given). With `psu` given, n_h counts PSUs,
 * so every pupil of a sampled school gets the school's weight (right when all pupils
 * of a sampled school are surveyed; multiply by M_i/m_i yourself for sub-sampling).
 * Weights of each stratum's PSUs then sum to N_h.
 *
 * Source: Lohr (2022) §3.3 (sampling weights); R `survey::svydesign` derives the same
 * weights from `fpc`. Missing data: a row without a stratum label or fpc throws.
 *
 * @param rows the sample
 * @param options strata, psu and population counts
 * @returns one weight per row, in row order
 * @throws EmisInputError `missing-design-value`, `invalid-fpc`, `fpc-below-sample`,
 *   `fpc-varies-within-stratum`, `mixed-fpc-forms`, `missing-fpc` (no N_h for a stratum)
 * @example
 * designWeights([{ s: "a" }, { s: "a" }, { s: "b" }], { strata: "s", fpc: { a: 10, b: 3 } });
 * // [5, 5, 3]
 */
export function designWeights<T>(rows: readonly T[], options: DesignWeightsOptions<T>): number[] {
  const fn = "designWeights";
  let fpc: Accessor<T>;
  if (typeof options?.fpc === "string" || typeof options?.fpc === "function") fpc = options.fpc as Accessor<T>;
  else if (options?.fpc !== null && typeof options?.fpc === "object") {
    const table = options.fpc as Readonly<Record<string, number>>;
    const labels = options.strata === undefined ? null : readColumn(rows, options.strata, fn, "options.strata");
    fpc = (_d: T, i: number) => {
      const key = labels === null ? "" : toLabel(labels[i], fn, "options.strata", i);
      const v = table[key];
      if (v === undefined) {
        throw new EmisInputError("missing-fpc", `${fn}: options.fpc has no population count for stratum ${JSON.stringify(key)}`, {
          stratum: key,
        });
      }
      return v;
    };
  } else {
    throw new EmisInputError("missing-fpc", `${fn} requires options.fpc: population PSU counts per stratum`, {});
  }
  const d = resolveDesign(rows, { strata: options.strata, psu: options.psu, fpc }, fn);
  return Array.from(d.weights);
}
