import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readCsvChunks, type ReadChunk } from "../../src/io";
import { rows } from "./helpers";

const S = z.object({ id: z.string(), sex: z.enum(["f", "m"]), school: z.string() });
const text = "id,sex,school\n" + Array.from({ length: 25 }, (_, i) => `${i + 1},${i % 7 === 3 ? "x" : i % 2 ? "f" : "m"},S${i % 4}`).join("\n") + "\n";

async function all(it: AsyncIterable<ReadChunk>): Promise<ReadChunk[]> {
  const out: ReadChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

describe("readCsvChunks", () => {
  it("cuts the kept rows into chunks whose rows and counts add up to the whole file", async () => {
    const whole = parseCsv(text, S);
    const chunks = await all(readCsvChunks(text, S, { chunkRows: 5 }));
    expect(chunks.map((c) => c.table.length)).toEqual([5, 5, 5, 5, 1]);
    const sum = (k: "read" | "kept" | "rejected") => chunks.reduce((a, c) => a + c.counts[k], 0);
    expect([sum("read"), sum("kept"), sum("rejected")]).toEqual([whole.counts.read, whole.counts.kept, whole.counts.rejected]);
    for (const c of chunks) expect(c.counts.read).toBe(c.counts.kept + c.counts.rejected);
    expect(chunks.flatMap((c) => rows(c.table))).toEqual(rows(whole.table));
    const noMessage = ({ message: _m, ...rest }: { message: string }) => rest;
    expect(chunks.flatMap((c) => c.rejects).map(noMessage)).toEqual(whole.rejects.map(noMessage));
    // rejected rows 4, 11, 18, 25 (sex "x"); 5 kept rows end at rows 6, 12, 17, 23
    expect(chunks.map((c) => c.rowOffset)).toEqual([0, 6, 12, 17, 23]);
  });

  it("shares one growing dictionary across chunks", async () => {
    const chunks = await all(readCsvChunks(new TextEncoder().encode(text), S, { chunkRows: 4 }));
    const dicts = chunks.map((c) => c.table.columns.school.kind === "code" && c.table.columns.school.dictionary);
    expect(new Set(dicts).size).toBe(1);
    expect(dicts[0]).toEqual(["S0", "S1", "S2", "S3"]);
  });

  it("keeps that one dictionary array also when the first chunks have no value in the column", async () => {
    const T = z.object({ id: z.string(), note: z.string().max(9).optional() });
    const csv = "id,note\n1,\n2,\n3,\n4,a\n5,b\n6,a\n";
    const chunks = await all(readCsvChunks(csv, T, { chunkRows: 2 }));
    const dicts = chunks.map((c) => c.table.columns.note.kind === "code" && c.table.columns.note.dictionary);
    expect(new Set(dicts).size).toBe(1);
    expect(dicts[0]).toEqual(["a", "b"]);
    expect(chunks.flatMap((c) => rows(c.table).map((r) => r.note))).toEqual([null, null, null, "a", "b", "a"]);
  });

  it("yields one empty chunk for a header-only file", async () => {
    const chunks = await all(readCsvChunks("id,sex,school\n", S));
    expect(chunks.map((c) => [c.table.length, c.counts.read])).toEqual([[0, 0]]);
  });

  it("throws rows-rejected in strict mode instead of yielding the chunk holding a rejected row", async () => {
    const seen: number[] = [];
    await expect(async () => {
      for await (const c of readCsvChunks(text, S, { chunkRows: 3, strict: true })) seen.push(c.table.length);
    }).rejects.toMatchObject({ code: "rows-rejected" });
    expect(seen).toEqual([3]);
  });

  it("throws for a chunkRows that is not a positive whole number", async () => {
    await expect(all(readCsvChunks(text, S, { chunkRows: 0 }))).rejects.toMatchObject({ code: "invalid-options" });
  });
});
