import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { readCounts, readMins } from "./internal/risk";
import type { RiskRatioOptions, RiskRatioResult } from "./internal/risk";

/** One group in the LEA with its State enrolment. */
export interface WeightedRiskGroup {
  group: string;
  /** LEA children of this group with the outcome. */
  count: number;
  /** LEA children of this group enrolled. */
  total: number;
  /** State children of this group enrolled (gives the State proportion p_k). */
  stateTotal: number;
}

/**
 * Weighted risk ratio (Westat technical assistance guide): the risk ratio with the LEA
 * comparison group standardised to the State's racial/ethnic composition, so LEAs with
 * different mixes compare fairly. Not part of the 2016 IDEA rule (METHODS.md section
 * 9 item 12), still used in State practice.
 *
 * Formula: WRR_j = R_j * sum_{k != j} p_k / sum_{k != j} p_k R_k, with R_k the LEA risk
 * of group k and p_k the State proportion of group k. Groups with no children enrolled
 * in the LEA have no risk and are left out of both sums. Source: IDEA Data Center /
 * Westat, *Methods for Assessing Racial/Ethnic Disproportionality in Special Education*
 * (2011, 2014); METHODS.md section 5.
 *
 * Rules: size rules on the target group as {@link riskRatio}; an unknown target or a
 * duplicated group throws `invalid-option`; a zero weighted comparison risk gives
 * `null` with `comparison-risk-zero`.
 *
 * @param groups every group in the LEA with its State enrolment
 * @param target the group of interest
 * @param options {@link RiskRatioOptions}
 * @returns {@link RiskRatioResult} (`comparisonRisk` is the State-weighted risk of the others)
 * @throws EmisInputError `missing-value`, `invalid-value`, `invalid-option`
 * @example
 * weightedRiskRatio([
 *   { group: "a", count: 20, total: 100, stateTotal: 300 },
 *   { group: "b", count: 10, total: 100, stateTotal: 500 },
 *   { group: "c", count: 30, total: 100, stateTotal: 200 },
 * ], "a"); // value 0.2 * 0.7 / (0.5 * 0.1 + 0.2 * 0.3) = 1.2727
 */
export function weightedRiskRatio(groups: ArrayLike<WeightedRiskGroup>, target: string, options: RiskRatioOptions = {}): RiskRatioResult {
  const fn = "weightedRiskRatio";
  const { minCell, minN } = readMins(fn, options);
  const seen = new Set<string>();
  let stateAll = 0;
  const rows = Array.from(groups, (g, i) => {
    const c = readCounts(fn, `groups[${i}]`, g);
    const st = g.stateTotal as unknown;
    if (typeof st !== "number" || !Number.isFinite(st) || st < 0) {
      throw new EmisInputError(st == null || Number.isNaN(st) ? "missing-value" : "invalid-value", `${fn} requires a finite non-negative groups[${i}].stateTotal; got ${String(st)}`, { function: fn });
    }
    if (seen.has(String(g.group))) throw new EmisInputError("invalid-option", `${fn} found group ${String(g.group)} twice; give one row per group`, { function: fn });
    seen.add(String(g.group));
    stateAll += st;
    return { group: String(g.group), ...c, stateTotal: st };
  });
  const j = rows.find((r) => r.group === String(target));
  if (!j) throw new EmisInputError("invalid-option", `${fn} has no group ${String(target)}; pass one of ${rows.map((r) => r.group).join(", ")}`, { function: fn });
  if (!(stateAll > 0)) throw new EmisInputError("invalid-value", `${fn} requires State totals with a positive sum`, { function: fn });
  const risk = j.total > 0 ? j.count / j.total : null;
  let pSum = 0;
  let pr = 0;
  for (const r of rows) {
    if (r === j || r.total === 0) continue;
    const p = r.stateTotal / stateAll;
    pSum += p;
    pr += (p * r.count) / r.total;
  }
  const comparisonRisk = pSum > 0 ? pr / pSum : null;
  const fail = (reason: RiskRatioResult["reason"], flag: Flag): RiskRatioResult => ({ value: null, risk, comparisonRisk, reason, flags: [flag] });
  if (j.count < minCell) return fail("group-below-min-cell", "below-min-n");
  if (j.total < minN) return fail("group-below-min-n", "below-min-n");
  if (!comparisonRisk) return fail("comparison-risk-zero", "zero-denominator");
  return { value: risk! / comparisonRisk, risk, comparisonRisk, reason: null, flags: [] };
}
