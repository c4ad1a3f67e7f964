import type { IndicatorDefinitionInput } from "../models/indicator";

/*
 * Participation indicators (UIS / SDG 4), kind `external`: enrolment from pupil records
 * over population estimates (the `population` fact, by year, single age and, where
 * given, sex, location and area). Grades and official ages come from the profile for
 * each year (`isced` level; Bhutan ISCED 1 = PP-VI, entrance age 5 from 2020, so the
 * primary official age group in 2024 is 5-11). They disaggregate by any dimension both
 * facts have: `year`, `sex`, `location` (pupils: the school's; population: residence),
 * and hierarchy columns present in the population table.
 * Edge rules: population 0 (or no population for the year) gives null with
 * `zero-denominator` (and `not-computable` when the year is missing); NER, ANER and NIR
 * above 100 are reported with flag `exceeds-100`, never capped; pupils whose grade is
 * not a profile grade (or, for NER/NIR, whose age is unknown) are counted in nExcluded.
 * Sources: UIS, Education Indicators Technical Guidelines (2009),
 * http://uis.unesco.org/en/glossary-term/gross-enrolment-ratio ; METHODS.md 1.2.
 */

const pupils = { fact: "students", measure: "enrolled" } as const;
const population = { fact: "population", measure: "population" } as const;
/** New entrants: enrolment minus repeaters (a pupil of unknown repeater status counts as a new entrant, as UIS subtracts reported repeaters). */
const newEntrants = { fact: "students", measure: "enrolled", filter: { ne: ["repeater", "yes"] } } as { fact: string; measure: string; filter: { ne: [string, string] } };
const base = {
  kind: "external" as const,
  unit: "percent" as const,
  scale: 100,
  requires: ["students.grade", "students.year", "population.age", "population.population"],
  denominator: population,
};

const LEVELS = {
  primary: { isced: "1", label: "primary (ISCED 1)" },
  "lower-secondary": { isced: "2", label: "lower secondary (ISCED 2)" },
  "upper-secondary": { isced: "3", label: "upper secondary (ISCED 3)" },
} as const;
type Level = keyof typeof LEVELS;

/** Gross enrolment ratio (GER) of a level: may exceed 100 (over- and under-age pupils, repeaters). */
export function grossEnrolmentRatio(level: Level) {
  const l = LEVELS[level];
  return {
    ...base,
    id: `gross-enrolment-ratio-${level}`,
    name: `Gross enrolment ratio, ${l.label}`,
    description: "Enrolment in the level regardless of age as a percentage of the population of the official age group for the level. Values above 100 show over- or under-age enrolment and repetition.",
    formula: `100 × pupils enrolled in ${l.label} (any age) ÷ population of the official age group of the level`,
    direction: "higher-is-better",
    statistic: "ratio",
    isced: l.isced,
    gradeScope: "level",
    ages: "official",
    numerator: pupils,
    references: { uis: `GER.${l.isced}`, url: "http://uis.unesco.org/en/glossary-term/gross-enrolment-ratio" },
  } as const satisfies IndicatorDefinitionInput;
}

/** Net enrolment rate (NER) of a level: official-age pupils in the level ÷ official-age population. */
export function netEnrolmentRate(level: Level) {
  const l = LEVELS[level];
  return {
    ...base,
    id: `net-enrolment-rate-${level}`,
    name: `Net enrolment rate, ${l.label}`,
    description: "Enrolment of the official age group for the level as a percentage of that population. Above 100 signals inconsistent enrolment and population sources (flag exceeds-100).",
    formula: `100 × pupils of the official age enrolled in ${l.label} ÷ population of the official age group`,
    direction: "higher-is-better",
    statistic: "proportion",
    isced: l.isced,
    gradeScope: "level",
    ages: "official",
    numeratorAges: "same",
    flagAbove: 100,
    requires: [...base.requires, "students.age|birth_date"],
    numerator: pupils,
    references: { uis: `NER.${l.isced}`, url: "http://uis.unesco.org/en/glossary-term/net-enrolment-rate" },
  } as const satisfies IndicatorDefinitionInput;
}

/** Adjusted net enrolment rate (ANER): official-age pupils in the level or any higher one. */
export function adjustedNetEnrolmentRate(level: Level) {
  return {
    ...netEnrolmentRate(level),
    id: `adjusted-net-enrolment-rate-${level}`,
    name: `Adjusted net enrolment rate, ${LEVELS[level].label}`,
    description: "Official-age children enrolled in the level or a higher one, as a percentage of the official-age population.",
    formula: `100 × children of the official age of ${LEVELS[level].label} enrolled in it or any higher grade ÷ that population`,
    gradeScope: "level-and-higher",
    references: { uis: `NERA.${LEVELS[level].isced}`, url: "http://uis.unesco.org/en/glossary-term/adjusted-net-enrolment-rate" },
  } as const satisfies IndicatorDefinitionInput;
}

