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

  it("rejects with empty-file and not-csv for the empty and binary fixtures", async () => {
    await expect(readCsvFile(fixturePath("empty.csv"), S)).rejects.toMatchObject({ code: "empty-file" });
    await expect(readCsvFile(fixturePath("binary.png"), S)).rejects.toMatchObject({ code: "not-csv" });
  });
});

describe("readCsvFileChunks", () => {
  it("reads a file in chunks of kept rows", async () => {
    const lengths: number[] = [];
    for await (const c of readCsvFileChunks(fixturePath("duplicate-ids.csv"), S, { chunkRows: 2 })) lengths.push(c.table.length);
    expect(lengths).toEqual([2, 2, 1]);
  });
});
