import { describe, expect, it } from "vitest";
import { ageAt, atRiskStatus, functioningStatus } from "../../src/dataset";

describe("functioningStatus (Washington Group short set, cut-off 'a lot of difficulty')", () => {
  it("is yes when one domain is 3 or 4", () => expect(functioningStatus([1, 1, 1, 1, 1, 4], [NaN, NaN])).toBe("yes"));
  it("is no only when all six domains are answered below the cut-off", () => {
    expect(functioningStatus([1, 2, 2, 1, 1, 1], [NaN, NaN])).toBe("no");
    expect(functioningStatus([1, 2, NaN, 1, 1, 1], [NaN, NaN])).toBe("unknown");
  });
  it("widens with cut-off 2 (some difficulty)", () => expect(functioningStatus([1, 2, 1, 1, 1, 1], [NaN, NaN], { functioningCutoff: 2 })).toBe("yes"));
  it("adds daily anxiety or depression (UNICEF CFM) unless turned off", () => {
    expect(functioningStatus([1, 1, 1, 1, 1, 1], [1, 5])).toBe("yes");
    expect(functioningStatus([1, 1, 1, 1, 1, 1], [1, 5], { includeAffect: false })).toBe("no");
  });
});

describe("atRiskStatus (early-warning rule)", () => {
  it("is yes when any factor holds", () => expect(atRiskStatus({ overAge: 0, repeater: 1, attendance: 95, failed: NaN })).toBe("yes"));
  it("flags attendance below 80%", () => expect(atRiskStatus({ overAge: 0, repeater: 0, attendance: 79.9, failed: 0 })).toBe("yes"));
  it("is unknown when nothing holds but attendance is unknown", () => expect(atRiskStatus({ overAge: 0, repeater: 0, attendance: NaN, failed: 0 })).toBe("unknown"));
  it("honours a narrower factor list", () => expect(atRiskStatus({ overAge: 0, repeater: 1, attendance: 90, failed: 0 }, { atRiskFactors: ["over-age", "low-attendance"] })).toBe("no"));
});

describe("ageAt", () => {
  it("counts completed years on the reference date", () => {
    expect(ageAt("2016-03-01", 2024, { month: 3, day: 1 })).toBe(8);
    expect(ageAt("2016-03-02", 2024, { month: 3, day: 1 })).toBe(7);
  });
});
