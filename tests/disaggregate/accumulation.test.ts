import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FactTable } from "../../src/dataset/fact-table";
import type { IndicatorDefinition } from "../../src/models/indicator";
import { Accumulation } from "../../src/disaggregate/internal/accumulation";
import { CodeSpace } from "../../src/disaggregate/internal/cells";
import { compileKernel } from "../../src/disaggregate/internal/kernel";

const def = (id: string, statistic: string, num: object, den?: object) =>
  ({ id, name: id, kind: "ratio", unit: "percent", scale: 1, direction: "neutral", statistic, minN: 0, numerator: num, denominator: den }) as unknown as IndicatorDefinition;

/** A fact of `rows` rows with dims a (3 codes), b (2), c (many) and measures x (0/1/NaN), y (0..9/NaN), one (1). */
function fact(name: string, rows: Array<{ a: number; b: number; c: number; x: number; y: number }>, cCodes: number): FactTable {
  const codes = (k: "a" | "b" | "c") => Uint32Array.from(rows.map((r) => r[k]));
  return {
    name,
    length: rows.length,
    dims: {
      a: { codes: codes("a"), dictionary: ["a0", "a1", "a2"] },
      b: { codes: codes("b"), dictionary: ["b0", "b1"] },
      c: { codes: codes("c"), dictionary: Array.from({ length: cCodes }, (_, i) => `c${i}`) },
    },
    measures: {
      x: Float64Array.from(rows.map((r) => r.x)),
      y: Float64Array.from(rows.map((r) => r.y)),
      one: new Float64Array(rows.length).fill(1),
    },
  };
}

const row = fc.record({
  a: fc.integer({ min: 0, max: 2 }),
  b: fc.integer({ min: 0, max: 1 }),
  c: fc.integer({ min: 0, max: 39 }),
  x: fc.constantFrom(0, 1, Number.NaN),
  y: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(Number.NaN)),
});

const defs = [
  def("count", "count", { fact: "f", measure: "one" }),
  def("prop", "proportion", { fact: "f", measure: "x" }, { fact: "f", measure: "one" }),
  def("mean", "mean", { fact: "f", measure: "y" }, { fact: "f", measure: "one", filter: { ge: ["y", 0] } }),
  def("sub", "proportion", { fact: "f", measure: "x", filter: { eq: ["b", "b1"] } }, { fact: "f", measure: "one" }),
  def("cross", "ratio", { fact: "f", measure: "y" }, { fact: "g", measure: "one", filter: { in: ["a", ["a0", "a2"]] } }),
];

function run(f: FactTable, g: FactTable, U: string[][], compiled: boolean) {
  const acc = new Accumulation(new CodeSpace(), compiled);
  const out = defs.flatMap((d) => U.map((u) => ({ d, u, ...acc.add(d, u, d.denominator?.fact === "g" ? [f, g] : d.denominator ? [f, f] : [f]) })));
  acc.run();
  // per group of codes (not per cell index, which may differ between the two paths)
  return out.map(({ d, u, reg, sums }) => {
    const byCodes: Record<string, number[]> = {};
    reg.keys.forEach((k, c) => {
      const v = [sums.num[c], sums.den[c], sums.n[c], sums.nExcluded[c], d.statistic === "mean" ? sums.sumSq[c] : 0];
      if (v.every((x) => x === 0)) return;
      byCodes[reg.decode(k).join(",")] = v;
    });
    return [d.id, u.join("+"), byCodes];
  });
}

describe("Accumulation: generated kernels", () => {
  it("give the same sums as the interpreted loops (property, small and large cell spaces)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.array(row, { maxLength: 30 }), fc.constantFrom(40, 70000), (fr, gr, cCodes) => {
        const f = fact("f", fr, cCodes);
        const g = fact("g", gr, cCodes);
        const U = [[], ["a"], ["a", "b"], ["c", "a"], ["a", "b", "c", "a"].slice(0, 3)];
        expect(run(f, g, U, true)).toEqual(run(f, g, U, false));
      }),
      { numRuns: 30 },
    );
  });

  it("matches a hand count: 2 of 3 known outcomes in cell a0, one NaN excluded", () => {
    const f = fact("f", [
      { a: 0, b: 0, c: 0, x: 1, y: 1 },
      { a: 0, b: 0, c: 0, x: 1, y: 1 },
      { a: 0, b: 1, c: 0, x: 0, y: 1 },
      { a: 0, b: 1, c: 0, x: Number.NaN, y: 1 },
      { a: 1, b: 1, c: 0, x: 0, y: 1 },
    ], 1);
    const acc = new Accumulation(new CodeSpace());
    const { reg, sums } = acc.add(defs[1], ["a"], [f, f]);
    acc.run();
    const a0 = reg.keys.findIndex((k) => reg.decode(k)[0] === 0);
    expect([sums.num[a0], sums.den[a0], sums.n[a0], sums.nExcluded[a0]]).toEqual([2, 3, 3, 1]);
  });

  it("compileKernel binds arrays, never user strings, and fills the targets", () => {
    const num = new Float64Array(2);
    const sums = { num, den: new Float64Array(2), n: new Float64Array(2), nExcluded: new Float64Array(2), sumSq: new Float64Array(2) };
    const k = compileKernel(3, [{ index: 0, cells: Int32Array.from([0, 1, 1]) }], [
      { kind: "side", slot: 0, mask: null, measure: Float64Array.from([5, Number.NaN, 2]), target: num, sums, squares: true, countRecords: true },
    ]);
    k!();
    expect([...num, ...sums.n, ...sums.nExcluded, ...sums.sumSq]).toEqual([5, 2, 1, 1, 0, 1, 25, 4]);
  });
});
