import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disaggregate } from "../../src/disaggregate";
import { indiaCatalogue, indiaSection } from "../../src/cli/sources/india-udise";
import { buildSection } from "../../src/report";
import { dataDir } from "./data-dir";

const dir = dataDir("india_udise_2018_19_states");
const { spec, flowCheck, reads } = indiaSection(dir);

/** Hand sums straight from the CSV text, independent of the library's reader. */
function csvRows(file: string): string[][] {
  return readFileSync(join(dir, file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
}

describe("India UDISE+ 2018-19 (real data)", () => {
  it("reads every row: read = kept + rejected, none rejected", () => {
    for (const r of reads) expect(r.counts.read).toBe(r.counts.kept + r.counts.rejected);
    expect(reads.map((r) => r.counts.rejected)).toEqual([0, 0, 0, 0, 0]);
  });

  it("reconciles every published margin (India, all managements, total sex, composite levels) with its parts", () => {
    const m = spec.dataset.integrity.margins;
    expect(m.length).toBeGreaterThan(4000);
    expect(m.filter((x) => !x.reconciles)).toEqual([]);
  });

  it("never sums margins: national enrolment equals the published India / all / total row", () => {
    const published = csvRows("enrolment.csv").find((r) => r[0] === "India" && r[1] === "all" && r[2] === "total_pre_primary_to_12" && r[3] === "total")!;
    const handSum = csvRows("enrolment.csv")
      .filter((r) => r[0] !== "India" && r[1] !== "all" && ["pre_primary", "primary", "upper_primary", "secondary", "higher_secondary"].includes(r[2]) && r[3] !== "total")
      .reduce((a, r) => a + Number(r[4]), 0);
    const [row] = disaggregate(spec.dataset, ["enrolment-total"], { catalogue: indiaCatalogue, suppression: false });
    expect(row.value).toBe(handSum);
    expect(row.value).toBe(Number(published[4]));
  });

  it("promotion + repetition + dropout add to about 100 for every state, level and sex", () => {
    expect(flowCheck.checked).toBeGreaterThan(300);
    expect(flowCheck.within).toBe(flowCheck.checked);
  });

  it("computes CWSN share by state as a ratio of sums and matches a hand sum for Kerala", () => {
    const lv = ["primary", "upper_primary", "secondary", "higher_secondary"];
    const cwsn = csvRows("cwsn_enrolment.csv").filter((r) => r[0] === "Kerala" && lv.includes(r[1]) && r[2] !== "total").reduce((a, r) => a + Number(r[3]), 0);
    const enr = csvRows("enrolment.csv").filter((r) => r[0] === "Kerala" && r[1] !== "all" && lv.includes(r[2]) && r[3] !== "total").reduce((a, r) => a + Number(r[4]), 0);
    const rows = disaggregate(spec.dataset, ["cwsn-percent"], { by: ["state"], catalogue: indiaCatalogue, suppression: false });
    const kerala = rows.find((r) => r.state === "Kerala")!;
    expect(kerala.numerator).toBe(cwsn);
    expect(kerala.denominator).toBe(enr);
    expect(kerala.value).toBeCloseTo((100 * cwsn) / enr, 10);
  });

  it("refuses to break CWSN share down by management: the CWSN table has no management", () => {
    expect(() => disaggregate(spec.dataset, ["cwsn-percent"], { by: ["management"], catalogue: indiaCatalogue })).toThrowError(/nonconformed|no dimension management/);
  });

  it("builds the report section with gaps by state and a note that PTR by level cannot be recomputed", () => {
    const s = buildSection(spec);
    expect(s.gaps.length).toBeGreaterThan(30);
    expect(s.notes.join(" ")).toMatch(/cannot be recomputed/);
    expect(s.spread.find((r) => r.indicator === "pupils-per-teacher-all-levels")!.units).toBe(37);
  });
});
