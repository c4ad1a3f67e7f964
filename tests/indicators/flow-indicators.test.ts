import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { catalogue, cohortSurvival, flowRates, repetitionRateUis, survivalRateLastGrade } from "../../src/indicators";
import { isEmisError, type IndicatorDefinitionInput, type ResultRow } from "../../src/models";
import { flowPupils, flowSchools } from "./fixtures/flow-and-population";

const profile = profiles.generic;
// The fixture's cycle is G1-G3 (transition to G4): an adapted definition, as a user would write in JSON.
const cat = catalogue.map((d) => (d.kind === "flow" ? { ...d, grades: ["G1", "G2", "G3"] } : d));
const ds = createDataset({ profile, schools: flowSchools, students: flowPupils() });
const off = { suppression: false as const, catalogue: cat };
const total = (id: string, rows = disaggregate(ds, [id], off)) => rows.find((r) => r.level === "total")!;

describe("flow indicators: hand derivation (fixture table in fixtures/flow-and-population.ts)", () => {
  it("repetition = (10+8+6)/(100+80+60) = 10%", () => {
    expect(total("repetition-rate-uis")).toMatchObject({ numerator: 24, denominator: 240, value: 10, flags: [] });
  });
  it("promotion = ((90-8)+(70-6))/(100+80) = 81.11% over every grade but the last", () => {
    const r = total("promotion-rate-uis");
    expect([r.numerator, r.denominator]).toEqual([146, 180]);
    expect(r.value).toBeCloseTo(81.111, 3);
  });
  it("dropout = (100-82-10 + 80-64-8)/180 = 8.89%, and promotion + repetition + dropout = 100 per grade", () => {
    expect(total("dropout-rate-uis").value).toBeCloseTo(8.889, 3);
    const by = (id: string) => disaggregate(ds, [id], { ...off, by: ["grade"] });
    const p = by("promotion-rate-uis");
    const r = by("repetition-rate-uis");
    const d = by("dropout-rate-uis");
    expect(p.map((x) => x.value)).toEqual([82, 80, null]);
    expect(r.map((x) => x.value)).toEqual([10, 10, 10]);
    expect(d.map((x) => x.value)).toEqual([8, 10, null]);
    expect(p[2].flags).toEqual(["not-computable"]);
  });
  it("effective promotion = p/(1-r): 146/(180-18) = 90.12%", () => {
    expect(total("effective-promotion-rate").value).toBeCloseTo(90.123, 3);
  });
  it("survival to the last grade = 0.82/0.9 × 0.80/0.9 = 80.99%; by grade 100, 91.11, 80.99; cumulative dropout 19.01%", () => {
    expect(total("survival-rate-last-grade")).toMatchObject({ numerator: null, denominator: null });
    expect(total("survival-rate-last-grade").value).toBeCloseTo(80.988, 3);
    expect(total("cumulative-dropout-rate").value).toBeCloseTo(19.012, 3);
    const byGrade = disaggregate(ds, ["survival-rate-last-grade"], { ...off, by: ["grade"] });
    expect(byGrade.map((r) => r.grade)).toEqual(["G1", "G2", "G3"]);
    expect(byGrade[0].value).toBe(100);
    expect(byGrade[1].value).toBeCloseTo(91.111, 3);
  });
  it("transition G3 → G4: gross (50-5)/60 = 75%, effective 45/(60-6) = 83.33%", () => {
    expect(total("gross-transition-rate")).toMatchObject({ numerator: 45, denominator: 60, value: 75 });
    expect(total("effective-transition-rate").value).toBeCloseTo(83.333, 3);
  });
  it("engine agrees with the pure functions flowRates and cohortSurvival", () => {
    const rates = flowRates([
      { enrolment: 100, repeatersNext: 10, enrolmentNext: 110 },
      { enrolment: 80, repeatersNext: 8, enrolmentNext: 90 },
      { enrolment: 60, repeatersNext: 6, enrolmentNext: 70 },
    ]);
    expect(rates[0].promotion).toBeCloseTo(0.82, 12);
    expect(rates[1].dropout).toBeCloseTo(0.1, 12);
    expect(rates[2]).toEqual({ promotion: null, repetition: 0.1, dropout: null });
    const s = cohortSurvival(rates);
    expect(100 * s[2]!).toBeCloseTo(total("survival-rate-last-grade").value as number, 10);
  });
  it("by year gives rows for the base year 2024 only (2025 has no 2026)", () => {
    const rows = disaggregate(ds, ["repetition-rate-uis"], { ...off, by: ["year"] });
    expect(rows.map((r) => [r.year, r.value])).toEqual([["2024", 10]]);
  });
});

