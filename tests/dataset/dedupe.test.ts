import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distinct } from "../../src/dataset/internal/dedupe";

describe("distinct", () => {
  it("says whether a text repeats exactly as a Set does (short texts from a small alphabet: many repeats and hash collisions)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "b", "\u0000", "é", "\uFEFF"), maxLength: 3 }), { maxLength: 60 }), (texts) => {
        expect(distinct(texts)).toBe(new Set(texts).size === texts.length);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the one repeat among 200,000 ids", () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `P${i}`);
    expect(distinct(ids)).toBe(true);
    ids[150_000] = "P7";
    expect(distinct(ids)).toBe(false);
  });
});
