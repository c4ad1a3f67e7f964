import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readCsv } from "../../src/io";
import { rows } from "./helpers";

/*
 * The generated scanner against a plain reference: records split by RFC 4180 (quotes,
 * doubled quotes, CR, LF or CRLF outside quotes; blank records skipped), then each
 * field checked by the rule below. Random files mix short and long ids (the first
 * 7-byte id arrives after many short ones, as in real files), non-ASCII text, quoted
 * cells holding delimiters, quotes and line breaks, empty and invalid cells, rows
 * with a wrong number of cells, a BOM and all three line ends; read whole and in
 * random chunks.
 */

const CATS = ["a", "bé", "long-value-x"] as const;
const S = z.object({
  id: z.string().min(1).max(12),
  cat: z.enum(CATS),
  n: z.number().min(-1000).max(1000).optional(),
  flag: z.boolean().optional(),
  name: z.string().max(5).optional(),
});
const HEADER = "id,cat,n,flag,name";

const idCell = fc.oneof(fc.integer({ min: 1, max: 99 }).map((i) => `P${i}`), fc.integer({ min: 100_000, max: 100_050 }).map((i) => `P${i}`), fc.constantFrom("", "ÿd", "X\"1", "a,b", "toolongid0000"));
const catCell = fc.constantFrom("a", "bé", "long-value-x", "c", "");
const nCell = fc.constantFrom("", "12", "-3.5", "0.25", "1000", "5000", "abc", "1.2.3", "-", "7");
const flagCell = fc.constantFrom("", "true", "false", "yes", "No", "1", "0", "maybe");
const nameCell = fc.constantFrom("", "Zoë", "😀😀", "abcdef", "x\ny", "q\"q", "r\r\ns", "a,b");
const record = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(idCell, catCell, nCell, flagCell, nameCell) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("P1", "a", "3"), { minLength: 1, maxLength: 6 }).filter((r) => r.length !== 5) },
);
const file = fc.record({
  bom: fc.boolean(),
  records: fc.array(fc.tuple(record, fc.constantFrom("\n", "\r\n", "\r"), fc.boolean(), fc.boolean()), { maxLength: 40 }),
  lastBreak: fc.boolean(),
});

const quote = (v: string, force: boolean) => (force || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function render(f: { bom: boolean; records: [string[], string, boolean, boolean][]; lastBreak: boolean }): string {
  let out = `${f.bom ? "\uFEFF" : ""}${HEADER}\n`;
  f.records.forEach(([cells, end, forceQuotes, blank], i) => {
    out += cells.map((c) => quote(c, forceQuotes)).join(",");
    if (i < f.records.length - 1 || f.lastBreak) out += end;
    if (blank && i < f.records.length - 1) out += "\n";
  });
  return out;
}

/** RFC 4180 records of `text` (header included), blank records left out. */
function records(text: string): string[][] {
  const out: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) out.push(cells);
    cells = [];
    cell = "";
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return out;
}

const codePoints = (s: string) => [...s].length;

/** The row as the reader should keep it, or null when it must be rejected. */
function expected(cells: string[]): Record<string, string | number | null> | null {
  if (cells.length !== 5) return null;
  const [id, cat, n, flag, name] = cells;
  if (codePoints(id) < 1 || codePoints(id) > 12) return null;
  if (!(CATS as readonly string[]).includes(cat)) return null;
  if (n !== "" && !(/^-?\d+(\.\d+)?$/.test(n) && Math.abs(Number(n)) <= 1000)) return null;
  const b = flag.toLowerCase();
  const truthy = ["true", "yes", "1"].includes(b);
  if (flag !== "" && !truthy && !["false", "no", "0"].includes(b)) return null;
  if (codePoints(name) > 5) return null;
  return { id, cat, n: n === "" ? null : Number(n), flag: flag === "" ? null : truthy ? "true" : "false", name: name === "" ? null : name };
}

describe("compileScanner (the generated row scanner)", () => {
  it("keeps and rejects the rows a plain RFC 4180 split and the field rules do, whole or in chunks (property)", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async (f, cuts) => {
        const text = render(f);
        const data = records(text).slice(1);
        const want = data.map(expected);
        const r = parseCsv(text, S);
        expect(r.counts.read).toBe(data.length);
        expect(r.counts.read).toBe(r.counts.kept + r.counts.rejected);
        expect(rows(r.table)).toEqual(want.filter((x) => x !== null));
        expect([...new Set(r.rejects.map((i) => i.row))]).toEqual(want.flatMap((x, i) => (x === null ? [i + 1] : [])));
        const bytes = new TextEncoder().encode(text);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [...at, bytes.length].map((c, k) => bytes.subarray(k === 0 ? 0 : at[k - 1], c));
        const streamed = await readCsv(chunks, S);
        expect(rows(streamed.table)).toEqual(rows(r.table));
        expect(streamed.counts).toEqual(r.counts);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("reads 7-byte ids arriving after 100,000 shorter ones, and ids repeated later, as first seen", () => {
    const n = 120_000;
    let text = "id,cat\n";
    for (let i = 0; i < n; i++) text += `P${i},a\n`;
    for (let i = 0; i < n; i += 997) text += `P${i},bé\n`;
    const r = parseCsv(text, S);
    expect(r.counts).toEqual({ read: n + Math.ceil(n / 997), kept: n + Math.ceil(n / 997), rejected: 0, byRule: {} });
    const id = r.table.columns.id;
    if (id.kind !== "code") throw new Error("id is a code column");
    expect(id.dictionary.length).toBe(n);
    expect(id.dictionary[99_999]).toBe("P99999");
    expect(id.dictionary[100_000]).toBe("P100000");
    expect(Array.from(id.codes.subarray(n, n + 3))).toEqual([0, 997, 1994]);
  });
});
