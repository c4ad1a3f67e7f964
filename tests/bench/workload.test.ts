import { describe, expect, it } from "vitest";
import { disaggregate } from "../../src/disaggregate";
import { checksumOf, generate, INDICATORS, OPTIONS, sameChecksum } from "../../bench/workload";
import { typedWorkload } from "../../bench/baseline-typed";

describe("bench workload", () => {
  const data = generate(200_000, 11);
  const table = disaggregate(data.dataset, INDICATORS, OPTIONS);

  it("one disaggregate call (grouping sets per indicator, suppression on) gives the hand-written baseline's checksum", () => {
    const engine = checksumOf(table);
    const typed = typedWorkload(data);
    expect(sameChecksum(engine, typed)).toBe(true);
    expect(engine.cells).toBe(160);
    expect(engine.enrolment).toBe(200_000);
  });

  it("computes each indicator only for the grouping sets setsFor gives it", () => {
    const levels = (id: string) => [...new Set(table.filter((r) => r.indicator === id).map((r) => r.level))].sort();
    expect(levels("enrolment")).toEqual(["district+sex+location+disability"]);
    expect(levels("pass-rate")).toEqual(["district", "district+sex", "total"]);
    expect(levels("pupil-teacher-ratio")).toEqual(["school", "total"]);
    expect(levels("gini-school-ptr")).toEqual(["total"]);
    expect(levels("mean-score")).toEqual(["ses_quintile"]);
  });

  it("matches five separate calls row for row (one pass per fact changes no figure)", () => {
    const { dataset } = data;
    const separate = [
      ...disaggregate(dataset, ["enrolment"], { by: ["district", "sex", "location", "disability"], suppression: false }),
      ...disaggregate(dataset, ["pass-rate"], { by: ["district", "sex"], rollup: true, suppression: false }),
      ...disaggregate(dataset, ["mean-score"], { by: ["ses_quintile"], suppression: false }),
    ];
    const one = disaggregate(dataset, INDICATORS, { ...OPTIONS, suppression: false });
    for (const r of separate) {
      const twin = one.find((o) => o.indicator === r.indicator && o.level === r.level && ["district", "sex", "location", "disability", "ses_quintile"].every((d) => (o[d] ?? null) === (r[d] ?? null)));
      expect(twin, `${r.indicator} ${r.level}`).toBeDefined();
      expect([twin!.value, twin!.numerator, twin!.denominator, twin!.n, twin!.ciLow, twin!.ciHigh]).toEqual([r.value, r.numerator, r.denominator, r.n, r.ciLow, r.ciHigh]);
    }
  });
});
