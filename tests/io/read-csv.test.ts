import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, readCsv } from "../../src/io";
import { fixture, rows } from "./helpers";

const S = z.object({ id: z.string(), name: z.string().optional(), n: z.number().optional() });

const noMessage = ({ message: _m, ...rest }: { message: string }) => rest;

function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe("readCsv", () => {
  it("gives the same result as parseCsv however the bytes are cut into chunks (property)", async () => {
    const text = '\uFEFFid,name,n\r\n1,"a, ""b""\r\nc",3.5\r\n2,Zoë,\r\n\r\n3,"",x\n4,😀,1e2\r\n5,"unterminated';
    const bytes = new TextEncoder().encode(text);
    const whole = parseCsv(bytes, S);
    expect(whole.counts).toEqual({ read: 5, kept: 3, rejected: 2, byRule: { "invalid-type": 1, "unclosed-quote": 1 } });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const r = await readCsv(cut(bytes, cuts), S);
        expect(rows(r.table)).toEqual(rows(whole.table));
        expect(r.rejects.map(noMessage)).toEqual(whole.rejects.map(noMessage));
        expect(r.counts).toEqual(whole.counts);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("reads one byte at a time", async () => {
    const bytes = fixture("quoted-newlines.csv");
    const r = await readCsv(Array.from(bytes, (b) => new Uint8Array([b])), z.object({ id: z.int(), name: z.string().optional(), note: z.string().optional() }));
    expect(rows(r.table)[0]).toEqual({ id: 1, name: "Ama, Kofi", note: "line one\nline two" });
  });

  it("reads a string, a Uint8Array, an async iterable and a ReadableStream alike", async () => {
    const text = "id,n\na,1\nb,2\n";
    const bytes = new TextEncoder().encode(text);
    async function* gen() {
      yield bytes.subarray(0, 5);
      yield bytes.subarray(5);
    }
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, 7));
        c.enqueue(bytes.subarray(7));
        c.close();
      },
    });
    const expected = [{ id: "a", name: null, n: 1 }, { id: "b", name: null, n: 2 }];
    for (const input of [text, bytes, gen(), stream]) expect(rows((await readCsv(input, S)).table)).toEqual(expected);
  });

  it("reads Node Buffers (a Uint8Array subclass) as it reads plain Uint8Arrays, mixed in one input", async () => {
    const bytes = new TextEncoder().encode('id,name,n\na,"x\ny",1\nb,Zoë,2\nc,,3\n');
    const mixed = [Buffer.from(bytes.subarray(0, 9)), bytes.subarray(9, 14), Buffer.from(bytes.subarray(14, 30)), bytes.subarray(30)];
    const r = await readCsv(mixed, S);
    expect(rows(r.table)).toEqual(rows(parseCsv(bytes, S).table));
    expect(r.counts.kept).toBe(3);
  });

  it("reports progress in rows and bytes", async () => {
    const seen: { rows: number; bytes: number }[] = [];
    const bytes = new TextEncoder().encode("id\na\nb\nc\n");
    await readCsv([bytes.subarray(0, 5), bytes.subarray(5)], S, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ rows: 3, bytes: bytes.length });
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it("rejects with EmisInputError for an unsupported input", async () => {
    await expect(readCsv(42 as unknown as string, S)).rejects.toMatchObject({ code: "invalid-input" });
    await expect(readCsv(["id\n" as unknown as Uint8Array], S)).rejects.toMatchObject({ code: "invalid-input" });
  });
});
