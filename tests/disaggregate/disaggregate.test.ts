import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { isEmisError } from "../../src/models";
import type { ResultRow } from "../../src/models";
import { schools, students, teachers } from "../fixtures/three-schools";

const profile = profiles.generic;
const ds = createDataset({ profile, schools, students: students(), teachers: teachers() });
const off = { suppression: false } as const;
const pick = (rows: ResultRow[], where: Record<string, string | null>) =>
  rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));

describe("disaggregate: pupil-teacher ratio", () => {
  it("matches the hand derivation (30+20+50)/(1+4+5) = 10", () => {
    const [row] = disaggregate(ds, ["pupil-teacher-ratio"], off);
    expect(row).toMatchObject({ indicator: "pupil-teacher-ratio", level: "total", numerator: 100, denominator: 10, value: 10, flags: [] });
  });

  it("is a ratio of sums, not a mean of ratios (school ratios 30, 5, 10 average 15)", () => {
    const bySchool = disaggregate(ds, ["pupil-teacher-ratio"], { by: ["school"], ...off });
    const ratios = bySchool.map((r) => r.value as number);
    expect(ratios).toEqual([30, 5, 10]);
    expect(ratios.reduce((a, b) => a + b) / 3).toBe(15);
    expect(disaggregate(ds, ["pupil-teacher-ratio"], off)[0].value).toBe(10);
  });

  it("rolls up region → total as ratios of sums: R1 = 50/5, R2 = 50/5", () => {
    const rows = disaggregate(ds, ["pupil-teacher-ratio"], { by: ["region"], rollup: true, ...off });
    expect(rows.map((r) => [r.level, r.region, r.numerator, r.denominator, r.value])).toEqual([
      ["total", null, 100, 10, 10],
      ["region", "R1", 50, 5, 10],
      ["region", "R2", 50, 5, 10],
    ]);
  });

  it("gives null and zero-denominator for a school without teachers", () => {
    const ds2 = createDataset({
      profile,
      schools: [...schools, { school_id: "D", region: "R3", location: "remote" }],
      students: [...students(), { student_id: "D-1", school_id: "D", grade: "G1", sex: "male" }],
      teachers: teachers(),
    });
    const rows = disaggregate(ds2, ["pupil-teacher-ratio"], { by: ["region"], ...off });
    expect(pick(rows, { region: "R3" })[0]).toMatchObject({ value: null, numerator: 1, denominator: 0, flags: ["zero-denominator"] });
  });

  it("throws nonconformed-dimension when a fact lacks the dimension (teachers have no grade)", () => {
    try {
      disaggregate(ds, ["pupil-teacher-ratio"], { by: ["grade"] });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("nonconformed-dimension");
    }
    const custom = { id: "ptr-any", name: "PTR", kind: "ratio", unit: "ratio", direction: "lower-is-better", statistic: "ratio", numerator: { fact: "students", measure: "enrolled" }, denominator: { fact: "teachers", measure: "teachers" } } as const;
    expect(() => disaggregate(ds, [custom], { by: ["grade"] })).toThrowError(/fact teachers has no dimension grade/);
  });

  it("refuses to break PTR down by pupil sex (not-disaggregable)", () => {
    expect(() => disaggregate(ds, ["pupil-teacher-ratio"], { by: ["sex"] })).toThrowError(/not disaggregable by sex/);
  });
});

