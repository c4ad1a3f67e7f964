import { z } from "zod";
import { Filter } from "./filter";

/** A sum of one measure over the rows of one fact table that pass `filter`. */
export const FactMeasure = z.object({
  fact: z.string().min(1),
  measure: z.string().min(1),
  filter: Filter.optional(),
});
export type FactMeasure = z.infer<typeof FactMeasure>;

const Base = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id"),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The formula in words, as printed in docs and reports. */
  formula: z.string().optional(),
  unit: z.enum(["percent", "ratio", "count", "score", "index", "years", "share"]),
  /** Multiplier applied to numerator/denominator (100 for percentages). */
  scale: z.number().positive().default(1),
  direction: z.enum(["higher-is-better", "lower-is-better", "neutral"]),
  /** Dimensions it may be broken down by; omitted means any conformed dimension. */
  disaggregableBy: z.array(z.string()).optional(),
  /** Input fields the indicator needs (for the readiness audit). */
  requires: z.array(z.string()).default([]),
  /** Records below which a value is flagged `below-min-n`. */
  minN: z.number().int().min(0).default(0),
  /** Chooses the interval: Wilson for proportions, normal for means, none for ratios. */
  statistic: z.enum(["proportion", "mean", "ratio", "count"]),
  /** Id of the profile norm that is this indicator's threshold. */
  norm: z.string().optional(),
  references: z
    .object({ uis: z.string().optional(), sdg: z.string().optional(), url: z.string().optional() })
    .default({}),
});

/** value = scale × Σ numerator ÷ Σ denominator over the group (a count when no denominator). */
export const RatioIndicator = Base.extend({
  kind: z.literal("ratio"),
  numerator: FactMeasure,
  denominator: FactMeasure.optional(),
});

/**
 * The ratio computed per `unit` (e.g. school), then summarised across units with a
 * stated weight: e.g. the Gini of school pupil-teacher ratios.
 */
export const DistributionIndicator = Base.extend({
  kind: z.literal("distribution"),
  unitOf: z.string().min(1),
  numerator: FactMeasure,
  denominator: FactMeasure,
  summary: z.enum(["gini", "cv", "median", "share-above-norm", "share-below-norm", "mean-of-units"]),
  /** `none`: each unit counts once; `numerator`/`denominator`: units weighted by that sum. */
  weight: z.enum(["none", "numerator", "denominator"]).default("none"),
  /** Threshold for the share-above/below summaries (in the unit ratio's scale). */
  threshold: z.number().optional(),
});

/** Any indicator definition, discriminated by `kind`. */
export const IndicatorDefinition = z.discriminatedUnion("kind", [RatioIndicator, DistributionIndicator]);
/** Parsed definition (defaults filled). */
export type IndicatorDefinition = z.output<typeof IndicatorDefinition>;
/** Definition as written in JSON (defaults optional). */
export type IndicatorDefinitionInput = z.input<typeof IndicatorDefinition>;
export type RatioIndicator = z.output<typeof RatioIndicator>;
export type DistributionIndicator = z.output<typeof DistributionIndicator>;
