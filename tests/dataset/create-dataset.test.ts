import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { isEmisError } from "../../src/models";
import { schools, students, teachers } from "../fixtures/three-schools";

const profile = profiles.generic;

const ds0 = () => createDataset({ profile, schools, students: students(), teachers: teachers() });

describe("createDataset", () => {
  it("reports once that records came without a school file (places unknown, ids unchecked)", () => {
    const ds = createDataset({ profile, students: students() });
    expect(ds.integrity.issues.filter((i) => i.code === "no-school-file")).toHaveLength(1);
    expect(createDataset({ profile, schools, students: students() }).integrity.issues.some((i) => i.code === "no-school-file")).toBe(false);
  });

  it("rejects a year that is not a whole number (a text year made rows without one count twice)", () => {
    // A user trial passed year "2024" from the command line: a row without a year took
    // "2024", its repeat with year 2024 did not match it, and enrolment came out 3, not 2.
    const rows = [
      { student_id: "P1", school_id: "A", grade: "G1", sex: "female", year: 2024 },
      { student_id: "P1", school_id: "A", grade: "G1", sex: "female" },
      { student_id: "P2", school_id: "A", grade: "G1", sex: "male", year: 2024 },
    ];
    for (const year of ["2024", 2024.5, Number.NaN, 24]) {
      let err: unknown;
      try {
        createDataset({ profile, schools, students: rows, year: year as number });
      } catch (e) {
        err = e;
      }
      expect(isEmisError(err) && err.code).toBe("invalid-option");
    }
    const ds = createDataset({ profile, schools, students: rows, year: 2024 });
    expect(ds.facts.students.length).toBe(2);
  });

  it("joins pupils to their school's dimensions", () => {
    const ds = createDataset({ profile, schools, students: students() });
    const f = ds.facts.students;
    const region = f.dims.region;
    const urban = f.dims.location;
    // school C (R2, urban) has 50 pupils
    let r2 = 0;
    let u = 0;
    for (let i = 0; i < f.length; i++) {
      if (region.dictionary[region.codes[i]] === "R2") r2++;
      if (urban.dictionary[urban.codes[i]] === "urban") u++;
    }
    expect([r2, u]).toEqual([50, 50]);
  });

  it("declares the measures that are 1 on every row, and the engine gives the same table without the declaration", () => {
    const ds = createDataset({ profile, schools, students: students(), teachers: teachers() });
    expect(ds.facts.students.ones).toContain("enrolled");
    expect(ds.facts.students.ones).not.toContain("passed");
    const plain = { ...ds, facts: { ...ds.facts, students: { ...ds.facts.students, ones: undefined } } };
    const opts = { by: ["location"], rollup: true };
    expect(disaggregate(ds, ["enrolment", "pupil-teacher-ratio"], opts)).toEqual(disaggregate(plain, ["enrolment", "pupil-teacher-ratio"], opts));
  });

  it("refuses a ones list that is not a list of its measures, or names a measure that is not all ones", () => {
    const base = ds0();
    const f = base.facts.students;
    const bad = (ones: unknown, enrolled = f.measures.enrolled) => ({ ...base, facts: { ...base.facts, students: { ...f, ones, measures: { ...f.measures, enrolled } } } }) as typeof base;
    const twos = Float64Array.from(f.measures.enrolled, (_, i) => (i === f.length - 1 ? 2 : 1));
    expect(() => disaggregate(bad("enrolled"), ["enrolment"])).toThrow(/ones must list measure names/);
    expect(() => disaggregate(bad(["nope"]), ["enrolment"])).toThrow(/ones must list measure names/);
    expect(() => disaggregate(bad(["enrolled"], twos), ["enrolment"])).toThrow(new RegExp(`measure enrolled is listed in ones but row ${f.length} holds 2`));
  });

  it("keeps the first of duplicate ids, reports the rest, and accounts for every row", () => {
    const rows = [...students(), { student_id: "A-0", school_id: "A", grade: "G1", sex: "male", year: 2024 }];
    const ds = createDataset({ profile, schools, students: rows });
    expect(ds.integrity.accounts.students).toEqual({ read: 101, kept: 100, duplicates: 1, orphans: 0 });
    const dup = ds.integrity.issues.find((i) => i.code === "duplicate-id")!;
    expect(dup).toMatchObject({ file: "students", row: 101, column: "student_id", value: "A-0" });
    expect(dup.message).toMatch(/repeats row 1/);
  });

  it("treats the same pupil in two school years as two enrolment records", () => {
    const ds = createDataset({ profile, schools, students: [{ student_id: "x", school_id: "A", grade: "G1", sex: "male", year: 2023 }, { student_id: "x", school_id: "A", grade: "G2", sex: "male", year: 2024 }] });
    expect(ds.integrity.accounts.students.kept).toBe(2);
  });

  it("keeps orphans with unknown school dimensions and reports them", () => {
    const ds = createDataset({ profile, schools, students: [...students(), { student_id: "z", school_id: "NOPE", grade: "G1", sex: "female" }], teachers: teachers() });
    expect(ds.integrity.accounts.students.orphans).toBe(1);
    const rows = disaggregate(ds, ["enrolment"], { by: ["region"], suppression: false });
    expect(rows.map((r) => [r.region, r.value])).toEqual([["R1", 50], ["R2", 50], ["unknown", 1]]);
  });

  it("rejects invalid plain-object rows with a typed error naming row and column", () => {
    try {
      createDataset({ profile, schools, students: [{ student_id: "1", school_id: "A", grade: "G1", sex: "girl" }] });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e)).toBe(true);
      expect((e as { issues: Array<{ row: number; column: string }> }).issues[0]).toMatchObject({ row: 1, column: "sex" });
    }
  });

  it("requires at least one table", () => {
    expect(() => createDataset({ profile })).toThrowError(/requires at least one table/);
  });
});

