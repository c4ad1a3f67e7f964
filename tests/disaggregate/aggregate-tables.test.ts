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
