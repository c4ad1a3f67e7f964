/**
 * Survey design of a sample dataset: where in the school file to find each design
 * variable, for a sample of schools (the primary sampling units, PSUs) with their pupils,
 * teachers and sections surveyed inside them — a stratified cluster sample, as in the
 * Bhutan study behind this library (285 of 574 schools, stratified).
 *
 * Every field names a column of the **school file** (one value per sampled school);
 * pupils, teachers, sections and survey responses take the values of their school, so
 * a pupil's weight is its school's weight (every pupil of a sampled school is in the
 * data: the second stage is a take-all). The fields are those of `SurveyDesign`
 * (Lumley 2010 ch. 2–3; R `survey::svydesign(ids = ~psu, strata = ~strata, fpc = ~fpc,
 * weights = ~weight)`), with the same rules, checked by `disaggregate` with the error
 * codes of `surveyEstimate` (`invalid-weight`, `invalid-fpc`, `fpc-varies-within-stratum`,
 * `fpc-below-sample`, `mixed-fpc-forms`, `missing-weight`, `missing-design-value`,
 * `lonely-psu`):
 * - `strata`: stratum label. Absent: one stratum.
 * - `psu`: PSU label, read within its stratum; default `"school_id"` (each school is a
 *   PSU). A coarser column (a cluster of schools) makes clusters the PSUs.
 * - `fpc`: schools in the stratum's population N_h (all ≥ 1), or the sampling fraction
 *   f_h = n_h/N_h (all ≤ 1); constant within a stratum. Absent: no finite population
 *   correction (with-replacement variance, the conservative choice).
 * - `weight`: the school's design weight 1/π (> 0). Absent: N_h/n_h from `fpc`.
 * - `lonely`: rule for a stratum with one sampled PSU, as `surveyEstimate`'s `lonely`:
 *   "error" (default, as R survey), "remove", "certainty" or "adjust".
 *
 * With plain-object rows the design columns are read from the objects as given; with a
 * reader's table (`readCsv`), read the school file with a schema that keeps them (e.g.
 * `schemasFor(profile).School.extend({ stratum: z.string(), weight: z.number() })`).
 * Pupil, teacher or section rows whose school is not in the school file have no weight:
 * `createDataset` throws `missing-design-value`. Population and aggregate (count)
 * tables are not part of the sample and carry no design.
 */
export interface DatasetDesign {
  /** School-file column with the stratum label. */
  strata?: string;
  /** School-file column with the PSU label; default `"school_id"`. */
  psu?: string;
  /** School-file column with N_h (schools in the stratum's population) or f_h. */
  fpc?: string;
  /** School-file column with the school's design weight. */
  weight?: string;
  /** Single-PSU strata rule; default "error". */
  lonely?: "error" | "remove" | "certainty" | "adjust";
}

/**
 * The design as stored in a `Dataset`: the option, the design values of each school of
 * the school file (the sampled units, in the order of the `schools` fact), and for each
 * sampled fact the school row of each of its rows.
 */
export interface SampleDesign {
  spec: DatasetDesign & { psu: string; lonely: NonNullable<DatasetDesign["lonely"]> };
  units: {
    length: number;
    strata: (string | null)[] | null;
    psu: (string | null)[];
    fpc: number[] | null;
    weight: number[] | null;
  };
  /** rowUnit[fact][i] = the school row (in `units`) of row i of that fact. */
  rowUnit: Record<string, Int32Array>;
}
