import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv } from "../../src/io";
import { readCsvFile, readCsvFileChunks } from "../../src/io/node";
import { fixture, fixturePath, rows } from "./helpers";

const S = z.object({ school_id: z.string(), pupils: z.int() });

describe("readCsvFile", () => {
  it("streams a file from disk and labels issues with its path", async () => {
    const path = fixturePath("duplicate-ids.csv");
    const r = await readCsvFile(path, S, { unique: ["school_id"] });
    const expected = parseCsv(fixture("duplicate-ids.csv"), S, { unique: ["school_id"], file: path });
    expect(rows(r.table)).toEqual(rows(expected.table));
    expect(r.file).toBe(path);
    expect(r.rejects.map((i) => i.file)).toEqual([path, path]);
  });

  it("reads a file of several reads (over 16 MB: its two buffers each refilled) as parseCsv reads its bytes, in one piece or in chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emis-io-"));
    try {
      const path = join(dir, "big.csv");
      // 17.7 MB (three reads of 8 MB): 1,000 rows (one with a quoted line break) 2,000
      // times, CRLF, no last line break; pupils vary by block so a refilled buffer read
      // twice would show
      const block = (b: number) => Array.from({ length: 1000 }, (_, i) => (i === 7 ? `"S${i}\nx",${(i + b) % 90}` : `S${i},${(i + b) % 90}`)).join("\r\n");
      const bytes = new TextEncoder().encode(`school_id,pupils\r\n${Array.from({ length: 2000 }, (_, b) => block(b)).join("\r\n")}`);
      expect(bytes.length).toBeGreaterThan(16 * 2 ** 20);
      writeFileSync(path, bytes);
      const expected = parseCsv(bytes, S, { file: path });
      const r = await readCsvFile(path, S);
      expect(r.counts).toEqual(expected.counts);
      expect(r.counts.kept).toBe(2_000_000);
      const id = r.table.columns.school_id;
      const want = expected.table.columns.school_id;
      const pupils = r.table.columns.pupils;
      const wantPupils = expected.table.columns.pupils;
      if (id.kind !== "code" || want.kind !== "code" || pupils.kind !== "number" || wantPupils.kind !== "number") throw new Error("column kinds");
      expect(id.dictionary).toEqual(want.dictionary);
      // element by element (toEqual on 2M-element arrays takes seconds)
      let differ = 0;
      for (let i = 0; i < 2_000_000; i++) if (id.codes[i] !== want.codes[i] || pupils.values[i] !== wantPupils.values[i]) differ++;
      expect(differ).toBe(0);
      let kept = 0;
      let sum = 0;
      for await (const c of readCsvFileChunks(path, S, { chunkRows: 250_000 })) {
        kept += c.counts.kept;
        const v = c.table.columns.pupils;
        if (v.kind === "number") for (const x of v.values) sum += x;
      }
      expect(kept).toBe(2_000_000);
      expect(sum).toBe(wantPupils.values.reduce((a, x) => a + x, 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("rejects with empty-file and not-csv for the empty and binary fixtures", async () => {
    await expect(readCsvFile(fixturePath("empty.csv"), S)).rejects.toMatchObject({ code: "empty-file" });
    await expect(readCsvFile(fixturePath("binary.png"), S)).rejects.toMatchObject({ code: "not-csv" });
  });
});

describe("readCsvFile and readCsvFileChunks on a path that is not a file", () => {
  it("reject with missing-file or not-a-file naming the path, not a raw ENOENT or EISDIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emis-io-"));
    try {
      const missing = join(dir, "pupils.csv");
      await expect(readCsvFile(missing, S)).rejects.toMatchObject({ name: "EmisInputError", code: "missing-file", details: { file: missing } });
      await expect(readCsvFile(missing, S)).rejects.toThrow(`readCsvFile: there is no file ${missing}; check the path`);
      await expect(readCsvFile(join(missing, "deeper.csv"), S)).rejects.toMatchObject({ code: "missing-file" });
      await expect(readCsvFile(dir, S)).rejects.toMatchObject({ code: "not-a-file", message: `readCsvFile: ${dir} is a directory, not a file; pass the path of a CSV file inside it` });
      const drain = async (path: string) => {
        for await (const _ of readCsvFileChunks(path, S)) void _;
      };
      await expect(drain(missing)).rejects.toMatchObject({ code: "missing-file" });
      await expect(drain(dir)).rejects.toMatchObject({ code: "not-a-file" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readCsvFileChunks", () => {
  it("reads a file in chunks of kept rows", async () => {
    const lengths: number[] = [];
    for await (const c of readCsvFileChunks(fixturePath("duplicate-ids.csv"), S, { chunkRows: 2 })) lengths.push(c.table.length);
    expect(lengths).toEqual([2, 2, 1]);
  });
});
