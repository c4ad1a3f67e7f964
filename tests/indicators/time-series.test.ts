import { describe, expect, it } from "vitest";
import { gapTrend } from "../../src/indicators";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import type { ResultRow } from "../../src/models";
import { flowPupils, flowSchools } from "./fixtures/flow-and-population";

const row = (year: string, sex: string, value: number | null): ResultRow => ({
  indicator: "x", level: "year+sex", year, sex, numerator: null, denominator: null, value, n: null, nExcluded: 0, ciLow: null, ciHigh: null, suppressed: value === null, flags: [],
});

describe("gapTrend", () => {
  it("matches the hand derivation: gaps −4, −2, −1 → changes 2, 1; total 3; slope 1.5 per year; narrowing", () => {
    // girls 80, 84, 88; boys 84, 86, 89 → gaps −4, −2, −1; OLS slope of (2020,−4),(2021,−2),(2022,−1) = 1.5
    const rows = [row("2020", "female", 80), row("2020", "male", 84), row("2021", "female", 84), row("2021", "male", 86), row("2022", "female", 88), row("2022", "male", 89)];
    const t = gapTrend(rows, { indicator: "x", dimension: "sex", focal: "female", reference: "male" });
    expect(t.years.map((y) => [y.year, y.gap, y.change])).toEqual([[2020, -4, null], [2021, -2, 2], [2022, -1, 1]]);
    expect(t.totalChange).toBe(3);
    expect(t.slope).toBeCloseTo(1.5, 12);
    expect(t.direction).toBe("narrowing");
  });
  it("skips a suppressed year in the trend and gives no trend with one known gap", () => {
    const rows = [row("2020", "female", 80), row("2020", "male", 84), row("2021", "female", null), row("2021", "male", 86)];
    const t = gapTrend(rows, { indicator: "x", dimension: "sex", focal: "female", reference: "male" });
    expect(t.years[1].gap).toBeNull();
    expect(t).toMatchObject({ totalChange: null, slope: null, direction: null });
  });
  it("throws with the fix when the rows are not grouped by year and the dimension", () => {
    expect(() => gapTrend([], { indicator: "x", dimension: "sex", focal: "female", reference: "male" })).toThrow(/by: \["year", "sex"\]/);
  });
  it("reads a by-year engine result (enrolment of girls and boys, 2024 and 2025)", () => {
    const ds = createDataset({ profile: profiles.generic, schools: flowSchools, students: flowPupils() });
    const rows = disaggregate(ds, ["enrolment"], { by: ["year", "sex"], suppression: false });
    const t = gapTrend(rows, { indicator: "enrolment", dimension: "sex", focal: "female", reference: "male" });
    // 2024: girls 40+32+24 = 96, boys 144 → −48; 2025: girls 44+36+28+20 = 128, boys 192 → −64
    expect(t.years.map((y) => y.gap)).toEqual([-48, -64]);
    expect(t.direction).toBe("widening");
  });
});
