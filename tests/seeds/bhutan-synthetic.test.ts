import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateBhutanSynthetic, CALIBRATION, type BhutanSynthetic } from "../../seeds/bhutan-synthetic/generate";
import { summarise } from "../../seeds/bhutan-synthetic/summary";
import { COLUMNS } from "../../seeds/bhutan-synthetic/columns";
import { HIGHLAND } from "../../seeds/bhutan-synthetic/internal/schools";
import { toCsv } from "../../seeds/internal/csv";
import { bhutanProfile, officialAge, resolveUnit } from "../../src/profiles";
import { schemasFor } from "../../src/models/schemas-for";

const dir = join(__dirname, "..", "..", "seeds", "bhutan-synthetic");
let data: BhutanSynthetic;
let summary: ReturnType<typeof summarise>;

beforeAll(() => {
  data = generateBhutanSynthetic();
  summary = summarise(data);
}, 30_000);

describe("generateBhutanSynthetic", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateBhutanSynthetic({ seed: 7, scale: 0.05 });
    const b = generateBhutanSynthetic({ seed: 7, scale: 0.05 });
    const c = generateBhutanSynthetic({ seed: 8, scale: 0.05 });
    expect(b).toEqual(a);
    expect(c.students).not.toEqual(a.students);
  });

  it("hits the school, pupil and teacher targets (schools within 1%, pupils and teaching staff exactly)", () => {
    expect(Math.abs(summary.schools - CALIBRATION.schools.value)).toBeLessThanOrEqual(6);
    expect(summary.students).toBe(168000);
    expect(summary.teachingStaff).toBe(9000);
    expect(summary.nonTeachingStaff).toBeGreaterThan(0);
  });

  it("gives a national PTR between 16 and 20, low in remote and high in urban schools", () => {
    expect(summary.pupilTeacherRatio).toBeGreaterThanOrEqual(16);
    expect(summary.pupilTeacherRatio).toBeLessThanOrEqual(20);
    expect(summary.ptrByLocation.remote.ptr).toBeLessThan(summary.ptrByLocation.rural.ptr);
    expect(summary.ptrByLocation.urban.ptr).toBeGreaterThan(summary.ptrByLocation.rural.ptr);
  });

  it("enrols exactly 1,071 pupils with disabilities, 405 of them girls, a few without functioning answers", () => {
    expect(summary.disabilityTotal).toBe(1071);
    expect(summary.disabilityFemale).toBe(405);
    expect(summary.disabilityWithoutAnswers).toBe(20);
  });

  it("derives disability from the answers by the Washington Group cut-off (3+ in one domain)", () => {
    const domains = ["wg_seeing", "wg_hearing", "wg_walking", "wg_selfcare", "wg_communication", "wg_learning"] as const;
    const mismatches = data.students.filter((s) => {
      if (s.wg_seeing === undefined) return s.disability !== "yes";
      const derived = domains.some((d) => (s[d] ?? 0) >= 3) || s.cfm_anxiety === 1 || s.cfm_depression === 1;
      return (derived ? "yes" : "no") !== s.disability;
    });
    expect(mismatches).toEqual([]);
  });

  it("scales the disability targets with scale", () => {
    const small = summarise(generateBhutanSynthetic({ scale: 0.1 }));
    expect(small.disabilityTotal).toBe(107);
    expect(small.disabilityFemale).toBe(41);
    expect(small.students).toBe(16800);
    expect(small.teachingStaff).toBe(900);
  });

  it("builds in the equity gaps: remote and Q1 pupils pass less often, girls more, remote teachers less trained", () => {
    expect(summary.passRateByLocation.remote).toBeLessThan(summary.passRateByLocation.urban - 5);
    expect(summary.passRateByQuintile.Q1).toBeLessThan(summary.passRateByQuintile.Q5 - 5);
    expect(summary.passRateBySex.female).toBeGreaterThan(summary.passRateBySex.male);
    expect(summary.trainedShareByPosting.remote).toBeLessThan(summary.trainedShareByPosting.rural);
  });

  it("includes unknown codes on purpose: a handful of sexes, ~3% quintiles, ~1% statuses", () => {
    expect(summary.unknown.sex).toBeGreaterThan(0);
    expect(summary.unknown.sex).toBeLessThan(30);
    expect(summary.unknown.quintile / summary.students).toBeCloseTo(0.03, 2);
    expect(summary.unknown.status / summary.students).toBeCloseTo(0.01, 2);
    expect(data.schools.some((s) => s.electricity === "unknown")).toBe(true);
  });

  it("gives pupils ages from the cohort rule, mostly on age and never under it by more than a year", () => {
    const official = new Map(bhutanProfile.grades.map((g) => [g.code, officialAge(bhutanProfile, g.code, 2024)!]));
    let onAge = 0;
    let under = 0;
    for (const s of data.students) {
      const gap = s.age! - official.get(s.grade)!;
      if (gap === 0) onAge++;
      if (gap < -1) under++;
    }
    expect(under).toBe(0);
    expect(onAge / data.students.length).toBeGreaterThan(0.6);
  });

  it("places schools in real units: gewogs under their dzongkhag, thromdes only for urban schools", () => {
    const byCode = new Map(bhutanProfile.units.map((u) => [u.code, u]));
    for (const s of data.schools) {
      expect(byCode.get(s.gewog)?.parent, s.school_id).toBe(s.dzongkhag);
      if (s.thromde) {
        expect(s.location).toBe("urban");
        expect(byCode.get(s.thromde)?.parent).toBe(s.dzongkhag);
      }
    }
    expect(new Set(data.schools.map((s) => s.dzongkhag)).size).toBe(20);
    expect(new Set(data.schools.filter((s) => s.thromde).map((s) => s.thromde)).size).toBe(4);
  });

  it("marks nomadic pupils only in highland gewog schools, a small share", () => {
    const highland = new Set(HIGHLAND.map((h) => resolveUnit(bhutanProfile, "gewog", h.gewog, h.dzongkhag)!.code));
    const gewogOf = new Map(data.schools.map((s) => [s.school_id, s.gewog]));
    const nomadic = data.students.filter((s) => s.nomadic === "yes");
    expect(nomadic.length).toBeGreaterThan(50);
    expect(nomadic.length / data.students.length).toBeLessThan(0.01);
    for (const s of nomadic) expect(highland.has(gewogOf.get(s.school_id)!)).toBe(true);
  });

  it("keeps every section's pupils equal to the school's enrolment", () => {
    const enrol = new Map<string, number>();
    for (const s of data.students) enrol.set(s.school_id, (enrol.get(s.school_id) ?? 0) + 1);
    const inSections = new Map<string, number>();
    for (const c of data.sections) inSections.set(c.school_id, (inSections.get(c.school_id) ?? 0) + c.pupils);
    expect(inSections).toEqual(enrol);
  });

  it("produces rows that all pass schemasFor(bhutanProfile)", () => {
    const schemas = schemasFor(bhutanProfile);
    const failures = (rows: object[], schema: { safeParse: (x: unknown) => { success: boolean } }) => rows.filter((r) => !schema.safeParse(r).success).length;
    expect(failures(data.schools, schemas.School)).toBe(0);
    expect(failures(data.teachers, schemas.Teacher)).toBe(0);
    expect(failures(data.sections, schemas.Section)).toBe(0);
    expect(failures(data.students, schemas.Student)).toBe(0);
  }, 30_000);
});

describe("seeds/bhutan-synthetic files", () => {
  it("are exactly what the generator writes with the default seed", () => {
    expect(readFileSync(join(dir, "schools.csv"), "utf8")).toBe(toCsv(data.schools, COLUMNS.schools));
    expect(readFileSync(join(dir, "teachers.csv"), "utf8")).toBe(toCsv(data.teachers, COLUMNS.teachers));
    expect(readFileSync(join(dir, "sections.csv"), "utf8")).toBe(toCsv(data.sections, COLUMNS.sections));
    expect(gunzipSync(readFileSync(join(dir, "students.csv.gz"))).toString("utf8")).toBe(toCsv(data.students, COLUMNS.students));
  });

  it("are labelled synthetic in the README and in every school name", () => {
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/\*\*SYNTHETIC\. Not real data\.\*\*/);
    for (const s of data.schools) expect(s.name).toMatch(/\(synthetic\)$/);
  });
});
