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
  /**
   * Minimum count (and complement) for publishing this indicator's cells, when it must
   * be stricter than the call's (`suppression.minCell`, default the profile's
   * `minCell`); the larger of the two applies, so an indicator can never weaken the
   * profile's rule. It holds for every indicator of the call that shares this one's
   * counts (same fact, or facts linked through a ratio). Omitted: the call's minimum.
   */
  minCell: z.number().int().min(0).optional(),
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

/** Named pupil-flow functions of the `flow` kind (UIS reconstructed-cohort family). */
export const FLOW_METHODS = [
  "repetition-rate-uis",
  "promotion-rate-uis",
  "dropout-rate-uis",
  "effective-promotion-rate",
  "survival-rate",
  "cumulative-dropout-rate",
  "gross-transition-rate",
  "effective-transition-rate",
] as const;

/**
 * A pupil-flow indicator that needs grade g in year t and grades g, g+1 in year t+1
 * (UIS promotion, repetition and dropout rates, reconstructed-cohort survival,
 * transition), computed by a named function (`method`) from two building blocks
 * summed by grade and year:
 * - `denominator`: enrolment E(g, t), the base of every flow rate;
 * - `numerator`: repeaters R(g, t+1), pupils in grade g in year t+1 who repeat it.
 * The grades of the cycle are the profile's grades mapped to `isced` (in profile
 * order) or the explicit `grades` list; transitions go from the cycle's last grade to
 * the next grade of the profile. Rows are for the base year t.
 */
export const FlowIndicator = Base.extend({
  kind: z.literal("flow"),
  method: z.enum(FLOW_METHODS),
  numerator: FactMeasure,
  denominator: FactMeasure,
  /** ISCED level of the profile whose grades form the cycle (e.g. "1"). */
  isced: z.string().min(1).optional(),
  /** Explicit grade codes of the cycle, in order (overrides `isced`). */
  grades: z.array(z.string().min(1)).min(2).optional(),
  /** Survival: repetitions allowed per grade (1/(1-r) becomes 1 + r + ... + r^m); default unlimited. */
  maxRepetitions: z.number().int().min(0).optional(),
});

/**
 * A participation indicator whose denominator comes from another fact source: the
 * population by age, sex, area and year (GER, NER, ANER, intake ratios, out-of-school
 * rate). `numerator` is enrolment (pupil records), `denominator` the population; both
 * are restricted by the profile's structure for the year:
 * - `gradeScope` picks the pupils' grades: the `isced` level, the level and every
 *   higher grade (ANER), its first grade (intake), its last grade, or all grades;
 * - `ages` picks the population ages: the level's official age group in year t
 *   (`official`: entrance age of year t + the grades' orders; `official-cohort`: the
 *   cohort rule of `officialAge`), the entrance age of the level's first grade, the
 *   intended age of its last grade, or an explicit `{ from, to }` range;
 * - `numeratorAges: "same"` keeps only pupils whose age is in that range (NER, NIR);
 * - `complement: true` reports 100 − the rate, i.e. (population − enrolled) ÷
 *   population (out-of-school rate);
 * - `yearRule`: population of the same year, or of the nearest year available.
 */
export const ExternalIndicator = Base.extend({
  kind: z.literal("external"),
  numerator: FactMeasure,
  denominator: FactMeasure,
  isced: z.string().min(1).optional(),
  gradeScope: z.enum(["level", "level-and-higher", "first-grade", "last-grade", "all"]).default("level"),
  ages: z
    .union([
      z.enum(["official", "official-cohort", "entrance", "last-grade"]),
      z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }),
    ])
    .default("official"),
  numeratorAges: z.enum(["any", "same"]).default("any"),
  complement: z.boolean().default(false),
  yearRule: z.enum(["same-year", "nearest-year"]).default("same-year"),
  /** Numeric age field of both facts (a measure). */
  ageField: z.string().min(1).default("age"),
  /** Values above this are flagged `exceeds-100` (NER, NIR: 100). */
  flagAbove: z.number().optional(),
});

/** Any indicator definition, discriminated by `kind`. */
export const IndicatorDefinition = z.discriminatedUnion("kind", [RatioIndicator, DistributionIndicator, FlowIndicator, ExternalIndicator]);
/** Parsed definition (defaults filled). */
export type IndicatorDefinition = z.output<typeof IndicatorDefinition>;
/** Definition as written in JSON (defaults optional). */
export type IndicatorDefinitionInput = z.input<typeof IndicatorDefinition>;
export type RatioIndicator = z.output<typeof RatioIndicator>;
export type DistributionIndicator = z.output<typeof DistributionIndicator>;
export type FlowIndicator = z.output<typeof FlowIndicator>;
export type ExternalIndicator = z.output<typeof ExternalIndicator>;
/** One of {@link FLOW_METHODS}. */
export type FlowMethod = (typeof FLOW_METHODS)[number];
