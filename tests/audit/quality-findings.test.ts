import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { officialAge } from "../../src/profiles";
import { qualityFindings } from "../../src/audit";
import { readJson } from "../../src/io";
import { School } from "../../src/models";

const profile = profiles.generic;
// Hand-made faults, one per rule:
//  - schools: S1 fine; S2 ownership "Gov't" (free text; generic codes are public/private);
//    S3 has 300 pupils and 2 teachers (PTR 150 > 100); S4 has 10 pupils and no teacher.
//  - students: S1-0 repeated (duplicate id); pupil "X-1" at school "Z" (orphan);
//    S1-1 aged 30 in G1 (official age + 24: impossible); S1 grows 10 → 40 from 2023 to 2024 (year jump).
//  - sections: one with 0 pupils, one with 120.
const schools = [
  { school_id: "S1", location: "rural", ownership: "public" },
  { school_id: "S2", location: "rural", ownership: "Gov't" },
  { school_id: "S3", location: "urban", ownership: "public" },
  { school_id: "S4", location: "remote", ownership: "public" },
];
const g1 = officialAge(profile, "G1", 2024)!;
const students: Record<string, unknown>[] = [];
for (let i = 0; i < 10; i++) students.push({ student_id: `S1-${i}`, school_id: "S1", grade: "G1", sex: "female", year: 2023, age: g1 });
for (let i = 0; i < 40; i++) students.push({ student_id: `S1-${i}`, school_id: "S1", grade: "G1", sex: "female", year: 2024, age: i === 1 ? 30 : g1 });
students.push({ student_id: "S1-0", school_id: "S1", grade: "G1", sex: "male", year: 2024, age: g1 });
students.push({ student_id: "X-1", school_id: "Z", grade: "G1", sex: "male", year: 2024, age: g1 });
for (let i = 0; i < 300; i++) students.push({ student_id: `S3-${i}`, school_id: "S3", grade: "G2", sex: "male", year: 2024 });
for (let i = 0; i < 10; i++) students.push({ student_id: `S4-${i}`, school_id: "S4", grade: "G2", sex: "male", year: 2024 });
const teachers = [
  { teacher_id: "T1", school_id: "S1", sex: "female", year: 2023 },
  { teacher_id: "T1", school_id: "S1", sex: "female", year: 2024 },
  { teacher_id: "T2", school_id: "S2", sex: "female", year: 2024 },
  { teacher_id: "T3", school_id: "S3", sex: "female", year: 2024 },
  { teacher_id: "T4", school_id: "S3", sex: "female", year: 2024 },
];
const sections = [
  { section_id: "A", school_id: "S1", grade: "G1", pupils: 0, year: 2024 },
  { section_id: "B", school_id: "S3", grade: "G2", pupils: 120, year: 2024 },
  { section_id: "C", school_id: "S3", grade: "G2", pupils: 30, year: 2024 },
];
// Schools read with the generic School schema (any code string), as a ministry export
// read before its codes are mapped: the free text reaches the dataset.
const ds = createDataset({ profile, schools: readJson(schools, School), students, teachers, sections });

describe("qualityFindings", () => {
  const q = qualityFindings(ds);
  const by = (rule: string) => q.findings.filter((f) => f.rule === rule);

  it("finds each fault once and names its record and rule", () => {
    expect(q.counts).toEqual({
      "duplicate-id": 1,
      orphan: 1,
      "age-grade": 1,
      "ptr-outlier": 1,
      "no-teachers": 1,
      "empty-class": 1,
      "class-size-outlier": 1,
      "free-text-code": 1,
      "year-jump": 1,
    });
    expect(by("duplicate-id")[0].record).toContain("S1-0");
    expect(by("orphan")[0].value).toBe("Z");
    expect(by("age-grade")[0]).toMatchObject({ table: "students", field: "age", value: 30 });
    expect(by("age-grade")[0].record).toContain("school S1, grade G1");
    // S3: 300 pupils / 2 teachers = 150
    expect(by("ptr-outlier")[0]).toMatchObject({ record: "school S3 (2024)", value: 150 });
    // S4: 10 pupils, no teacher; the orphan school Z is reported as an orphan only
    expect(by("no-teachers")[0]).toMatchObject({ record: "school S4 (2024)", value: 10 });
    expect(by("empty-class")[0].record).toContain("school S1");
    expect(by("class-size-outlier")[0].value).toBe(120);
    expect(by("free-text-code")[0]).toMatchObject({ table: "schools", field: "ownership", value: "Gov't", record: "school S2" });
    // S1: 10 pupils in 2023, 40 kept in 2024 (the repeated id S1-0 is a duplicate) → +30 (+300%)
    expect(by("year-jump")[0]).toMatchObject({ record: "school S1 2023→2024", value: 30 });
  });

  it("thresholds are options: a lower PTR bar finds more, a higher age bar finds none", () => {
    expect(qualityFindings(ds, { ageAbove: 30 }).counts["age-grade"]).toBeUndefined();
    // S1 in 2024: 40 pupils (the repeated S1-0 is left out) per 1 teacher = 40 > 35; in 2023: 10 / 1
    expect(qualityFindings(ds, { maxPtr: 35 }).findings.filter((f) => f.rule === "ptr-outlier").map((f) => f.record)).toEqual(["school S1 (2024)", "school S3 (2024)"]);
  });

  it("keeps at most maxPerRule findings but counts them all", () => {
    const r = qualityFindings(ds, { maxPerRule: 0 });
    expect(r.findings).toEqual([]);
    expect(r.counts["ptr-outlier"]).toBe(1);
  });

  it("finds nothing in clean data", () => {
    const clean = createDataset({ profile, schools: readJson([schools[0]], School), students: students.slice(12, 20), teachers: [teachers[1]] });
    expect(qualityFindings(clean)).toEqual({ findings: [], counts: {} });
  });
});
