import type { IndicatorDefinitionInput } from "../models/indicator";

function facilityShare(id: string, name: string, measure: string, sdg: string | undefined) {
  return {
    id,
    name,
    kind: "ratio",
    formula: `100 × schools with ${measure.replace(/_/g, " ")} ÷ schools with known status`,
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    disaggregableBy: ["@school", "year"],
    requires: [`schools.${measure}`],
    numerator: { fact: "schools", measure },
    denominator: { fact: "schools", measure: "schools" },
    references: { sdg, url: "https://unstats.un.org/sdgs/metadata/files/Metadata-04-0a-01.pdf" },
  } as const satisfies IndicatorDefinitionInput;
}

/*
 * SDG 4.a.1 school infrastructure shares: 100 × schools with the service ÷ schools.
 * Schools whose status is unknown are excluded from the denominator and counted in
 * `nExcluded` (library convention; UIS metadata does not prescribe it: METHODS.md 1.4),
 * so coverage of the question is always reported beside the share.
 */

/** Schools with electricity (SDG 4.a.1 a). */
export const schoolsWithElectricity = facilityShare("schools-with-electricity", "Schools with electricity", "electricity", "4.a.1");
/** Schools with basic drinking water (SDG 4.a.1 e). */
export const schoolsWithDrinkingWater = facilityShare("schools-with-drinking-water", "Schools with drinking water", "drinking_water", "4.a.1");
/** Schools with toilets (SDG 4.a.1 f asks single-sex basic sanitation). */
export const schoolsWithToilets = facilityShare("schools-with-toilets", "Schools with toilets", "toilets", "4.a.1");
/** Schools with a toilet accessible to children with disabilities (SDG 4.a.1 d). */
export const schoolsWithAccessibleToilets = facilityShare("schools-with-accessible-toilets", "Schools with accessible toilets", "accessible_toilet", "4.a.1");
/** Schools with ramps (adapted infrastructure, SDG 4.a.1 d). */
export const schoolsWithRamps = facilityShare("schools-with-ramps", "Schools with ramps", "ramp", "4.a.1");
/** Schools with internet for pedagogy (SDG 4.a.1 b). */
export const schoolsWithInternet = facilityShare("schools-with-internet", "Schools with internet", "internet", "4.a.1");
/** Schools with computers for pedagogy (SDG 4.a.1 c). */
export const schoolsWithComputers = facilityShare("schools-with-computers", "Schools with computers", "computers", "4.a.1");
/** Schools with basic handwashing facilities (SDG 4.a.1 g). */
export const schoolsWithHandwashing = facilityShare("schools-with-handwashing", "Schools with handwashing facilities", "handwashing", "4.a.1");