describe("createDataset: derived pupil dimensions", () => {
  const bt = profiles.bhutan;
  const school = { school_id: "S1", dzongkhag: "Paro", location: "rural" };
  it("flags over-age pupils two or more years above the intended age (PP entry age 5 from 2020)", () => {
    const ds = createDataset({
      profile: bt,
      schools: [school],
      students: [
        // 2024: intended age of Class I = 5 + 1 = 6; 8 is two years over, 7 is not
        { student_id: "a", school_id: "S1", grade: "I", sex: "male", age: 8, year: 2024 },
        { student_id: "b", school_id: "S1", grade: "I", sex: "male", age: 7, year: 2024 },
        { student_id: "c", school_id: "S1", grade: "I", sex: "female", year: 2024 },
      ],
    });
    const [row] = disaggregate(ds, ["over-age-percent"], { suppression: false });
    expect(row).toMatchObject({ numerator: 1, denominator: 2, nExcluded: 1, value: 50 });
  });

  it("derives disability from Washington Group answers before the reported status", () => {
    const ds = createDataset({
      profile: bt,
      schools: [school],
      students: [
        { student_id: "a", school_id: "S1", grade: "I", sex: "male", disability: "no", wg_seeing: 3, wg_hearing: 1, wg_walking: 1, wg_selfcare: 1, wg_communication: 1, wg_learning: 1 },
        { student_id: "b", school_id: "S1", grade: "I", sex: "male", disability: "yes" },
        { student_id: "c", school_id: "S1", grade: "I", sex: "male", wg_seeing: 1 },
        { student_id: "d", school_id: "S1", grade: "I", sex: "male", wg_seeing: 1, wg_hearing: 1, wg_walking: 1, wg_selfcare: 1, wg_communication: 1, wg_learning: 2 },
      ],
    });
    const rows = disaggregate(ds, ["enrolment"], { by: ["disability"], suppression: false });
    // a: functioning says yes; b: reported yes; c: incomplete answers, no report → unknown; d: all answered, none ≥ 3 → no
    expect(rows.map((r) => [r.disability, r.value])).toEqual([["no", 1], ["yes", 2], ["unknown", 1]]);
  });
});

