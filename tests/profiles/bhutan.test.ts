import { describe, expect, it } from "vitest";
import { bhutanProfile, normFor } from "../../src/profiles";
import { Profile } from "../../src/models/profile";
import { schemasFor } from "../../src/models/schemas-for";
import unitsData from "../../src/profiles/data/bhutan-units.json";
import normsData from "../../src/profiles/data/bhutan-norms.json";

const count = (level: string) => bhutanProfile.units.filter((u) => u.level === level).length;

describe("bhutanProfile", () => {
  it("parses against the Profile schema unchanged", () => {
    expect(Profile.parse(bhutanProfile)).toEqual(bhutanProfile);
  });

  it("has 20 dzongkhags, 196 gewogs and 4 thromdes under one national unit", () => {
    expect(count("national")).toBe(1);
    expect(count("dzongkhag")).toBe(20);
    expect(count("gewog")).toBe(196);
    expect(count("thromde")).toBe(4);
  });

  it("gives every unit below the nation a parent that exists one level up", () => {
    const byCode = new Map(bhutanProfile.units.map((u) => [u.code, u]));
    const above: Record<string, string> = { dzongkhag: "national", gewog: "dzongkhag", thromde: "dzongkhag" };
    for (const u of bhutanProfile.units.filter((x) => x.level !== "national")) {
      expect(byCode.get(u.parent!)?.level, u.code).toBe(above[u.level]);
    }
  });

  it("keeps unit codes unique, so the two Gakiling and Norbugang gewogs differ", () => {
    const codes = bhutanProfile.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(bhutanProfile.units.filter((u) => u.name === "Gakiling").map((u) => u.code).sort()).toEqual(["haa/gakiling", "sarpang/gakiling"]);
    expect(bhutanProfile.units.filter((u) => u.name === "Norbugang").map((u) => u.code).sort()).toEqual(["pemagatshel/norbugang", "samtse/norbugang"]);
  });

  it("keeps a source on every row of the generated unit and norm data", () => {
    for (const u of unitsData.units.filter((x) => x.level !== "national")) expect(u.source.url, u.code).toMatch(/^https?:\/\//);
    for (const n of [...normsData.norms, ...normsData.other]) expect(n.source.title.length).toBeGreaterThan(0);
  });

  it("has two hierarchies, admin (gewog) and municipal (thromde), that schemasFor turns into school columns", () => {
    expect(bhutanProfile.hierarchies.map((h) => h.levels.map((l) => l.id))).toEqual([
      ["national", "dzongkhag", "gewog", "school"],
      ["national", "dzongkhag", "thromde", "school"],
    ]);
    const shape = schemasFor(bhutanProfile).School.shape;
    expect(Object.keys(shape)).toEqual(expect.arrayContaining(["dzongkhag", "gewog", "thromde"]));
  });

  it("lists classes PP to XII in order with ISCED 1 to VI, 2 to X and 3 to XII", () => {
    expect(bhutanProfile.grades.map((g) => g.code).join(" ")).toBe("PP I II III IV V VI VII VIII IX X XI XII");
    expect(bhutanProfile.grades.map((g) => g.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(bhutanProfile.grades.map((g) => g.isced).join("")).toBe("1111111222233");
  });

  it("codes levels PS, LSS, MSS, HSS and ECR, the listed types and public/private ownership", () => {
    expect(bhutanProfile.schoolLevels.map((l) => l.code).sort()).toEqual(["ECR", "HSS", "LSS", "MSS", "PS"]);
    expect(bhutanProfile.schoolTypes.map((l) => l.code)).toEqual(expect.arrayContaining(["CS", "ECR", "PVT", "SPECIAL", "AUTO", "CPS"]));
    expect(bhutanProfile.ownership.map((o) => o.code)).toEqual(["public", "private"]);
    expect(bhutanProfile.locationClasses).toEqual(["urban", "rural", "remote"]);
  });

  it("gives every norm a source title and URL", () => {
    expect(bhutanProfile.norms.length).toBeGreaterThan(15);
    for (const n of bhutanProfile.norms) {
      expect(n.source.title, n.id).not.toBe("");
      expect(n.source.url, n.id).toMatch(/^https?:\/\//);
    }
  });

  it("states the national norms with their bounds and indicators", () => {
    expect(normFor(bhutanProfile, "pupil-teacher-ratio")).toMatchObject({ value: 18, bound: "max", indicator: "pupil-teacher-ratio" });
    expect(normFor(bhutanProfile, "class-size-primary")).toMatchObject({ value: 25, bound: "max", indicator: "average-class-size" });
    expect(normFor(bhutanProfile, "class-size-secondary")).toMatchObject({ value: 32, indicator: "average-class-size" });
    expect(normFor(bhutanProfile, "min-enrolment-ecr")).toMatchObject({ value: 20, bound: "min" });
    expect(normFor(bhutanProfile, "min-enrolment-ps")).toMatchObject({ value: 50, bound: "min" });
    expect(normFor(bhutanProfile, "toilet-ratio-girls")?.value).toBe(20);
    expect(normFor(bhutanProfile, "pass-mark-bcse")?.value).toBe(35);
    expect(normFor(bhutanProfile, "pass-mark-bhsec")?.value).toBe(40);
  });

  it("uses minCell 5, headcount teachers and maps common header variants", () => {
    expect(bhutanProfile.minCell).toBe(5);
    expect(bhutanProfile.teacherBasis).toBe("headcount");
    expect(bhutanProfile.aliases.school_id).toEqual(expect.arrayContaining(["School ID", "school code"]));
    expect(bhutanProfile.aliases.sex).toContain("gender");
    expect(bhutanProfile.aliases.dzongkhag).toContain("district");
  });
});
