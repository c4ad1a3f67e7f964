/**
 * How a survey sample was drawn, described by where to find each design variable.
 *
 * Each field is a column name (a key of the row) or an accessor `(d, i, data)`, as in
 * d3-array. Rows are sampled elements (schools, pupils, teachers); the design tells the
 * estimators which rows share a stratum and a primary sampling unit (PSU), how large
 * each stratum's PSU population is, and what weight each row carries.
 *
 * - `strata`: stratum label per row. Absent: the whole sample is one stratum.
 * - `psu`: PSU label per row (e.g. the school in a sample of pupils within schools).
 *   Labels are read *within* their stratum, so the same label in two strata names two
 *   PSUs. Absent: every row is its own PSU (an element sample).
 * - `fpc`: finite population correction, constant within a stratum, in one of the two
 *   forms R `survey::svydesign(fpc=)` accepts: the number of PSUs in the stratum's
 *   population (`N_h`, every value ≥ 1; `Infinity` allowed, meaning no correction), or
 *   the first-stage sampling fraction (`f_h = n_h / N_h`, every value in (0, 1]). If any
 *   value is above 1 all are read as counts, otherwise all as fractions (a value of
 *   exactly 1 is a census either way). Absent: sampling is treated as with replacement
 *   (no correction, the conservative choice).
 * - `weight`: sampling (design) weight per row, the inverse of its inclusion
 *   probability, positive and finite. Absent: derived from `fpc` as `N_h / n_h` (counts)
 *   or `1 / f_h` (fractions), as R's `svydesign` does; with neither, estimators throw.
 *
 * Variance is computed by the ultimate-cluster method: only first-stage (PSU) totals
 * enter it, which is what R `survey` does for a design given as `ids = ~psu` and what
 * Lohr (2022, §7.2) recommends when first-stage fractions are small.
 * Sources: Lumley (2010) *Complex Surveys*, ch. 2–3; R `survey` documentation of
 * `svydesign`.
 */
export interface SurveyDesign<T> {
  /** Stratum label per row (column name or accessor). */
  strata?: Accessor<T>;
  /** Primary sampling unit label per row, nested in its stratum. */
  psu?: Accessor<T>;
  /** PSU population count `N_h` (all ≥ 1) or sampling fraction `f_h` (all ≤ 1). */
  fpc?: Accessor<T>;
  /** Design weight per row (> 0). */
  weight?: Accessor<T>;
}

/** A column name of `T`, or a function `(d, i, data)` returning the value for row `d`. */
export type Accessor<T> = (string & keyof T) | ((d: T, i: number, data: readonly T[]) => unknown);

/** Rule for strata in which only one PSU was sampled; see `surveyEstimate`. */
export type LonelyPsuRule = "error" | "remove" | "certainty" | "adjust";
