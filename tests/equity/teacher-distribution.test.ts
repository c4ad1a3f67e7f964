import { describe, expect, it } from "vitest";
import { teacherDistribution } from "../../src/equity/teacher-distribution";
import { concentrationIndex } from "../../src/equity/concentration-index";

const schools = [
  { trained: 2, teachers: 4, quintile: 1 },
  { trained: 1, teachers: 4, quintile: 1 },
  { trained: 6, teachers: 8, quintile: 2 },
  { trained: 4, teachers: 4, quintile: 3 },
];

describe("teacherDistribution", () => {
  it("gives the share of trained teachers per poverty quintile (1 = poorest)", () => {
    const r = teacherDistribution(schools, { kind: "trained", teachers: "teachers", group: "quintile" });
    expect(r.groups).toEqual([
      { group: "1", rank: 1, schools: 2, teachers: 8, kind: 3, share: 0.375 },
      { group: "2", rank: 2, schools: 1, teachers: 8, kind: 6, share: 0.75 },
      { group: "3", rank: 3, schools: 1, teachers: 4, kind: 4, share: 1 },
    ]);
    expect(r.total).toEqual({ teachers: 20, kind: 13, share: 0.65 });
  });
  it("its concentration index equals the index over individual teachers ranked by quintile", () => {
    // 20 teachers: quintile 1 has 8 (3 trained), quintile 2 has 8 (6), quintile 3 has 4 (4)
    const h = [...Array(3).fill(1), ...Array(5).fill(0), ...Array(6).fill(1), ...Array(2).fill(0), ...Array(4).fill(1)];
    const rank = [...Array(8).fill(1), ...Array(8).fill(2), ...Array(4).fill(3)];
    const r = teacherDistribution(schools, { kind: "trained", teachers: "teachers", group: "quintile" });
    expect(r.concentration!.value).toBeCloseTo(concentrationIndex(h, rank).concentration!, 14);
    expect(r.concentration!.value).toBeGreaterThan(0); // trained teachers sit in richer schools
  });
  it("uses the given order for labelled groups (most to least disadvantaged)", () => {
    const rows = [{ f: 1, t: 5, loc: "urban" }, { f: 0, t: 5, loc: "remote" }, { f: 2, t: 4, loc: "rural" }];
    const r = teacherDistribution(rows, { kind: "f", teachers: "t", group: "loc", order: ["remote", "rural", "urban"] });
    expect(r.groups.map((g) => [g.group, g.rank, g.share])).toEqual([["remote", 1, 0], ["rural", 2, 0.5], ["urban", 3, 0.2]]);
    expect(() => teacherDistribution(rows, { kind: "f", teachers: "t", group: "loc" })).toThrowError(/requires options.order/);
    expect(() => teacherDistribution(rows, { kind: "f", teachers: "t", group: "loc", order: ["remote", "rural"] })).toThrowError(/not in options.order: urban/);
  });
  it("handles schools without teachers and all-zero input", () => {
    const r = teacherDistribution([{ k: 0, t: 0, g: 1 }, { k: 1, t: 2, g: 2 }], { kind: "k", teachers: "t", group: "g" });
    expect(r.groups[0]).toMatchObject({ schools: 1, teachers: 0, share: null });
    expect(teacherDistribution([{ k: 0, t: 0, g: 1 }], { kind: "k", teachers: "t", group: "g" })).toMatchObject({ concentration: null, flags: ["zero-denominator"] });
  });
  it("throws when a school has more teachers of the kind than teachers, or a count is missing", () => {
    expect(() => teacherDistribution([{ k: 3, t: 2, g: 1 }], { kind: "k", teachers: "t", group: "g" })).toThrowError(/3 > 2 at index 0/);
    expect(() => teacherDistribution([{ k: null, t: 2, g: 1 }], { kind: "k", teachers: "t", group: "g" })).toThrowError(/missing/);
  });
});
