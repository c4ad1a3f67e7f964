import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readJson } from "../../src/io";
import { rows } from "./helpers";

const S = z.object({ id: z.string(), sex: z.enum(["f", "m"]), age: z.int().min(3).optional(), disabled: z.boolean().optional() });

describe("readJson", () => {
  it("reads JSON text and arrays of objects with the same checks and result shape as parseCsv", () => {
    const records = [
      { id: "a", sex: "f", age: 7, disabled: false },
      { id: "b", sex: "x", age: 8 },
      { id: "c", sex: "m", age: "9", disabled: "yes" },
      { id: "d", sex: "m", age: 2.5 },
    ];
    const fromText = readJson(JSON.stringify(records), S, { file: "p.json" });
    const fromArray = readJson(records, S, { file: "p.json" });
    const fromCsv = parseCsv("id,sex,age,disabled\na,f,7,false\nb,x,8,\nc,m,9,yes\nd,m,2.5,\n", S, { file: "p.json" });
    expect(fromText).toEqual(fromArray);
    expect(rows(fromArray.table)).toEqual(rows(fromCsv.table));
    expect(fromArray.counts).toEqual({ read: 4, kept: 2, rejected: 2, byRule: { "invalid-value": 1, "not-integer": 1 } });
    expect(fromArray.rejects.map((i) => [i.row, i.column, i.code])).toEqual(fromCsv.rejects.map((i) => [i.row, i.column, i.code]));
    expect(fromArray.delimiter).toBe("");
  });

  it("treats null and absent keys as empty cells, rejects objects and non-object records", () => {
    const r = readJson([{ id: "a", sex: "f", age: null }, { id: "b", sex: "m", extra: 1 }, { id: { x: 1 }, sex: "f" }, 5, null], S);
    expect(r.counts).toEqual({ read: 5, kept: 2, rejected: 3, byRule: { "invalid-type": 1, "invalid-row": 2 } });
    expect(r.ignoredColumns).toEqual(["extra"]);
    expect(rows(r.table)).toEqual([{ id: "a", sex: "f", age: null, disabled: null }, { id: "b", sex: "m", age: null, disabled: null }]);
  });

  it("applies aliases, unique and strict like the CSV readers", () => {
    const recs = [{ ID: "a", Sex: "f" }, { ID: "a", Sex: "m" }];
    const r = readJson(recs, S, { aliases: { id: ["ID"] }, unique: ["id"] });
    expect(r.rejects.map((i) => [i.row, i.code, i.value])).toEqual([[2, "duplicate-id", "a"]]);
    expect(() => readJson(recs, S, { unique: ["id"], strict: true })).toThrow(/rows-rejected|rejected/);
  });

  it("throws for empty, invalid or non-array JSON and a missing column", () => {
    expect(() => readJson("", S)).toThrow(expect.objectContaining({ code: "empty-file" }));
    expect(() => readJson("{oops", S)).toThrow(expect.objectContaining({ code: "not-json" }));
    expect(() => readJson('{"id":"a"}', S)).toThrow(expect.objectContaining({ code: "not-json" }));
    expect(() => readJson([{ sex: "f" }], S)).toThrow(expect.objectContaining({ code: "missing-column" }));
    expect(readJson([], S).counts).toEqual({ read: 0, kept: 0, rejected: 0, byRule: {} });
  });
});
