import type { IndicatorDefinitionInput } from "../models/indicator";

function statusRate(id: string, name: string, measure: string, direction: "higher-is-better" | "lower-is-better", what: string) {
  return {
    id,
    name,
    kind: "ratio",
    description:
      "Status-based rate from one year's pupil records (end-of-year status). Not the UIS flow rate, which needs enrolment and repeaters in two consecutive years (a different indicator id). Pupils transferred out or of unknown status leave both parts and are counted in nExcluded.",
    formula: `100 × pupils ${what} ÷ pupils with a known end-of-year status`,
    unit: "percent",
    scale: 100,
    direction,
    statistic: "proportion",
    requires: ["students.status"],
    numerator: { fact: "students", measure },
    denominator: { fact: "students", measure: "enrolled" },
    references: { url: "http://uis.unesco.org/en/glossary-term/repetition-rate-grade" },
  } as const satisfies IndicatorDefinitionInput;
}

/** Repetition (status-based): share of pupils whose end-of-year status is "repeated". */
export const repetitionStatus = statusRate("repetition-status", "Repetition rate (status-based)", "repeated", "lower-is-better", "who repeat the grade");
/** Promotion (status-based): share promoted or completing the cycle. */
export const promotionStatus = statusRate("promotion-status", "Promotion rate (status-based)", "promoted", "higher-is-better", "promoted or completing");
/** Dropout (status-based): share who dropped out during or at the end of the year. */
export const dropoutStatus = statusRate("dropout-status", "Dropout rate (status-based)", "dropped", "lower-is-better", "who dropped out");
