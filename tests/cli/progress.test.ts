import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createProgress } from "../../src/cli/progress";
import { readTable } from "../../src/cli/read-table";

/** A stream that records what is written, and a clock that moves only when told. */
function fakes(isTTY = true) {
  const written: string[] = [];
  let t = 0;
  return {
    written,
    stream: { isTTY, write: (s: string) => written.push(s) },
    now: () => t,
    at: (ms: number) => {
      t = ms;
    },
  };
}

const MB = 2 ** 20;

describe("createProgress", () => {
  it("prints rows, MB and rows/s once the read passes 1 s, then at most every 250 ms, and ends the line", () => {
    const f = fakes();
    const p = createProgress("pupils.csv", { stream: f.stream, now: f.now });
    for (let ms = 100; ms <= 900; ms += 100) {
      f.at(ms);
      p.onProgress({ rows: ms * 1000, bytes: ms * 0.04 * MB });
    }
    expect(f.written).toEqual([]);
    f.at(1000);
    p.onProgress({ rows: 2_500_000, bytes: 100 * MB });
    f.at(1200);
    p.onProgress({ rows: 2_600_000, bytes: 104 * MB });
    f.at(1250);
    p.onProgress({ rows: 2_700_000, bytes: 108 * MB });
    f.at(2000);
    p.onProgress({ rows: 3_000_000, bytes: 120.5 * MB });
    f.at(2100);
    p.onProgress({ rows: 3_100_000, bytes: 124 * MB });
    f.at(3100);
    p.done();
    // rows/s since the start: 2.5M / 1 s, 2.7M / 1.25 s, 3M / 2 s (2.6M at 1.2 s: too soon after the first);
    // done shows the last report (3.1M at 2.1 s, throttled) with the time at the end, 3.1 s
    const at = (text: string) => `\r${text}\x1b[K`;
    expect(f.written).toEqual([
      at("pupils.csv: 2,500,000 rows, 100.0 MB, 2.50 M rows/s"),
      at("pupils.csv: 2,700,000 rows, 108.0 MB, 2.16 M rows/s"),
      at("pupils.csv: 3,000,000 rows, 120.5 MB, 1.50 M rows/s"),
      at("pupils.csv: 3,100,000 rows, 124.0 MB, 1.00 M rows/s"),
      "\n",
    ]);
  });

  it("prints at most 4 lines a second however often the reader reports", () => {
    const f = fakes();
    const p = createProgress("big.csv", { stream: f.stream, now: f.now });
    for (let ms = 0; ms <= 11_000; ms += 7) {
      f.at(ms);
      p.onProgress({ rows: ms * 100, bytes: ms * 10 });
    }
    // 1 s of silence, then 10 s at one line per 250 ms at most
    expect(f.written.length).toBeLessThanOrEqual(41);
    expect(f.written.length).toBeGreaterThanOrEqual(35);
  });

  it("prints nothing with quiet, when stderr is not a terminal, or for a short read", () => {
    for (const [isTTY, quiet, endMs] of [[true, true, 5000], [false, false, 5000], [true, false, 999]] as const) {
      const f = fakes(isTTY);
      const p = createProgress("x.csv", { stream: f.stream, now: f.now, quiet });
      for (let ms = 0; ms <= endMs; ms += 50) {
        f.at(ms);
        p.onProgress({ rows: ms, bytes: ms });
      }
      p.done();
      expect(f.written).toEqual([]);
    }
  });
});

describe("createProgress with always (the CLI's --progress)", () => {
  it("prints into a stream that is not a terminal, one line per update, and nothing with quiet", () => {
    const f = fakes(false);
    const p = createProgress("pupils.csv", { stream: f.stream, now: f.now, always: true });
    f.at(1000);
    p.onProgress({ rows: 2_000_000, bytes: 100 * MB });
    f.at(2000);
    p.onProgress({ rows: 4_000_000, bytes: 200 * MB });
    p.done();
    expect(f.written).toEqual(["pupils.csv: 2,000,000 rows, 100.0 MB, 2.00 M rows/s\n", "pupils.csv: 4,000,000 rows, 200.0 MB, 2.00 M rows/s\n"]);
    const q = fakes(false);
    const quiet = createProgress("pupils.csv", { stream: q.stream, now: q.now, always: true, quiet: true });
    q.at(2000);
    quiet.onProgress({ rows: 1, bytes: 1 });
    quiet.done();
    expect(q.written).toEqual([]);
  });
});

describe("readTable", () => {
  const fixture = fileURLToPath(new URL("../fixtures/io/duplicate-ids.csv", import.meta.url));
  const S = z.object({ school_id: z.string(), pupils: z.int() });

  it("shows the progress of a long read on a terminal, and none with quiet", () => {
    for (const quiet of [false, true]) {
      const f = fakes();
      let t = 0;
      // every reading of the clock is 800 ms later: the read looks long
      const r = readTable(fixture, S, { quiet, progress: { stream: f.stream, now: () => (t += 800) } });
      expect(r.counts.read).toBe(5);
      if (quiet) expect(f.written).toEqual([]);
      else {
        expect(f.written.at(-1)).toBe("\n");
        expect(f.written.at(-2)).toMatch(/duplicate-ids\.csv: 5 rows, 0\.0 MB, [\d,.]+ rows\/s/);
      }
    }
  });

  it("throws missing-file and not-a-file instead of raw Node errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "emis-cli-"));
    try {
      expect(() => readTable(join(dir, "none.csv"), S)).toThrow(expect.objectContaining({ code: "missing-file" }));
      expect(() => readTable(dir, S)).toThrow(expect.objectContaining({ code: "not-a-file", message: expect.stringContaining(`cannot read ${dir}: it is a directory`) }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
