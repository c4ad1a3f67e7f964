import { EmisInputError } from "../../models/errors";
import type { FactTable } from "../../dataset/fact-table";

/**
 * Conformed dimensions across the facts of one call: each dimension gets one global
 * dictionary (the union of the facts' dictionaries) so that cells of a numerator fact
 * (pupils) and a denominator fact (teachers) line up.
 */
export class CodeSpace {
  readonly dictionaries = new Map<string, string[]>();
  private readonly index = new Map<string, Map<string, number>>();
  /** remap[fact][dim][localCode] = global code */
  private readonly remaps = new Map<string, Uint32Array>();

  remap(fact: FactTable, dim: string): Uint32Array {
    const key = `${fact.name}\u0000${dim}`;
    let r = this.remaps.get(key);
    if (r) return r;
    let dict = this.dictionaries.get(dim);
    let idx = this.index.get(dim);
    if (!dict || !idx) {
      dict = [];
      idx = new Map();
      this.dictionaries.set(dim, dict);
      this.index.set(dim, idx);
    }
    const local = fact.dims[dim].dictionary;
    r = new Uint32Array(local.length);
    for (let k = 0; k < local.length; k++) {
      let g = idx.get(local[k]);
      if (g === undefined) {
        g = dict.length;
        dict.push(local[k]);
        idx.set(local[k], g);
      }
      r[k] = g;
    }
    this.remaps.set(key, r);
    return r;
  }
}

/** Largest radix product kept in a direct lookup array; beyond it a Map is used. */
const DIRECT_LIMIT = 1 << 22;

/**
 * Cells of the finest grouping (the union of the call's `by` dimensions): assigns a
 * dense cell index to each distinct combination of global codes. Shared by all the
 * facts and indicators grouped on the same dimensions.
 */
export class CellRegistry {
  readonly keys: number[] = [];
  private direct: Int32Array | null = null;
  private map: Map<number, number> | null = null;
  strides: number[] = [];
  radices: number[] = [];

  constructor(readonly dims: string[]) {}

  /** Fixes the radices (global dictionary sizes). Call before `cellsOf`. */
  setRadices(radices: number[]): void {
    let product = 1;
    const strides: number[] = [];
    for (const r of radices) {
      strides.push(product);
      product *= Math.max(1, r);
    }
    if (product > Number.MAX_SAFE_INTEGER) {
      throw new EmisInputError("too-many-cells", `disaggregate: the combination of ${this.dims.join(" × ")} has too many cells; group by fewer dimensions`);
    }
    const grew = this.radices.length === 0 || radices.some((r, k) => r !== this.radices[k]);
    if (!grew) return;
    if (this.keys.length > 0) this.rekey(radices, strides);
    this.radices = radices;
    this.strides = strides;
    if (product <= DIRECT_LIMIT) {
      this.direct = new Int32Array(product).fill(-1);
      this.map = null;
      this.keys.forEach((k, c) => (this.direct![k] = c));
    } else {
      this.direct = null;
      this.map = new Map(this.keys.map((k, c) => [k, c]));
    }
  }

  /**
   * Every combination of codes is a cell and a cell is its key (`keys[c] = c`): for
   * small cell spaces, so a kernel can use the key directly. Radices must be final.
   */
  useIdentity(radices: number[]): void {
    this.setRadices(radices);
    const product = radices.reduce((a, r) => a * Math.max(1, r), 1);
    for (let k = this.keys.length; k < product; k++) {
      this.keys.push(k);
      this.direct![k] = k;
    }
  }

  /** Re-expresses existing keys when a dictionary grew (a later fact added codes). */
  private rekey(radices: number[], strides: number[]): void {
    for (let c = 0; c < this.keys.length; c++) {
      const codes = this.decode(this.keys[c]);
      let k = 0;
      codes.forEach((code, d) => (k += code * strides[d]));
      this.keys[c] = k;
    }
    void radices;
  }

