import type { Profile } from "../models/profile";
import unitsData from "./data/bhutan-units.json";
import systemData from "./data/bhutan-school-system.json";
import normsData from "./data/bhutan-norms.json";

const schoolTypeSource = (code: string) => {
  const row = systemData.schoolTypes.find((t) => t.code === code);
  return row ? `${row.description} Source: ${row.source.title}${"url" in row.source ? ` ${row.source.url}` : ""}` : undefined;
};

const profileSources = [
  ...new Map(
    [...unitsData.units, ...systemData.grades, ...systemData.schoolTypes, ...normsData.norms]
      .map((r) => r.source as { title: string; url?: string; date?: string })
      .filter((s) => s.url)
      .map((s) => [s.url as string, { title: s.title, url: s.url, ...(s.date ? { date: s.date } : {}) }] as const),
  ).values(),
];

/**
 * Bhutan country profile, built from the hand-transcribed reference facts in
 * `bhutan_reference/` by `scripts/build-bhutan-profile.ts` (data in `src/profiles/data/`,
 * every row with its source).
 *
 * - Hierarchies: `admin` = national → dzongkhag (20) → gewog (196 of 205; nine Wangdue
 *   Phodrang gewogs were not confirmed on a public page) → school, and `municipal` =
 *   national → dzongkhag → thromde (the 4 Class A thromdes) → school. A school carries
 *   `dzongkhag`, `gewog` and, inside a thromde, `thromde`.
 * - Unit codes: `BT`; dzongkhag = kebab-case name (`wangdue-phodrang`); gewog =
 *   `<dzongkhag>/<gewog>` (`haa/gakiling` vs `sarpang/gakiling`); thromde =
 *   `<name>-thromde`. Join names with {@link resolveUnit} on (name or variant, parent).
 * - Grades: PP (order 0) and Classes I-XII (orders 1-12); PP-VI map to ISCED 1, VII-X to
 *   ISCED 2 and XI-XII to ISCED 3 (the last two inferred: no UIS mapping page found).
 * - Entry age (PP): 6 for entry years 1985-2019, 5 from 2020 (Cabinet executive order of
 *   9 January 2020; confirmed for 2026). See {@link officialAge} for the cohort rule.
 * - Reference date 1 March: the 2026 rule states the age as of 1 March of the academic year.
 * - School levels PS, LSS, MSS, HSS and ECR. ECR is a *level*: published school counts
 *   list extended classrooms beside PS/LSS/MSS/HSS and, like them, it names the classes
 *   offered (lower primary, e.g. PP-III). It is also kept as a *type* so files that code
 *   it as a type validate; the synthetic seed sets both.
 * - School types CS (central), ECR, PVT (private), SPECIAL (special institutes), AUTO
 *   (autonomous), CPS (community primary) and REG (regular school with no special type;
 *   added by this profile, not in the source list).
 * - Norms (21, each with its source): PTR 18 (max, `pupil-teacher-ratio`), class size
 *   primary 25 / secondary 32 (max, `average-class-size`), minimum enrolments ECR 20 /
 *   PS 50 / CS 800, WASH toilet ratios (2024 standard and the older one cited in AES
 *   2017), BCSE 35% / BHSEC 40% pass marks, 180 instructional days, water supply, ...
 *   Non-numeric policies (free education to X then XII, boarding policy, no
 *   distance-to-school norm) stay in `data/bhutan-norms.json` under `other`.
 * - `minCell` 5: no Bhutan disclosure rule was found; 5 is the common small-cell
 *   threshold of statistical offices, and Bhutan has schools of 6-20 pupils (ECRs, small
 *   PS) where one child with a disability would otherwise be identifiable.
 * - `teacherBasis` headcount: published Bhutan PTRs are headcount ratios.
 *
 * Treat it as read-only; {@link extendProfile} returns a new profile.
 * @example bhutanProfile.units.filter((u) => u.level === "dzongkhag").length // 20
 */