/**
 * Out-of-school rate of a level's official age group (SDG 4.1.4, administrative
 * data): 100 × (official-age population − official-age children enrolled in any grade)
 * ÷ official-age population. The SDG-era UIS definition (children in pre-primary count
 * as in school when the profile lists pre-primary grades); METHODS.md section 9, item 7.
 */
export function outOfSchoolRate(level: Level) {
  const l = LEVELS[level];
  return {
    ...base,
    id: `out-of-school-rate-${level}`,
    name: `Out-of-school rate, ${l.label} age`,
    description: "Children of the official age of the level not enrolled in any grade of the profile, as a percentage of that population (100 − the age-group enrolment rate).",
    formula: `100 × (official-age population of ${l.label} − those children enrolled in any grade) ÷ that population`,
    direction: "lower-is-better",
    statistic: "proportion",
    isced: l.isced,
    gradeScope: "all",
    ages: "official",
    numeratorAges: "same",
    complement: true,
    requires: [...base.requires, "students.age|birth_date"],
    numerator: pupils,
    references: { uis: `ROFST.${l.isced}`, sdg: "4.1.4", url: "http://uis.unesco.org/node/334777" },
  } as const satisfies IndicatorDefinitionInput;
}

/** Gross intake ratio to the first grade of primary (GIR): new entrants of any age ÷ population of the entrance age. */
export const grossIntakeRatio = {
  ...base,
  id: "gross-intake-ratio",
  name: "Gross intake ratio to the first grade of primary",
  description: "New entrants (enrolment minus repeaters) to the first grade of primary, regardless of age, as a percentage of the population of the official entrance age. May exceed 100.",
  formula: "100 × new entrants to the first grade of primary (any age) ÷ population of the official entrance age",
  direction: "higher-is-better",
  statistic: "ratio",
  isced: "1",
  gradeScope: "first-grade",
  ages: "entrance",
  requires: [...base.requires, "students.repeater"],
  numerator: newEntrants,
  references: { uis: "GIR.1", url: "http://uis.unesco.org/en/glossary-term/gross-intake-ratio-first-grade-primary" },
} as const satisfies IndicatorDefinitionInput;

/** Net intake rate (NIR): new entrants of the official entrance age ÷ population of that age. */
export const netIntakeRate = {
  ...grossIntakeRatio,
  id: "net-intake-rate",
  name: "Net intake rate to the first grade of primary",
  description: "New entrants to the first grade of primary who are of the official entrance age, as a percentage of the population of that age. Above 100 is flagged exceeds-100.",
  formula: "100 × new entrants of the official entrance age to the first grade of primary ÷ population of that age",
  statistic: "proportion",
  numeratorAges: "same",
  flagAbove: 100,
  requires: [...grossIntakeRatio.requires, "students.age|birth_date"],
  references: { uis: "NIR.1", url: "http://uis.unesco.org/en/glossary-term/net-intake-rate" },
} as const satisfies IndicatorDefinitionInput;

/**
 * Gross intake ratio to the last grade (completion proxy, SDG 4.1.3): new entrants to the
 * last grade of the level (enrolment − repeaters), any age, ÷ population of the intended
 * age of that grade. May exceed 100.
 */
export function grossIntakeRatioLastGrade(level: "primary" | "lower-secondary") {
  const l = LEVELS[level];
  return {
    ...base,
    id: `gross-intake-ratio-last-grade-${level}`,
    name: `Gross intake ratio to the last grade of ${l.label}`,
    description: "Completion proxy: non-repeaters in the last grade of the level as a percentage of the population of the intended age for that grade.",
    formula: `100 × (pupils − repeaters) in the last grade of ${l.label} ÷ population of the intended age of that grade`,
    direction: "higher-is-better",
    statistic: "ratio",
    isced: l.isced,
    gradeScope: "last-grade",
    ages: "last-grade",
    requires: [...base.requires, "students.repeater"],
    numerator: newEntrants,
    references: { uis: `GGR.${l.isced}`, sdg: "4.1.3", url: "http://uis.unesco.org/en/glossary-term/gross-intake-ratio-last-grade" },
  } as const satisfies IndicatorDefinitionInput;
}

export const grossEnrolmentRatioPrimary = grossEnrolmentRatio("primary");
export const grossEnrolmentRatioLowerSecondary = grossEnrolmentRatio("lower-secondary");
export const grossEnrolmentRatioUpperSecondary = grossEnrolmentRatio("upper-secondary");
export const netEnrolmentRatePrimary = netEnrolmentRate("primary");
export const netEnrolmentRateLowerSecondary = netEnrolmentRate("lower-secondary");
export const adjustedNetEnrolmentRatePrimary = adjustedNetEnrolmentRate("primary");
export const outOfSchoolRatePrimary = outOfSchoolRate("primary");
export const outOfSchoolRateLowerSecondary = outOfSchoolRate("lower-secondary");
export const grossIntakeRatioLastGradePrimary = grossIntakeRatioLastGrade("primary");
export const grossIntakeRatioLastGradeLowerSecondary = grossIntakeRatioLastGrade("lower-secondary");
