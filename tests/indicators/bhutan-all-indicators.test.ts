import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { catalogue, gapTrend, pedagogyScaleReliability } from "../../src/indicators";
import { bhutan, population, schools, sections, students, surveys, teachers } from "./fixtures/bhutan-two-years";

const ds = createDataset({ profile: bhutan, schools, students: students(), teachers: teachers(), sections: sections(), population: population(), surveys: surveys() });

describe("a Bhutan-profile dataset with two years computes every indicator of the catalogue", () => {
  it("every indicator gives a national value (not null) and by year", () => {
    const rows = disaggregate(ds, catalogue.map((d) => d.id), { suppression: false });
    expect(rows.length).toBe(catalogue.length);
    const missing = rows.filter((r) => r.value === null).map((r) => `${r.indicator} ${r.flags.join(",")}`);
    expect(missing).toEqual([]);
    // School records carry no year: indicators reading them are skipped by year.
    const byYear = disaggregate(ds, catalogue.map((d) => d.id), { by: ["year"], suppression: false, onInapplicable: "skip" });
    const yearless = (d: (typeof catalogue)[number]) => [d.numerator?.fact, "denominator" in d ? d.denominator?.fact : undefined].includes("schools");
    for (const d of catalogue.filter((x) => !yearless(x))) expect(byYear.some((r) => r.indicator === d.id && r.value !== null), d.id).toBe(true);
  });
  it("Bhutan flow rates: 24 pupils per class each year, 4 of them repeaters in 2025 → repetition 4/24, promotion (24−4)/24", () => {
    const rows = disaggregate(ds, ["repetition-rate-uis", "promotion-rate-uis", "effective-transition-rate"], { by: ["year"], suppression: false });
    expect(rows.map((r) => [r.indicator, r.year])).toEqual([
      ["repetition-rate-uis", "2024"],
      ["promotion-rate-uis", "2024"],
      ["effective-transition-rate", "2024"],
    ]);
    expect(rows[0].value).toBeCloseTo((100 * 4) / 24, 9);
    expect(rows[1].value).toBeCloseTo((100 * 20) / 24, 9);
    // VI → VII: (24 − 4) / (24 − 4) = 100
    expect(rows[2].value).toBeCloseTo(100, 9);
  });
  it("Bhutan GER primary 2024: PP-VI (7 classes × 24 = 168) over ages 5-11 (7 × 26 = 182) = 92.31", () => {
    const [row] = disaggregate(ds, ["gross-enrolment-ratio-primary"], { by: ["year"], suppression: false });
    expect(row).toMatchObject({ year: "2024", numerator: 168, denominator: 182 });
    expect(row.value).toBeCloseTo((100 * 168) / 182, 9);
  });
  it("the change of a gap across years, and the reliability of the pedagogy scale", () => {
    const rows = disaggregate(ds, ["gross-enrolment-ratio-primary"], { by: ["year", "sex"], suppression: false });
    const t = gapTrend(rows, { indicator: "gross-enrolment-ratio-primary", dimension: "sex", focal: "female", reference: "male" });
    expect(t.years.map((y) => y.gap)).toEqual([0, 0]);
    expect(t.direction).toBe("stable");
    const rel = pedagogyScaleReliability(ds);
    expect(rel).toMatchObject({ k: 6, n: 3, nExcluded: 1 });
  });
});
