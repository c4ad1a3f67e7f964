import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { grossEnrolmentRatioPrimary, netEnrolmentRatePrimary, parseIndicator } from "../../src/indicators";
import { externalAgeRange } from "../../src/disaggregate/internal/external";
import { isEmisError, type ExternalIndicator, type IndicatorDefinitionInput } from "../../src/models";
import { flowSchools, participationPupils, population } from "./fixtures/flow-and-population";

const profile = profiles.generic;
const ds = createDataset({ profile, schools: flowSchools, students: participationPupils(), population: population() });
const off = { suppression: false } as const;
const value = (id: string, d = ds) => disaggregate(d, [id], off)[0];

describe("participation: hand derivation (fixture table in fixtures/flow-and-population.ts)", () => {
  it("GER primary = 130/120 = 108.33 (over- and under-age pupils count)", () => {
    expect(value("gross-enrolment-ratio-primary")).toMatchObject({ numerator: 130, denominator: 120, flags: [] });
    expect(value("gross-enrolment-ratio-primary").value).toBeCloseTo(108.333, 3);
  });
  it("NER primary = 100/120 = 83.33; ANER adds 6 primary-age pupils in G7: 106/120 = 88.33", () => {
    expect(value("net-enrolment-rate-primary").value).toBeCloseTo(83.333, 3);
    expect(value("adjusted-net-enrolment-rate-primary")).toMatchObject({ numerator: 106, denominator: 120 });
  });
  it("out-of-school rate = (120 − 106)/120 = 11.67 = 100 − ANER here", () => {
    const oos = value("out-of-school-rate-primary");
    expect(oos.numerator).toBe(14);
    expect(oos.value).toBeCloseTo(100 - (value("adjusted-net-enrolment-rate-primary").value as number), 9);
  });
  it("GIR = (30 − 5 repeaters)/20 = 125; NIR = 15/20 = 75; GIR to the last grade = 26/20 = 130", () => {
    expect(value("gross-intake-ratio")).toMatchObject({ numerator: 25, denominator: 20, value: 125 });
    expect(value("net-intake-rate")).toMatchObject({ numerator: 15, denominator: 20, value: 75 });
    expect(value("gross-intake-ratio-last-grade-primary").value).toBe(130);
  });
  it("by sex: the population's sex is conformed with the pupils'; parts add up to the total", () => {
    const rows = disaggregate(ds, ["net-intake-rate"], { ...off, by: ["sex"], rollup: true });
    expect(rows.map((r) => [r.sex, r.numerator, r.denominator])).toEqual([
      [null, 15, 20],
      ["female", 8, 10],
      ["male", 7, 10],
    ]);
  });
});

describe("participation: official ages from the profile", () => {
  const def = (x: Partial<ExternalIndicator>) => parseIndicator({ ...grossEnrolmentRatioPrimary, ...x }) as ExternalIndicator;
  it("Bhutan 2024: PP-VI at entrance age 5 → 5-11; by the cohort rule 5-12 (Class V and VI entered at 6)", () => {
    expect(externalAgeRange(profiles.bhutan, def({}), 2024)).toEqual([5, 11]);
    expect(externalAgeRange(profiles.bhutan, def({ ages: "official-cohort" }), 2024)).toEqual([5, 12]);
    expect(externalAgeRange(profiles.bhutan, def({}), 2019)).toEqual([6, 12]);
    expect(externalAgeRange(profiles.bhutan, def({ ages: "entrance" }), 2024)).toEqual([5, 5]);
    expect(externalAgeRange(profiles.bhutan, def({ ages: "last-grade" }), 2024)).toEqual([11, 11]);
  });
});

describe("participation: edge cases", () => {
  it("NER above 100 is reported, not capped, with flag exceeds-100", () => {
    const small = population().map((r) => ({ ...r, population: (r.population as number) / 10 }));
    const d2 = createDataset({ profile, schools: flowSchools, students: participationPupils(), population: small });
    const row = value("net-enrolment-rate-primary", d2);
    expect(row.value).toBeCloseTo(833.333, 3);
    expect(row.flags).toContain("exceeds-100");
  });
  it("no population for the year gives null with zero-denominator and not-computable; nearest-year uses 2024 for 2025", () => {
    const pupils2025 = participationPupils().map((r) => ({ ...r, year: 2025 }));
    const d2 = createDataset({ profile, schools: flowSchools, students: pupils2025, population: population() });
    expect(value("gross-enrolment-ratio-primary", d2)).toMatchObject({ value: null, flags: ["zero-denominator", "not-computable"] });
    const nearest = { ...grossEnrolmentRatioPrimary, yearRule: "nearest-year" } as const;
    expect(disaggregate(d2, [nearest], off)[0].value).toBeCloseTo(108.333, 3);
  });
  it("pupils with an unknown grade or (NER) unknown age are left out and counted in nExcluded", () => {
    const pupils = participationPupils();
    pupils[20] = { ...pupils[20], grade: "unknown" };
    delete pupils[40].age;
    const d2 = createDataset({ profile, schools: flowSchools, students: pupils, population: population() });
    const row = value("net-enrolment-rate-primary", d2);
    expect(row.nExcluded).toBe(2);
    expect(row.flags).toContain("unknown-excluded");
  });
  it("a dimension the population lacks throws nonconformed-dimension", () => {
    try {
      disaggregate(ds, ["gross-enrolment-ratio-primary"], { ...off, by: ["region"] });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("nonconformed-dimension");
    }
  });
  it("a dataset without population throws missing-fact naming it", () => {
    const d2 = createDataset({ profile, schools: flowSchools, students: participationPupils() });
    expect(() => disaggregate(d2, ["gross-enrolment-ratio-primary"], off)).toThrow(/fact population/);
  });
});

describe("participation: properties", () => {
  it("scaling the population by k divides GER by k", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (k) => {
        const big = population().map((r) => ({ ...r, population: (r.population as number) * k }));
        const d2 = createDataset({ profile, schools: flowSchools, students: participationPupils(), population: big });
        expect(value("gross-enrolment-ratio-primary", d2).value).toBeCloseTo(130 / 120 / k * 100, 9);
      }),
      { numRuns: 10 },
    );
  });
});

describe("participation: types", () => {
  it("definitions fit IndicatorDefinitionInput", () => {
    expectTypeOf(grossEnrolmentRatioPrimary).toMatchTypeOf<IndicatorDefinitionInput>();
    expectTypeOf(netEnrolmentRatePrimary).toMatchTypeOf<IndicatorDefinitionInput>();
  });
});
