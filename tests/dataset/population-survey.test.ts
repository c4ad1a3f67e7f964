import { describe, expect, it } from "vitest";
import { compositeIndex, createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { isEmisError } from "../../src/models";

const profile = profiles.bhutan;
const schools = [
  { school_id: "S1", dzongkhag: "haa", location: "rural" },
  { school_id: "S2", dzongkhag: "thimphu", location: "urban" },
];

describe("createDataset: population", () => {
  it("builds the fact population with year, the columns present (sex, dzongkhag), and age as a measure", () => {
    const ds = createDataset({ profile, population: [{ year: 2024, age: 6, sex: "female", dzongkhag: "haa", population: 10 }, { year: 2024, age: 7, sex: "male", dzongkhag: "haa", population: 12 }] });
    const f = ds.facts.population;
    expect(Object.keys(f.dims).sort()).toEqual(["dzongkhag", "sex", "year"]);
    expect([...f.measures.population]).toEqual([10, 12]);
    expect([...f.measures.age]).toEqual([6, 7]);
    expect(ds.integrity.accounts.population).toEqual({ read: 2, kept: 2, duplicates: 0, orphans: 0 });
  });
  it("rejects an invalid population row with a validation error naming the field", () => {
    try {
      createDataset({ profile, population: [{ year: 2024, age: -1, population: 10 }] });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e)).toBe(true);
      expect(JSON.stringify(e)).toMatch(/age/);
    }
  });
});

describe("createDataset: school surveys and the pedagogy index", () => {
  const surveys = [
    { school_id: "S1", year: 2024, inclusive_materials: 5, adapted_teaching: 5, local_content: 5, home_grown_practices: 5, mother_tongue_use: 5, community_involvement: 5 },
    { school_id: "S2", year: 2024, inclusive_materials: 1, adapted_teaching: 3, local_content: 5, home_grown_practices: 3 },
    { school_id: "S2", year: 2024, inclusive_materials: 1, adapted_teaching: 1 },
    { school_id: "X9", year: 2024, inclusive_materials: 3, adapted_teaching: 3, local_content: 3, home_grown_practices: 3 },
  ];
  const ds = createDataset({ profile, schools, surveys });
  it("inherits the school's dimensions; an orphan is kept as unknown and reported", () => {
    const f = ds.facts.school_surveys;
    expect(f.dims.dzongkhag.dictionary[f.dims.dzongkhag.codes[0]]).toBe("haa");
    expect(f.dims.location.dictionary[f.dims.location.codes[3]]).toBe("unknown");
    expect(ds.integrity.accounts.school_surveys.orphans).toBe(1);
  });
  it("index = 100 × mean of (answer − 1)/4 over answered items, when at least 4 of 6 are answered", () => {
    // S1: all 5 → 100; S2a: (0 + 0.5 + 1 + 0.5)/4 = 0.5 → 50; S2b: 2 items < 4 → unknown; orphan: 4 × 0.5 → 50
    expect([...ds.facts.school_surveys.measures.pedagogy_index]).toEqual([100, 50, Number.NaN, 50]);
    const rows = disaggregate(ds, ["inclusive-pedagogy-index"], { by: ["location"], rollup: true, suppression: false });
    expect(rows.map((r) => [r.location, r.value, r.nExcluded])).toEqual([
      [null, (100 + 50 + 50) / 3, 1],
      ["rural", 100, 0],
      ["urban", 50, 1],
      ["unknown", 50, 0],
    ]);
  });
  it("compositeIndex: z-score normalisation, weights and the missing-item rule are options", () => {
    expect(compositeIndex([[1, 5], [5, 1]], { range: [1, 5], weights: [3, 1] })).toEqual([25, 75]);
    const z = compositeIndex([[1], [3], [5]], { normalisation: "z-score" });
    expect(z[1]).toBe(0);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(compositeIndex([[1, Number.NaN, Number.NaN]], { range: [1, 5], minAnswered: 1 })).toEqual([0]);
    expect(() => compositeIndex([[1, 2]], { weights: [1] })).toThrow(/2 non-negative weights/);
  });
});
