import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createDataset } from "../../src/dataset";
import { disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { schools, students, teachers } from "../fixtures/three-schools";

const ds = createDataset({ profile: profiles.generic, schools, students: students(), teachers: teachers() });

describe("disaggregate: rounding of published counts (suppression.roundingBase)", () => {
  it("rounds counts to base 5 and keeps percentages from the unrounded counts", () => {
    // enrolment by sex: female 40, male 59, unknown 1 (three-schools fixture); minCell 1 keeps them all
    const counts = disaggregate(ds, ["enrolment"], { by: ["sex"], suppression: { minCell: 1, roundingBase: 5 } });
    expect(counts.map((r) => [r.sex, r.value, r.numerator, r.n])).toEqual([
      ["female", 40, 40, 40],
      ["male", 60, 60, 60], // 59 → 60
      ["unknown", 5, 5, 5], // 1 → 5, never 0: a positive count stays distinguishable from a true zero
    ]);
    // repetition: 10 of 97 known (3 unknown) → value 100·10/97 from unrounded counts, parts rounded
    const [rep] = disaggregate(ds, ["repetition-status"], { suppression: { minCell: 1, roundingBase: 5 } });
    expect(rep.value).toBeCloseTo((100 * 10) / 97, 12);
    expect([rep.numerator, rep.denominator, rep.n, rep.nExcluded]).toEqual([10, 95, 95, 5]);
  });

  it("keeps true zeros and leaves suppressed cells null (rounding never un-suppresses)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ school: fc.constantFrom("A", "B", "C"), sex: fc.constantFrom("female", "male") }), { minLength: 1, maxLength: 60 }), fc.constantFrom(3, 5, 10), (pupils, base) => {
        const d = createDataset({ profile: profiles.generic, schools, students: pupils.map((p, i) => ({ student_id: String(i), school_id: p.school, grade: "G1", sex: p.sex, status: i % 7 ? "promoted" : "repeated" })) });
        const opts = { by: ["region", "sex"], cube: true };
        const plain = disaggregate(d, ["enrolment", "repetition-status"], { ...opts, suppression: { minCell: 5 } });
        const rounded = disaggregate(d, ["enrolment", "repetition-status"], { ...opts, suppression: { minCell: 5, roundingBase: base } });
        rounded.forEach((r, i) => {
          expect(r.suppressed).toBe(plain[i].suppressed);
          if (r.suppressed) expect([r.value, r.numerator, r.denominator, r.n]).toEqual([null, null, null, null]);
          else {
            expect((r.numerator as number) % base).toBe(0);
            if (plain[i].numerator === 0) expect(r.numerator).toBe(0);
            if (r.indicator === "repetition-status") expect(r.value).toBe(plain[i].value);
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it("rejects a base that is not positive, naming the option and the fix", () => {
    expect(() => disaggregate(ds, ["enrolment"], { suppression: { roundingBase: 0 } })).toThrowError(/suppression.roundingBase must be a positive number, got 0; use e.g. 5/);
  });
});

describe("disaggregate: complementary suppression invariant", () => {
  it("leaves no published equation parent = sum of children with exactly one hidden cell (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ school: fc.constantFrom("A", "B", "C"), sex: fc.constantFrom("female", "male", "unknown") }), { minLength: 1, maxLength: 80 }), (pupils) => {
        const d = createDataset({ profile: profiles.generic, schools, students: pupils.map((p, i) => ({ student_id: String(i), school_id: p.school, grade: "G1", sex: p.sex })) });
        const rows = disaggregate(d, ["enrolment"], { by: ["region", "school", "sex"], rollup: true, suppression: { minCell: 5 } });
        const dims = ["region", "school", "sex"];
        const levels = ["total", "region", "region+school", "region+school+sex"];
        for (let p = 0; p < 3; p++) {
          for (const parent of rows.filter((r) => r.level === levels[p])) {
            const kids = rows.filter((r) => r.level === levels[p + 1] && dims.slice(0, p).every((k) => r[k] === parent[k]));
            const hidden = kids.filter((r) => r.suppressed).length + (parent.suppressed ? 1 : 0);
            expect(hidden).not.toBe(1);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
