import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileChecks, parseCsv } from "../../src/io";
import { rows } from "./helpers";

const Schema = z.object({
  code: z.string().min(2).max(5),
  pattern: z.string().regex(/^[A-Z]\d+$/).optional(),
  exact: z.string().length(3).nullable(),
  count: z.number().int().min(-5).max(10),
  share: z.number().gt(0).lt(1).optional(),
  half: z.coerce.number().multipleOf(0.5).default(1),
  small: z.int32().optional(),
  sex: z.enum(["f", "m", "u"]),
  x: z.literal("x").nullable(),
  flag: z.boolean().optional(),
  level: z.union([z.literal(1), z.literal(2)]).optional(),
  kind: z.union([z.enum(["a", "b"]), z.literal("c")]).optional(),
});
const names = Object.keys(Schema.shape);
const fields = compileChecks(Schema).fields;

/** The documented coercion of CSV text, written independently of the byte reader. */
function coerce(name: string, raw: string): unknown {
  const f = fields.find((g) => g.name === name)!;
  // every cell loses the spaces and tabs around it; one of them only is empty
  const text = raw.replace(/^[ \t]+|[ \t]+$/g, "");
  if (text === "") return f.emptyOk && !f.required ? undefined : f.emptyOk ? null : undefined;
  if (f.kind === "number") return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (f.kind === "boolean") {
    const t = text.toLowerCase();
    return ["true", "yes", "1"].includes(t) ? true : ["false", "no", "0"].includes(t) ? false : text;
  }
  return text;
}

const interesting = fc.constantFrom(
  "", "0", "1", "2", "-5", "-6", "10", "11", "0.5", "1.5", "0.25", " 3 ", "+4", "1e1", "1e400", "-0", ".5", "5.", "abc",
  "f", "m", "u", "F", "x", "X", "a", "b", "c", "true", "FALSE", "Yes", "no", "maybe",
  "A1", "B22", "a1", "ab", "abcde", "abcdef", "😀😀", "Zoë", "é", "2147483647", "2147483648", "9007199254740993", "1,5",
  " m", "abc\t", "  ", " yes ", "\tA1", "\t5", "7\t", " \t ",
);
const cell = fc.oneof(
  { weight: 5, arbitrary: interesting },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }).map((s) => s.replace(/\0/g, "")) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 20 }).map(String) },
);

/** Values that usually pass each field, so that many generated rows are kept. */
const likely: Record<string, string[]> = {
  code: ["ab", "abc", "abcde"], pattern: ["A1", "Z99", ""], exact: ["abc", "", "Zoë"], count: ["0", "-5", "10", " 7 "],
  share: ["0.5", "", ".25"], half: ["1.5", "", "-2"], small: ["", "3", "2147483647"], sex: ["f", "m", "u"], x: ["x", ""],
  flag: ["yes", "0", "TRUE", ""], level: ["1", "2", ""], kind: ["a", "c", ""],
};
const row = fc.tuple(...names.map((n) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...likely[n]) }, { weight: 1, arbitrary: cell })));

function quote(text: string, force: boolean): string {
  return force || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What a kept row looks like in the table (missing: null; booleans as their code text). */
function stored(v: unknown): unknown {
  return v === undefined || v === null ? null : typeof v === "boolean" ? String(v) : v;
}

describe("compileChecks", () => {
  it("accepts and rejects exactly what safeParse does on the coerced cells (property)", () => {
    let keptTotal = 0;
    let rejectedTotal = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(row, fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length })), { minLength: 1, maxLength: 20 }), (records) => {
        const text = names.join(",") + "\n" + records.map(([cells, q]) => cells.map((c, i) => quote(c, q[i])).join(",")).join("\r\n") + "\n";
        const r = parseCsv(text, Schema);
        expect(r.counts.read).toBe(records.length);
        expect(r.counts.read).toBe(r.counts.kept + r.counts.rejected);
        const kept: unknown[] = [];
        records.forEach(([cells], i) => {
          const input = Object.fromEntries(names.map((n, k) => [n, coerce(n, cells[k])]));
          const z = Schema.safeParse(input);
          const issues = r.rejects.filter((x) => x.row === i + 1);
          if (z.success) {
            expect(issues).toEqual([]);
            kept.push(Object.fromEntries(names.map((n) => [n, stored((z.data as Record<string, unknown>)[n])])));
          } else {
            expect(new Set(issues.map((x) => x.column))).toEqual(new Set(z.error.issues.map((x) => x.path[0])));
          }
        });
        expect(rows(r.table)).toEqual(kept);
        keptTotal += kept.length;
        rejectedTotal += r.counts.rejected;
      }),
      { numRuns: 300 },
    );
    // both outcomes are exercised
    expect(keptTotal).toBeGreaterThan(50);
    expect(rejectedTotal).toBeGreaterThan(100);
  }, 60_000);

  it("compiles kinds, required columns and rules from the schema", () => {
    expect(fields.map((f) => [f.name, f.kind, f.required, f.emptyOk])).toEqual([
      ["code", "code", true, false],
      ["pattern", "code", false, true],
      ["exact", "code", true, true],
      ["count", "number", true, false],
      ["share", "number", false, true],
      ["half", "number", false, true],
      ["small", "number", false, true],
      ["sex", "code", true, false],
      ["x", "code", true, true],
      ["flag", "boolean", false, true],
      ["level", "number", false, true],
      ["kind", "code", false, true],
    ]);
    expect(fields.find((f) => f.name === "count")!.rule).toBe("a number, an integer, ≥ -5, ≤ 10");
  });

  it("throws EmisDefinitionError naming the field for unsupported zod types", () => {
    const bad = [
      z.object({ when: z.date() }),
      z.object({ tags: z.array(z.string()) }),
      z.object({ n: z.number().refine((v) => v > 1) }),
      z.object({ s: z.string().trim() }),
      z.object({ mix: z.union([z.literal("a"), z.literal(1)]) }),
      z.object({ b: z.coerce.boolean() }),
      z.object({ u: z.union([z.string(), z.number()]) }),
    ];
    for (const s of bad) {
      let err: unknown;
      try {
        compileChecks(s);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ name: "EmisDefinitionError", code: "unsupported-schema", details: { field: Object.keys(s.shape)[0] } });
    }
    expect(() => compileChecks(z.object({ when: z.date() }))).toThrowErrorMatchingInlineSnapshot(`[EmisDefinitionError: compileChecks cannot read field "when": z.date is not supported. Use z.string, z.number, z.boolean, z.enum, z.literal or a union of enums/literals, optionally wrapped in optional, nullable or default]`);
  });
});
