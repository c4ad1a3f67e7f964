import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FactTable } from "../../src/dataset/fact-table";
import type { Filter } from "../../src/models/filter";
import { filterMask } from "../../src/disaggregate/internal/filter-mask";
import { checkFilter, filterSubset, inlineFilter, type Bind } from "../../src/disaggregate/internal/inline-filter";

/** A fact with a dimension `g` (codes g0–g2 and unknown) and measures x (0/1/2/NaN) and y (−1.5…3/NaN). */
function fact(rows: Array<{ g: number; x: number; y: number }>): FactTable {
  return {
    name: "f",
    length: rows.length,
    dims: { g: { codes: Uint32Array.from(rows.map((r) => r.g)), dictionary: ["g0", "g1", "g2", "unknown"] } },
    measures: { x: Float64Array.from(rows.map((r) => r.x)), y: Float64Array.from(rows.map((r) => r.y)) },
  };
}

/** Evaluates an inline filter row by row, as the kernel does. */
function evaluate(f: FactTable, filter: Filter): Uint8Array {
  const inline = inlineFilter(f, filter)!;
  const args: unknown[] = [];
  const bind: Bind = (prefix, v) => {
    args.push(v);
    return `A[${args.length - 1}]`;
  };
  const test = new Function("A", "i", `return ${inline.expr(bind)};`) as (A: unknown[], i: number) => boolean;
  return Uint8Array.from({ length: f.length }, (_, i) => (test(args, i) ? 1 : 0));
}

const value = fc.oneof(fc.constantFrom(0, 1, 2, -1.5, 3), fc.constantFrom("g0", "g1", "g2", "1", "x"));
const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ eq: fc.tuple(fc.constantFrom("g", "x", "y"), value) }),
  fc.record({ ne: fc.tuple(fc.constantFrom("g", "x", "y"), value) }),
  fc.record({ in: fc.tuple(fc.constantFrom("g", "x", "y"), fc.array(value, { maxLength: 4 })) }),
  fc.record({ gt: fc.tuple(fc.constantFrom("x", "y"), fc.constantFrom(0, 1, -1.5)) }),
  fc.record({ ge: fc.tuple(fc.constantFrom("x", "y"), fc.constantFrom(0, 1, -1.5)) }),
  fc.record({ lt: fc.tuple(fc.constantFrom("x", "y"), fc.constantFrom(0, 1, -1.5)) }),
  fc.record({ le: fc.tuple(fc.constantFrom("x", "y"), fc.constantFrom(0, 1, -1.5)) }),
) as fc.Arbitrary<Filter>;
const filter: fc.Arbitrary<Filter> = fc.letrec((tie) => ({
  f: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.record({ and: fc.array(tie("f"), { maxLength: 3 }) }), fc.record({ or: fc.array(tie("f"), { maxLength: 3 }) }), fc.record({ not: tie("f") })),
})).f as fc.Arbitrary<Filter>;
const rows = fc.array(fc.record({ g: fc.integer({ min: 0, max: 3 }), x: fc.constantFrom(0, 1, 2, Number.NaN), y: fc.constantFrom(-1.5, 0, 1, 3, Number.NaN) }), { maxLength: 60 });

describe("inlineFilter (filters evaluated inside the generated kernel)", () => {
  it("selects exactly the rows filterMask selects: dimensions, measures, NaN, and/or/not (property)", () => {
    fc.assert(
      fc.property(rows, filter, (r, flt) => {
        const f = fact(r);
        expect(evaluate(f, flt)).toEqual(filterMask(f, flt, "t"));
      }),
      { numRuns: 400 },
    );
  });

  it("filterSubset answers as the masks do (property)", () => {
    fc.assert(
      fc.property(rows, fc.option(filter, { nil: undefined }), filter, (r, a, b) => {
        const f = fact(r);
        const ma = a ? filterMask(f, a, "t") : null;
        const mb = filterMask(f, b, "t");
        const expected = Array.from({ length: f.length }, (_, i) => (ma ? ma[i] : 1) <= mb[i]).every(Boolean);
        expect(filterSubset(f.length, a ? inlineFilter(f, a) : null, inlineFilter(f, b)!)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("a NaN constant in eq matches unknown values, as filterMask's Set.has does", () => {
    const f = fact([{ g: 0, x: Number.NaN, y: 0 }, { g: 0, x: 1, y: 0 }]);
    expect([...evaluate(f, { eq: ["x", "not a number"] })]).toEqual([1, 0]);
    expect([...filterMask(f, { eq: ["x", "not a number"] }, "t")]).toEqual([1, 0]);
  });

  it("checkFilter throws filterMask's errors without reading rows", () => {
    const f = fact([{ g: 0, x: 1, y: 1 }]);
    expect(() => checkFilter(f, { eq: ["nope", 1] }, "t")).toThrowError(/filter field nope is not a dimension or measure/);
    expect(() => checkFilter({ ...f, codeLists: { g: ["g0", "g1"] } }, { eq: ["g", "g9"] }, "t")).toThrowError(/not a code of g/);
    expect(() => checkFilter(f, { gt: ["g", 1] }, "t")).toThrowError(/filter field g/);
  });

  it("binds values instead of writing them into the source", () => {
    const f = fact([{ g: 0, x: 1, y: 1 }]);
    const source = inlineFilter(f, { or: [{ eq: ["g", "g1\"); alert(1); (\""] }, { gt: ["y", 2] }] })!.expr((p) => p);
    expect(source).not.toMatch(/alert|g1|2/);
  });
});
