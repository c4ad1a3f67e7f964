import { EmisInputError } from "../models/errors";
import type { Flag } from "../models/flags";
import { normalQuantile } from "./quantile";

/** Options for {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** Confidence level in (0, 1); default 0.95 (z = 1.959964). Ignored when `z` is given. */
  level?: number;
  /** Normal quantile to use directly (e.g. 1.96 to match a published table). */
  z?: number;
  /**
   * Continuity-corrected interval, Newcombe (1998) method 4; equals R
   * `prop.test(x, n, correct = TRUE)$conf.int`. Default `false` (Newcombe method 3,
   * the plain score interval).
   */
  continuityCorrection?: boolean;
  /**
   * Kish design effect for a weighted survey proportion: n is replaced by the effective
   * sample size n / deff, keeping the proportion. Default 1.
   */
  designEffect?: number;
}

/** A Wilson interval; bounds are proportions in [0, 1]. */
export interface WilsonInterval {
  /** x / n, or `null` when n = 0. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  level: number;
  z: number;
  method: "wilson" | "wilson-cc";
  /** `zero-denominator` when n = 0. */
  flags: Flag[];
}

const KNOWN_OPTIONS = ["level", "z", "continuityCorrection", "designEffect"];

/**
 * Unknown option keys throw `invalid-option` naming the known ones (`confidence` for
 * `level` used to be ignored). Same rule and message as equity's `checkOptionKeys`;
 * written out here because `stats/` sits below `equity/` and cannot import it.
 */
function checkOptions(options: unknown): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new EmisInputError("invalid-option", `wilsonInterval requires an options object; got ${Array.isArray(options) ? "an array" : typeof options}`, { function: "wilsonInterval" });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(key)) {
      throw new EmisInputError("invalid-option", `wilsonInterval has no option "${key}"; known: ${KNOWN_OPTIONS.join(", ")} (check the spelling)`, {
        function: "wilsonInterval",
        option: key,
        known: KNOWN_OPTIONS,
      });
    }
  }
}

function check(name: string, v: unknown): number {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
    throw new EmisInputError("missing-value", `wilsonInterval requires ${name}; got ${String(v)} (missing is never read as 0)`, { function: "wilsonInterval" });
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new EmisInputError("invalid-value", `wilsonInterval requires a finite non-negative ${name}; got ${String(v)}`, { function: "wilsonInterval" });
  }
  return v;
}

/**
 * Wilson score interval for a proportion (pass rate, share of trained teachers,
 * enrolment of a small group): unlike the Wald interval it stays inside [0, 1] and
 * keeps close to its nominal coverage for small n and proportions near 0 or 1.
 *
 * Formula (Wilson 1927): centre = (p + z^2/(2n)) / (1 + z^2/n), half-width =
 * z sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n). Continuity-corrected: Newcombe (1998,
 * Stat Med 17:857) method 4, lower limit 0 when x = 0 and upper 1 when x = n. Bounds
 * are clamped to [0, 1] (rounding otherwise leaves 1e-17 at x = 0). z from
 * {@link normalQuantile}. Source: METHODS.md 6.1.
 *
 * Rules: n = 0 gives estimate, low and high `null` with flag `zero-denominator`;
 * missing counts throw `missing-value`; negative counts or x > n throw
 * `invalid-value`; an unknown option key throws `invalid-option` naming the known keys.
 *
 * Non-integer counts are accepted, on purpose: they are weighted counts (sums of
 * survey weights over 0/1 outcomes, as the disaggregation engine passes for weighted
 * designs). The interval then reads n as a simple-random-sample size unless
 * `designEffect` says otherwise: the effective sample size n / deff is what governs its
 * width, so pass the design effect (Kish deff = n sum w^2 / (sum w)^2 for unequal
 * weights) with weighted counts; x / n is the weighted proportion either way.
 *
 * @param successes x, the number with the outcome
 * @param n the number of trials
 * @param options {@link WilsonIntervalOptions}
 * @returns {@link WilsonInterval}
 * @throws EmisInputError `missing-value`, `invalid-value`, `invalid-option`
 * @example
 * wilsonInterval(81, 263); // { estimate: 0.30798, low: 0.25529, high: 0.36621, ... } (Newcombe 1998, Table II)
 * wilsonInterval(0, 20, { continuityCorrection: true }).high; // 0.20045
 */
export function wilsonInterval(successes: number, n: number, options: WilsonIntervalOptions = {}): WilsonInterval {
  checkOptions(options);
  const x0 = check("successes", successes);
  const n0 = check("n", n);
  if (x0 > n0) {
    throw new EmisInputError("invalid-value", `wilsonInterval requires successes <= n; got ${x0} of ${n0}`, { function: "wilsonInterval" });
  }
  const level = options.level ?? 0.95;
  if (options.z === undefined && !(level > 0 && level < 1)) {
    throw new EmisInputError("invalid-option", `wilsonInterval requires level in (0, 1); got ${level}`, { function: "wilsonInterval" });
  }
  const z = options.z ?? normalQuantile(1 - (1 - level) / 2);
  if (!(Number.isFinite(z) && z > 0)) {
    throw new EmisInputError("invalid-option", `wilsonInterval requires a positive z; got ${z}`, { function: "wilsonInterval" });
  }
  const deff = options.designEffect ?? 1;
  if (!(Number.isFinite(deff) && deff > 0)) {
    throw new EmisInputError("invalid-option", `wilsonInterval requires a positive designEffect; got ${deff}`, { function: "wilsonInterval" });
  }
  const cc = options.continuityCorrection ?? false;
  const method = cc ? "wilson-cc" : "wilson";
  if (n0 === 0) return { estimate: null, low: null, high: null, level, z, method, flags: ["zero-denominator"] };
  const p = x0 / n0;
  const m = n0 / deff;
  const z2 = z * z;
  let low: number;
  let high: number;
  if (!cc) {
    const denom = 1 + z2 / m;
    const centre = (p + z2 / (2 * m)) / denom;
    const half = (z * Math.sqrt((p * (1 - p)) / m + z2 / (4 * m * m))) / denom;
    low = centre - half;
    high = centre + half;
  } else {
    const q = 1 - p;
    const d = 2 * (m + z2);
    low = p === 0 ? 0 : (2 * m * p + z2 - 1 - z * Math.sqrt(Math.max(0, z2 - 2 - 1 / m + 4 * p * (m * q + 1)))) / d;
    high = p === 1 ? 1 : (2 * m * p + z2 + 1 + z * Math.sqrt(Math.max(0, z2 + 2 - 1 / m + 4 * p * (m * q - 1)))) / d;
  }
  low = Math.min(p, Math.max(0, low));
  high = Math.max(p, Math.min(1, high));
  return { estimate: p, low, high, level, z, method, flags: [] };
}
