import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupComparator, sortedOrder, type RowGroup } from "../../src/disaggregate/internal/order";
import { profiles } from "../../src/profiles";
import type { Profile } from "../../src/models/profile";
import type { ResultRow } from "../../src/models/result";

// Two grades share order 3 (a profile may list a grade under two codes): the comparator
// finds them equal, so their rows keep input order.
const profile: Profile = {
  ...profiles.generic,
  grades: [
    { code: "G1", name: "Grade 1", order: 1, isced: "1" },
    { code: "G2", name: "Grade 2", order: 2, isced: "1" },
    { code: "G3", name: "Grade 3", order: 3, isced: "1" },
    { code: "III", name: "Grade 3", order: 3, isced: "1" },
    { code: "G10", name: "Grade 10", order: 10, isced: "2" },
  ],
};
const dims = ["grade", "sex", "district"];
const dictionaries = new Map<string, string[]>([
  ["grade", ["G10", "unknown", "G1", "K", "III", "G3", "G2"]],
  ["sex", ["male", "unknown", "female"]],
  ["district", ["Thimphu", "Paro", "paro", "unknown", "Haa", "Zhemgang"]],
]);
const sets = [[], ["grade"], ["sex", "district"], ["district", "grade", "sex"]];
// Two indicators whose codes follow their own dimension order.
const U1 = ["grade", "sex", "district"];
const U2 = ["district", "grade", "sex"];

const groupArb = fc.record({
  major: fc.integer({ min: 0, max: 3 }),
  set: fc.integer({ min: 0, max: sets.length - 1 }),
  U: fc.constantFrom(U1, U2),
  grade: fc.integer({ min: 0, max: 6 }),
  sex: fc.integer({ min: 0, max: 2 }),
  district: fc.integer({ min: 0, max: 5 }),
});

/** Rows and groups as the engine makes them: labels are the dictionary entries of the codes. */
function tableOf(input: Array<{ major: number; set: number; U: string[]; grade: number; sex: number; district: number }>) {
  const groups: RowGroup[] = input.map((g) => ({ set: g.set, U: g.U, codes: g.U.map((d) => g[d as "grade" | "sex" | "district"]) }));
  const rows = groups.map((g) => Object.fromEntries(dims.map((d) => [d, sets[g.set].includes(d) ? dictionaries.get(d)![g.codes[g.U.indexOf(d)]] : null])) as unknown as ResultRow);
  const major = Float64Array.from(input, (g) => g.major);
  return { groups, rows, major };
}

/** The plain definition: stable sort by major, then the comparator on the labels. */
function reference(rows: ResultRow[], major: Float64Array, on = dims): number[] {
  const cmp = groupComparator(profile, on);
  return rows.map((_, i) => i).sort((a, b) => major[a] - major[b] || cmp(rows[a], rows[b]));
}

describe("sortedOrder", () => {
  it("orders grades by profile order, other codes alphabetically, null first and unknown last", () => {
    const input = [1, 0, -1, 3, 6, 2].map((grade) => ({ major: 0, set: grade < 0 ? 0 : 1, U: U1, grade: Math.max(0, grade), sex: 0, district: 0 }));
    const { groups, rows, major } = tableOf(input);
    const order = sortedOrder(profile, ["grade"], dictionaries, sets, groups, rows, major);
    expect(order.map((i) => rows[i].grade)).toEqual([null, "G1", "G2", "G10", "K", "unknown"]);
  });

  it("equals the comparator's stable sort on the labels (ties, equal grade orders, nulls, two code orders)", () => {
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 60 }), (input) => {
        const { groups, rows, major } = tableOf(input);
        expect(sortedOrder(profile, dims, dictionaries, sets, groups, rows, major)).toEqual(reference(rows, major));
      }),
    );
  });

  it("falls back to the comparator when the ranks cannot be folded into one number (same order)", () => {
    // 60 dimensions of 3 codes each: 4^60 combinations, beyond 2^53.
    const many = Array.from({ length: 60 }, (_, k) => `d${k}`);
    const dicts = new Map(many.map((d) => [d, ["c2", "c0", "c1"]]));
    const manySets = [many];
    const groups: RowGroup[] = Array.from({ length: 40 }, (_, i) => ({ set: 0, U: many, codes: many.map((_, k) => (i * 7 + k) % 3) }));
    const rows = groups.map((g) => Object.fromEntries(many.map((d, k) => [d, dicts.get(d)![g.codes[k]]])) as unknown as ResultRow);
    const major = new Float64Array(rows.length);
    expect(sortedOrder(profile, many, dicts, manySets, groups, rows, major)).toEqual(reference(rows, major, many));
  });
});
