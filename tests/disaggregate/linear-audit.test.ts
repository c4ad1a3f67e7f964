import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pinnedCells } from "../../src/disaggregate/internal/linear-audit";

type Relation = { parent: number; children: number[] };

/**
 * Reference: is e_h in the row space of the equations over the unknown cells? Exact
 * rational elimination with BigInt fractions (rank of the rows, and of the rows with
 * e_h added).
 */
function pinnedExact(relations: Relation[], unknown: (c: number) => boolean, cells: number): number[] {
  const rows: bigint[][] = [];
  for (const { parent, children } of relations) {
    const row = new Array<bigint>(cells).fill(0n);
    if (unknown(parent)) row[parent] += 1n;
    for (const c of children) if (unknown(c)) row[c] -= 1n;
    if (row.some((v) => v !== 0n)) rows.push(row);
  }
  const rank = (m: bigint[][]) => {
    const a = m.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < cells && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && row[c] !== 0n);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p], a[r]];
      for (let i = 0; i < a.length; i++) {
        if (i === r || a[i][c] === 0n) continue;
        const f = a[i][c];
        const g = a[r][c];
        for (let k = 0; k < cells; k++) a[i][k] = a[i][k] * g - a[r][k] * f;
      }
      r++;
    }
    return r;
  };
  const base = rank(rows);
  const out: number[] = [];
  for (let h = 0; h < cells; h++) {
    if (!unknown(h)) continue;
    const e = new Array<bigint>(cells).fill(0n);
    e[h] = 1n;
    if (rank([...rows, e]) === base) out.push(h);
  }
  return out;
}

describe("exact-disclosure audit", () => {
  it("finds a school that is the total minus a dzongkhag minus a location (hand derivation)", () => {
    // cells: 0-4 schools S0..S4 (all hidden); 5 total, 6 paro = S2 + S4, 7 remote = S1 + S3,
    // 8 haa = S0 + S3, 9 urban = S0 + S4 (8 and 9 hidden). Published: total, paro, remote.
    // S0 = total − paro − remote; no other school is fixed (S1..S4 move in pairs).
    const relations: Relation[] = [
      { parent: 5, children: [0, 1, 2, 3, 4] },
      { parent: 6, children: [2, 4] },
      { parent: 7, children: [1, 3] },
      { parent: 8, children: [0, 3] },
      { parent: 9, children: [0, 4] },
    ];
    const hidden = new Set([0, 1, 2, 3, 4, 8, 9]);
    expect(pinnedCells(relations, (c) => hidden.has(c), (c) => hidden.has(c))).toEqual([0]);
    // hide paro too: S0 is free again (S2 + S4 unknown)
    hidden.add(6);
    expect(pinnedCells(relations, (c) => hidden.has(c), (c) => hidden.has(c))).toEqual([]);
  });

  it("treats an unpublished common total as unknown: Σ dzongkhags = Σ locations pins a lone hidden location", () => {
    // 0 haa, 1 paro (published), 2 remote (hidden), 3 rural, 4 urban (published), 5 the
    // unpublished total: remote = haa + paro − rural − urban.
    const relations: Relation[] = [
      { parent: 5, children: [0, 1] },
      { parent: 5, children: [2, 3, 4] },
    ];
    const unknown = (c: number) => c === 2 || c === 5;
    expect(pinnedCells(relations, unknown, (c) => c === 2)).toEqual([2]);
    // a second hidden location leaves each free
    const two = (c: number) => c === 2 || c === 3 || c === 5;
    expect(pinnedCells(relations, two, (c) => c === 2 || c === 3)).toEqual([]);
  });

  it("agrees with exact rational elimination on random systems of sums (property)", () => {
    const system = fc.record({
      cells: fc.integer({ min: 3, max: 14 }),
      rels: fc.array(fc.record({ parent: fc.nat(), children: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 12 }),
      hiddenMask: fc.nat(),
    });
    fc.assert(
      fc.property(system, ({ cells, rels, hiddenMask }) => {
        const relations = rels.map((r) => ({ parent: r.parent % cells, children: [...new Set(r.children.map((c) => c % cells))].filter((c) => c !== r.parent % cells) })).filter((r) => r.children.length > 0);
        const unknown = (c: number) => ((hiddenMask >> c) & 1) === 1;
        const got = pinnedCells(relations, unknown, unknown);
        const want = pinnedExact(relations, unknown, cells).filter((c) => relations.some((r) => r.parent === c || r.children.includes(c)));
        expect(got).toEqual(want);
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