  decode(key: number): number[] {
    // Pushed, not preallocated: `new Array(n)` makes a holey array, a second array shape
    // beside the packed codes made elsewhere, and the code reading codes deoptimised on it.
    const out: number[] = [];
    for (let d = 0; d < this.radices.length; d++) out.push(Math.floor(key / this.strides[d]) % Math.max(1, this.radices[d]));
    return out;
  }

  /**
   * Cell index of every row of `fact`. One fused pass: each dimension's local codes go
   * through a table `local code → global code × stride` (so no multiply and no Float64
   * key per row), the mixed-radix key indexes a direct lookup array when the radix
   * product is small (≤ 2^22 cells), else a Map. Cell indexes are dense, in order of
   * first appearance, and stable when a later fact grows a dictionary.
   */
  cellsOf(fact: FactTable, space: CodeSpace): Int32Array {
    const n = fact.length;
    const remaps = this.dims.map((d) => space.remap(fact, d));
    this.setRadices(this.dims.map((d) => space.dictionaries.get(d)!.length));
    const out = new Int32Array(n);
    if (this.direct) {
      // key < 2^22: Int32 arithmetic is exact
      const tables = this.dims.map((_, k) => {
        const t = new Int32Array(remaps[k].length);
        for (let c = 0; c < t.length; c++) t[c] = remaps[k][c] * this.strides[k];
        return t;
      });
      const cols = this.dims.map((d) => fact.dims[d].codes);
      directCells(cols, tables, this.direct, this.keys, out, n);
      return out;
    }
    const key = new Float64Array(n);
    this.dims.forEach((d, k) => {
      const codes = fact.dims[d].codes;
      const remap = remaps[k];
      const stride = this.strides[k];
      for (let i = 0; i < n; i++) key[i] += remap[codes[i]] * stride;
    });
    const keys = this.keys;
    const map = this.map!;
    for (let i = 0; i < n; i++) {
      const k = key[i];
      let c = map.get(k);
      if (c === undefined) {
        c = keys.length;
        keys.push(k);
        map.set(k, c);
      }
      out[i] = c;
    }
    return out;
  }
}

/**
 * Fills `out[i]` with the dense cell of row i: key = sum of `tables[k][cols[k][i]]`,
 * cell = `direct[key]`, assigned on first sight. Loops are written out for up to four
 * dimensions (one pass, monomorphic); more dimensions are folded four at a time into
 * a partial key first.
 */
function directCells(cols: Uint32Array[], tables: Int32Array[], direct: Int32Array, keys: number[], out: Int32Array, n: number): void {
  let partial: Int32Array | null = null;
  while (cols.length > 4) {
    const c4 = cols.splice(0, 4);
    const t4 = tables.splice(0, 4);
    const [a, b, c, d] = c4;
    const [ta, tb, tc, td] = t4;
    const p: Int32Array = partial ?? new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] += ta[a[i]] + tb[b[i]] + tc[c[i]] + td[d[i]];
    partial = p;
  }
  const k = cols.length;
  let next = keys.length;
  if (partial === null && k === 0) {
    let c = direct[0];
    if (c < 0) {
      c = next++;
      keys.push(0);
      direct[0] = c;
    }
    out.fill(c);
    return;
  }
  const a = cols[0] ?? new Uint32Array(0);
  const ta = tables[0] ?? new Int32Array(1);
  const b = cols[1];
  const tb = tables[1];
  const c3 = cols[2];
  const tc = tables[2];
  const d4 = cols[3];
  const td = tables[3];
  for (let i = 0; i < n; i++) {
    let key = partial === null ? 0 : partial[i];
    if (k >= 1) key += ta[a[i]];
    if (k >= 2) key += tb[b[i]];
    if (k >= 3) key += tc[c3[i]];
    if (k === 4) key += td[d4[i]];
    let c = direct[key];
    if (c < 0) {
      c = next++;
      keys.push(key);
      direct[key] = c;
    }
    out[i] = c;
  }
}
