import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ByteDictionary, hashCell } from "../../src/io/internal/byte-dictionary";

const enc = new TextEncoder();

/** Adds each value not yet present (code = its first position); returns the slot of every value. */
function fill(dict: ByteDictionary, values: string[], reserveAt = -1, entries = 0): number[] {
  const slots: number[] = [];
  values.forEach((v, i) => {
    if (i === reserveAt) dict.reserve(entries, Math.ceil((dict.arenaUsed / Math.max(1, dict.size)) * entries) + 64);
    const b = enc.encode(v);
    const h = hashCell(b, 0, b.length);
    let slot = dict.find(b, 0, b.length, h);
    if (slot < 0) slot = dict.add(b, 0, b.length, h, i);
    slots.push(slot);
  });
  return slots;
}

describe("ByteDictionary", () => {
  it("finds and numbers values the same whether or not it was sized ahead (reserve, as for an id column)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 3000 }).map((n) => `P${n}`), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\0"))), { minLength: 1, maxLength: 4000 }),
        fc.nat(),
        fc.integer({ min: 0, max: 20000 }),
        (values, at, entries) => {
          const plain = new ByteDictionary();
          const sized = new ByteDictionary();
          const a = fill(plain, values);
          const b = fill(sized, values, at % values.length, entries);
          expect(b).toEqual(a);
          expect(sized.size).toBe(plain.size);
          expect(sized.decodeRange(0, sized.size)).toEqual(plain.decodeRange(0, plain.size));
          expect([...sized.codes.subarray(0, sized.size)]).toEqual([...plain.codes.subarray(0, plain.size)]);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});
