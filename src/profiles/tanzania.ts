import type { Profile } from "../models/profile";

const TAMISEMI = { title: "PO-RALG (TAMISEMI), Basic Education Data 2022: enrolment in government and non-government primary schools by age and sex", url: "https://www.tamisemi.go.tz", date: "2022" };
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"];

/**
 * Minimal Tanzania (mainland) profile for the 2022 primary enrolment file: only
 * structure stated in the data set's README, no code lists copied from the data.
 *
 * - Hierarchy `admin`: national → region → council → ward → school.
 * - Grades Standard I-VII (codes `I`..`VII`, orders 0-6, ISCED 1) with official ages
 *   7-13, i.e. entry age 7.
 * - Ownership government and non_government. No location classes, school levels, types
 *   or norms (the file has none).
 * Source: PO-RALG (TAMISEMI), Basic Education Data 2022.
 * @example officialAge(tanzaniaProfile, "VII", 2022) // 13
 */
export const tanzaniaProfile = {
  id: "tanzania",
  name: "Tanzania mainland (primary enrolment 2022)",
  country: "TZ",
  hierarchies: [
    {
      id: "admin",
      levels: [
        { id: "national", label: "Tanzania mainland" },
        { id: "region", label: "Region", parent: "national" },
        { id: "council", label: "Council", parent: "region" },
        { id: "ward", label: "Ward", parent: "council" },
        { id: "school", label: "School", parent: "ward" },
      ],
    },
  ],
  units: [],
  grades: ROMAN.map((r, i) => ({ code: r, name: `Standard ${r}`, order: i, isced: "1", cycle: "primary" })),
  entryAge: [{ age: 7, source: { ...TAMISEMI, note: "primary covers Standards I-VII at official ages 7-13" } }],
  referenceDate: { month: 1, day: 1 },
  locationClasses: [],
  schoolLevels: [],
  schoolTypes: [],
  ownership: [
    { code: "government", name: "Government" },
    { code: "non_government", name: "Non-government" },
  ],
  norms: [],
  teacherBasis: "headcount",
  labels: { national: "Tanzania mainland", region: "Region", council: "Council", ward: "Ward", grade: "Standard" },
  aliases: { school_id: ["school_reg_no", "registration number"], name: ["school_name"] },
  minCell: 5,
  sources: [TAMISEMI],
} satisfies Profile;
