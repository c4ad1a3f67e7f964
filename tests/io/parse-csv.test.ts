import { describe, expect, it } from "vitest";
import { thrown } from "./thrown";
import { z } from "zod";
import { parseCsv } from "../../src/io";
import { isEmisError, type EmisValidationError } from "../../src/models/errors";
import { MISSING_CODE } from "../../src/models/columns";
import { fixture, rows } from "./helpers";
import { profiles } from "../../src/profiles";

const Pupil = z.object({
  pupil_id: z.string(),
  sex: z.enum(["female", "male"]),
  age: z.int().min(3).max(25),
  grade: z.enum(["G1", "G2", "G3", "G4", "G5", "G6"]),
  disabled: z.boolean(),
});


describe("parseCsv", () => {
  it("reads a BOM, semicolons, CRLF, decimal commas and folded header names", () => {
    const r = parseCsv(fixture("bom-semicolon-decimal-comma.csv"), z.object({
      school_id: z.string(),
      sex: z.enum(["f", "m"]),
      score: z.number().optional(),
      attendance_rate: z.number().max(100),
    }), { decimalComma: true });
    expect(r.delimiter).toBe(";");
    expect(r.counts).toEqual({ read: 3, kept: 3, rejected: 0, byRule: {} });
    expect(rows(r.table)).toEqual([
      { school_id: "S001", sex: "f", score: 3.5, attendance_rate: 92 },
      { school_id: "S002", sex: "m", score: 4.25, attendance_rate: 88.5 },
      { school_id: "S003", sex: "f", score: null, attendance_rate: 100 },
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const r = parseCsv(fixture("quoted-newlines.csv"), z.object({ id: z.coerce.number(), name: z.string().optional(), note: z.string().optional() }));
    expect(rows(r.table)).toEqual([
      { id: 1, name: "Ama, Kofi", note: "line one\nline two" },
      { id: 2, name: 'He said "hi"', note: "plain" },
      { id: 3, name: null, note: null },
    ]);
    expect(r.counts.read).toBe(3);
  });

  it("accounts for every rejected row of a file with bad rows", () => {
    const r = parseCsv(fixture("bad-rows.csv"), Pupil, { file: "bad-rows.csv" });
    expect(r.counts).toEqual({
      read: 9,
      kept: 2,
      rejected: 7,
      byRule: { "invalid-value": 2, "too-small": 1, "invalid-type": 1, "field-count": 2, required: 1, "not-integer": 1 },
    });
    expect(r.counts.read).toBe(r.counts.kept + r.counts.rejected);
    expect(rows(r.table).map((x) => x.pupil_id)).toEqual(["P1", "P9"]);
    expect(rows(r.table).map((x) => x.disabled)).toEqual(["false", "true"]);
    expect(r.rejects.map((i) => [i.row, i.column, i.code, i.rule, i.value])).toEqual([
      [2, "sex", "invalid-value", "one of female, male", "x"],
      [3, "age", "too-small", "≥ 3", "-1"],
      [4, "grade", "invalid-value", "one of G1, G2, G3, G4, G5, G6", "G9"],
      [4, "disabled", "invalid-type", "true/false, yes/no or 1/0", "maybe"],
      [5, undefined, "field-count", "5 fields", 4],
      [6, undefined, "field-count", "5 fields", 6],
      [7, "sex", "required", "required", ""],
      [8, "age", "not-integer", "an integer", "7.5"],
    ]);
    expect(r.rejects.every((i) => i.file === "bad-rows.csv")).toBe(true);
    expect(r.rejects[0].message).toMatchInlineSnapshot(`"parseCsv: sex must be one of female, male, got "x"; fix the cell or the schema (bad-rows.csv row 2)"`);
  });

  it("keeps the first maxIssuesPerRule issues per code and counts them all", () => {
    const text = "sex\n" + "x\n".repeat(5) + "female\n";
    const r = parseCsv(text, z.object({ sex: z.enum(["female", "male"]) }), { maxIssuesPerRule: 2 });
    expect(r.rejects.map((i) => i.row)).toEqual([1, 2]);
    expect(r.counts).toEqual({ read: 6, kept: 1, rejected: 5, byRule: { "invalid-value": 5 } });
  });

  it("throws rows-rejected in strict mode with all kept issues and the counts", () => {
    const e = thrown(() => parseCsv(fixture("bad-rows.csv"), Pupil, { strict: true, file: "bad-rows.csv" }));
    expect(isEmisError(e)).toBe(true);
    expect(e.code).toBe("rows-rejected");
    expect(e.issues).toHaveLength(8);
    expect(e.details.counts).toMatchObject({ read: 9, kept: 2, rejected: 7 });
    expect(e.message).toMatchInlineSnapshot(`"parseCsv: 7 of 9 rows of bad-rows.csv rejected (invalid-value: 2, too-small: 1, invalid-type: 1, field-count: 2, required: 1, not-integer: 1); fix the rows listed in issues, or read without strict to keep the valid rows"`);
  });

  it("rejects a repeated id naming the first row (unique)", () => {
    const S = z.object({ school_id: z.string(), pupils: z.int() });
    const r = parseCsv(fixture("duplicate-ids.csv"), S, { unique: ["school_id"], file: "d.csv" });
    expect(r.counts).toEqual({ read: 5, kept: 3, rejected: 2, byRule: { "duplicate-id": 2 } });
    expect(r.rejects.map((i) => [i.row, i.column, i.value])).toEqual([[3, "school_id", "S1"], [5, "school_id", "S2"]]);
    expect(r.rejects[0].message).toMatchInlineSnapshot(`"parseCsv: school_id "S1" repeats the one in row 1; remove or fix the duplicate (d.csv row 3)"`);
    expect(thrown(() => parseCsv(fixture("duplicate-ids.csv"), S, { unique: ["school_id"], strict: true })).code).toBe("rows-rejected");
  });

  it("throws empty-file for an empty file or a lone BOM", () => {
    const S = z.object({ a: z.string() });
    expect(thrown(() => parseCsv(fixture("empty.csv"), S, { file: "empty.csv" })).message).toMatchInlineSnapshot(`"parseCsv: empty.csv is empty; it needs a header line and data rows"`);
    expect(thrown(() => parseCsv("\uFEFF\r\n", S)).code).toBe("empty-file");
  });

  it("throws not-csv for a binary file, UTF-16, or a single column when several are needed", () => {
    const S = z.object({ a: z.string(), b: z.string() });
    const bin = thrown(() => parseCsv(fixture("binary.png"), S, { file: "binary.png" }));
    expect([bin.code, bin.message]).toMatchInlineSnapshot(`
      [
        "not-csv",
        "parseCsv: binary.png contains NUL bytes (a binary file?); pass a UTF-8 CSV file",
      ]
    `);
    expect(thrown(() => parseCsv(new Uint8Array([0xff, 0xfe, 0x61, 0]), S)).code).toBe("not-csv");
    const one = thrown(() => parseCsv("a|b\n1|2\n", S));
    expect(one.code).toBe("not-csv");
    expect(one.message).toMatch(/single column/);
  });

  it("throws missing-column naming the column, the headers found and the accepted names", () => {
    const e = thrown(() => parseCsv(fixture("missing-column.csv"), z.object({ school_id: z.string(), pupils: z.int() }), {
      file: "m.csv",
      aliases: { school_id: ["School ID", "udise"] },
    }));
    expect(e.code).toBe("missing-column");
    expect(e.message).toMatchInlineSnapshot(`"parseCsv: m.csv has no column school_id; headers found: school, pupils; accepted names: school_id, School ID, udise. Rename the column or add an alias in options.aliases"`);
    expect(e.issues.map((i) => [i.code, i.column])).toEqual([["missing-column", "school_id"]]);
  });

  it("throws duplicate-header for a repeated header or two columns for one field", () => {
    const S = z.object({ a: z.string() });
    expect(thrown(() => parseCsv("a,b,A\n1,2,3\n", S)).code).toBe("duplicate-header");
    expect(thrown(() => parseCsv("a,alpha\n1,2\n", S, { aliases: { a: ["alpha"] } })).code).toBe("duplicate-header");
  });

  it("matches aliases case-insensitively with spaces, underscores and hyphens folded", () => {
    const r = parseCsv("  School-Id ,Pupil Count,other\nS1,3,x\n", z.object({ school_id: z.string(), pupils: z.int() }), {
      aliases: { pupils: ["pupil_count"] },
    });
    expect(rows(r.table)).toEqual([{ school_id: "S1", pupils: 3 }]);
    expect(r.ignoredColumns).toEqual(["other"]);
  });

  it("suggests the likelier fix for a decimal comma and for a code in the wrong case", () => {
    const S = z.object({ sex: z.enum(["female", "male"]), score: z.number() });
    const r = parseCsv('sex,score\nFemale,3\nmale,"0,85"\n MALE ,4\nf,5\n', S);
    expect(r.counts).toMatchObject({ read: 4, kept: 0, rejected: 4 });
    const [female, comma, upper, f] = r.rejects;
    expect(female.message).toContain('got "Female"; did you mean "female"? Codes are exact');
    expect(comma.message).toContain('got "0,85"; for decimal commas (3,5), read the file with { decimalComma: true }');
    expect(upper.message).toContain('got "MALE"; did you mean "male"?');
    expect(f.message).toContain('got "f"; fix the cell or the schema');
    // past maxIssuesPerRule no message is built, and the counts still hold every row
    const capped = parseCsv("sex,score\nFemale,1\nMale,2\n", S, { maxIssuesPerRule: 1 });
    expect(capped.rejects).toHaveLength(1);
    expect(capped.counts.byRule).toEqual({ "invalid-value": 2 });
  });

  it("reads a profile's whole alias map, ignoring the aliases of fields the schema lacks", () => {
    // The README passes profile.aliases to every reader; a user trial found that reading
    // a school file with it threw, the map naming the pupils' student_id.
    const School = z.object({ school_id: z.string(), name: z.string() });
    for (const profile of [profiles.generic, profiles.bhutan, profiles.tanzania]) {
      const r = parseCsv("school_id,name\nS1,Alpha\n", School, { aliases: profile.aliases });
      expect(rows(r.table)).toEqual([{ school_id: "S1", name: "Alpha" }]);
    }
    const r = parseCsv("School Reg No,School Name\nS1,Alpha\n", School, { aliases: profiles.tanzania.aliases });
    expect(rows(r.table)).toEqual([{ school_id: "S1", name: "Alpha" }]);
  });

  it("detects the delimiter from the header outside quotes, or takes the one given", () => {
    const S = z.object({ a: z.string(), b: z.string() });
    expect(parseCsv('a\tb\n"x,y;z"\t2\n', S).delimiter).toBe("\t");
    expect(parseCsv('"a;1",a,b\n1,2,3\n', S).delimiter).toBe(",");
    expect(rows(parseCsv("a;b\n1,5;2\n", S, { delimiter: ";" }).table)).toEqual([{ a: "1,5", b: "2" }]);
  });

  it("fills optional and defaulted fields, and absent optional columns", () => {
    const r = parseCsv("id,n\n1,\n2,5\n", z.object({
      id: z.string(),
      n: z.number().default(0),
      tag: z.enum(["a", "b"]).default("b"),
      flag: z.boolean().optional(),
      note: z.string().nullable().optional(),
    }));
    expect(rows(r.table)).toEqual([
      { id: "1", n: 0, tag: "b", flag: null, note: null },
      { id: "2", n: 5, tag: "b", flag: null, note: null },
    ]);
    const flag = r.table.columns.flag;
    expect(flag.kind === "code" && flag.codes[0]).toBe(MISSING_CODE);
  });

  it("dictionary-encodes codes: enums in schema order, then values as first seen; booleans false/true", () => {
    const r = parseCsv("s,c,b\nm,x,yes\nf,y,No\nm,x,1\n", z.object({ s: z.enum(["f", "m"]), c: z.string(), b: z.boolean() }));
    const { s, c, b } = r.table.columns;
    expect(s.kind === "code" && [s.dictionary, [...s.codes]]).toEqual([["f", "m"], [1, 0, 1]]);
    expect(c.kind === "code" && [c.dictionary, [...c.codes]]).toEqual([["x", "y"], [0, 1, 0]]);
    expect(b.kind === "code" && [b.dictionary, [...b.codes]]).toEqual([["false", "true"], [1, 0, 1]]);
  });

  it("rejects an unclosed quote at the end of the input", () => {
    const r = parseCsv('a,b\n1,2\n3,"oops\n', z.object({ a: z.string(), b: z.string() }));
    expect(r.counts).toEqual({ read: 2, kept: 1, rejected: 1, byRule: { "unclosed-quote": 1 } });
  });

  it("skips blank lines, reads LF, CRLF and a last line without a line break", () => {
    const r = parseCsv("a,b\r\n1,2\r\n\r\n3,4\n\n5,6", z.object({ a: z.int(), b: z.int() }));
    expect(rows(r.table)).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }]);
  });

  it("reads UTF-8 text and checks string lengths in code points", () => {
    const r = parseCsv("name\nZoë\n😀😀\nabcd\n", z.object({ name: z.string().max(3) }));
    expect(rows(r.table).map((x) => x.name)).toEqual(["Zoë", "😀😀"]);
    expect(r.rejects.map((i) => [i.row, i.code])).toEqual([[3, "too-big"]]);
  });

  it("throws EmisInputError for invalid input and options", () => {
    const S = z.object({ a: z.string() });
    expect(thrown(() => parseCsv(42 as unknown as string, S)).code).toBe("invalid-input");
    expect(thrown(() => parseCsv("a\n1\n", S, { unique: ["b"] })).code).toBe("unknown-field");
    expect(thrown(() => parseCsv("a\n1\n", S, { delimiter: "|" as "," })).code).toBe("invalid-options");
  });
});

