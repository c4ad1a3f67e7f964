/**
 * `npm run bench`: every measured thing in its own process, one after the other, at
 * 1M and 10M rows, then a summary with the first (cold) run, rows/s (best of the runs,
 * the steady state), peak RSS and the ratios to the hand-written typed-array baseline
 * (on the best runs). The engine and both baselines
 * compute the same workload (bench/workload.ts) and their checksums must agree.
 *   npx tsx bench/run.ts [--rows 1000000,10000000] [--skip-d3-10m]
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sameChecksum, type Checksum } from "./workload";

const args = process.argv.slice(2);
const rowsArg = args[args.indexOf("--rows") + 1];
const sizes = args.includes("--rows") ? rowsArg.split(",").map(Number) : [1_000_000, 10_000_000];

interface Result {
  name: string;
  rows: number;
  ms: number[];
  peakMb: number;
  checksum: Checksum;
}

function child(script: string, extra: string[], nodeFlags: string[] = []): string {
  const r = spawnSync(process.execPath, ["--max-old-space-size=12000", ...nodeFlags, "--import", "tsx", script, ...extra], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench: ${script} ${extra.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout.trim();
}

const fmt = (x: number) => x.toLocaleString("en", { maximumFractionDigits: 1 });
const lines: string[] = [];
for (const rows of sizes) {
  // Best of 20 runs at 1M rows and of 7 at 10M, the same for the engine and the typed
  // baseline: the engine's first calls run partly in V8's interpreter and deoptimise as
  // new shapes appear (measured: about 10 calls at 1M, 4-6 at 10M before the steady
  // state), and the best run is the steady state a long-lived process sees. The first
  // (cold) run is printed beside it, and every run on stderr.
  const runs = rows >= 5_000_000 ? "7" : "20";
  const results: Result[] = [];
  for (const [script, r] of [["bench/baseline-typed.ts", runs], ["bench/engine.ts", runs], ["bench/baseline-d3.ts", rows >= 5_000_000 ? "1" : "2"]] as const) {
    if (script.includes("d3") && rows >= 5_000_000 && args.includes("--skip-d3-10m")) continue;
    const out = JSON.parse(child(script, [String(rows), r]).split("\n").pop()!) as Result;
    results.push(out);
    const best = Math.min(...out.ms);
    process.stderr.write(`${out.name} ${fmt(rows)} rows: best ${best.toFixed(1)} ms (runs ${out.ms.map((m) => m.toFixed(0)).join(", ")})\n`);
  }
  const typed = results[0];
  const typedBest = Math.min(...typed.ms);
  lines.push(`\nworkload at ${fmt(rows)} pupil rows (${fmt(rows / 20)} teachers)`);
  // "1st ms" is a cold call (JIT warming up, as in a one-shot CLI run); "best ms" the steady state.
  lines.push(`  ${"".padEnd(22)}${"1st ms".padStart(10)}${"best ms".padStart(10)}${"M rows/s".padStart(10)}${"peak RSS".padStart(11)}${"vs typed".padStart(10)}  checksum`);
  for (const r of results) {
    const best = Math.min(...r.ms);
    const same = sameChecksum(r.checksum, typed.checksum) ? "same" : "DIFFERENT";
    lines.push(`  ${r.name.padEnd(22)}${r.ms[0].toFixed(1).padStart(10)}${best.toFixed(1).padStart(10)}${(rows / best / 1000).toFixed(1).padStart(10)}${`${r.peakMb.toFixed(0)} MB`.padStart(11)}${`${(best / typedBest).toFixed(2)}x`.padStart(10)}  ${same}`);
  }
  for (const chunks of [false, true]) {
    // --expose-gc: the CSV's generation garbage is collected before the read is timed
    const out = child("bench/ingest.ts", [String(rows), ...(chunks ? ["--chunks"] : [])], ["--expose-gc"]);
    lines.push(`  ingest ${chunks ? "(readCsvChunks, 1M-row chunks)" : "(one table)"}: ${out.split("\n").slice(2).join("; ")}`);
  }
  if (rows > 1_000_000) {
    // The in-memory runs repeat one 1M-row block, so pupil ids repeat; a national file
    // has a unique id per pupil (a dictionary as long as the file). Written to a
    // temporary file and read from disk, once whole and once in chunks.
    const file = join(tmpdir(), `emis-equity-bench-${process.pid}.csv`);
    try {
      child("bench/ingest.ts", [String(rows), "--unique-ids", "--write", file]);
      for (const chunks of [false, true]) {
        const out = child("bench/ingest.ts", ["--file", file, ...(chunks ? ["--chunks"] : [])], ["--expose-gc"]);
        lines.push(`  ingest unique ids, from file ${chunks ? "(readCsvFileChunks)" : "(readCsvFile)"}: ${out.split("\n").slice(2).join("; ")}`);
      }
      // the national path end to end: the same file read, then createDataset on it
      const out = child("bench/ingest.ts", ["--file", file, "--dataset"], ["--expose-gc"]).split("\n");
      lines.push(`  readCsvFile + createDataset, unique ids: ${out[4]}; peak RSS of both ${out[3].replace(/^peak RSS (\S+ MB).*/, "$1")}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
}
console.log(lines.join("\n"));
