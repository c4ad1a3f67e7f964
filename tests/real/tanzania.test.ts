import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disaggregate } from "../../src/disaggregate";
import { tanzaniaCatalogue, tanzaniaSection } from "../../src/cli/sources/tanzania";
import { dataDir } from "./data-dir";

const dir = dataDir("tanzania_primary_enrolment_2022");
const { spec, reads } = tanzaniaSection(dir);

describe("Tanzania 2022 primary enrolment (real data)", () => {
  const lines = readFileSync(join(dir, "schools.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const col = (name: string) => header.indexOf(name);
  // An independent quote-aware split (some school names hold commas), for hand sums.
  const split = (l: string) => {
    const out: string[] = [];
    let cur = "";
    let q = false;
    for (let i = 0; i < l.length; i++) {
      const ch = l[i];
      if (ch === '"') {
        if (q && l[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = !q;
      } else if (ch === "," && !q) {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const rows = lines.slice(1).map(split);

  it("reads all 19,261 schools and accounts for every row", () => {
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(reads[0].counts).toMatchObject({ read: 19261, kept: 19261, rejected: 0 });
  });

  it("reconciles each school's published totals by sex with its ages (38,522 margins)", () => {
    const m = spec.dataset.integrity.margins;
    expect(m).toHaveLength(2 * 19261);
    expect(m.every((x) => x.reconciles)).toBe(true);
  });

  it("matches hand sums of the CSV: enrolment, girls' share and over-age share", () => {
    const sum = (c: string) => rows.reduce((a, r) => a + Number(r[col(c)]), 0);
    const total = sum("total_boys") + sum("total_girls");
    const [pupils, girls, over] = disaggregate(spec.dataset, ["pupils", "girls-percent", "over-age-for-cycle-percent"], { catalogue: tanzaniaCatalogue, suppression: false });
    expect(pupils.value).toBe(total);
    expect(girls.value).toBeCloseTo((100 * sum("total_girls")) / total, 10);
    expect(over.value).toBeCloseTo((100 * (sum("age_over_13_boys") + sum("age_over_13_girls"))) / total, 10);
  });

  it("computes the government vs non-government over-age gap region by region", () => {
    const rows2 = disaggregate(spec.dataset, ["over-age-for-cycle-percent"], { by: ["region", "ownership"], catalogue: tanzaniaCatalogue });
    const regions = new Set(rows2.map((r) => r.region));
    expect(regions.size).toBe(26);
    expect(rows2.every((r) => r.suppressed || (r.value !== null && r.value >= 0 && r.value <= 100))).toBe(true);
  });
});
