import { EmisInputError } from "../../models/errors";

/**
 * Which way an indicator points. Pass rates and enrolment ratios are
 * `"higher-is-better"`; dropout, repetition and out-of-school rates are
 * `"lower-is-better"`. Measures never invert the data: the direction only decides who
 * is disadvantaged.
 */
export type Direction = "higher-is-better" | "lower-is-better";

export function readDirection(fn: string, direction: unknown): Direction {
  const d = direction ?? "higher-is-better";
  if (d !== "higher-is-better" && d !== "lower-is-better") {
    throw new EmisInputError("invalid-option", `${fn} requires direction "higher-is-better" or "lower-is-better"; got ${String(d)}`, {
      function: fn,
    });
  }
  return d;
}

/** Read one finite number; null, undefined and NaN throw `missing-value`. */
export function readScalar(fn: string, name: string, v: unknown): number {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
    throw new EmisInputError("missing-value", `${fn} requires a ${name}; got ${v === undefined ? "undefined" : String(v)} (missing is never read as 0)`, {
      function: fn,
      argument: name,
    });
  }
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new EmisInputError("invalid-value", `${fn} requires a finite ${name}; got ${String(v)}`, { function: fn, argument: name });
  }
  return v;
}