describe("createDataset: aggregate tables with margins", () => {
  const spec = { name: "enrolment", dimensions: ["state", "sex"], measures: ["pupils"], marginCodes: { state: ["All"], sex: ["total"] } };
  const rows = [
    { state: "A", sex: "girls", pupils: 10 },
    { state: "A", sex: "boys", pupils: 12 },
    { state: "A", sex: "total", pupils: 22 },
    { state: "B", sex: "girls", pupils: 5 },
    { state: "B", sex: "boys", pupils: 6 },
    { state: "B", sex: "total", pupils: 12 }, // published 12, parts add to 11
    { state: "All", sex: "total", pupils: 34 },
  ];
  it("keeps margins out of the facts so totals are never double counted", () => {
    const ds = createDataset({ profile, counts: [{ spec, table: rows }] });
    const def = { id: "pupils", name: "Pupils", kind: "ratio", unit: "count", direction: "neutral", statistic: "count", numerator: { fact: "enrolment", measure: "pupils" } } as const;
    expect(disaggregate(ds, [def], { suppression: false })[0].value).toBe(33);
  });
  it("reconciles every margin against its parts and reports the difference", () => {
    const ds = createDataset({ profile, counts: [{ spec, table: rows }] });
    // Checks, one dimension at a time: A total along sex (22 = 10 + 12), B total along sex
    // (12 vs 5 + 6 = 11: the error), All/total along state (34 = 22 + 12), and All/total
    // along sex, which has no published parts (nothing to check).
    const m = ds.integrity.margins;
    expect(m.map((x) => [x.group.state, x.along, x.reconciles])).toEqual([
      ["All", "state", true],
      ["A", "sex", true],
      ["B", "sex", false],
      ["All", "sex", null],
    ]);
    const bad = m.filter((x) => x.reconciles === false);
    expect(bad.map((x) => [x.group, x.published, x.sumOfParts, x.difference])).toEqual([[{ state: "B", sex: "total" }, 12, 11, 1]]);
    expect(ds.integrity.issues.filter((i) => i.code === "margin-mismatch")).toHaveLength(1);
  });
  it("sums only the named parts of a composite margin (elementary = primary + upper primary)", () => {
    const t = [
      { education_level: "primary", pupils: 7 },
      { education_level: "upper_primary", pupils: 3 },
      { education_level: "secondary", pupils: 4 },
      { education_level: "elementary", pupils: 10 },
    ];
    const ds = createDataset({ profile, counts: [{ spec: { name: "e", dimensions: ["education_level"], measures: ["pupils"], marginCodes: { education_level: { elementary: ["primary", "upper_primary"] } } }, table: t }] });
    expect(ds.integrity.margins[0]).toMatchObject({ published: 10, sumOfParts: 10, reconciles: true, parts: 2 });
  });
});

describe("createDataset: reserved names", () => {
  it("refuses a dimension that would shadow a result field (level, value...)", () => {
    expect(() =>
      createDataset({ profile: profiles.generic, counts: [{ spec: { name: "e", dimensions: ["level"], measures: ["pupils"] }, table: [{ level: "primary", pupils: 1 }] }] }),
    ).toThrowError(/names a dimension "level".*rename the column/);
  });
});

describe("createDataset: administrative units checked against the profile", () => {
  const bt = profiles.bhutan;
  const make = (rows: Array<Record<string, unknown>>) => createDataset({ profile: bt, schools: rows });
  it("accepts unit codes, and names or variants within the parent, as the unit's code", () => {
    const ds = make([
      { school_id: "a", dzongkhag: "paro" },
      { school_id: "b", dzongkhag: "Wangdue Phodrang" },
      { school_id: "c", dzongkhag: "sarpang", gewog: "Gakiling" },
      { school_id: "d", dzongkhag: "haa", gewog: "gakiling" },
    ]);
    const dz = ds.facts.schools.dims.dzongkhag;
    const gw = ds.facts.schools.dims.gewog;
    expect([0, 1, 2, 3].map((i) => dz.dictionary[dz.codes[i]])).toEqual(["paro", "wangdue-phodrang", "sarpang", "haa"]);
    // Two gewogs are called Gakiling: the parent decides which
    expect([2, 3].map((i) => gw.dictionary[gw.codes[i]])).toEqual(["sarpang/gakiling", "haa/gakiling"]);
    expect(ds.integrity.issues).toEqual([]);
  });
  it("counts a misspelt unit as unknown and reports file, row, column and value", () => {
    const ds = make([{ school_id: "a", dzongkhag: "thimpu" }]);
    const dz = ds.facts.schools.dims.dzongkhag;
    expect(dz.dictionary[dz.codes[0]]).toBe("unknown");
    expect(ds.integrity.issues[0]).toMatchObject({ code: "unknown-unit", file: "schools", row: 1, column: "dzongkhag", value: "thimpu" });
  });
  it("reports a gewog that belongs to another dzongkhag", () => {
    const ds = make([{ school_id: "a", dzongkhag: "wangdue-phodrang", gewog: "haa/gakiling" }]);
    expect(ds.integrity.issues[0]).toMatchObject({ code: "inconsistent-hierarchy", column: "gewog", value: "haa/gakiling" });
  });
});