export const bhutanProfile = {
  id: "bhutan",
  name: "Bhutan",
  country: "BT",
  hierarchies: [
    {
      id: "admin",
      levels: [
        { id: "national", label: "Bhutan" },
        { id: "dzongkhag", label: "Dzongkhag", parent: "national" },
        { id: "gewog", label: "Gewog", parent: "dzongkhag" },
        { id: "school", label: "School", parent: "gewog" },
      ],
    },
    {
      id: "municipal",
      levels: [
        { id: "national", label: "Bhutan" },
        { id: "dzongkhag", label: "Dzongkhag", parent: "national" },
        { id: "thromde", label: "Thromde", parent: "dzongkhag" },
        { id: "school", label: "School", parent: "thromde" },
      ],
    },
  ],
  units: unitsData.units.map((u) => ({
    level: u.level,
    code: u.code,
    name: u.name,
    ...("parent" in u && u.parent ? { parent: u.parent } : {}),
    ...("variants" in u && u.variants?.length ? { variants: u.variants } : {}),
  })),
  grades: systemData.grades.map((g) => ({ code: g.code, name: g.name, order: g.order, isced: g.isced, cycle: g.cycle })),
  entryAge: systemData.entryAge,
  referenceDate: { month: 3, day: 1 },
  locationClasses: ["urban", "rural", "remote"],
  schoolLevels: [
    { code: "ECR", name: "Extended classroom", note: schoolTypeSource("ECR") },
    { code: "PS", name: "Primary school (PP-VI)", note: schoolTypeSource("PS") },
    { code: "LSS", name: "Lower secondary school (up to VIII)", note: schoolTypeSource("LSS") },
    { code: "MSS", name: "Middle secondary school (up to X)", note: schoolTypeSource("MSS") },
    { code: "HSS", name: "Higher secondary school (up to XII)", note: schoolTypeSource("HSS") },
  ],
  schoolTypes: [
    { code: "REG", name: "Regular school (no special type)", note: "added by the profile so every school has a type" },
    { code: "CS", name: "Central school", note: schoolTypeSource("CS") },
    { code: "ECR", name: "Extended classroom", note: schoolTypeSource("ECR") },
    { code: "PVT", name: "Private school", note: schoolTypeSource("PVT") },
    { code: "SPECIAL", name: "Special institute", note: schoolTypeSource("SPECIAL") },
    { code: "AUTO", name: "Autonomous school", note: schoolTypeSource("AUTO") },
    { code: "CPS", name: "Community primary school", note: schoolTypeSource("CPS") },
  ],
  ownership: [
    { code: "public", name: "Public (government)" },
    { code: "private", name: "Private" },
  ],
  norms: normsData.norms.map((n) => ({
    id: n.id,
    value: n.value,
    unit: n.unit,
    appliesTo: n.appliesTo,
    ...("indicator" in n ? { indicator: n.indicator } : {}),
    ...("bound" in n ? { bound: n.bound as "max" | "min" } : {}),
    status: n.status,
    source: n.source,
  })),
  teacherBasis: "headcount",
  labels: {
    national: "Bhutan",
    dzongkhag: "Dzongkhag",
    gewog: "Gewog",
    thromde: "Thromde",
    grade: "Class",
    PP: "Pre-Primary",
    ECR: "Extended classroom",
    PS: "Primary school",
    LSS: "Lower secondary school",
    MSS: "Middle secondary school",
    HSS: "Higher secondary school",
    CS: "Central school",
    BCSE: "Bhutan Certificate of Secondary Education (Class X)",
    BHSEC: "Bhutan Higher Secondary Education Certificate (Class XII)",
  },
  aliases: {
    school_id: ["School ID", "school code", "school_code", "schoolid", "School Code", "EMIS code"],
    name: ["school name", "School Name", "school"],
    student_id: ["Student ID", "student code", "student_code", "studentid"],
    teacher_id: ["Teacher ID", "teacher code", "employee id", "EID"],
    sex: ["gender", "Gender", "Sex"],
    grade: ["class", "Class", "grade level"],
    dzongkhag: ["district", "District", "Dzongkhag", "dzongkhag name"],
    gewog: ["block", "Gewog", "subdistrict"],
    thromde: ["Thromde", "municipality", "town"],
    level: ["school level", "school_level", "School Level", "level of school"],
    type: ["school type", "school_type", "School Type", "category"],
    ownership: ["management", "Management", "public/private"],
    location: ["area", "urban/rural", "locality", "Location"],
    age: ["Age", "age in years"],
    year: ["academic year", "Year", "academic_year"],
    disability: ["CWD", "SEN", "child with disability", "special needs"],
  },
  minCell: 5,
  sources: profileSources,
} satisfies Profile;