describe("disaggregate: distribution indicators", () => {
  it("computes the Gini of school PTRs by hand: values 30, 5, 10 → 100 / (2·9·15) = 0.37037", () => {
    const [row] = disaggregate(ds, ["gini-school-ptr"], off);
    expect(row.value).toBeCloseTo(100 / 270, 12);
    // n counts units; numerator and denominator are null (the Gini is not their ratio)
    expect(row).toMatchObject({ n: 3, numerator: null, denominator: null });
  });

  it("counts a school with pupils and no teacher as above any PTR norm, and flags it out of the Gini", () => {
    const ds2 = createDataset({
      profile,
      schools: [...schools, { school_id: "D", region: "R3", location: "remote" }],
      students: [...students(), ...Array.from({ length: 13 }, (_, i) => ({ student_id: `D-${i}`, school_id: "D", grade: "G1", sex: "male" }))],
      teachers: teachers(),
    });
    const share = { id: "above-18", name: "x", kind: "distribution", unit: "percent", scale: 100, direction: "lower-is-better", statistic: "ratio", unitOf: "school", numerator: { fact: "students", measure: "enrolled" }, denominator: { fact: "teachers", measure: "teachers" }, summary: "share-above-norm", threshold: 18 } as const;
    // A (30) and D (13 pupils, 0 teachers: infinite) are above 18: 2 of 4 schools
    const [s] = disaggregate(ds2, [share], off);
    expect(s).toMatchObject({ value: 50, n: 4, nExcluded: 0 });
    const [g] = disaggregate(ds2, ["gini-school-ptr"], off);
    expect(g).toMatchObject({ n: 3, nExcluded: 1, flags: ["zero-denominator"] });
    expect(g.value).toBeCloseTo(100 / 270, 12);
  });

  it("shares of schools above the PTR norm use the threshold (30 > 18 only: 1 of 3)", () => {
    const def = { id: "above-18", name: "x", kind: "distribution", unit: "percent", scale: 100, direction: "lower-is-better", statistic: "ratio", unitOf: "school", numerator: { fact: "students", measure: "enrolled" }, denominator: { fact: "teachers", measure: "teachers" }, summary: "share-above-norm", threshold: 18 } as const;
    expect(disaggregate(ds, [def], off)[0].value).toBeCloseTo(100 / 3, 12);
  });
});

describe("disaggregate: unknown codes and outcomes", () => {
  it("keeps unknown sex as its own group and the groups add up to the total", () => {
    const rows = disaggregate(ds, ["enrolment"], { by: ["sex"], rollup: true, ...off });
    expect(rows.map((r) => [r.sex, r.value])).toEqual([
      [null, 100],
      ["female", 40],
      ["male", 59],
      ["unknown", 1],
    ]);
  });

  it("leaves pupils with unknown status out of both parts and counts them", () => {
    // 3 unknown (pupil 5 in each school); repeaters are pupils 10, 20, 30 in A, 10, 20 in B, 10..50 in C = 10
    const [row] = disaggregate(ds, ["repetition-status"], off);
    expect(row).toMatchObject({ numerator: 10, denominator: 97, n: 97, nExcluded: 3, flags: ["unknown-excluded"] });
    expect(row.value).toBeCloseTo((100 * 10) / 97, 12);
  });

  it("gives Wilson bounds around proportions, scaled to percent", () => {
    const [row] = disaggregate(ds, ["repetition-status"], off);
    expect(row.ciLow!).toBeLessThan(row.value!);
    expect(row.ciHigh!).toBeGreaterThan(row.value!);
    expect(row.ciLow!).toBeGreaterThan(0);
  });

  it("excludes schools with unknown electricity from the share and reports them", () => {
    const [row] = disaggregate(ds, ["schools-with-electricity"], off);
    expect(row).toMatchObject({ numerator: 1, denominator: 2, value: 50, nExcluded: 1 });
  });
});

