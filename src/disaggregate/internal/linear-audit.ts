/**
 * Exact-disclosure audit: which hidden cells the published equations pin down.
 *
 * Each equation parent = sum of children is a row over the unknown cells (hidden cells
 * and unpublished common totals; published cells are constants). A hidden cell is
 * determined when its unit vector lies in the rows' span, whatever the published values:
 * then an intruder gets it by adding and subtracting published figures, however many
 * equations that takes (a hidden school = total − a dzongkhag − a location, when the
 * school is the only one in neither). Rows are kept in reduced row echelon form, where
 * that test is: the cell is a pivot and its row has no other entry.
 *
 * Arithmetic is modulo the prime 2^26 − 5, so products stay exact in doubles; the
 * coefficients of sums of counts are small integers, so a combination that vanishes
 * modulo the prime but not over the rationals would need a coefficient that is a
 * multiple of it.
 */
export const P = 67108859;

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

function inverse(a: number): number {
  // Fermat: a^(P-2)
  let result = 1;
  let base = a % P;
  let e = P - 2;
  while (e > 0) {
    if (e & 1) result = mulMod(result, base);
    base = mulMod(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** Sparse rows over unknowns (integer ids), in reduced row echelon form modulo {@link P}. */
export class Echelon {
  /** Pivot unknown → its row (coefficient 1 at the pivot). */
  private readonly rows = new Map<number, Map<number, number>>();
  /** Non-pivot unknown → the pivots whose rows hold it. */
  private readonly holders = new Map<number, Set<number>>();

  /** Adds a row (coefficients modulo P, no zeros); reduces it and keeps the form. */
  add(row: Map<number, number>): void {
    for (const c of [...row.keys()]) {
      const pivotRow = this.rows.get(c);
      const f = row.get(c);
      if (pivotRow === undefined || f === undefined) continue;
      for (const [c2, v2] of pivotRow) {
        const next = ((row.get(c2) ?? 0) - mulMod(f, v2) + P) % P;
        if (next === 0) row.delete(c2);
        else row.set(c2, next);
      }
    }
    if (row.size === 0) return;
    // the unknown held by the fewest rows, to limit fill-in
    let pivot = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (const c of row.keys()) {
      const n = this.holders.get(c)?.size ?? 0;
      if (n < fewest || (n === fewest && c > pivot)) {
        fewest = n;
        pivot = c;
      }
    }
    const inv = inverse(row.get(pivot)!);
    for (const [c, v] of row) row.set(c, mulMod(v, inv));
    // clear the new pivot from the other rows
    const holding = this.holders.get(pivot);
    if (holding) {
      for (const q of holding) {
        const other = this.rows.get(q)!;
        const f = other.get(pivot)!;
        for (const [c, v] of row) {
          const next = ((other.get(c) ?? 0) - mulMod(f, v) + P) % P;
          if (next === 0) {
            other.delete(c);
            if (c !== pivot) this.holders.get(c)?.delete(q);
          } else {
            if (!other.has(c) && c !== q) this.holdersOf(c).add(q);
            other.set(c, next);
          }
        }
      }
      this.holders.delete(pivot);
    }
    this.rows.set(pivot, row);
    for (const c of row.keys()) if (c !== pivot) this.holdersOf(c).add(pivot);
  }

  /** Whether the rows fix the unknown `c` (its unit vector is in their span). */
  determined(c: number): boolean {
    return this.rows.get(c)?.size === 1;
  }

  private holdersOf(c: number): Set<number> {
    let s = this.holders.get(c);
    if (!s) this.holders.set(c, (s = new Set()));
    return s;
  }
}

/**
 * A number as an element of the field modulo {@link P}, exactly: the smallest-denominator
 * continued-fraction convergent p/q (q ≤ 2^21) whose quotient rounds to `w` (a design
 * weight N_h/n_h = 10/3 is 10/3, as an intruder reading the design would take it), else
 * the double's own value m·2^e. Throws on 0, non-finite values and multiples of P.
 */
export function modOf(w: number): number {
  if (!Number.isFinite(w) || w === 0) throw new RangeError(`modOf: ${w} has no inverse`);
  const sign = w < 0 ? -1 : 1;
  const a = Math.abs(w);
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let x = a;
  for (let i = 0; i < 64; i++) {
    const t = Math.floor(x);
    [h0, h1] = [h1, t * h1 + h0];
    [k0, k1] = [k1, t * k1 + k0];
    if (k1 > 2 ** 21 || h1 > Number.MAX_SAFE_INTEGER) break;
    if (h1 / k1 === a) return signed(mulMod(h1 % P, inverse(k1 % P)), sign);
    if (x === t) break;
    x = 1 / (x - t);
  }
  // a = m·2^e with m an integer (fmod of doubles is exact)
  let m = a;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let r = m % P;
  const half = inverse(2);
  for (; e < 0; e++) r = mulMod(r, half);
  if (r === 0) throw new RangeError(`modOf: ${w} is a multiple of the audit's prime`);
  return signed(r, sign);
}

function signed(r: number, sign: number): number {
  return sign > 0 ? r : (P - r) % P;
}

/**
 * A second unknown per cell (its weighted total, id `c + offset`) with a copy of the
 * equations of the cells `copied` says have one, and ties `coef · c = c + offset` (a
 * cell whose rows all carry one design weight). See `suppress-survey.ts`.
 */
export interface SecondUnknowns {
  offset: number;
  copied(cell: number): boolean;
  /** [cell, coefficient modulo P ({@link modOf})]. */
  ties: ReadonlyArray<readonly [number, number]>;
}

/**
 * The hidden cells that the equations `parent = sum of children` pin down, given which
 * cells are unknown. `unknown(c)` is true for hidden and unpublished cells; `check(c)`
 * for the cells whose disclosure matters (hidden cells of published rows). With
 * `second`, a cell is also pinned when its second unknown is (ids returned are cells').
 */
export function pinnedCells(
  relations: ReadonlyArray<{ parent: number; children: number[] }>,
  unknown: (c: number) => boolean,
  check: (c: number) => boolean,
  second?: SecondUnknowns,
): number[] {
  const ech = new Echelon();
  const seen = new Set<number>();
  const add = (parent: number, children: number[], shift: number) => {
    const row = new Map<number, number>();
    if (unknown(parent)) row.set(parent + shift, 1);
    for (const c of children) if (unknown(c)) row.set(c + shift, (row.get(c + shift) ?? 0) + P - 1);
    if (row.size === 0) return;
    for (const c of row.keys()) seen.add(c);
    ech.add(row);
  };
  for (const { parent, children } of relations) {
    add(parent, children, 0);
    if (second?.copied(parent)) add(parent, children, second.offset);
  }
  if (second) {
    for (const [c, coef] of second.ties) {
      if (!unknown(c)) continue;
      ech.add(new Map([[c, coef], [c + second.offset, P - 1]]));
      seen.add(c);
      seen.add(c + second.offset);
    }
  }
  if (!second) {
    const out: number[] = [];
    for (const c of seen) if (check(c) && ech.determined(c)) out.push(c);
    return out.sort((a, b) => a - b);
  }
  const out = new Set<number>();
  for (const id of seen) {
    const c = id >= second.offset ? id - second.offset : id;
    if (check(c) && ech.determined(id)) out.add(c);
  }
  return [...out].sort((a, b) => a - b);
}
