import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditCommand } from "../../src/cli/audit-command";

describe("emis-equity audit", () => {
  it("audits the shipped synthetic seeds and writes Markdown, JSON and CSV", () => {
    const out = mkdtempSync(join(tmpdir(), "emis-audit-"));
    const { files, text } = auditCommand({ seeds: "seeds", out });
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(["audit.md", "audit.json", "audit.csv", "audit-findings.csv"]);
    const json = JSON.parse(readFileSync(join(out, "audit.json"), "utf8"));
    expect(json.score).toBeGreaterThan(0);
    expect(json.score).toBeLessThan(100);
    // the synthetic seeds have no ethnicity or language codes: not possible for every indicator
    expect(json.dimensions.find((d: { dimension: string }) => d.dimension === "ethnicity-language").score).toBe(0);
    expect(readFileSync(join(out, "audit.csv"), "utf8").split("\n")[0]).toBe("indicator,dimension,field,status,reasons,fields,completeness,unknown_share,groups,small_groups,population");
    expect(text).toContain("Overall readiness score");
  }, 60_000);
});
