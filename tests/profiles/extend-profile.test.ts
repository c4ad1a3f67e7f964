import { describe, expect, it } from "vitest";
import { bhutanProfile, extendProfile, normFor, parseProfile, profiles, resolveUnit } from "../../src/profiles";
import { EmisDefinitionError, isEmisError } from "../../src/models/errors";

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("extendProfile", () => {
  it("overrides a norm's value by id and keeps its other fields", () => {
    const p = extendProfile(bhutanProfile, { norms: [{ id: "pupil-teacher-ratio", value: 20 }] });
    expect(normFor(p, "pupil-teacher-ratio")).toMatchObject({ value: 20, bound: "max", indicator: "pupil-teacher-ratio" });
    expect(normFor(p, "pupil-teacher-ratio")?.source.url).toBe(normFor(bhutanProfile, "pupil-teacher-ratio")?.source.url);
    expect(p.norms.length).toBe(bhutanProfile.norms.length);
  });

  it("adds a unit and keeps the others", () => {
    const p = extendProfile(bhutanProfile, { units: [{ level: "gewog", code: "wangdue-phodrang/sephu", name: "Sephu", parent: "wangdue-phodrang" }] });
    expect(p.units.length).toBe(bhutanProfile.units.length + 1);
    expect(resolveUnit(p, "gewog", "Sephu", "Wangdue Phodrang")?.code).toBe("wangdue-phodrang/sephu");
  });

  it("removes a coded entry marked remove: true", () => {
    const p = extendProfile(bhutanProfile, { schoolTypes: [{ code: "AUTO", remove: true }] });
    expect(p.schoolTypes.map((t) => t.code)).not.toContain("AUTO");
  });

  it("merges labels key by key, overrides scalars and replaces plain arrays", () => {
    const p = extendProfile(bhutanProfile, { id: "bhutan-2025", minCell: 10, labels: { gewog: "Block" }, locationClasses: ["urban", "rural"] });
    expect(p).toMatchObject({ id: "bhutan-2025", extends: "bhutan", minCell: 10 });
    expect(p.labels.gewog).toBe("Block");
    expect(p.labels.dzongkhag).toBe("Dzongkhag");
    expect(p.locationClasses).toEqual(["urban", "rural"]);
  });

  it("does not mutate the base", () => {
    const before = JSON.stringify(bhutanProfile);
    extendProfile(bhutanProfile, { norms: [{ id: "pupil-teacher-ratio", value: 30 }], labels: { x: "y" } });
    expect(JSON.stringify(bhutanProfile)).toBe(before);
  });

  it("throws an EmisDefinitionError naming the invalid field", () => {
    const e = caught(() => extendProfile(bhutanProfile, { norms: [{ id: "pupil-teacher-ratio", value: "eighteen" }] }));
    expect(e).toBeInstanceOf(EmisDefinitionError);
    expect(isEmisError(e) && e.code).toBe("invalid-profile");
    expect((e as EmisDefinitionError).details.field).toBe("norms.0.value");
    expect((e as Error).message).toMatch(/norms\.0\.value/);
  });

  it("names a nested invalid field in a new entry", () => {
    const e = caught(() => extendProfile(bhutanProfile, { referenceDate: { month: 13 } }));
    expect((e as EmisDefinitionError).details.field).toBe("referenceDate.month");
  });

  it("refuses overrides that extend another profile", () => {
    const e = caught(() => extendProfile(bhutanProfile, { extends: "generic" }));
    expect(isEmisError(e) && e.code).toBe("profile-extends-mismatch");
  });
});

describe("parseProfile", () => {
  it("lays a JSON profile with extends over the named base", () => {
    const p = parseProfile('{"extends":"bhutan","minCell":10}', { bases: profiles });
    expect(p.minCell).toBe(10);
    expect(p.units.length).toBe(bhutanProfile.units.length);
  });

  it("validates a complete profile without extends", () => {
    expect(parseProfile(JSON.stringify(profiles.generic)).id).toBe("generic");
  });

  it("throws invalid-json, unknown-profile and invalid-profile with the field", () => {
    expect((caught(() => parseProfile("{oops")) as EmisDefinitionError).code).toBe("invalid-json");
    expect((caught(() => parseProfile({ extends: "narnia" }, { bases: profiles })) as EmisDefinitionError).code).toBe("unknown-profile");
    const e = caught(() => parseProfile({ ...profiles.generic, minCell: -1 })) as EmisDefinitionError;
    expect(e.code).toBe("invalid-profile");
    expect(e.details.field).toBe("minCell");
  });
});
