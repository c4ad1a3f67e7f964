import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { schools, students, teachers } from "../fixtures/three-schools";

describe("disaggregate over aggregate tables", () => {
  // Published exam counts: "passed" and "appeared" are different rows of one table.
  const exams = [
    { year: "2022", sex: "female", measure: "appeared", value: 200 },
    { year: "2022", sex: "female", measure: "passed", value: 180 },
    { year: "2022", sex: "male", measure: "appeared", value: 100 },
    { year: "2022", sex: "male", measure: "passed", value: 80 },
  ];
  const ds = createDataset({ profile: profiles.generic, counts: [{ spec: { name: "exams", dimensions: ["year", "sex", "measure"], measures: ["value"] }, table: exams }] });
  const passRate = {
    id: "pass",
    name: "Pass rate",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    numerator: { fact: "exams", measure: "value", filter: { eq: ["measure", "passed"] } },
    denominator: { fact: "exams", measure: "value", filter: { eq: ["measure", "appeared"] } },
  } as const;

  it("divides the sum of one set of rows by the sum of another: (180 + 80) / (200 + 100)", () => {
    const rows = disaggregate(ds, [passRate], { by: ["sex"], rollup: true, suppression: false });
    expect(rows.map((r) => [r.sex, r.numerator, r.denominator, r.value])).toEqual([
      [null, 260, 300, (100 * 260) / 300],
      ["female", 180, 200, 90],
      ["male", 80, 100, 80],
    ]);
  });
});

describe("disaggregate: setsFor restricts grouping sets per indicator in one call", () => {
  it("computes each indicator only at the levels asked for it", () => {
    const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });
    const rows = disaggregate(ds, ["enrolment", "pupil-teacher-ratio"], {
      groupingSets: [[], ["sex"], ["school"]],
      setsFor: { enrolment: [[], ["sex"]], "pupil-teacher-ratio": [["school"]] },
      suppression: false,
    });
    expect(rows.map((r) => `${r.indicator}:${r.level}`)).toEqual([
      "enrolment:total",
      "enrolment:sex",
      "enrolment:sex",
      "enrolment:sex",
      "pupil-teacher-ratio:school",
      "pupil-teacher-ratio:school",
      "pupil-teacher-ratio:school",
    ]);
  });
});

describe("disaggregate: filters on closed code lists", () => {
  const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });
  const share = (code: string) =>
    ({
      id: "girls",
      name: "Girls",
      kind: "ratio",
      unit: "percent",
      scale: 100,
      direction: "neutral",
      statistic: "proportion",
      numerator: { fact: "students", measure: "enrolled", filter: { eq: ["sex", code] } },
      denominator: { fact: "students", measure: "enrolled" },
    }) as const;
  it("rejects a code that the dimension can never hold ('girl' for sex) instead of returning 0%", () => {
    expect(() => disaggregate(ds, [share("girl")], { suppression: false })).toThrowError(/filter value "girl" is not a code of sex \(male, female, unknown\)/);
  });
  it("accepts a valid code that happens to be absent from the data", () => {
    const [row] = disaggregate(ds, [{ ...share("female"), numerator: { fact: "students", measure: "enrolled", filter: { eq: ["status", "dropped-out"] } } }], { suppression: false });
    expect(row.value).toBe(0);
  });
});

describe("disaggregate: options and definitions are checked, not ignored", () => {
  const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });
  it("throws on an unknown option (a misspelt suppression must not publish small cells)", () => {
    expect(() => disaggregate(ds, ["enrolment"], { suppresion: false } as never)).toThrowError(/unknown option suppresion/);
    expect(() => disaggregate(ds, ["enrolment"], { by: ["sex"], rollup: true, cube: true })).toThrowError(/rollup and cube together/);
    expect(() => disaggregate(ds, ["enrolment"], { level: 95 })).toThrowError(/level must be in \(0, 1\)/);
    expect(() => disaggregate(ds, ["enrolment", "enrolment"])).toThrowError(/listed twice/);
  });
  it("rejects a proportion without a denominator (it would print 400% for 4 pupils)", () => {
    const bad = { id: "x", name: "x", kind: "ratio", unit: "percent", scale: 100, direction: "neutral", statistic: "proportion", numerator: { fact: "students", measure: "enrolled" } } as const;
    expect(() => disaggregate(ds, [bad])).toThrowError(/indicator x: field denominator is required for statistic "proportion"/);
  });
  it("publishes the national total of an empty dataset as null with empty-group, never NaN or a missing row", () => {
    const empty = createDataset({ profile: profiles.generic, schools: [], students: [], teachers: [] });
    const rows = disaggregate(empty, ["pupil-teacher-ratio", "enrolment"], { by: ["location"], rollup: true });
    expect(rows.map((r) => [r.indicator, r.level, r.value, r.flags])).toEqual([
      ["pupil-teacher-ratio", "total", null, ["empty-group", "zero-denominator"]],
      ["enrolment", "total", 0, ["empty-group"]],
    ]);
  });
});
