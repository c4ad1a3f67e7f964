import type { Profile } from "../../src/models/profile";
import type { Student } from "../../src/models/student";
import type { Teacher } from "../../src/models/teacher";
import type { Section } from "../../src/models/section";
import { seededRandom } from "../../src/stats/random";
import { bhutanProfile } from "../../src/profiles";
import { makeDraw } from "./internal/draw";
import { planSchools, fixEnrolments, type SyntheticSchool } from "./internal/schools";
import { drawPupils, assignDisability, drawOutcomes, drawSections } from "./internal/pupils";
import { drawTeachers } from "./internal/teachers";

export type { SyntheticSchool } from "./internal/schools";

/** Options of {@link generateBhutanSynthetic}. */
export interface BhutanSyntheticOptions {
  /** Seed of the generator (same seed, same data). Default 2024. */
  seed?: number;
  /** School year of every record; ages follow the profile's entry-age rule. Default 2024. */
  year?: number;
  /** Multiplies the number of schools, pupils, teachers and disability counts. Default 1. */
  scale?: number;
}

/** The generated entities: plain objects whose fields match the models. */
export interface BhutanSynthetic {
  schools: SyntheticSchool[];
  students: Student[];
  teachers: Teacher[];
  sections: Section[];
}

/**
 * Calibration targets at scale 1, with their sources (bhutan_published_figures). Pupils
 * and teaching staff are hit exactly; 1,071 children with disabilities of whom 405 girls
 * exactly (rounded at other scales).
 */
export const CALIBRATION = {
  schools: { value: 566, source: "https://thebhutanese.bt/facing-declining-student-enrolment-moesd-announces-plans-to-rationalize-schools-across-the-country/", note: "latest AES as cited in June 2025" },
  students: { value: 168000, source: "https://thebhutanese.bt/facing-declining-student-enrolment-moesd-announces-plans-to-rationalize-schools-across-the-country/", note: "published as over 168,000" },
  teachers: { value: 9000, source: "https://thebhutanese.bt/facing-declining-student-enrolment-moesd-announces-plans-to-rationalize-schools-across-the-country/", note: "published as nearly 9,000; teaching staff" },
  pupilTeacherRatio: { value: 18, source: "http://pdp.bt/education/", note: "1:18 in 2018; national norm 1:18" },
  disabilityTotal: { value: 1071, source: "https://thebhutanese.bt/36020-2/", note: "children with disabilities enrolled, c. 2024" },
  disabilityFemale: { value: 405, source: "https://thebhutanese.bt/36020-2/", note: "of whom female" },
  centralSchools: { value: 63, source: "http://pdp.bt/education/", note: "central schools, 2018 (63 being upgraded in the 13th Plan)" },
  inclusiveSchools: { value: 23, source: "https://thebhutanese.bt/despite-inclusive-schools-in-the-country-the-enrolment-of-children-with-disabilities-is-still-low/", note: "inclusive schools, 2021" },
} as const;

/**
 * Generates SYNTHETIC Bhutan-shaped EMIS microdata: schools, pupils, teachers and
 * sections, calibrated to published national figures (about 566 schools, 168,000 pupils,
 * 9,000 teachers, PTR near 18, 1,071 pupils with disabilities of whom 405 girls). No row
 * describes a real school, pupil or teacher; school names end in "(synthetic)".
 *
 * Steps: plan schools by kind and dzongkhag (2017 population weights), with location,
 * distances and facilities; rescale enrolments to the pupil total; draw pupils (grade,
 * sex, age by the profile's cohort rule, quintile, nomadic, repeater); assign the exact
 * disability counts; draw scores, pass results, status and attendance; sections; and
 * teachers rescaled to the teacher total. Built-in gaps to find: remote schools have
 * fewer trained teachers and facilities and lower pass rates, Q1 pupils pass less often,
 * girls more often; ECRs and remote schools have low PTRs, urban schools high ones.
 * Unknown codes on purpose: a handful of pupils with sex unknown, ~3% quintile unknown,
 * ~1% status unknown, ~1.5% of facility answers unknown, a few teacher qualifications.
 *
 * Deterministic: one `seededRandom(seed)` stream, consumed in a fixed order. Runs in
 * about 1-2 s at scale 1.
 * @param options `{ seed = 2024, year = 2024, scale = 1 }`
 * @param profile the Bhutan profile (codes, grades, entry ages, units); default `bhutanProfile`
 * @example
 * const { schools, students } = generateBhutanSynthetic({ scale: 0.1 });
 * students.filter((s) => s.disability === "yes").length // 107 (round(1071 × 0.1))
 */
export function generateBhutanSynthetic(options: BhutanSyntheticOptions = {}, profile: Profile = bhutanProfile): BhutanSynthetic {
  const { seed = 2024, year = 2024, scale = 1 } = options;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError("generateBhutanSynthetic requires a positive scale");
  const d = makeDraw(seededRandom(seed));
  const plans = planSchools(profile, d, scale);
  fixEnrolments(plans, Math.round(CALIBRATION.students.value * scale));
  const pupils = drawPupils(profile, d, plans, year);
  const female = Math.round(CALIBRATION.disabilityFemale.value * scale);
  const male = Math.round(CALIBRATION.disabilityTotal.value * scale) - female;
  assignDisability(d, pupils, male, female, Math.round(20 * scale));
  drawOutcomes(d, pupils, year, profile);
  const sections = drawSections(d, plans, pupils, profile, year);
  const teachers = drawTeachers(d, plans, Math.round(CALIBRATION.teachers.value * scale), year);
  return { schools: plans.map((p) => p.row), students: pupils.map((p) => p.row), teachers, sections };
}
