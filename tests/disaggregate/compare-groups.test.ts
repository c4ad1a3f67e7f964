import { describe, expect, it } from "vitest";
import { createDataset } from "../../src/dataset";
import { compareGroups, disaggregate } from "../../src/disaggregate";
import { profiles } from "../../src/profiles";
import { isEmisError } from "../../src/models";

const schools = [
  { school_id: "R", region: "X", location: "rural" },
  { school_id: "U", region: "X", location: "urban" },
];
/**
 * Hand-made: rural girls with disabilities: 10 sat, 4 passed (40%);
 * urban boys without: 20 sat, 15 passed (75%). Gap -35 points, parity 40/75 = 0.5333.
 */
function pupils() {
  const rows: Record<string, unknown>[] = [];
  const add = (school: string, sex: string, disability: string, sat: number, passed: number) => {
    for (let i = 0; i < sat; i++) rows.push({ student_id: `${school}${sex}${disability}${i}`, school_id: school, grade: "G1", sex, disability, passed: i < passed ? "yes" : "no" });
  };
  add("R", "female", "yes", 10, 4);
  add("U", "male", "no", 20, 15);
  add("R", "male", "no", 12, 6);
  add("U", "female", "yes", 2, 1);
  return rows;
}
const ds = createDataset({ profile: profiles.generic, schools, students: pupils() });
const group = { location: "rural", sex: "female", disability: "yes" };
const reference = { location: "urban", sex: "male", disability: "no" };

describe("compareGroups", () => {
  it("matches the hand derivation: 40% vs 75%, gap -35 points, parity 0.5333, cell sizes 10 and 20", () => {
    const t = disaggregate(ds, ["pass-rate"], { by: ["location", "sex", "disability"], suppression: false });
    const [c] = compareGroups(t, { group, reference });
    expect(c).toMatchObject({ indicator: "pass-rate", level: "location+sex+disability", groupValue: 40, referenceValue: 75, suppressed: false });
    expect(c.gap).toBeCloseTo(-35, 12);
    expect(c.parity).toBeCloseTo(40 / 75, 12);
    expect([c.groupN, c.referenceN]).toEqual([10, 20]);
  });

  it("withholds the comparison when a side is suppressed (urban girls with disabilities: 2 pupils)", () => {
    const t = disaggregate(ds, ["pass-rate"], { by: ["location", "sex", "disability"], suppression: { minCell: 5 } });
    const [c] = compareGroups(t, { group: { location: "urban", sex: "female", disability: "yes" }, reference });
    expect(c).toMatchObject({ suppressed: true, groupValue: null, referenceValue: null, gap: null, parity: null, groupN: null });
  });

  it("throws with the rule and the fix when the dimensions differ or the level is missing", () => {
    const t = disaggregate(ds, ["pass-rate"], { by: ["location", "sex"], suppression: false });
    expect(() => compareGroups(t, { group, reference: { location: "urban" } })).toThrowError(/same dimensions/);
    try {
      compareGroups(t, { group, reference });
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("missing-level");
    }
  });
});
