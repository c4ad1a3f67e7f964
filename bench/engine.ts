/**
 * The engine on the benchmark workload (bench/workload.ts), in this process only.
 *   npx tsx bench/engine.ts [rows=1000000] [runs=3]
 * Prints one JSON line: rows, ms per run, peak RSS (MB) and the checksum.
 */
import { disaggregate } from "../src/disaggregate";
import type { ResultRow } from "../src/models/result";
import { generate, peakMb, timeRuns, type Checksum } from "./workload";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const { dataset } = generate(rows);

function workload(): Checksum {
  const one = (t: ResultRow[], where: Record<string, string | null>) => t.find((r) => Object.entries(where).every(([k, v]) => r[k] === v))!;
  const counts = disaggregate(dataset, ["enrolment"], { by: ["district", "sex", "location", "disability"] });
  const pass = disaggregate(dataset, ["pass-rate"], { by: ["district", "sex"], rollup: true });
  let parity = 0;
  let districts = 0;
  for (const r of pass) {
    if (r.level !== "district") continue;
    const f = one(pass, { level: "district+sex", district: r.district as string, sex: "female" }).value!;
    const m = one(pass, { level: "district+sex", district: r.district as string, sex: "male" }).value!;
    parity += f / m;
    districts++;
  }
  // one call, one pass over each fact: PTR nationally and per school, the Gini nationally
  const ptr = disaggregate(dataset, ["pupil-teacher-ratio", "gini-school-ptr"], { by: ["school"], rollup: true, setsFor: { "gini-school-ptr": [[]] } });
  const flows = disaggregate(dataset, ["repetition-status", "dropout-status"], { by: ["location", "ses_quintile"] });
  const score = disaggregate(dataset, ["mean-score"], { by: ["ses_quintile"] });
  return {
    enrolment: counts.reduce((a, r) => a + (r.value ?? 0), 0),
    cells: counts.length,
    passRate: one(pass, { level: "total" }).value!,
    meanParity: parity / districts,
    ptr: one(ptr, { indicator: "pupil-teacher-ratio", level: "total" }).value!,
    gini: one(ptr, { indicator: "gini-school-ptr", level: "total" }).value!,
    repRuralQ1: one(flows, { indicator: "repetition-status", location: "rural", ses_quintile: "Q1" }).value!,
    dropRuralQ1: one(flows, { indicator: "dropout-status", location: "rural", ses_quintile: "Q1" }).value!,
    scoreQ1: one(score, { ses_quintile: "Q1" }).value!,
    scoreQ5: one(score, { ses_quintile: "Q5" }).value!,
  };
}

const { result, ms } = timeRuns(runs, workload);
console.log(JSON.stringify({ name: "engine", rows, ms, peakMb: peakMb(), checksum: result }));
