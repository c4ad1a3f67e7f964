import type { Flag } from "../../models/flags";
import { EmisInputError } from "../../models/errors";
import { checkOptionKeys } from "./options";

/** Children with the outcome (count) among children enrolled (total). */
export interface RiskCounts {
  count: number;
  total: number;
}

/** Minimum cell (numerator) and n (denominator) sizes. */
export interface RiskRatioOptions {
  /** Minimum numerator; a group with fewer is not calculated. Default 10 (34 CFR 300.647 "presumptively reasonable" maximum). */
  minCell?: number;
  /** Minimum denominator. Default 30. */
  minN?: number;
}

/** Why a ratio was not calculated. */
export type RiskRatioReason =
  | "group-below-min-cell"
  | "group-below-min-n"
  | "comparison-below-min-cell"
  | "comparison-below-min-n"
  | "comparison-risk-zero";

/** Result of the risk-ratio family. */
export interface RiskRatioResult {
  /** The ratio, or `null` when not calculated. */
  value: number | null;
  /** Risk of the group of interest, or `null` when its total is 0. */
  risk: number | null;
  /** Risk of the comparison group, or `null` when its total is 0. */
  comparisonRisk: number | null;
  /** `null` when calculated; otherwise why not. */
  reason: RiskRatioReason | null;
  /** `below-min-n` for a failed size rule, `zero-denominator` for a zero comparison risk. */
  flags: Flag[];
}

export function readCounts(fn: string, name: string, c: unknown): RiskCounts {
  const o = c as RiskCounts | null | undefined;
  for (const key of ["count", "total"] as const) {
    const v = o?.[key] as unknown;
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
      throw new EmisInputError("missing-value", `${fn} requires ${name}.${key}; got ${String(v)} (missing is never read as 0)`, { function: fn });
    }
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new EmisInputError("invalid-value", `${fn} requires a finite non-negative ${name}.${key}; got ${String(v)}`, { function: fn });
    }
  }
  if (o!.count > o!.total) {
    throw new EmisInputError("invalid-value", `${fn} requires ${name}.count <= ${name}.total; got ${o!.count} of ${o!.total}`, { function: fn });
  }
  return { count: o!.count, total: o!.total };
}

export function readMins(fn: string, options: RiskRatioOptions): { minCell: number; minN: number } {
  checkOptionKeys(fn, options, ["minCell", "minN"]);
  const minCell = options.minCell ?? 10;
  const minN = options.minN ?? 30;
  if (!(minCell >= 0 && minN >= 0 && Number.isFinite(minCell) && Number.isFinite(minN))) {
    throw new EmisInputError("invalid-option", `${fn} requires non-negative minCell and minN; got ${minCell} and ${minN}`, { function: fn });
  }
  return { minCell, minN };
}

/** Ratio of two risks with the size rules applied to the group and, optionally, the comparison. */
export function ratioOfRisks(
  fn: string,
  group: unknown,
  comparison: unknown,
  options: RiskRatioOptions,
  checkComparison: boolean,
): RiskRatioResult {
  const g = readCounts(fn, "group", group);
  const c = readCounts(fn, "comparison", comparison);
  const { minCell, minN } = readMins(fn, options);
  const risk = g.total > 0 ? g.count / g.total : null;
  const comparisonRisk = c.total > 0 ? c.count / c.total : null;
  const fail = (reason: RiskRatioReason, flag: Flag): RiskRatioResult => ({ value: null, risk, comparisonRisk, reason, flags: [flag] });
  if (g.count < minCell) return fail("group-below-min-cell", "below-min-n");
  if (g.total < minN) return fail("group-below-min-n", "below-min-n");
  if (checkComparison && c.count < minCell) return fail("comparison-below-min-cell", "below-min-n");
  if (checkComparison && c.total < minN) return fail("comparison-below-min-n", "below-min-n");
  if (!comparisonRisk) return fail("comparison-risk-zero", "zero-denominator");
  // Cross-multiplied so whole-number ratios come out exact (30/200 over 50/1000 is 3, not 2.9999...).
  return { value: (g.count * c.total) / (g.total * c.count), risk, comparisonRisk, reason: null, flags: [] };
}
