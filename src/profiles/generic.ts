import type { Profile } from "../models/profile";

const ISCED = { title: "UNESCO Institute for Statistics, International Standard Classification of Education ISCED 2011", url: "https://uis.unesco.org/en/topic/international-standard-classification-education-isced", date: "2012" };

const grades = Array.from({ length: 12 }, (_, i) => ({
  code: `G${i + 1}`,
  name: `Grade ${i + 1}`,
  order: i,
  isced: i < 6 ? "1" : i < 9 ? "2" : "3",
  cycle: i < 6 ? "primary" : i < 9 ? "lower_secondary" : "upper_secondary",
}));

/**
 * Generic ISCED profile: a neutral starting point when no country profile fits.
 *
 * - Hierarchy `admin`: national → region → district → school (schools carry `region`
 *   and `district` columns).
 * - Grades G1..G12 (orders 0-11): G1-G6 ISCED 1 (primary), G7-G9 ISCED 2 (lower
 *   secondary), G10-G12 ISCED 3 (upper secondary): the most common 6+3+3 structure.
 * - Entry age 6 for every year; reference date 1 January.
 * - Location classes urban, rural, remote; school levels primary, lower_secondary,
 *   upper_secondary; ownership public and private; no school types (any code accepted).
 * - No national norms (a country profile adds them); minCell 5; headcount teachers.
 * Source: UIS, ISCED 2011.
 * @example genericProfile.grades.map((g) => g.code).slice(0, 3) // ["G1", "G2", "G3"]
 */
export const genericProfile = {
  id: "generic",
  name: "Generic ISCED profile",
  hierarchies: [
    {
      id: "admin",
      levels: [
        { id: "national", label: "National" },
        { id: "region", label: "Region", parent: "national" },
        { id: "district", label: "District", parent: "region" },
        { id: "school", label: "School", parent: "district" },
      ],
    },
  ],
  units: [],
  grades,
  entryAge: [{ age: 6, source: { title: ISCED.title, url: ISCED.url, note: "most common official primary entry age; override per country" } }],
  referenceDate: { month: 1, day: 1 },
  locationClasses: ["urban", "rural", "remote"],
  schoolLevels: [
    { code: "primary", name: "Primary (ISCED 1)" },
    { code: "lower_secondary", name: "Lower secondary (ISCED 2)" },
    { code: "upper_secondary", name: "Upper secondary (ISCED 3)" },
  ],
  schoolTypes: [],
  ownership: [
    { code: "public", name: "Public" },
    { code: "private", name: "Private" },
  ],
  norms: [],
  teacherBasis: "headcount",
  labels: { national: "National", region: "Region", district: "District", grade: "Grade" },
  aliases: {
    school_id: ["School ID", "school code", "school_code", "schoolid"],
    student_id: ["Student ID", "student code", "pupil_id"],
    teacher_id: ["Teacher ID", "staff_id"],
    sex: ["gender", "Gender", "Sex"],
    grade: ["class", "Class", "Grade", "standard"],
    ownership: ["management", "Management"],
    location: ["area", "urban/rural", "locality"],
  },
  minCell: 5,
  sources: [ISCED],
} satisfies Profile;