describe("disaggregate: invariants", () => {
  it("the sum of the parts equals the whole for every grouping (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ school: fc.constantFrom("A", "B", "C"), sex: fc.constantFrom("female", "male", "unknown") }), { minLength: 1, maxLength: 60 }), (pupils) => {
        const d = createDataset({
          profile,
          schools,
          students: pupils.map((p, i) => ({ student_id: String(i), school_id: p.school, grade: "G1", sex: p.sex })),
        });
        const rows = disaggregate(d, ["enrolment"], { by: ["region", "sex"], cube: true, ...off });
        const total = rows.find((r) => r.level === "total")!.value!;
        for (const level of ["region", "sex", "region+sex"]) {
          const sum = rows.filter((r) => r.level === level).reduce((a, r) => a + (r.value as number), 0);
          expect(sum).toBe(total);
        }
        expect(total).toBe(pupils.length);
      }),
      { numRuns: 40 },
    );
  });

  it("scaling pupils and teachers by k keeps the PTR (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), (k) => {
        const rep = <T extends Record<string, unknown>>(rows: T[], id: string) => rows.flatMap((r) => Array.from({ length: k }, (_, j) => ({ ...r, [id]: `${r[id]}-${j}` })));
        const d = createDataset({ profile, schools, students: rep(students(), "student_id"), teachers: rep(teachers(), "teacher_id") });
        const rows = disaggregate(d, ["pupil-teacher-ratio"], { by: ["region"], rollup: true, ...off });
        expect(rows.map((r) => r.value)).toEqual([10, 10, 10]);
      }),
      { numRuns: 3 },
    );
  });

  it("does not mutate its inputs", () => {
    const frozen = Object.freeze(students().map((r) => Object.freeze(r)));
    const d = createDataset({ profile, schools, students: frozen as Record<string, unknown>[] });
    expect(() => disaggregate(d, ["enrolment"], { by: ["sex"] })).not.toThrow();
  });

  it("returns value as number | null", () => {
    expectTypeOf(disaggregate(ds, ["enrolment"])[0].value).toEqualTypeOf<number | null>();
  });
});

describe("disaggregate: reserved dimension names", () => {
  // A hand-built fact can carry any dimension name; a column named like a result field
  // would overwrite that field (indicator "a", value "b") and `__proto__` is not an own key.
  const factWith = (name: string) => ({
    ...ds,
    facts: { students: { name: "students", length: 3, dims: { [name]: { codes: Uint32Array.of(0, 1, 2), dictionary: ["a", "b", "c"] } }, measures: { enrolled: new Float64Array(3).fill(1) } } },
  });
  for (const name of ["indicator", "level", "value", "n", "flags", "suppressed", "__proto__"]) {
    it(`refuses to group by "${name}" with a typed error naming it`, () => {
      try {
        disaggregate(factWith(name), ["enrolment"], { by: [name], suppression: false });
        expect.unreachable();
      } catch (e) {
        expect(isEmisError(e) && e.code).toBe("reserved-dimension");
        expect((e as Error).message).toContain(`"${name}"`);
      }
    });
  }
  it("still groups by names that are only Object.prototype members (constructor, toString)", () => {
    for (const name of ["constructor", "toString"]) {
      const rows = disaggregate(factWith(name), ["enrolment"], { by: [name], suppression: false });
      expect(rows.map((r) => [r[name], r.value])).toEqual([["a", 1], ["b", 1], ["c", 1]]);
    }
  });
});

describe("disaggregate: hand-built facts of a wrong shape", () => {
  const fact = (length: number, codes: number, values: number) => ({
    ...ds,
    facts: { students: { name: "students", length, dims: { sex: { codes: new Uint32Array(codes), dictionary: ["female"] } }, measures: { enrolled: new Float64Array(values).fill(1) } } },
  });
  it("refuses columns shorter than the fact's length, naming the column (enrolment 10 from 5 rows before)", () => {
    expect(() => disaggregate(fact(10, 10, 5), ["enrolment"], { suppression: false })).toThrow(/fact students: measure enrolled has 5 values/);
    expect(() => disaggregate(fact(10, 5, 10), ["enrolment"], { by: ["sex"], suppression: false })).toThrow(/dimension sex has 5 codes/);
  });
  it("refuses a length that is not a whole number ≥ 0", () => {
    for (const n of [2.5, -1, Number.NaN]) expect(() => disaggregate(fact(n, 5, 5), ["enrolment"], { suppression: false })).toThrow(/length must be a whole number/);
  });
  it("reads a fact whose columns are longer than its length up to its length only", () => {
    expect(disaggregate(fact(3, 5, 5), ["enrolment"], { suppression: false })[0].value).toBe(3);
  });
});
