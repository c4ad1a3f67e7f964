import { ratioOfRisks } from "./internal/risk";
import type { RiskCounts, RiskRatioOptions, RiskRatioResult } from "./internal/risk";

/**
 * Alternate risk ratio (IDEA): the risk of a group in the LEA compared with the risk of
 * all other children in the **State**; required when the LEA comparison group fails the
 * minimum cell or n size (34 CFR 300.647(b)(5)).
 *
 * Formula: (LEA group count / total) / (State others' count / total). The size rules
 * apply to the group of interest only (a failing group is not calculated). Source:
 * https://sites.ed.gov/idea/regs/b/f/300.647; METHODS.md section 5.
 *
 * Rules: as {@link riskRatio}.
 *
 * @param group the group of interest in the LEA
 * @param stateComparison all other children in the State
 * @param options {@link RiskRatioOptions}
 * @returns {@link RiskRatioResult}
 * @throws EmisInputError `missing-value`, `invalid-value`, `invalid-option`
 * @example
 * alternateRiskRatio({ count: 12, total: 40 }, { count: 1000, total: 20000 }); // value 6 (0.3 / 0.05)
 */
export function alternateRiskRatio(group: RiskCounts, stateComparison: RiskCounts, options: RiskRatioOptions = {}): RiskRatioResult {
  return ratioOfRisks("alternateRiskRatio", group, stateComparison, options, false);
}
