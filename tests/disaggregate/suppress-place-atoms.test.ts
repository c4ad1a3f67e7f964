/**
 * Structural zeros (src/disaggregate/internal/suppress-equations.ts, PlaceAtoms). The
 * schools and their places are public, so an intruder knows which intersections of
 * places are empty. Sets [[], [region, location], [region], [location, ownership]] over
 * eight schools, no design (a hostile trial's table):
 *   R0: s0 urban private 11; s2, s6 urban public 14 + 11; s4 rural public 17
 *   R1: s1, s3, s5 rural private 4 + 2 + 4; s7 urban private 2
 * R1 has no public school and R0's only rural school is public, so rural-public is R0's
 * rural total. Before the atoms, R1-urban (2) was hidden with R0-rural, R0-urban and
 * R1-rural as complements, yet rural-public (published, 17) = R0-rural, R0-urban = R0 −
 * 17, and R1-urban = urban − R0-urban = 2: all four exact.
 * The intruder here works on the five non-empty intersections (atoms), which is all it
 * can know: every vector of atom counts matching every published n is a solution.
 */
import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import type { ResultRow } from "../../src/models/result";

const profile = profiles.generic;
const spec: Array<[string, string, string, string, number]> = [
  ["s0", "R0", "urban", "private", 11],
  ["s1", "R1", "rural", "private", 4],
  ["s2", "R0", "urban", "public", 14],
  ["s3", "R1", "rural", "private", 2],
  ["s4", "R0", "rural", "public", 17],
  ["s5", "R1", "rural", "private", 4],
  ["s6", "R0", "urban", "public", 11],
  ["s7", "R1", "urban", "private", 2],
];
const DIMS = ["region", "location", "ownership"] as const;
type Place = Record<(typeof DIMS)[number], string>;

function table(): ResultRow[] {
  const schools = spec.map(([id, region, location, ownership]) => ({ school_id: id, region, district: `${region}-D`, level: "primary", ownership, location }));
  const students = spec.flatMap(([id, , , , n]) => Array.from({ length: n }, (_, i) => ({ student_id: `${id}-${i}`, school_id: id, grade: "G1", sex: i % 2 ? "female" : "male", year: 2024 })));
  const ds = createDataset({ profile, schools, students });
  return disaggregate(ds, ["enrolment"], { groupingSets: [[], ["region", "location"], ["region"], ["location", "ownership"]], suppression: { minCell: 5 } });
}

describe("complementary suppression knows which intersections of places are empty", () => {
  it("leaves every hidden cell more than one value when the intruder uses the empty intersections", () => {
    const t = table();
    const atoms: Place[] = [];
    for (const [, region, location, ownership] of spec) if (!atoms.some((a) => a.region === region && a.location === location && a.ownership === ownership)) atoms.push({ region, location, ownership });
    expect(atoms.length).toBe(5);
    const inRow = (r: ResultRow, a: Place) => DIMS.every((d) => r[d] === null || r[d] === undefined || r[d] === a[d]);
    const published = t.filter((r) => !r.suppressed);
    const hidden = t.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    const total = t.find((r) => r.level === "total")!.n!;
    const solutions: number[][] = [];
    const rec = (acc: number[], left: number) => {
      if (acc.length === atoms.length - 1) {
        const x = [...acc, left];
        if (published.every((r) => atoms.reduce((s, a, k) => s + (inRow(r, a) ? x[k] : 0), 0) === r.n)) solutions.push(x);
        return;
      }
      for (let v = 0; v <= left; v++) rec([...acc, v], left - v);
    };
    rec([], total);
    const truth = atoms.map((a) => spec.filter(([, r, l, o]) => r === a.region && l === a.location && o === a.ownership).reduce((s, x) => s + x[4], 0));
    expect(solutions).toContainEqual(truth);
    for (const r of hidden) {
      const values = new Set(solutions.map((x) => atoms.reduce((s, a, k) => s + (inRow(r, a) ? x[k] : 0), 0)));
      expect(values.size, `${r.level} ${DIMS.map((d) => r[d] ?? "").join(" ")}`).toBeGreaterThan(1);
    }
  });
});
