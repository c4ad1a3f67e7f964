import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { RowMeta } from "../../src/disaggregate/internal/suppress";
import { groupKeys } from "../../src/disaggregate/internal/suppress-equations";
import type { IndicatorDefinition } from "../../src/models/indicator";

// Suppression identifies a cell by its grouping set and its codes on that set's
// dimensions. The numeric keys (mixed radix) and the text keys (`set:code,code`, used
// past 2^53 combinations) must make exactly the same cells and the same parent links.
const sets = [[], ["district"], ["district", "sex"], ["sex", "school"], ["school", "sex", "district"]];
// Two indicators with their dimensions in different orders (each has its own U).
const U1 = ["district", "sex", "school"];
const U2 = ["school", "district", "sex"];
const def = {} as IndicatorDefinition;

const meta = fc.record({
  u: fc.constantFrom(U1, U2),
  set: fc.integer({ min: 0, max: sets.length - 1 }),
  district: fc.integer({ min: 0, max: 3 }),
  sex: fc.integer({ min: 0, max: 2 }),
  school: fc.integer({ min: 0, max: 40 }),
});

function metasOf(rows: Array<{ u: string[]; set: number; district: number; sex: number; school: number }>): RowMeta[] {
  return rows.map((r) => ({ def, set: r.set, U: r.u, codes: r.u.map((d) => r[d as "district" | "sex" | "school"]), x: 0, n: 0, records: 0, excluded: 0 }));
}

/** The group's identity by definition: its set and its codes on the set's dimensions, in set order. */
const identity = (m: RowMeta, si: number) => `${si}:${sets[si].map((d) => m.codes[m.U.indexOf(d)]).join(",")}`;

describe("suppression group keys", () => {
  for (const [mode, limit] of [["numeric", undefined], ["text (beyond the limit)", 0]] as const) {
    it(`${mode}: equal keys exactly for equal groups, and parent keys equal the parent's own key`, () => {
      fc.assert(
        fc.property(fc.array(meta, { minLength: 1, maxLength: 40 }), (rows) => {
          const metas = metasOf(rows);
          const keys = groupKeys(metas, sets, limit);
          for (let i = 0; i < metas.length; i++) {
            expect(keys.text(i)).toBe(identity(metas[i], metas[i].set));
            for (let j = 0; j < metas.length; j++) {
              expect(keys.row(i) === keys.row(j)).toBe(identity(metas[i], metas[i].set) === identity(metas[j], metas[j].set));
              for (let pi = 0; pi < sets.length; pi++) {
                if (!sets[pi].every((d) => sets[metas[i].set].includes(d))) continue;
                expect(keys.parent(i, pi) === keys.row(j)).toBe(identity(metas[i], pi) === identity(metas[j], metas[j].set));
              }
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it("keys are numbers below the limit and text above it", () => {
    const metas = metasOf([{ u: U1, set: 4, district: 3, sex: 2, school: 40 }]);
    expect(typeof groupKeys(metas, sets).row(0)).toBe("number");
    expect(groupKeys(metas, sets, 10).row(0)).toBe("4:40,2,3");
  });
});
