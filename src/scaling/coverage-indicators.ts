import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Innovation coverage indicators, read on a dataset from `withAdoption`:
 * - `innovation-school-coverage`: 100 × schools that adopted ÷ schools;
 * - `innovation-pupil-coverage`: 100 × pupils enrolled in adopting schools ÷ pupils
 *   (the share of learners the innovation reaches).
 * Both are proportions (Wilson intervals, disclosure control like any other).
 */
export const COVERAGE_INDICATORS: readonly IndicatorDefinitionInput[] = [
  {
    id: "innovation-school-coverage",
    name: "Schools reached by the innovation (%)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    formula: "100 × schools that adopted the innovation ÷ schools",
    requires: ["schools.school_id", "innovation.school_id"],
    numerator: { fact: "schools", measure: "adopted" },
    denominator: { fact: "schools", measure: "schools" },
  },
  {
    id: "innovation-pupil-coverage",
    name: "Pupils reached by the innovation (%)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    formula: "100 × pupils enrolled in schools that adopted the innovation ÷ pupils",
    requires: ["students.school_id", "innovation.school_id"],
    numerator: { fact: "students", measure: "adopted" },
    denominator: { fact: "students", measure: "enrolled" },
  },
];
