import { describe, expect, it } from "vitest";
import { csvField } from "../../src/report/internal/format";

describe("csvField", () => {
  it("quotes RFC 4180 specials and keeps numbers as they are", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(null)).toBe("");
  });
  it("neutralises text that a spreadsheet would run as a formula (CSV injection)", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
  });
});
