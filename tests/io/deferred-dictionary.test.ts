import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readCsvChunks, type ReadChunk } from "../../src/io";
import { codeAt, rowAt, type CodeColumn } from "../../src/models/columns";

// An id column (free text with only length rules) is decoded when its dictionary is
// first read, not when the read ends: the values must be the same either way, the
// array must keep its identity once handed out, and chunks must keep sharing it.
const S = z.object({ id: z.string().min(1).max(12), sex: z.enum(["f", "m"]) });
const csv = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `P${from + i},${i % 2 ? "f" : "m"}`).join("\n");

describe("id columns decoded on first use", () => {
  it("gives every id back, in first-seen order, as one stable array", () => {
    const r = parseCsv(`id,sex\n${csv(1000)}\nP7,f\n`, S);
    const id = r.table.columns.id as CodeColumn;
    const first = id.dictionary;
    expect(id.dictionary).toBe(first);
    expect(first.length).toBe(1000);
    expect(first[0]).toBe("P1");
    expect(first[999]).toBe("P1000");
    // the repeated P7 is code 6, as a dictionary read at the end of the file would say
    expect(id.codes[1000]).toBe(6);
    expect(codeAt(id, 1000)).toBe("P7");
  });

  it("keeps a dictionary read during a chunked read growing, shared by every chunk", async () => {
    const chunks: ReadChunk[] = [];
    let earlyLength = -1;
    let early: string[] | null = null;
    // fed 50 rows at a time, so the first chunk is read before the rest of the file
    function* source() {
      yield new TextEncoder().encode("id,sex\n");
      for (let from = 1; from <= 250; from += 50) yield new TextEncoder().encode(`${csv(50, from)}\n`);
    }
    for await (const c of readCsvChunks(source(), S, { chunkRows: 100 })) {
      chunks.push(c);
      if (chunks.length === 1) {
        // read before the later chunks exist: it holds the ids seen so far
        early = (c.table.columns.id as CodeColumn).dictionary;
        earlyLength = early.length;
      }
    }
    expect(chunks.map((c) => c.table.length)).toEqual([100, 100, 50]);
    expect(earlyLength).toBeGreaterThanOrEqual(100);
    expect(earlyLength).toBeLessThan(250);
    const dicts = chunks.map((c) => (c.table.columns.id as CodeColumn).dictionary);
    expect(dicts.every((d) => d === early)).toBe(true);
    expect(early!.length).toBe(250);
    const ids = chunks.flatMap((c) => Array.from({ length: c.table.length }, (_, i) => codeAt(c.table.columns.id as CodeColumn, i)));
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => `P${i + 1}`));
  });

  it("decodes ids that fail no rule and leaves rejected ones out of the dictionary", () => {
    const r = parseCsv("id,sex\nP1,f\nTOO-LONG-AN-ID,m\nP2,m\n", S);
    expect(r.counts).toMatchObject({ read: 3, kept: 2, rejected: 1 });
    expect((r.table.columns.id as CodeColumn).dictionary).toEqual(["P1", "P2"]);
    expect(r.rejects[0]).toMatchObject({ row: 2, column: "id", value: "TOO-LONG-AN-ID" });
  });

  it("lets the dictionary be replaced, as any CodeColumn's", () => {
    const id = parseCsv("id,sex\nP1,f\nP2,m\n", S).table.columns.id as CodeColumn;
    id.dictionary = ["a", "b"];
    expect(codeAt(id, 1)).toBe("b");
    expect({ ...id }.dictionary).toEqual(["a", "b"]);
  });

  it("decodes non-ASCII ids", () => {
    const r = parseCsv("id,sex\nཀ1,f\nÉlève-2,m\nཀ1,f\n", S);
    const id = r.table.columns.id as CodeColumn;
    expect(id.dictionary).toEqual(["ཀ1", "Élève-2"]);
    expect([...id.codes]).toEqual([0, 1, 0]);
  });

  it("keeps a U+FEFF that starts a value, however and whenever the dictionary is read", async () => {
    // "\uFEFFP1" and "P1" are different bytes, so different values. TextDecoder drops
    // a leading U+FEFF by default: decoded in one batch, the first value lost it and the
    // dictionary read ["P1", "P1"]; cell by cell (an enum, a pattern) every value lost it.
    const bom = "\uFEFF";
    const text = `id,sex\n${bom}P1,f\nP1,m\nP2,f\n${bom}P2,m\n`;
    const whole = parseCsv(text, S).table.columns.id as CodeColumn;
    expect(whole.dictionary).toEqual([`${bom}P1`, "P1", "P2", `${bom}P2`]);
    const early: string[][] = [];
    for await (const c of readCsvChunks(text, S, { chunkRows: 1 })) early.push([...(c.table.columns.id as CodeColumn).dictionary]);
    expect(early.at(-1)).toEqual(whole.dictionary);
    const Pattern = z.object({ id: z.string().regex(/P\d$/), sex: z.enum(["f", "m"]) });
    const patterned = parseCsv(text, Pattern).table;
    expect(Array.from({ length: 4 }, (_, i) => rowAt(patterned, i).id)).toEqual([`${bom}P1`, "P1", "P2", `${bom}P2`]);
  });

  it("reads short values with NUL bytes past the binary check as they are", () => {
    // The first 64 KiB are checked for NUL bytes (a binary file); later ones stay in
    // their values. Short values are keyed by their bytes: "\0A\0" and "A\0" once had
    // one key, so the second read as the first.
    const T = z.object({ id: z.string().min(1).max(9), pad: z.string().optional() });
    const ids = ["A\0", "\0A\0", "A", "\0A", "\0\0\0A", "\0\0A"];
    const csv = `id,pad\nFIRST,${"x".repeat(70_000)}\n${ids.map((c) => `${c},`).join("\n")}\n`;
    const r = parseCsv(csv, T);
    expect(r.counts).toMatchObject({ read: 7, kept: 7 });
    expect(ids.map((_, k) => rowAt(r.table, k + 1).id)).toEqual(ids);
  });
});
