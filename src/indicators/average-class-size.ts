import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Average class size: pupils ÷ classes (teaching groups, "sections"); a multi-grade
 * class counts once (UOE definition). Ratio of sums over any group. Norm in the Bhutan
 * profile: about 25 (primary) and 32 (secondary).
 * Source: UIS glossary, http://uis.unesco.org/en/glossary-term/average-class-size
 * @example disaggregate(ds, ["average-class-size"], { by: ["grade"] })
 */
export const averageClassSize = {
  id: "average-class-size",
  name: "Average class size",
  kind: "ratio",
  formula: "pupils in classes ÷ number of classes",
  unit: "ratio",
  direction: "lower-is-better",
  statistic: "ratio",
  requires: ["sections.pupils"],
  numerator: { fact: "sections", measure: "pupils" },
  denominator: { fact: "sections", measure: "sections" },
  norm: "average-class-size",
  references: { url: "http://uis.unesco.org/en/glossary-term/average-class-size" },
} as const satisfies IndicatorDefinitionInput;