describe("spaces and tabs around codes", () => {
  // A user trial's export held "P1 " beside "P1": two pupils, both kept under unique.
  it("trims them, so a padded id is the same id and a padded code the same code", () => {
    const S = z.object({ id: z.string().min(1).max(8), sex: z.enum(["female", "male"]), note: z.string().optional(), ok: z.boolean() });
    const r = parseCsv("id,sex,note,ok\nP1,female,a,yes\nP2 , male ,\t,  no\n\tP1,female, b ,1\n   ,male,c,0\n", S, { unique: ["id"] });
    expect(r.counts).toMatchObject({ read: 4, kept: 2, rejected: 2, byRule: { "duplicate-id": 1, required: 1 } });
    expect(rows(r.table)).toEqual([
      { id: "P1", sex: "female", note: "a", ok: "true" },
      { id: "P2", sex: "male", note: null, ok: "false" },
    ]);
    const id = r.table.columns.id;
    expect(id.kind === "code" && id.dictionary).toEqual(["P1", "P2"]);
    expect(r.rejects.map((i) => [i.row, i.code])).toEqual([
      [3, "duplicate-id"],
      [4, "required"],
    ]);
  });

  it("reads numbers with tabs around them, and a number cell of spaces or tabs as empty", () => {
    const S = z.object({ n: z.number(), m: z.number().optional() });
    const r = parseCsv("n,m\n\t5,\t\n7\t,  \n 8 ,1\n", S);
    expect(r.counts).toMatchObject({ read: 3, kept: 3, rejected: 0 });
    expect(rows(r.table)).toEqual([{ n: 5, m: null }, { n: 7, m: null }, { n: 8, m: 1 }]);
    const required = parseCsv("n\n \t \n", S.pick({ n: true }));
    expect(required.rejects.map((i) => i.code)).toEqual(["required"]);
  });

  it("keeps other bytes (a no-break space, U+FEFF) and reports a padded bad code by its trimmed value", () => {
    const S = z.object({ sex: z.enum(["female", "male"]) });
    const r = parseCsv("sex\n\u00a0male\n male \n femme \n", S);
    expect(r.counts).toMatchObject({ read: 3, kept: 1, rejected: 2 });
    expect(r.rejects.map((i) => i.value)).toEqual(["\u00a0male", "femme"]);
  });
});

