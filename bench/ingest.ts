/**
 * Ingest benchmark: a seeded ~10-column pupil CSV generated in memory, read with
 * checks compiled from a zod schema. Reports rows/s and peak RSS.
 *
 *   npx tsx bench/ingest.ts [rows=1000000] [--chunks] [--no-ids]
 *
 * `--chunks` reads with readCsvChunks (1M rows a chunk, chunks dropped after
 * counting: the larger-than-memory path); `--no-ids` leaves pupil_id out of the
 * schema (an ignored column), which spares one new dictionary string per row.
 * For row counts above 2M the CSV is a 1M-row block (header once) fed repeatedly.
 */
import { z } from "zod";
import { parseCsv, readCsv, readCsvChunks } from "../src/io";
import { seededRandom } from "../src/stats/random";

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const chunked = args.includes("--chunks");
const withIds = !args.includes("--no-ids");

const GRADES = ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12"] as const;
const Pupil = z.object({
  ...(withIds ? { pupil_id: z.string().min(1).max(16) } : {}),
  school_id: z.string().regex(/^S\d{5}$/),
  grade: z.enum(GRADES),
  sex: z.enum(["female", "male"]),
  age: z.int().min(3).max(25),
  disability: z.boolean(),
  location: z.enum(["urban", "rural"]),
  language: z.string().min(2).max(3),
  score: z.number().min(0).max(100).optional(),
  attendance: z.number().min(0).max(100),
});

const HEADER = "pupil_id,school_id,grade,sex,age,disability,location,language,score,attendance\n";

/** One block of `n` data rows (no header), seeded; ids start at `first`. Written byte by byte. */
function block(n: number, seed: number, first: number): Uint8Array {
  const u = seededRandom(seed);
  const langs = Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + (i % 26), 97 + ((i * 7) % 26)));
  const out = new Uint8Array(n * 80);
  let o = 0;
  const put = (s: string) => {
    for (let k = 0; k < s.length; k++) out[o++] = s.charCodeAt(k);
  };
  for (let i = 0; i < n; i++) {
    const school = 1 + Math.floor(u() * 5000);
    const grade = Math.floor(u() * 12);
    put(`P${first + i},S${String(school).padStart(5, "0")},${GRADES[grade]},${u() < 0.5 ? "female" : "male"},${6 + grade + Math.floor(u() * 3)},`);
    put(`${u() < 0.07 ? "yes" : "no"},${u() < 0.6 ? "rural" : "urban"},${langs[Math.floor(u() * 20)]},`);
    put(`${u() < 0.05 ? "" : (Math.round(u() * 1000) / 10).toString()},${Math.floor(u() * 101)}\n`);
  }
  return out.slice(0, o);
}

async function main(): Promise<void> {
  const blockRows = Math.min(rows, 1_000_000);
  const repeats = Math.ceil(rows / blockRows);
  const t0 = performance.now();
  const header = new TextEncoder().encode(HEADER);
  const body = block(blockRows, 42, 1);
  const genMs = performance.now() - t0;
  const bytes = header.length + body.length * repeats;
  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const t1 = performance.now();
  let kept = 0;
  let read = 0;
  if (chunked) {
    function* source() {
      yield header;
      for (let r = 0; r < repeats; r++) for (let s = 0; s < body.length; s += 1 << 20) yield body.subarray(s, s + (1 << 20));
    }
    for await (const c of readCsvChunks(source(), Pupil, { chunkRows: 1_000_000 })) {
      kept += c.counts.kept;
      read += c.counts.read;
      sample();
    }
  } else if (repeats === 1) {
    const all = new Uint8Array(bytes);
    all.set(header);
    all.set(body, header.length);
    const r = parseCsv(all, Pupil);
    kept = r.counts.kept;
    read = r.counts.read;
  } else {
    function* source() {
      yield header;
      for (let r = 0; r < repeats; r++) {
        for (let s = 0; s < body.length; s += 1 << 20) yield body.subarray(s, s + (1 << 20));
        sample();
      }
    }
    const r = await readCsv(source(), Pupil);
    kept = r.counts.kept;
    read = r.counts.read;
  }
  const ms = performance.now() - t1;
  sample();
  clearInterval(timer);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
  console.log(
    [
      `rows ${read.toLocaleString("en")} (kept ${kept.toLocaleString("en")}), ${mb(bytes)} of CSV, ${Object.keys(Pupil.shape).length} schema fields${withIds ? "" : " (pupil_id ignored)"}, ${chunked ? "readCsvChunks" : repeats === 1 ? "parseCsv" : "readCsv (stream)"}`,
      `generate ${genMs.toFixed(0)} ms; read ${ms.toFixed(0)} ms`,
      `${((read / ms) * 1000 / 1e6).toFixed(2)} M rows/s, ${((bytes / ms) * 1000 / 2 ** 20).toFixed(0)} MB/s`,
      `peak RSS ${mb(Math.max(peakRss, maxRss))} (sampled ${mb(peakRss)}, before read ${mb(rssBefore)})`,
    ].join("\n"),
  );
}

void main();
