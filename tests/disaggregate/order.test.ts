import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupComparator, sortedOrder } from "../../src/disaggregate/internal/order";
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
const label = (codes: string[]) => fc.option(fc.constantFrom(...codes), { nil: null });
const row = fc.record({
  major: fc.integer({ min: 0, max: 3 }),
  grade: label(["G1", "G2", "G3", "III", "G10", "unknown", "K"]),
  sex: label(["female", "male", "unknown"]),
  district: label(["Thimphu", "Paro", "paro", "Haa", "unknown", "Zhemgang"]),
});

/** The plain definition: stable sort by major, then the comparator. */
function reference(rows: ResultRow[], major: Float64Array): number[] {
  const cmp = groupComparator(profile, dims);
  return rows.map((_, i) => i).sort((a, b) => major[a] - major[b] || cmp(rows[a], rows[b]));
}

describe("sortedOrder", () => {
  it("orders grades by profile order, other codes alphabetically, null first and unknown last", () => {
    const rows = ["unknown", "G10", null, "K", "G2", "G1"].map((grade) => ({ grade }) as unknown as ResultRow);
    const order = sortedOrder(profile, ["grade"], rows, new Float64Array(rows.length));
    expect(order.map((i) => rows[i].grade)).toEqual([null, "G1", "G2", "G10", "K", "unknown"]);
  });

  it("equals the comparator's stable sort on any rows (ties, equal grade orders, nulls)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (input) => {
        const rows = input.map(({ major: _, ...r }) => r as unknown as ResultRow);
        const major = Float64Array.from(input, (r) => r.major);
        expect(sortedOrder(profile, dims, rows, major)).toEqual(reference(rows, major));
      }),
    );
  });

  it("falls back to the comparator when the ranks cannot be folded into one number (same order)", () => {
    // 60 dimensions of 3 codes each (plus null): 4^60 combinations, beyond 2^53.
    const many = Array.from({ length: 60 }, (_, k) => `d${k}`);
    const rows = Array.from({ length: 40 }, (_, i) => Object.fromEntries(many.map((d, k) => [d, (i * 7 + k) % 4 === 0 ? null : `c${(i + k) % 3}`])) as unknown as ResultRow);
    const major = new Float64Array(rows.length);
    const cmp = groupComparator(profile, many);
    const expected = rows.map((_, i) => i).sort((a, b) => cmp(rows[a], rows[b]));
    expect(sortedOrder(profile, many, rows, major)).toEqual(expected);
  });
});