describe("edge cases found by a hostile trial of the readers", () => {
  it("rejects false under z.literal(true) however it is written, and true under z.literal(false)", () => {
    const r = parseCsv("id,b\na,false\nb,FALSE\nc, false\nd,no\ne,0\nf,true\n", z.object({ id: z.string(), b: z.literal(true) }));
    expect(rows(r.table).map((x) => x.id)).toEqual(["f"]);
    expect(r.counts).toMatchObject({ kept: 1, rejected: 5, byRule: { "invalid-value": 5 } });
    const f = parseCsv("b\ntrue\nfalse\n", z.object({ b: z.literal(false) }));
    expect(f.counts).toMatchObject({ kept: 1, rejected: 1 });
  });

  it("reads fields named like Object's members (constructor, toString)", () => {
    const r = parseCsv("constructor,toString\n1,2\n", z.object({ constructor: z.string(), toString: z.string() }), { aliases: {} });
    expect(rows(r.table)).toEqual([{ constructor: "1", toString: "2" }]);
  });

  it("gives a header to the field of that name before any other field's alias", () => {
    const S = z.object({ a: z.string(), b: z.string() });
    expect(rows(parseCsv("a,b\n1,2\n", S, { aliases: { a: ["b"] } }).table)).toEqual([{ a: "1", b: "2" }]);
  });

  it("rejects aliases that are not arrays of header names", () => {
    const e = thrown(() => parseCsv("x\n1\n", z.object({ a: z.string() }), { aliases: { a: "xy" as unknown as string[] } }));
    expect(e.code).toBe("invalid-options");
  });
});
