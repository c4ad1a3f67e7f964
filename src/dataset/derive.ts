/**
 * Definitions that must be explicit (DESIGN.md): disability from functioning answers,
 * the at-risk-of-dropping-out early-warning rule, and over-age. Each is a documented
 * default with options to change it.
 */

/** Options for the derived pupil dimensions. */
export interface DeriveOptions {
  /**
   * Washington Group cut-off: a domain answer at or above this code counts as a
   * disability (3 = "a lot of difficulty", the WG short-set recommended cut-off; 2
   * widens it to "some difficulty"). Default 3.
   */
  functioningCutoff?: number;
  /**
   * UNICEF Child Functioning Module: also count daily (code 1) anxiety or depression
   * feelings. Default true.
   */
  includeAffect?: boolean;
  /** Over-age threshold in years above the intended age for the grade (SDG 4.1.5 uses 2). Default 2. */
  overAgeYears?: number;
  /** At-risk rule: attendance below this percent is a risk factor. Default 80. */
  attendanceBelow?: number;
  /** At-risk rule: which factors count. Default all four. */
  atRiskFactors?: Array<"over-age" | "repeater" | "low-attendance" | "failed">;
}

/** Defaults, exported so reports can print them. */
export const DEFAULT_DERIVE: Required<DeriveOptions> = {
  functioningCutoff: 3,
  includeAffect: true,
  overAgeYears: 2,
  attendanceBelow: 80,
  atRiskFactors: ["over-age", "repeater", "low-attendance", "failed"],
};

/**
 * Disability status from Washington Group short-set answers (seeing, hearing, walking,
 * self-care, communication, learning; 1-4) and, optionally, CFM anxiety/depression
 * frequency (1 = daily). Rule: `yes` when any answered domain meets the cut-off (or
 * affect is daily); `no` only when all six WG domains are answered and none meets it;
 * otherwise `unknown` (an unanswered domain is never read as "no difficulty").
 * Source: https://www.washingtongroup-disability.com/question-sets/wg-short-set-on-functioning-wg-ss/
 * and UNICEF/WG Child Functioning Module analytic guidance.
 * @example functioningStatus([1, 1, 3, 1, 1, 1], [NaN, NaN]) // "yes"
 */
export function functioningStatus(
  domains: number[],
  affect: number[],
  options: DeriveOptions = {},
): "yes" | "no" | "unknown" {
  const cut = options.functioningCutoff ?? DEFAULT_DERIVE.functioningCutoff;
  let answered = 0;
  for (const d of domains) {
    if (Number.isNaN(d)) continue;
    answered++;
    if (d >= cut) return "yes";
  }
  if (options.includeAffect ?? DEFAULT_DERIVE.includeAffect) {
    for (const a of affect) if (a === 1) return "yes";
  }
  return answered === domains.length && answered > 0 ? "no" : "unknown";
}

/**
 * Early-warning rule for pupils at risk of dropping out. `yes` when any enabled
 * factor is known to hold (over-age by `overAgeYears`+, repeating, attendance below
 * `attendanceBelow`%, failed the exam); `no` when none holds and both over-age and
 * attendance are known; otherwise `unknown`.
 * @example atRiskStatus({ overAge: 0, repeater: 0, attendance: 95, failed: NaN }) // "no"
 */
export function atRiskStatus(
  f: { overAge: number; repeater: number; attendance: number; failed: number },
  options: DeriveOptions = {},
): "yes" | "no" | "unknown" {
  const factors = options.atRiskFactors ?? DEFAULT_DERIVE.atRiskFactors;
  const below = options.attendanceBelow ?? DEFAULT_DERIVE.attendanceBelow;
  const lowAttendance = Number.isNaN(f.attendance) ? Number.NaN : f.attendance < below ? 1 : 0;
  const values: Record<string, number> = {
    "over-age": f.overAge,
    repeater: f.repeater,
    "low-attendance": lowAttendance,
    failed: f.failed,
  };
  for (const k of factors) if (values[k] === 1) return "yes";
  const needed = factors.filter((k) => k === "over-age" || k === "low-attendance");
  return needed.every((k) => !Number.isNaN(values[k])) ? "no" : "unknown";
}

/** Teacher age band for disaggregation. */
export function ageBand(age: number): string {
  if (Number.isNaN(age)) return "unknown";
  if (age < 30) return "under-30";
  if (age < 40) return "30-39";
  if (age < 50) return "40-49";
  return "50-plus";
}

/** Teacher experience band (years) for disaggregation. */
export function experienceBand(years: number): string {
  if (Number.isNaN(years)) return "unknown";
  if (years < 3) return "0-2";
  if (years < 6) return "3-5";
  if (years < 11) return "6-10";
  if (years < 21) return "11-20";
  return "21-plus";
}

/**
 * Age in completed years on the profile's reference date of `year` from an ISO birth date.
 * @example ageAt("2016-03-02", 2024, { month: 3, day: 1 }) // 7
 */
export function ageAt(birthDate: string, year: number, ref: { month: number; day: number }): number {
  const y = Number(birthDate.slice(0, 4));
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  if (!y || !m || !d) return Number.NaN;
  let age = year - y;
  if (m > ref.month || (m === ref.month && d > ref.day)) age--;
  return age;
}
