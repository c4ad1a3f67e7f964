import type { Profile } from "../models/profile";

const UDISE = { title: "UDISE+ 2018-19 flash statistics, Department of School Education and Literacy, Ministry of Education, Government of India", url: "https://dashboard.udiseplus.gov.in", date: "2018-19" };

const cycleOf = (g: number) => (g <= 5 ? "primary" : g <= 8 ? "upper_primary" : g <= 10 ? "secondary" : "higher_secondary");

/**
 * Minimal India profile for the UDISE+ 2018-19 state tables: only structure stated in
 * the data set's README, no code lists copied from the data.
 *
 * - Hierarchy `admin`: national → state (the tables are state-level; the national row
 *   is a margin, not a unit).
 * - Grades 1-12 (orders 0-11) in the UDISE+ levels primary (1-5), upper_primary (6-8),
 *   secondary (9-10) and higher_secondary (11-12); pre_primary is a school level, not a
 *   grade. ISCED: 1-5 → 1, 6-8 → 2, 9-12 → 3 (the usual UIS mapping for India; not
 *   checked against a UIS page here).
 * - Entry age 6 to grade 1. Management (`ownership`) codes government,
 *   government_aided, private_unaided_recognised, others. No location classes (the
 *   tables have no urban/rural split) and no norms.
 * Source: UDISE+ 2018-19, DoSEL.
 * @example indiaProfile.ownership.map((o) => o.code) // ["government", "government_aided", "private_unaided_recognised", "others"]
 */
export const indiaProfile = {
  id: "india",
  name: "India (UDISE+ state tables)",
  country: "IN",
  hierarchies: [{ id: "admin", levels: [{ id: "national", label: "India" }, { id: "state", label: "State/UT", parent: "national" }] }],
  units: [],
  grades: Array.from({ length: 12 }, (_, i) => ({
    code: String(i + 1),
    name: `Class ${i + 1}`,
    order: i,
    isced: i < 5 ? "1" : i < 8 ? "2" : "3",
    cycle: cycleOf(i + 1),
  })),
  entryAge: [{ age: 6, source: { ...UDISE, note: "primary = grades 1-5 for ages 6-10 in UDISE+ enrolment ratios" } }],
  referenceDate: { month: 9, day: 30 },
  locationClasses: [],
  schoolLevels: [
    { code: "pre_primary", name: "Pre-primary" },
    { code: "primary", name: "Primary (grades 1-5)" },
    { code: "upper_primary", name: "Upper primary (grades 6-8)" },
    { code: "secondary", name: "Secondary (grades 9-10)" },
    { code: "higher_secondary", name: "Higher secondary (grades 11-12)" },
  ],
  schoolTypes: [],
  ownership: [
    { code: "government", name: "Government" },
    { code: "government_aided", name: "Government aided" },
    { code: "private_unaided_recognised", name: "Private unaided (recognised)" },
    { code: "others", name: "Others" },
  ],
  norms: [],
  teacherBasis: "headcount",
  labels: { national: "India", state: "State/UT", management: "School management" },
  aliases: { ownership: ["management"], sex: ["gender"] },
  minCell: 5,
  sources: [UDISE],
} satisfies Profile;
