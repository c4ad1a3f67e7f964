/**
 * Pupil-flow arithmetic of the UIS reconstructed-cohort model, on plain numbers: the
 * engine's `flow` kind calls these after summing enrolment and repeaters by grade and
 * year, and they can be used directly on a published table.
 */

/** One grade of a cycle: E(g, t), R(g, t+1) and E(g, t+1). */
export interface GradeFlow {
  /** Enrolment in grade g in year t. */
  enrolment: number;
  /** Repeaters in grade g in year t+1. */
  repeatersNext: number;
  /** Enrolment in grade g in year t+1. */
  enrolmentNext: number;
}

/** Promotion, repetition and dropout rates of one grade (fractions, 0-1). */
export interface GradeRates {
  promotion: number | null;
  repetition: number | null;
  dropout: number | null;
}

/**
 * UIS flow rates by grade from two years' enrolment and repeaters.
 * Formulas (UIS, Education Indicators Technical Guidelines 2009; glossary
 * http://uis.unesco.org/en/glossary-term/repetition-rate-grade):
 * - repetition r_g = R(g, t+1) ÷ E(g, t);
 * - promotion p_g = (E(g+1, t+1) − R(g+1, t+1)) ÷ E(g, t), i.e. new enrolment in the next
 *   grade; for the last grade of the cycle it is `graduates ÷ E(last, t)` when
 *   `graduates` is given, else `null`;
 * - dropout d_g = 1 − p_g − r_g (null when p_g is).
 * Edge rule: E(g, t) = 0 gives null rates for that grade. Negative promotion or dropout
 * (transfers, data error) is returned as computed; the engine flags it `negative-rate`.
 * @param grades the cycle's grades in order
 * @param graduates graduates of the last grade at the end of year t, if known
 * @returns one entry per grade
 * @example flowRates([{ enrolment: 1000, repeatersNext: 100, enrolmentNext: 1050 }, { enrolment: 900, repeatersNext: 50, enrolmentNext: 850 }])
 * // [{ promotion: 0.8, repetition: 0.1, dropout: 0.1 }, { promotion: null, repetition: 0.0555..., dropout: null }]
 */
export function flowRates(grades: ReadonlyArray<GradeFlow>, graduates?: number): GradeRates[] {
  return grades.map((g, k) => {
    if (!(g.enrolment > 0)) return { promotion: null, repetition: null, dropout: null };
    const repetition = g.repeatersNext / g.enrolment;
    const next = grades[k + 1];
    const promoted = next ? next.enrolmentNext - next.repeatersNext : graduates;
    const promotion = promoted === undefined ? null : promoted / g.enrolment;
    return { promotion, repetition, dropout: promotion === null ? null : 1 - promotion - repetition };
  });
}

/** Options of {@link cohortSurvival}. */
export interface CohortSurvivalOptions {
  /** Repetitions allowed per grade; default unlimited (the UIS model). */
  maxRepetitions?: number;
}

/**
 * Reconstructed-cohort survival: the share of a cohort entering the first grade that
 * reaches grade k, assuming constant rates, no re-entry after dropping out, and the same
 * rates for repeaters. With unlimited repetition S_1 = 1 and
 * S_k = ∏_{g<k} p_g ÷ (1 − r_g); with at most m repetitions per grade 1 ÷ (1 − r) becomes
 * 1 + r + … + r^m. Survival to the last grade is the last entry; cumulative dropout to it
 * is 1 − that. Source: UIS glossary, survival rate by grade,
 * http://uis.unesco.org/node/3079596; METHODS.md 1.3.
 * Edge rule: an unknown rate (null), or r_g ≥ 1 with unlimited repetition, makes S_k and
 * every later entry `null`.
 * @param rates promotion and repetition by grade (fractions), first grade first
 * @returns S_k for every grade (fractions), S of the first grade = 1
 * @example cohortSurvival([{ promotion: 0.8, repetition: 0.1 }, { promotion: 0.9, repetition: 0.1 }, { promotion: null, repetition: 0.05 }])
 * // [1, 0.888..., 0.888... × 0.9 ÷ 0.9 = 0.888...]
 */
export function cohortSurvival(
  rates: ReadonlyArray<{ promotion: number | null; repetition: number | null }>,
  options: CohortSurvivalOptions = {},
): Array<number | null> {
  const out: Array<number | null> = [];
  let s: number | null = rates.length ? 1 : null;
  for (let k = 0; k < rates.length; k++) {
    out.push(s);
    if (s === null) continue;
    const { promotion: p, repetition: r } = rates[k];
    if (p === null || r === null) {
      s = null;
      continue;
    }
    const m = options.maxRepetitions;
    let factor: number | null;
    if (m === undefined) factor = r < 1 ? 1 / (1 - r) : null;
    else {
      factor = 0;
      for (let j = 0; j <= m; j++) factor += r ** j;
    }
    s = factor === null ? null : s * p * factor;
  }
  return out;
}
