import { describe, expect, it } from "vitest";
import { bhutanProfile, entryAgeFor, genericProfile, gradeOrder, officialAge, tanzaniaProfile } from "../../src/profiles";
import { isEmisError } from "../../src/models/errors";
import type { Profile } from "../../src/models/profile";

describe("entryAgeFor", () => {
  it("gives Bhutan's PP entry age 6 up to 2019 and 5 from 2020", () => {
    expect(entryAgeFor(bhutanProfile, 2019)).toBe(6);
    expect(entryAgeFor(bhutanProfile, 2020)).toBe(5);
    expect(entryAgeFor(bhutanProfile, 2026)).toBe(5);
  });

  it("throws no-entry-age for a year no range covers", () => {
    let error: unknown;
    try {
      entryAgeFor(bhutanProfile, 1970);
    } catch (e) {
      error = e;
    }
    expect(isEmisError(error) && error.code).toBe("no-entry-age");
  });

  it("uses an open range for every year", () => {
    expect(entryAgeFor(genericProfile, 1950)).toBe(6);
  });
});

describe("gradeOrder", () => {
  it("returns the order, or null for codes outside the profile", () => {
    expect(gradeOrder(bhutanProfile, "PP")).toBe(0);
    expect(gradeOrder(bhutanProfile, "XII")).toBe(12);
    expect(gradeOrder(bhutanProfile, "unknown")).toBeNull();
  });
});

describe("officialAge", () => {
  it("gives PP 5 in 2024 and 6 in 2019", () => {
    expect(officialAge(bhutanProfile, "PP", 2024)).toBe(5);
    expect(officialAge(bhutanProfile, "PP", 2019)).toBe(6);
  });

  it("gives Class I in 2020 age 7, for the cohort that entered PP in 2019 at 6", () => {
    expect(officialAge(bhutanProfile, "I", 2020)).toBe(7);
  });

  it("follows the cohort rule across the 2020 change: Class IV is 9 and Class V is 11 in 2024", () => {
    // IV in 2024 entered PP in 2020 at 5 → 5 + 4; V entered in 2019 at 6 → 6 + 5.
    expect(officialAge(bhutanProfile, "IV", 2024)).toBe(9);
    expect(officialAge(bhutanProfile, "V", 2024)).toBe(11);
    expect(officialAge(bhutanProfile, "XII", 2032)).toBe(17);
  });

  it("returns null for a grade code the profile does not list", () => {
    expect(officialAge(bhutanProfile, "unknown", 2024)).toBeNull();
  });

  it("gives Tanzania's Standards I-VII ages 7-13 and the generic G1 age 6", () => {
    expect(tanzaniaProfile.grades.map((g) => officialAge(tanzaniaProfile, g.code, 2022))).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(officialAge(genericProfile, "G1", 2024)).toBe(6);
  });

  it("does not mutate the profile", () => {
    const frozen = Object.freeze({ ...bhutanProfile, entryAge: Object.freeze([...bhutanProfile.entryAge]) }) as unknown as Profile;
    expect(officialAge(frozen, "III", 2024)).toBe(8);
  });
});