describe("flow indicators: disaggregation", () => {
  it("by sex: group numerators and denominators add up to the total's", () => {
    for (const id of ["repetition-rate-uis", "promotion-rate-uis", "dropout-rate-uis", "gross-transition-rate"]) {
      const rows = disaggregate(ds, [id], { ...off, by: ["sex"], rollup: true });
      const t = rows.find((r) => r.level === "total")!;
      const parts = rows.filter((r) => r.level === "sex");
      expect(parts.map((r) => r.sex).sort()).toEqual(["female", "male"]);
      expect(parts.reduce((a, r) => a + (r.numerator as number), 0)).toBeCloseTo(t.numerator as number, 9);
      expect(parts.reduce((a, r) => a + (r.denominator as number), 0)).toBeCloseTo(t.denominator as number, 9);
    }
  });
  it("transition rates are not disaggregable by grade", () => {
    expect(() => disaggregate(ds, ["gross-transition-rate"], { ...off, by: ["grade"] })).toThrow(/not disaggregable by grade/);
    expect(disaggregate(ds, ["gross-transition-rate"], { ...off, by: ["grade"], onInapplicable: "skip" })).toEqual([]);
  });
  it("a dimension missing from the pupils' facts throws nonconformed-dimension", () => {
    try {
      disaggregate(ds, ["repetition-rate-uis"], { ...off, by: ["posting"] });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("nonconformed-dimension");
    }
  });
});

