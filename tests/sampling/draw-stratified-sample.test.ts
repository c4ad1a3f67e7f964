import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSample, drawStratifiedSample } from "../../src/sampling";

const frame = Object.freeze(
  Array.from({ length: 30 }, (_, i) => Object.freeze({ id: i, type: i < 20 ? "primary" : i < 27 ? "middle" : "higher" })),
);

describe("drawStratifiedSample", () => {
  it("drawStratifiedSample takes n_h rows from each stratum with weight N_h/n_h and fpc N_h", () => {
    const s = drawStratifiedSample(frame, { strata: "type", n: { primary: 4, middle: 2, higher: 3 }, seed: 11 });
    const count = (t: string) => s.filter((d) => d.stratum === t).length;
    expect([count("primary"), count("middle"), count("higher")]).toEqual([4, 2, 3]);
    // 20/4 = 5, 7/2 = 3.5, 3/3 = 1 (a census of the stratum).
    expect(s.find((d) => d.stratum === "primary")?.weight).toBe(5);
    expect(s.find((d) => d.stratum === "middle")?.weight).toBe(3.5);
    expect(s.filter((d) => d.stratum === "higher").map((d) => d.index)).toEqual([27, 28, 29]);
    expect(s.every((d) => d.row === frame[d.index])).toBe(true);
    expect(s.find((d) => d.stratum === "middle")?.fpc).toBe(7);
  });

  it("drawStratifiedSample is reproducible by seed and differs across seeds", () => {
    const a = drawStratifiedSample(frame, { strata: "type", n: 2, seed: 1 }).map((d) => d.index);
    const b = drawStratifiedSample(frame, { strata: "type", n: 2, seed: 1 }).map((d) => d.index);
    const c = drawStratifiedSample(frame, { strata: "type", n: 2, seed: 2 }).map((d) => d.index);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toEqual([...a].sort((x, y) => x - y));
  });

  it("drawStratifiedSample accepts allocateSample's result and an accessor", () => {
    const allocation = allocateSample([{ id: "primary", N: 20 }, { id: "middle", N: 7 }, { id: "higher", N: 3 }], 10, {
      method: "proportional",
    });
    const s = drawStratifiedSample(frame, { strata: (d) => d.type, n: allocation, seed: 5 });
    expect(s.length).toBe(10);
  });

  it("drawStratifiedSample selects every unit with probability n_h/N_h (seeded frequency check)", () => {
    // 4000 draws of 5 from the 20 primary rows: each row expected 4000 × 5/20 = 1000 times,
    // binomial SD √(4000·0.25·0.75) ≈ 27; allow 5 SD.
    const hits = new Array(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) {
      for (const d of drawStratifiedSample(frame, { strata: "type", n: { primary: 5, middle: 0, higher: 0 }, seed })) hits[d.index]++;
    }
    for (const h of hits) expect(Math.abs(h - 1000)).toBeLessThan(135);
  });

  it("drawStratifiedSample rejects sizes it cannot draw", () => {
    expect(() => drawStratifiedSample(frame, { strata: "type", n: 4, seed: 1 })).toThrow(
      expect.objectContaining({ code: "sample-exceeds-stratum" }),
    );
    expect(() => drawStratifiedSample(frame, { strata: "type", n: { primary: 1 }, seed: 1 })).toThrow(
      expect.objectContaining({ code: "missing-allocation" }),
    );
    expect(() => drawStratifiedSample(frame, { strata: "type", n: { primary: 1, middle: 1, higher: 1, other: 1 }, seed: 1 })).toThrow(
      expect.objectContaining({ code: "unknown-stratum" }),
    );
    expect(() => drawStratifiedSample(frame, { strata: "type", n: 1, seed: 0.5 })).toThrow(expect.objectContaining({ code: "invalid-seed" }));
    expect(() => drawStratifiedSample([{ type: null }], { strata: "type", n: 1, seed: 1 })).toThrow(
      expect.objectContaining({ code: "missing-design-value" }),
    );
  });

  it("drawStratifiedSample weights sum to N_h in every stratum (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 60 }),
        fc.integer(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (labels, seed, share) => {
          const rows = labels.map((s, i) => ({ i, s }));
          const N = new Map<string, number>();
          for (const r of rows) N.set(String(r.s), (N.get(String(r.s)) ?? 0) + 1);
          const n = Object.fromEntries([...N].map(([k, v]) => [k, Math.max(1, Math.floor(share * v))]));
          const sample = drawStratifiedSample(rows, { strata: "s", n, seed });
          for (const [k, v] of N) {
            const sum = sample.filter((d) => d.stratum === k).reduce((t, d) => t + d.weight, 0);
            expect(sum).toBeCloseTo(v, 9);
          }
        },
      ),
    );
  });
});
