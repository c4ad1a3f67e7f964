import { linearRegression, linearRegressionLine, rSquared } from "simple-statistics";
import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { asArrayLike, readNumbers, requireNonEmpty, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/** Result of {@link teacherAllocationConsistency}. */
export interface TeacherAllocationResult {
  /** R^2 of teachers on pupils across schools; `null` when undefined. */
  rSquared: number | null;
  /** 1 - R^2, the "degree of randomness" of teacher allocation. */
  randomness: number | null;
  /** Teachers per additional pupil (OLS slope). */
  slope: number | null;
  /** OLS intercept (teachers at zero pupils). */
  intercept: number | null;
  /** Schools used. */
  n: number;
  /** `not-computable` with fewer than 3 schools; `undefined-measure` with no variation. */
  flags: Flag[];
}

/**
 * Consistency of teacher allocation: how closely the number of teachers in a school
 * follows its number of pupils (country status reports / Education Sector Analysis
 * Methodological Guidelines vol. 1, UNESCO-IIEP, World Bank, UNICEF, Pôle de Dakar).
 *
 * Formula: ordinary least squares of teachers on pupils across schools
 * (simple-statistics `linearRegression`, `rSquared`); R^2 measures coherence and
 * 1 - R^2 is the "degree of randomness". Source: METHODS.md 1.1 [teacher-allocation-r2].
 *
 * Rules: empty throws `empty-input`; missing values throw `missing-value`; negative
 * counts throw `negative-value`; fewer than 3 schools give `null` with
 * `not-computable`; no variation in pupils or teachers gives `null` with
 * `undefined-measure`.
 *
 * @param pupils pupils per school, with `teachers` per school; or rows with two accessors
 * @returns {@link TeacherAllocationResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`
 * @example
 * teacherAllocationConsistency([100, 200, 300, 400], [5, 5, 15, 15]); // rSquared 0.8, randomness 0.2
 */
export function teacherAllocationConsistency(pupils: NumericInput, teachers: NumericInput): TeacherAllocationResult;
export function teacherAllocationConsistency<T>(data: RowInput<T>, pupils: Accessor<T>, teachers: Accessor<T>): TeacherAllocationResult;
export function teacherAllocationConsistency<T>(a: unknown, b: unknown, c?: unknown): TeacherAllocationResult {
  const fn = "teacherAllocationConsistency";
  let x: Float64Array;
  let y: Float64Array;
  if (typeof b === "function" || typeof b === "string") {
    const data = asArrayLike(a as RowInput<T>);
    requireNonEmpty(fn, data.length, "school");
    x = readNumbers(fn, data, b as Accessor<T>, "pupil count");
    y = readNumbers(fn, data, c as Accessor<T>, "teacher count");
  } else {
    const xa = asArrayLike(a as NumericInput);
    const ya = asArrayLike((b ?? []) as NumericInput);
    requireNonEmpty(fn, xa.length, "school");
    if (xa.length !== ya.length) {
      throw new EmisInputError("length-mismatch", `${fn} requires one teacher count per school; got ${ya.length} for ${xa.length} schools`, { function: fn });
    }
    x = readNumbers(fn, xa, undefined, "pupil count");
    y = readNumbers(fn, ya, undefined, "teacher count");
  }
  requireNonNegative(fn, x, "pupil counts");
  requireNonNegative(fn, y, "teacher counts");
  const n = x.length;
  const none = { rSquared: null, randomness: null, slope: null, intercept: null, n };
  if (n < 3) return { ...none, flags: ["not-computable"] };
  const varies = (v: Float64Array) => v.some((e) => e !== v[0]);
  if (!varies(x) || !varies(y)) return { ...none, flags: ["undefined-measure"] };
  const pairs = Array.from(x, (xi, i) => [xi, y[i]]);
  const { m, b: intercept } = linearRegression(pairs);
  const r2 = Math.min(1, Math.max(0, rSquared(pairs, linearRegressionLine({ m, b: intercept }))));
  return { rSquared: r2, randomness: 1 - r2, slope: m, intercept, n, flags: [] };
}
