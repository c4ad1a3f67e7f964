import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { createDataset } from "../../src/dataset";
import { profiles } from "../../src/profiles";
import { isEmisError } from "../../src/models";
import { concentrationIndex } from "../../src/equity";
import {
  withAdoption,
  coverage,
  coverageParity,
  needIndex,
  parseNeedIndexSpec,
  benefitIncidence,
  coverageConcentration,
  adoptionOutcomeGaps,
  projectCoverage,
  compareOrderings,
} from "../../src/scaling";
import { schools, students, teachers } from "../fixtures/three-schools";

// three-schools: A rural 30 pupils / 1 teacher (PTR 30), B rural 20 / 4 (PTR 5),
// C urban 50 / 5 (PTR 10). Classrooms A 2, B 4, C 4.
const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });
const open = { minCell: 0 };
const adoptions = [
  { school_id: "A", innovation: "tablets", year_adopted: 2023 },
  { school_id: "C", innovation: "tablets", year_adopted: 2025, intensity: 0.5 },
  { school_id: "Z", innovation: "tablets", year_adopted: 2023 },
];
const val = (rows: ReturnType<typeof coverage>, id: string, level: string, dim?: string, code?: string, year?: string) =>
  rows.find((r) => r.indicator === id && r.level === level && (!dim || r[dim] === code) && (year === undefined || r.year === year))?.value;

describe("withAdoption", () => {
  it("marks adopting schools by year and reports unmatched ids", () => {
    const r = withAdoption(ds, adoptions, { year: 2024 });
    expect(r.adopting).toEqual(["A"]);
    expect(r.unmatched).toEqual(["Z"]);
    expect(Array.from(r.dataset.facts.schools.measures.adopted)).toEqual([1, 0, 0]);
    expect(ds.facts.schools.measures.adopted).toBeUndefined(); // input untouched
  });
  it("asks which innovation when there are several", () => {
    expect(() => withAdoption(ds, [...adoptions, { school_id: "B", innovation: "radio", year_adopted: 2020 }])).toThrow(/choose one/);
  });
});

describe("coverage and coverageParity", () => {
  const rows = coverage(ds, adoptions, { by: ["location"], years: [2023, 2024, 2025], suppression: open });
  it("matches the hand derivation", () => {
    // 2024: A only → schools 1/3 = 33.3%, pupils 30/100 = 30%; rural 30/50 = 60%, urban 0/50 = 0%
    expect(val(rows, "innovation-school-coverage", "total", undefined, undefined, "2024")).toBeCloseTo(100 / 3, 10);
    expect(val(rows, "innovation-pupil-coverage", "total", undefined, undefined, "2024")).toBe(30);
    expect(val(rows, "innovation-pupil-coverage", "location", "location", "rural", "2024")).toBe(60);
    expect(val(rows, "innovation-pupil-coverage", "location", "location", "urban", "2024")).toBe(0);
    // 2025: A and C → (30 + 50) / 100 = 80%
    expect(val(rows, "innovation-pupil-coverage", "total", undefined, undefined, "2025")).toBe(80);
  });
  it("applies disclosure control by default (1 school of 3 is under the minimum cell of 5)", () => {
    const hidden = coverage(ds, adoptions, { years: [2024] });
    const r = hidden.find((x) => x.indicator === "innovation-school-coverage" && x.level === "total")!;
    expect(r.suppressed).toBe(true);
    expect(r.value).toBeNull();
  });
  it("coverageParity: urban 0% vs rural 60% → gap −60 points, adjusted parity 0, below the band", () => {
    const p = coverageParity(rows, { by: "location", group: "urban", reference: "rural" });
    expect(p.map((x) => x.year)).toEqual(["2023", "2024", "2025"]);
    expect(p[1]).toMatchObject({ groupValue: 0, referenceValue: 60, gap: -60, adjustedParityIndex: 0, band: "below", withheld: false });
    // 2025: urban 50/50 = 100 vs rural 60 → PI 1.667, adjusted 2 − 1/1.667 = 1.4
    expect(p[2].adjustedParityIndex).toBeCloseTo(1.4, 12);
  });
  it("coverage stays in [0, 100] for any adoption pattern (property)", () => {
    fc.assert(
      fc.property(fc.subarray(["A", "B", "C"]), (chosen) => {
        const r = coverage(ds, chosen.map((s) => ({ school_id: s, innovation: "x", year_adopted: 2024 })), { by: ["location", "region"], suppression: open });
        return r.every((x) => x.value === null || (x.value >= 0 && x.value <= 100));
      }),
    );
  });
});

