/**
 * The engine on the benchmark workload (bench/workload.ts), in this process only: the
 * whole workload is ONE `disaggregate` call (grouping sets chosen per indicator with
 * `setsFor`), so one pass per fact and one consistent suppression pattern.
 *   npx tsx bench/engine.ts [rows=1000000] [runs=3]
 * Prints one JSON line: rows, ms per run, peak RSS (MB) and the checksum.
 */
import { disaggregate } from "../src/disaggregate";
import { checksumOf, generate, INDICATORS, OPTIONS, peakMb, timeRuns, type Checksum } from "./workload";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const { dataset } = generate(rows);

function workload(): Checksum {
  // One call, suppression on with the profile's minCell (5), as the table would be published.
  return checksumOf(disaggregate(dataset, INDICATORS, OPTIONS));
}

const { result, ms } = timeRuns(runs, workload);
console.log(JSON.stringify({ name: "engine", rows, ms, peakMb: peakMb(), checksum: result }));
