import { describe, expect, it } from "vitest";
import { thrown } from "./thrown";
import { z } from "zod";
import { parseCsv, readCsv, readCsvChunks } from "../../src/io";
import type { EmisValidationError } from "../../src/models/errors";
import { rows } from "./helpers";

/**
 * Latin-1 fixture, built here byte for byte: `Buffer.from(text, "latin1")` writes each
 * character below U+0100 as one byte, so "ç" is the single byte 0xE7, which is not
 * valid UTF-8 (a lead byte 0xE7 must be followed by two continuation bytes 0x80-0xBF;
 * here "a" follows). This is what Excel's "CSV" (not "CSV UTF-8") writes on Windows.
 */
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const TEXT = "id,language,score\n1,English,3\n2,Français,4\n3,Español,5\n";

const S = z.object({ id: z.string(), language: z.string(), score: z.number() });


describe("parseCsv on text that is not UTF-8", () => {
  it("rejects a Latin-1 file with not-utf8 naming the file, row and column", () => {
    const e = thrown(() => parseCsv(latin1(TEXT), S, { file: "pupils.csv" }));
    expect(e.code).toBe("not-utf8");
    expect(e.message).toMatchInlineSnapshot(`"parseCsv: pupils.csv is not UTF-8 text (row 2, column language: "Fran\\xe7ais" has bytes that are not valid UTF-8, as in Latin-1 or Windows-1252 files); re-save the file as UTF-8 (e.g. "CSV UTF-8" in Excel) and read it again"`);
    expect(e.message).not.toContain("\n");
    expect(e.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([["not-utf8", 2, "language", "Fran\\xe7ais"]]);
    expect(e.details).toMatchObject({ file: "pupils.csv", row: 2, column: "language" });
  });

  it("reads the same text saved as UTF-8", () => {
    const r = parseCsv(new TextEncoder().encode(TEXT), S);
    expect(rows(r.table).map((x) => x.language)).toEqual(["English", "Français", "Español"]);
  });

  it("checks enum, boolean, number and checked text columns, and the header line", () => {
    const cases: [z.ZodObject, string, number, string | undefined][] = [
      [z.object({ id: z.string(), language: z.enum(["English", "Français"]) }), "id,language\n1,Français\n", 1, "language"],
      [z.object({ id: z.string(), ok: z.boolean() }), "id,ok\n1,yes\n2,sí\n", 2, "ok"],
      [z.object({ id: z.string(), n: z.number() }), "id,n\n1,4°\n", 1, "n"],
      [z.object({ id: z.string().regex(/^\w+$/), n: z.number() }), "id,n\nFrançois,1\n", 1, "id"],
      [z.object({ id: z.string().min(2), n: z.number() }), "id,n\nab,1\nçé,2\n", 2, "id"],
      [z.object({ matière: z.string(), n: z.number() }), "matière,n\nx,1\n", 0, undefined],
    ];
    for (const [schema, text, row, column] of cases) {
      const e = thrown(() => parseCsv(latin1(text), schema));
      expect([e.code, e.issues[0].row, e.issues[0].column]).toEqual(["not-utf8", row, column]);
    }
  });

  it("does not decode ignored columns, so their bytes do not matter", () => {
    const r = parseCsv(latin1("id,note,score\n1,déjà vu,3\n"), z.object({ id: z.string(), score: z.number() }));
    expect(rows(r.table)).toEqual([{ id: "1", score: 3 }]);
  });

  it("throws the same error however the input is cut into chunks, and from readCsvChunks", async () => {
    const bytes = latin1(TEXT);
    await expect(readCsv(Array.from(bytes, (b) => new Uint8Array([b])), S)).rejects.toMatchObject({ code: "not-utf8", details: { row: 2, column: "language" } });
    await expect((async () => {
      for await (const _ of readCsvChunks(bytes, S, { chunkRows: 1 })) void _;
    })()).rejects.toMatchObject({ code: "not-utf8" });
  });
});

describe("parseCsv on JSON text", () => {
  const Pupil = z.object({ student_id: z.string(), sex: z.enum(["f", "m"]) });

  it("says the input looks like JSON and to use readJson", () => {
    const inputs = [
      '[{"student_id":"a","sex":"f"},{"student_id":"b","sex":"m"}]',
      '[\n  {\n    "student_id": "a",\n    "sex": "f"\n  }\n]\n',
      '{"student_id":"a","sex":"f"}\n{"student_id":"b","sex":"m"}\n',
      "\uFEFF  [ ]",
    ];
    for (const text of inputs) {
      const e = thrown(() => parseCsv(text, Pupil, { file: "pupils.json" }));
      expect(e.code).toBe("not-csv");
      expect(e.message).toMatch(/^parseCsv: pupils\.json starts with "[[{]": this looks like JSON, not CSV; use readJson/);
    }
    expect(thrown(() => parseCsv('[{"student_id":"a"}]', Pupil)).message).toMatchInlineSnapshot(`"parseCsv: input starts with "[": this looks like JSON, not CSV; use readJson for a JSON array of records (or save the data as CSV)"`);
  });

  it("still reads a CSV whose headers are in brackets", () => {
    const r = parseCsv("[student_id],[sex]\na,f\n", Pupil, { aliases: { student_id: ["[student_id]"], sex: ["[sex]"] } });
    expect(rows(r.table)).toEqual([{ student_id: "a", sex: "f" }]);
    expect(thrown(() => parseCsv("[School ID],Name\nS1,x\n", Pupil)).code).toBe("missing-column");
  });
});
