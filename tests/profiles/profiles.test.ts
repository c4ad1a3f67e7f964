import { describe, expect, it } from "vitest";
import { genericProfile, indiaProfile, normFor, profiles, tanzaniaProfile } from "../../src/profiles";
import { Profile } from "../../src/models/profile";
import { hierarchyColumns } from "../../src/models/schemas-for";

describe("profiles", () => {
  it("is a plain object of the built-in profiles, each valid", () => {
    expect(Object.keys(profiles)).toEqual(["generic", "bhutan", "india", "tanzania"]);
    for (const [key, p] of Object.entries(profiles)) {
      expect(Profile.parse(p).id).toBe(key);
    }
  });

  it("gives every norm of every profile a source", () => {
    for (const p of Object.values(profiles)) for (const n of p.norms) expect(n.source.title, `${p.id} ${n.id}`).toBeTruthy();
  });
});

describe("genericProfile", () => {
  it("has national → region → district → school, G1..G12 from age 6 and urban/rural/remote", () => {
    expect(hierarchyColumns(genericProfile)).toEqual(["region", "district"]);
    expect(genericProfile.grades.map((g) => g.code)).toEqual(["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12"]);
    expect(genericProfile.grades.map((g) => g.isced).join("")).toBe("111111222333");
    expect(genericProfile.entryAge).toEqual([expect.objectContaining({ age: 6 })]);
    expect(genericProfile.locationClasses).toEqual(["urban", "rural", "remote"]);
    expect(normFor(genericProfile, "pupil-teacher-ratio")).toBeUndefined();
  });
});

describe("indiaProfile and tanzaniaProfile", () => {
  it("give India a state level, its management codes and UDISE+ levels", () => {
    expect(hierarchyColumns(indiaProfile)).toEqual(["state"]);
    expect(indiaProfile.ownership.map((o) => o.code)).toEqual(["government", "government_aided", "private_unaided_recognised", "others"]);
    expect(indiaProfile.schoolLevels.map((l) => l.code)).toEqual(["pre_primary", "primary", "upper_primary", "secondary", "higher_secondary"]);
    expect(indiaProfile.grades.filter((g) => g.cycle === "upper_primary").map((g) => g.code)).toEqual(["6", "7", "8"]);
  });

  it("give Tanzania region, council and ward columns and government/non-government ownership", () => {
    expect(hierarchyColumns(tanzaniaProfile)).toEqual(["region", "council", "ward"]);
    expect(tanzaniaProfile.ownership.map((o) => o.code)).toEqual(["government", "non_government"]);
  });
});
