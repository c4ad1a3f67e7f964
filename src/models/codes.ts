import { z } from "zod";

/**
 * Generic code: any non-empty code string (the profile narrows it). Schemas do no
 * transforms, so that they export to JSON Schema: the readers trim spaces and tabs
 * around codes (`"P1 "` is `P1`), and only header names are matched loosely (`io/`
 * aliases: case, spaces, underscores and hyphens folded); case is kept (`Female` is not
 * `female`).
 */
export const Code = z.string().min(1).max(200);

/** Sex of a pupil or teacher; `unknown` is a category of its own, never dropped. */
export const Sex = z.enum(["male", "female", "unknown"]);
export type Sex = z.infer<typeof Sex>;

/** Three-valued answer for facilities and flags: `unknown` is reported, never read as no. */
export const YesNo = z.enum(["yes", "no", "unknown"]);
export type YesNo = z.infer<typeof YesNo>;

/** Location class of a school or residence (profile may add classes such as `remote`). */
export const Location = z.enum(["urban", "rural", "remote", "unknown"]);
export type Location = z.infer<typeof Location>;

/**
 * Washington Group / UNICEF functioning answer, coded as the Washington Group short set:
 * 1 no difficulty, 2 some difficulty, 3 a lot of difficulty, 4 cannot do at all.
 * https://www.washingtongroup-disability.com/question-sets/wg-short-set-on-functioning-wg-ss/
 */
export const Functioning = z.number().int().min(1).max(4);

/**
 * UNICEF Child Functioning Module frequency of anxiety or depression feelings:
 * 1 daily, 2 weekly, 3 monthly, 4 a few times a year, 5 never.
 */
export const AffectFrequency = z.number().int().min(1).max(5);

/** End-of-year status of an enrolment record, from one year's records. */
export const Status = z.enum([
  "promoted",
  "repeated",
  "dropped-out",
  "transferred-out",
  "completed",
  "unknown",
]);
export type Status = z.infer<typeof Status>;
