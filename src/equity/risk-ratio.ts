import { ratioOfRisks } from "./internal/risk";
import type { RiskCounts, RiskRatioOptions, RiskRatioResult } from "./internal/risk";

export type { RiskCounts, RiskRatioOptions, RiskRatioResult, RiskRatioReason } from "./internal/risk";

/**
 * Risk ratio (IDEA significant disproportionality): how many times more likely
 * children of one racial/ethnic (or other) group in an LEA are to be identified,
 * placed or disciplined than all other children in the same LEA.
 *
 * Formula: (group count / group total) / (others' count / others' total). Size rules
 * (34 CFR 300.647(b)): if the group has fewer than `minCell` children with the outcome
 * or fewer than `minN` enrolled, no ratio is calculated; if the comparison group fails
 * either, no ratio is calculated here and the State uses {@link alternateRiskRatio}.
 * Cells exactly at the minimum pass. Source: https://sites.ed.gov/idea/regs/b/f/300.647;
 * METHODS.md section 5.
 *
 * Rules: counts must be finite, non-negative and count <= total (`invalid-value`);
 * missing counts throw `missing-value`; a zero comparison risk gives `null` with
 * `comparison-risk-zero`.
 *
 * @param group the group of interest in the LEA: `{ count, total }`
 * @param comparison all other children in the LEA: `{ count, total }`
 * @param options {@link RiskRatioOptions}; defaults minCell 10, minN 30
 * @returns {@link RiskRatioResult}
 * @throws EmisInputError `missing-value`, `invalid-value`, `invalid-option`
 * @example
 * riskRatio({ count: 30, total: 200 }, { count: 50, total: 1000 }); // { value: 3, risk: 0.15, comparisonRisk: 0.05, reason: null, flags: [] }
 */
export function riskRatio(group: RiskCounts, comparison: RiskCounts, options: RiskRatioOptions = {}): RiskRatioResult {
  return ratioOfRisks("riskRatio", group, comparison, options, true);
}