describe("flow indicators: edge cases", () => {
  it("one year of data gives null with not-computable, never NaN or 0", () => {
    const one = createDataset({ profile, schools: flowSchools, students: flowPupils().filter((r) => r.year === 2024) });
    const [row] = disaggregate(one, ["promotion-rate-uis"], off);
    expect(row).toMatchObject({ value: null, flags: ["not-computable"] });
  });
  it("a grade with no pupils in t gives zero-denominator, and survival after it is null", () => {
    const pupils = flowPupils().filter((r) => !(r.year === 2024 && r.grade === "G2"));
    const d2 = createDataset({ profile, schools: flowSchools, students: pupils });
    const rows = disaggregate(d2, ["repetition-rate-uis", "survival-rate-last-grade"], { ...off, by: ["grade"] });
    const g2 = rows.find((r) => r.indicator === "repetition-rate-uis" && r.grade === "G2")!;
    expect(g2).toMatchObject({ value: null, flags: ["zero-denominator"] });
    const s3 = rows.find((r) => r.indicator === "survival-rate-last-grade" && r.grade === "G3")!;
    expect(s3).toMatchObject({ value: null, flags: ["zero-denominator"] });
  });
  it("more new pupils in the next grade than pupils in the grade (transfers in) gives a negative dropout rate, flagged", () => {
    const pupils = flowPupils();
    for (let i = 0; i < 30; i++) pupils.push({ student_id: `in-${i}`, school_id: "A", year: 2025, grade: "G2", sex: "male", repeater: "no" });
    const d2 = createDataset({ profile, schools: flowSchools, students: pupils });
    const g1 = disaggregate(d2, ["dropout-rate-uis"], { ...off, by: ["grade"] })[0];
    // (90+30-8)/100 = 1.12 promotion → dropout 1 - 1.12 - 0.10 = -0.22
    expect(g1.value).toBeCloseTo(-22, 9);
    expect(g1.flags).toContain("negative-rate");
  });
  it("a repeater status of unknown leaves the record out of R and is counted in nExcluded", () => {
    const pupils = flowPupils().map((r, i) => (r.year === 2025 && r.grade === "G1" && i % 50 === 0 ? { ...r, repeater: "unknown" } : r));
    const d2 = createDataset({ profile, schools: flowSchools, students: pupils });
    const row = total("repetition-rate-uis", disaggregate(d2, ["repetition-rate-uis"], off));
    expect(row.nExcluded).toBeGreaterThan(0);
    expect(row.flags).toContain("unknown-excluded");
  });
  it("maxRepetitions caps 1/(1-r) by 1 + r + … + r^m", () => {
    expect(cohortSurvival([{ promotion: 0.8, repetition: 0.1 }, { promotion: null, repetition: 0.1 }], { maxRepetitions: 1 })[1]).toBeCloseTo(0.8 * 1.1, 12);
    expect(cohortSurvival([{ promotion: 0.8, repetition: 0.1 }, { promotion: null, repetition: 0.1 }])[1]).toBeCloseTo(0.8 / 0.9, 12);
    expect(cohortSurvival([{ promotion: 0, repetition: 1 }, { promotion: null, repetition: 0 }])[1]).toBeNull();
    expect(cohortSurvival([])).toEqual([]);
  });
  it("does not mutate its inputs", () => {
    const input = Object.freeze([Object.freeze({ enrolment: 10, repeatersNext: 1, enrolmentNext: 10 }), Object.freeze({ enrolment: 10, repeatersNext: 1, enrolmentNext: 9 })]);
    expect(() => flowRates(input)).not.toThrow();
  });
});

describe("flow indicators: properties", () => {
  it("scaling every count by k keeps every rate and the survival (scale invariance)", () => {
    const grade = fc.record({ enrolment: fc.integer({ min: 1, max: 1000 }), repeatersNext: fc.integer({ min: 0, max: 100 }), enrolmentNext: fc.integer({ min: 100, max: 1200 }) });
    fc.assert(
      fc.property(fc.array(grade, { minLength: 2, maxLength: 8 }), fc.integer({ min: 2, max: 50 }), (gs, k) => {
        const a = flowRates(gs);
        const b = flowRates(gs.map((g) => ({ enrolment: k * g.enrolment, repeatersNext: k * g.repeatersNext, enrolmentNext: k * g.enrolmentNext })));
        a.forEach((x, i) => {
          expect(b[i].repetition).toBeCloseTo(x.repetition!, 9);
          if (x.promotion !== null) expect(b[i].promotion).toBeCloseTo(x.promotion, 9);
        });
        const sa = cohortSurvival(a);
        const sb = cohortSurvival(b);
        sa.forEach((s, i) => (s === null ? expect(sb[i]).toBeNull() : expect(sb[i]).toBeCloseTo(s, 9)));
      }),
    );
  });
  it("promotion + repetition + dropout = 1 for every grade with a promotion rate", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ enrolment: fc.integer({ min: 1, max: 500 }), repeatersNext: fc.integer({ min: 0, max: 50 }), enrolmentNext: fc.integer({ min: 0, max: 500 }) }), { minLength: 2, maxLength: 6 }), (gs) => {
        for (const r of flowRates(gs)) if (r.promotion !== null) expect(r.promotion + r.repetition! + r.dropout!).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("flow indicators: types", () => {
  it("definitions fit IndicatorDefinitionInput; values are number | null", () => {
    expectTypeOf(repetitionRateUis).toMatchTypeOf<IndicatorDefinitionInput>();
    expectTypeOf(survivalRateLastGrade).toMatchTypeOf<IndicatorDefinitionInput>();
    expectTypeOf<ResultRow["value"]>().toEqualTypeOf<number | null>();
  });
});
