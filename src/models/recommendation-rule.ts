import { z } from "zod";

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id");
const Dim = z.string().min(1);

/** A figure compared with a fixed value or a profile norm, row by row at one level. */
export const ThresholdCondition = z.object({
  kind: z.literal("threshold"),
  indicator: Id,
  /** Dimensions the rows are grouped by (`[]` = national total). */
  by: z.array(Dim).default([]),
  op: z.enum(["above", "below"]),
  /** Fixed threshold in the indicator's unit. */
  value: z.number().optional(),
  /** Profile norm id, or `"indicator"` for the profile's norm attached to this indicator. */
  norm: z.string().min(1).optional(),
});

/** The UIS-adjusted parity index of group vs reference outside a band. */
export const ParityCondition = z.object({
  kind: z.literal("parity"),
  indicator: Id,
  by: Dim,
  group: z.string().min(1),
  reference: z.string().min(1),
  /** Also compare within each unit of this dimension. */
  within: Dim.optional(),
  lower: z.number().positive().default(0.97),
  upper: z.number().positive().default(1.03),
  /** Fire on a disparity against the group (default), the reference, or either. */
  against: z.enum(["group", "reference", "either"]).default("group"),
});

/** The absolute gap (group − reference, indicator unit) at least `min` against the group. */
export const GapCondition = z.object({
  kind: z.literal("gap"),
  indicator: Id,
  by: Dim,
  group: z.string().min(1),
  reference: z.string().min(1),
  within: Dim.optional(),
  min: z.number().min(0),
});

/** Change between the two latest years (dimension `year`) at least `min`, worsening or improving. */
export const TrendCondition = z.object({
  kind: z.literal("trend"),
  indicator: Id,
  by: z.array(Dim).default([]),
  change: z.enum(["worsening", "improving"]),
  min: z.number().min(0),
});

/** The `worst` units of a dimension (by the indicator's direction). */
export const RankCondition = z.object({
  kind: z.literal("rank"),
  indicator: Id,
  across: Dim,
  worst: z.number().int().min(1),
});

/** Readiness-audit cells with one of these statuses, grouped per equity dimension. */
export const ReadinessCondition = z.object({
  kind: z.literal("readiness"),
  status: z.array(z.enum(["ready", "partial", "not-possible"])).min(1),
  dimension: z.string().min(1).optional(),
  indicator: Id.optional(),
  /** Fire for a dimension only when at least this many cells have the status. */
  minCells: z.number().int().min(1).default(1),
});

/** Groups whose `n` is below a minimum, or withheld by disclosure control. */
export const SmallNCondition = z.object({
  kind: z.literal("n"),
  indicator: Id,
  by: z.array(Dim).default([]),
  below: z.number().int().min(1),
  /** Count withheld (suppressed) cells as small too; default true. */
  includeSuppressed: z.boolean().default(true),
});

/** A condition over results, discriminated by `kind`. */
export const RuleCondition = z.discriminatedUnion("kind", [
  ThresholdCondition,
  ParityCondition,
  GapCondition,
  TrendCondition,
  RankCondition,
  ReadinessCondition,
  SmallNCondition,
]);
export type RuleCondition = z.output<typeof RuleCondition>;

/** A cited source of the norm a rule applies. */
export const RuleSource = z.object({ title: z.string().min(1), url: z.string().optional(), note: z.string().optional() });

/**
 * A recommendation rule as data. `when` produces matches (one per group or unit that
 * meets it); every condition in `and` must match somewhere too. The rule fires once,
 * with all its matches as the groups affected and the worst match's figures in `text`
 * (a template: `{{name}}` placeholders, names listed in the docs of `recommend`).
 * `evidence` names the figures the recommendation must cite; `sources` the norms.
 */
export const RecommendationRule = z.object({
  id: Id,
  title: z.string().min(1),
  when: RuleCondition,
  and: z.array(RuleCondition).default([]),
  severity: z.enum(["high", "medium", "low"]),
  /** 0-100, higher first within a severity. */
  priority: z.number().int().min(0).max(100),
  text: z.string().min(1),
  evidence: z.array(z.string().min(1)).min(1),
  sources: z.array(RuleSource).min(1),
  /** Groups with fewer records than this get a small-n caveat; default 30. */
  minN: z.number().int().min(0).default(30),
});
export type RecommendationRule = z.output<typeof RecommendationRule>;
export type RecommendationRuleInput = z.input<typeof RecommendationRule>;

/** A named set of rules (a JSON file). */
export const RulePack = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  rules: z.array(RecommendationRule),
});
export type RulePack = z.output<typeof RulePack>;
export type RulePackInput = z.input<typeof RulePack>;
