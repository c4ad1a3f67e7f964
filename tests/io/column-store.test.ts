import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readCsv, readCsvChunks } from "../../src/io";
import { fit, nextCapacity } from "../../src/io/internal/column-store";
import { CsvRun } from "../../src/io/internal/csv-run";
import type { CodeColumn, NumberColumn } from "../../src/models/columns";
import { rows } from "./helpers";

// 70,000 rows: past the first column capacity (65,536 rows) and past the 65,536 short
// values the exact-key map holds, with ids ending in digits (the dictionary's
// sequential-id hash) and one value per row in every id column.
const N = 70_000;
const pad = (i: number) => String(i).padStart(5, "0");
const text = "pupil_id,code,grade,n\n" + Array.from({ length: N }, (_, i) => `P${i + 1},A${pad(i)},G${1 + (i % 3)},${i % 7 === 0 ? "" : i / 4}`).join("\n") + "\n";
const S = z.object({ pupil_id: z.string().min(2), code: z.string(), grade: z.enum(["G1", "G2", "G3"]), n: z.number().optional() });

function chunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let s = 0; s < bytes.length; s += size) out.push(bytes.subarray(s, s + size));
  return out;
}

describe("column storage of the readers", () => {
  it("reads many rows the same whole, streamed without a size, and in chunks", async () => {
    const bytes = new TextEncoder().encode(text);
    const whole = parseCsv(bytes, S);
    expect(whole.counts).toEqual({ read: N, kept: N, rejected: 0, byRule: {} });
    const id = whole.table.columns.pupil_id as CodeColumn;
    const code = whole.table.columns.code as CodeColumn;
    const n = whole.table.columns.n as NumberColumn;
    expect([id.codes.length, code.codes.length, n.values.length]).toEqual([N, N, N]);
    expect(id.dictionary).toEqual(Array.from({ length: N }, (_, i) => `P${i + 1}`));
    expect(code.dictionary[N - 1]).toBe(`A${pad(N - 1)}`);
    expect(Array.from(code.codes)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect([n.values[7], n.values[8], n.values[N - 1]]).toEqual([NaN, 2, (N - 1) / 4]);

    const streamed = await readCsv(chunks(bytes, 997), S);
    expect(rows(streamed.table)).toEqual(rows(whole.table));
    expect((streamed.table.columns.n as NumberColumn).values.length).toBe(N);

    const parts: Record<string, unknown>[] = [];
    const lengths: number[] = [];
    for await (const c of readCsvChunks(chunks(bytes, 4096), S, { chunkRows: 30_000 })) {
      lengths.push(c.table.length);
      parts.push(...rows(c.table));
    }
    expect(lengths).toEqual([30_000, 30_000, 10_000]);
    expect(parts).toEqual(rows(whole.table));
  });

  it("tells ids apart that differ only in leading zeros, and finds repeats among many ids", () => {
    const ids = ["P1", "P01", "P001", "P10", "Q1", "P1", "1", "01", "P01"];
    const r = parseCsv("id\n" + ids.join("\n") + "\n", z.object({ id: z.string() }), { unique: ["id"] });
    expect(rows(r.table).map((x) => x.id)).toEqual(["P1", "P01", "P001", "P10", "Q1", "1", "01"]);
    expect(r.rejects.map((i) => [i.row, i.value])).toEqual([[6, "P1"], [9, "P01"]]);
    const many = Array.from({ length: 3 * N }, (_, i) => `P${i % N}`);
    const m = parseCsv("id\n" + many.join("\n") + "\n", z.object({ id: z.string() }), { unique: ["id"] });
    expect(m.counts).toMatchObject({ kept: N, rejected: 2 * N });
  });

  it("fit returns the column itself, a view of big columns, and an exact copy of small wasteful ones", () => {
    const full = new Float64Array(10);
    expect(fit(full, 10)).toBe(full);
    const small = new Float64Array(1 << 18); // 2 MB, 5 rows used
    small[4] = 7;
    const copy = fit(small, 5);
    expect([copy.length, copy.buffer.byteLength, copy[4]]).toEqual([5, 40, 7]);
    const big = new Uint32Array(5 << 20); // 20 MB, 4.5M rows used: a view
    const view = fit(big, 9 << 19);
    expect(view.length).toBe(9 << 19);
    expect(view.buffer).toBe(big.buffer);
  });

  it("grows capacity 16-fold up to 16M rows, then 2-fold", () => {
    expect([nextCapacity(1 << 16), nextCapacity(1 << 20), nextCapacity(1 << 24)]).toEqual([1 << 20, 1 << 24, 1 << 25]);
  });
});

describe("generated and generic row scanners", () => {
  it("read a file wider than the generated scanner takes (64 columns) as they read it narrow", () => {
    const S = z.object({ id: z.string(), sex: z.enum(["f", "m"]), n: z.int().min(0) });
    const body = [["a", "f", "1"], ["b", "x", "2"], ["c", "m", "-3"], ['"d,e"', "m", "4"], ["f", "f", ""]];
    const narrow = parseCsv("id,sex,n\n" + body.map((r) => r.join(",")).join("\n") + "\n", S);
    const pad = Array.from({ length: 70 }, (_, i) => `x${i}`);
    const wide = parseCsv(
      [...pad.slice(0, 35), "id", "sex", ...pad.slice(35), "n"].join(",") + "\n" +
        body.map(([id, sex, n]) => [...pad.slice(0, 35), id, sex, ...pad.slice(35), n].join(",")).join("\n") + "\n",
      S,
    );
    expect(narrow.counts).toEqual({ read: 5, kept: 2, rejected: 3, byRule: { "invalid-value": 1, "too-small": 1, required: 1 } });
    expect(rows(wide.table)).toEqual(rows(narrow.table));
    const noMessage = ({ message: _m, ...rest }: { message: string }) => rest;
    expect(wide.rejects.map(noMessage)).toEqual(narrow.rejects.map(noMessage));
  });
});

describe("the generated row scanner", () => {
  const S = z.object({ id: z.string(), sex: z.enum(["female", "male"]).optional(), n: z.int().min(0).max(99).optional(), x: z.number().optional(), code: z.string().max(8) });
  const header = "id,sex,skip,n,x,code";
  const cell = fc.constantFrom("", "a", "P17", "P000123", "female", "male", "f", "0", "7", "99", "100", "-1", "2.5", "1e3", "3.", " 4", '"q,1"', '"a""b"', "abcdefghij", "Zoë", "S00017");
  const ending = fc.constantFrom("\n", "\r\n", "\r", "\n\n");
  const likely = [["a", "P17", "P000123", '"q,1"'], ["female", "male", ""], ["", "Zoë", "x"], ["0", "7", "99", ""], ["2.5", "", "1e3", "-0"], ["S00017", "a", ""]];
  const sixCells = fc.tuple(...likely.map((values) => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: cell })));
  const cells = fc.oneof({ weight: 4, arbitrary: sixCells.map((c) => [...c]) }, { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 8 }) });
  const record = fc.tuple(cells, ending).map(([c, end]) => c.join(",") + end);

  /** Read `text` after the header with the generated scanner switched off (generic only). */
  function generic(text: string) {
    const run = new CsvRun("parseCsv", S, {});
    run.push(new TextEncoder().encode(header + "\n"));
    (run.scanner as unknown as { compiled: unknown }).compiled = null;
    run.push(new TextEncoder().encode(text));
    run.finish();
    return run.result();
  }

  it("reads any rows (short, long, quoted, CR, CRLF, blank lines) as the generic scanner does (property)", () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), (records) => {
        const text = records.join("");
        const a = parseCsv(header + "\n" + text, S);
        const b = generic(text);
        expect(rows(a.table)).toEqual(rows(b.table));
        expect(a.rejects).toEqual(b.rejects);
        expect(a.counts).toEqual(b.counts);
        kept += a.counts.kept;
      }),
      { numRuns: 300 },
    );
    expect(kept).toBeGreaterThan(100);
  }, 60_000);
});
