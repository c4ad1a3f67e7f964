import { describe, expect, it } from "vitest";
import { bhutanProfile, resolveUnit, unitName } from "../../src/profiles";
import { isEmisError } from "../../src/models/errors";

const codeOf = (e: unknown) => (isEmisError(e) ? e.code : String(e));

describe("resolveUnit", () => {
  it("distinguishes the two Gakiling gewogs by their dzongkhag", () => {
    expect(resolveUnit(bhutanProfile, "gewog", "Gakiling", "Haa")?.code).toBe("haa/gakiling");
    expect(resolveUnit(bhutanProfile, "gewog", "Gakiling", "Sarpang")?.code).toBe("sarpang/gakiling");
  });

  it("accepts the parent by code or by a name variant", () => {
    expect(resolveUnit(bhutanProfile, "gewog", "Norbugang", "samtse")?.code).toBe("samtse/norbugang");
    expect(resolveUnit(bhutanProfile, "gewog", "Athang", "Wangdi")?.code).toBe("wangdue-phodrang/athang");
  });

  it("refuses to join a gewog on its name alone", () => {
    expect(() => resolveUnit(bhutanProfile, "gewog", "Gakiling")).toThrow(/pass the parent/);
    let error: unknown;
    try {
      resolveUnit(bhutanProfile, "gewog", "Laya");
    } catch (e) {
      error = e;
    }
    expect(codeOf(error)).toBe("missing-parent");
  });

  it("resolves dzongkhags without a parent, ignoring case, spaces and underscores, and by variant", () => {
    expect(resolveUnit(bhutanProfile, "dzongkhag", "wangdue_phodrang")?.code).toBe("wangdue-phodrang");
    expect(resolveUnit(bhutanProfile, "dzongkhag", "Chukha")?.code).toBe("chhukha");
  });

  it("keeps a gewog and a dzongkhag of the same name apart by level", () => {
    expect(resolveUnit(bhutanProfile, "dzongkhag", "Samtse")?.code).toBe("samtse");
    expect(resolveUnit(bhutanProfile, "gewog", "Samtse", "Samtse")?.code).toBe("samtse/samtse");
  });

  it("returns undefined when nothing matches, including a gewog under the wrong dzongkhag", () => {
    expect(resolveUnit(bhutanProfile, "gewog", "Laya", "Paro")).toBeUndefined();
    expect(resolveUnit(bhutanProfile, "dzongkhag", "Atlantis")).toBeUndefined();
  });
});

describe("unitName", () => {
  it("names a unit by level and code", () => {
    expect(unitName(bhutanProfile, "gewog", "sarpang/gakiling")).toBe("Gakiling");
    expect(unitName(bhutanProfile, "thromde", "phuentsholing-thromde")).toBe("Phuentsholing");
    expect(unitName(bhutanProfile, "gewog", "nowhere")).toBeUndefined();
  });
});
