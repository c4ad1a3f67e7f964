import { z } from "zod";
import { EmisDefinitionError } from "../models/errors";

/** One item of the need index: an indicator per school, a school measure, or scored codes of a school dimension. */
export const NeedItem = z.object({
  /** Indicator id computed per school (e.g. `pass-rate`); its direction orients the item. */
  indicator: z.string().min(1).optional(),
  /** A numeric School field kept as a measure (e.g. `distance_road_km`). */
  field: z.string().min(1).optional(),
  /** A school dimension (e.g. `location`) with a need score per code in `scores`. */
  dimension: z.string().min(1).optional(),
  scores: z.record(z.string(), z.number()).optional(),
  /** Non-negative weight; rescaled over the answered items. */
  weight: z.number().min(0),
  /** Which end means more need; default from the indicator's direction, else higher. */
  direction: z.enum(["higher-is-more-need", "lower-is-more-need"]).optional(),
});
export type NeedItem = z.infer<typeof NeedItem>;

/** The need index as data (JSON). */
export const NeedIndexSpec = z.object({
  items: z.array(NeedItem).min(1),
  /** `min-max` (default; 0-100, 100 = neediest observed) or `z-score`. */
  normalisation: z.enum(["min-max", "z-score"]).default("min-max"),
  /** Least items a school must have to get a score; default two thirds of the items, rounded up. */
  minAnswered: z.number().int().min(1).optional(),
  /** Number of need groups (5 = quintiles Q1..Q5, Q1 neediest); default 5. */
  groups: z.number().int().min(2).max(100).default(5),
});
export type NeedIndexSpec = z.output<typeof NeedIndexSpec>;
export type NeedIndexSpecInput = z.input<typeof NeedIndexSpec>;

/**
 * Validates a need-index specification (e.g. read from JSON). An invalid one throws
 * `EmisDefinitionError` (code `invalid-need-index`) naming the field.
 * @example parseNeedIndexSpec({ items: [{ indicator: "pass-rate", weight: 2 }] }).normalisation // "min-max"
 * @throws EmisDefinitionError `invalid-need-index`
 */
export function parseNeedIndexSpec(input: unknown): NeedIndexSpec {
  const r = NeedIndexSpec.safeParse(input);
  const fail = (path: string, message: string): never => {
    throw new EmisDefinitionError("invalid-need-index", `need index: field ${path} ${message}`, { field: path });
  };
  if (!r.success) {
    const i = r.error.issues[0];
    return fail(i.path.join(".") || "(root)", i.message.toLowerCase());
  }
  r.data.items.forEach((it, k) => {
    const kinds = [it.indicator, it.field, it.dimension].filter((x) => x !== undefined).length;
    if (kinds !== 1) fail(`items.${k}`, "must name exactly one of indicator, field or dimension");
    if (it.dimension !== undefined && !it.scores) fail(`items.${k}.scores`, "is required with a dimension (a need score per code)");
  });
  if (r.data.items.every((it) => it.weight === 0)) fail("items", "must have at least one positive weight");
  if (r.data.minAnswered !== undefined && r.data.minAnswered > r.data.items.length) fail("minAnswered", `is larger than the number of items (${r.data.items.length})`);
  return r.data;
}
