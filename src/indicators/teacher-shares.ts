import type { IndicatorDefinitionInput } from "../models/indicator";

const teaching = { ne: ["teaching", "no"] } as { ne: [string, string] };

function teacherShare(id: string, name: string, measure: string, uis: Record<string, string>, formula: string) {
  return {
    id,
    name,
    kind: "ratio",
    formula,
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    requires: [`teachers.${measure === "female" ? "sex" : measure}`],
    numerator: { fact: "teachers", measure, filter: teaching },
    denominator: { fact: "teachers", measure: "teachers", filter: teaching },
    references: uis,
  } as const satisfies IndicatorDefinitionInput;
}

/**
 * Percentage of female teachers: 100 × female teachers ÷ teachers (teaching staff).
 * Teachers of unknown sex leave both parts and are counted in `nExcluded`.
 * Direction is "higher-is-better" only as a parity reading; read it against 50%.
 * Source: UIS glossary, http://uis.unesco.org/en/glossary-term/percentage-female-teachers
 */
export const femaleTeachersPercent = { ...teacherShare("female-teachers-percent", "Percentage of female teachers", "female", { url: "http://uis.unesco.org/en/glossary-term/percentage-female-teachers" }, "100 × female teachers ÷ teachers"), direction: "neutral" } as const satisfies IndicatorDefinitionInput;

/**
 * Percentage of trained teachers: 100 × teachers with the minimum organised pedagogical
 * training required nationally ÷ teachers. Unknown status leaves both parts (counted).
 * Source: UIS, http://uis.unesco.org/node/334753
 */
export const trainedTeachersPercent = teacherShare("trained-teachers-percent", "Percentage of trained teachers", "trained", { uis: "TRTP", url: "http://uis.unesco.org/node/334753" }, "100 × trained teachers ÷ teachers");

/**
 * Proportion of teachers with the minimum required qualifications (SDG 4.c.1):
 * 100 × qualified teachers ÷ teachers, by level. Unknown status leaves both parts.
 * Source: UN SDG metadata 4.c.1, https://unstats.un.org/sdgs/metadata/
 */
export const qualifiedTeachersPercent = teacherShare("qualified-teachers-percent", "Percentage of qualified teachers (SDG 4.c.1)", "qualified", { sdg: "4.c.1", url: "https://unstats.un.org/sdgs/metadata/" }, "100 × qualified teachers ÷ teachers");