describe("needIndex", () => {
  const spec = { items: [{ indicator: "pupil-teacher-ratio", weight: 1 }, { dimension: "location", scores: { urban: 0, rural: 1 }, weight: 1 }] };
  it("matches the hand derivation (min-max)", () => {
    // PTR is lower-is-better → higher PTR = more need: min-max of 30, 5, 10 → A 1, B 0, C 0.2;
    // location rural 1, urban 0 → A 1, B 1, C 0. Mean × 100: A 100, B 50, C 10.
    const n = needIndex(ds, spec);
    expect(n.map((x) => x.school)).toEqual(["A", "B", "C"]);
    expect(n.map((x) => x.score)).toEqual([100, 50, 10]);
    expect(n.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(n[0].items).toEqual({ "pupil-teacher-ratio": 30, location: 1 });
    // pupil-weighted quintiles, neediest first: A mid (0 + 15)/100 → Q1; B (30 + 10)/100 → Q3; C (50 + 25)/100 → Q4
    expect(n.map((x) => x.group)).toEqual(["Q1", "Q3", "Q4"]);
  });
  it("z-score normalisation", () => {
    // PTR 30, 5, 10: mean 15, population SD √(350/3); location 1, 1, 0: mean 2/3, SD √(2/9)
    const n = needIndex(ds, { ...spec, normalisation: "z-score" });
    const a = ((30 - 15) / Math.sqrt(350 / 3) + (1 - 2 / 3) / Math.sqrt(2 / 9)) / 2;
    expect(n.find((x) => x.school === "A")!.score).toBeCloseTo(a, 12);
  });
  it("missing-item rule: fewer than minAnswered items gives no score", () => {
    const n = needIndex(ds, { items: [{ indicator: "pupil-teacher-ratio", weight: 1 }, { dimension: "location", scores: { rural: 1 }, weight: 1 }], minAnswered: 2 });
    expect(n.find((x) => x.school === "C")).toMatchObject({ score: null, rank: null, group: "unknown" });
    expect(n.at(-1)!.school).toBe("C");
  });
  it("takes weights from a JSON file", () => {
    // weights 3 (PTR) and 1 (location: rural 1, urban 0 → A 1, B 1, C 0 after min-max):
    // A (3·1 + 1·1)/4 = 100; B (3·0 + 1)/4 = 25; C (3·0.2 + 0)/4 = 15
    const w = JSON.parse(readFileSync(new URL("../fixtures/need-weights.json", import.meta.url), "utf8"));
    const n = needIndex(ds, w);
    expect(n.map((x) => x.school)).toEqual(["A", "B", "C"]);
    [100, 25, 15].forEach((v, i) => expect(n[i].score).toBeCloseTo(v, 10));
  });
  it("rejects invalid specifications with an error naming the field", () => {
    const err = (x: unknown) => {
      try {
        parseNeedIndexSpec(x);
      } catch (e) {
        expect(isEmisError(e)).toBe(true);
        return (e as Error & { code: string; details: { field: string } });
      }
      throw new Error("no error");
    };
    expect(err({ items: [{ indicator: "pass-rate", field: "classrooms", weight: 1 }] }).details.field).toBe("items.0");
    expect(err({ items: [{ indicator: "pass-rate", weight: -1 }] }).details.field).toBe("items.0.weight");
    expect(err({ items: [{ dimension: "location", weight: 1 }] }).details.field).toBe("items.0.scores");
    expect(err({ items: [{ field: "x", weight: 0 }] }).code).toBe("invalid-need-index");
    expect(() => needIndex(ds, { items: [{ field: "nope", weight: 1 }] })).toThrow(/items.0.field/);
    expect(() => needIndex(ds, { items: [{ indicator: "enrolment", weight: 1 }] })).toThrow(/items.0.direction/);
  });
});

describe("benefitIncidence, coverageConcentration, adoptionOutcomeGaps", () => {
  const need = needIndex(ds, { items: [{ indicator: "pupil-teacher-ratio", weight: 1 }, { dimension: "location", scores: { urban: 0, rural: 1 }, weight: 1 }] });
  it("benefit incidence by need quintile (A, the neediest, adopted)", () => {
    const b = benefitIncidence(ds, adoptions, need, { year: 2024, suppression: open });
    expect(b.map((x) => [x.group, x.pupils, x.pupilsReached, x.coverage, x.shareOfReached, x.shareOfPupils])).toEqual([
      ["Q1", 30, 30, 100, 100, 30],
      ["Q3", 20, 0, 0, 0, 20],
      ["Q4", 50, 0, 0, 0, 50],
    ]);
  });
  it("concentration index on need deciles equals concentrationIndex on the same grouped data", () => {
    // deciles: A mid 0.15 → 2, B 0.40 → 5, C 0.75 → 8; coverage 1, 0, 0; pupil weights 30, 20, 50
    const c = coverageConcentration(ds, adoptions, need, { year: 2024, suppression: open });
    const ref = concentrationIndex([1, 0, 0], [2, 5, 8], { correction: "wagstaff", bounds: [0, 1], weights: [30, 20, 50] });
    expect(c.value).toBeCloseTo(ref.value!, 12);
    expect(c.value!).toBeLessThan(0); // concentrated among the neediest
    expect(c.groupsUsed).toBe(3);
  });
  it("outcome gap of adopting vs other schools, by group", () => {
    // repetition: A 3 of 29 known (adopting); B 2 of 19, C 5 of 49 → 7 of 68 (not adopting)
    const g = adoptionOutcomeGaps(ds, adoptions, { indicator: "repetition-status", by: "location", year: 2024, suppression: open });
    expect(g.overall.adopting).toBeCloseTo((100 * 3) / 29, 10);
    expect(g.overall.notAdopting).toBeCloseTo((100 * 7) / 68, 10);
    const rural = g.groups.find((x) => x.group === "rural")!;
    expect(rural.gap).toBeCloseTo((100 * 3) / 29 - (100 * 2) / 19, 10);
    expect(g.groups.find((x) => x.group === "urban")!.adopting).toBeNull();
    expect(g.spread).toBe(0); // one group with both values
  });
});

describe("projectCoverage", () => {
  const need = needIndex(ds, { items: [{ indicator: "pupil-teacher-ratio", weight: 1 }, { dimension: "location", scores: { urban: 0, rural: 1 }, weight: 1 }] });
  it("by need, by convenience (fewest classrooms first here), at random (seeded)", () => {
    const byNeed = projectCoverage(ds, [], { k: 1, order: "need", need, by: ["location"], suppression: open });
    expect(byNeed.chosen).toEqual(["A"]);
    expect(byNeed.national).toBe(30);
    // location: rural 60, urban 0 → range 60, adjusted parity 0
    expect(byNeed.gaps[0]).toMatchObject({ lowest: { group: "urban", value: 0 }, highest: { group: "rural", value: 60 }, range: 60, adjustedParity: 0 });
    const byConv = projectCoverage(ds, [], { k: 2, order: "convenience", convenienceField: "classrooms", by: ["location"], suppression: open });
    expect(byConv.chosen).toEqual(["A", "B"]); // classrooms 2, 4 (tie B/C broken by id)
    const r1 = projectCoverage(ds, [], { k: 2, order: "random", seed: 7, by: [], suppression: open });
    expect(projectCoverage(ds, [], { k: 2, order: "random", seed: 7, by: [], suppression: open }).chosen).toEqual(r1.chosen);
  });
  it("need order takes the neediest not yet reached first (property)", () => {
    fc.assert(
      fc.property(fc.subarray(["A", "B", "C"]), fc.integer({ min: 0, max: 3 }), (reached, k) => {
        const p = projectCoverage(ds, reached.map((s) => ({ school_id: s, innovation: "x", year_adopted: 2024 })), { k, order: "need", need, by: [], suppression: open });
        const expected = need.map((x) => x.school).filter((s) => !reached.includes(s)).slice(0, k);
        return JSON.stringify(p.chosen) === JSON.stringify(expected);
      }),
    );
  });
  it("with k = every school not reached, coverage is full whatever the order (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("need", "convenience", "random") as fc.Arbitrary<"need" | "convenience" | "random">, fc.integer(), fc.subarray(["A", "B", "C"]), (order, seed, reached) => {
        const p = projectCoverage(ds, reached.map((s) => ({ school_id: s, innovation: "x", year_adopted: 2024 })), { k: 3, order, seed, need, convenienceField: "classrooms", by: ["location"], suppression: open });
        return p.national === 100 && p.gaps[0].range === 0;
      }),
    );
  });
  it("compareOrderings runs the three orders; bad options throw", () => {
    expect(compareOrderings(ds, [], { k: 1, need, by: ["location"], suppression: open }).map((p) => p.order)).toEqual(["need", "convenience", "random"]);
    expect(() => projectCoverage(ds, [], { k: -1, order: "random", by: [] })).toThrow(/non-negative/);
    expect(() => projectCoverage(ds, [], { k: 1, order: "need", by: [] })).toThrow(/needIndex/);
    expect(() => projectCoverage(ds, [], { k: 1, order: "convenience", convenienceField: "nope", by: [] })).toThrow(/nope/);
  });
});
