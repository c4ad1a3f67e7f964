import type { RowMeta } from "./suppress";
import { PlaceAtoms, type AtomSource } from "./place-atoms";

export type { AtomSource } from "./place-atoms";

/**
 * The equations of disclosure control: which published (and unpublished) cells add up
 * to which, as relations parent = sum of children over the integer cell ids of
 * `suppress`, and the group keys that find a row's cell and its parents' cells.
 */

/** Next grade (profile order) and next year as codes of the call, -1 when none. */
export interface Cohort {
  next(dim: "grade" | "year", code: number): number;
}

/**
 * Flow rates tie cells of different grades and years: the UIS reconstructed cohort
 * takes promoted(g, t) = E(g+1, t+1) − R(g+1, t+1), so the enrolment of grade g+1 in
 * year t+1 is the promotion numerator of (g, t) plus the repetition numerator of
 * (g+1, t). A trial read a hidden 2 repeaters as 28 enrolled − 26 promoted. For sets
 * grouped by grade and year, in families with flow rates, each such triple is an
 * equation: parent (g+1, t+1), children (g, t) and (g+1, t).
 */
export function cohortRelations(
  metas: RowMeta[],
  keys: GroupKeys,
  sets: string[][],
  cellsOfFamily: Array<Map<number | string, number>>,
  cellFamily: number[],
  cellRow: number[],
  cohort: Cohort,
  withFlow: Set<number>,
): Array<{ parent: number; children: number[] }> {
  const out: Array<{ parent: number; children: number[] }> = [];
  for (let cell = 0; cell < cellRow.length; cell++) {
    if (cellRow[cell] < 0 || !withFlow.has(cellFamily[cell])) continue;
    const m = metas[cellRow[cell]];
    const set = sets[m.set];
    if (!set.includes("grade") || !set.includes("year")) continue;
    const at = (d: string) => m.codes[m.U.indexOf(d)];
    const g1 = cohort.next("grade", at("grade"));
    const y1 = cohort.next("year", at("year"));
    if (g1 < 0 || y1 < 0) continue;
    const cells = cellsOfFamily[cellFamily[cell]];
    const kb = keys.of(m.set, (d) => (d === "grade" ? g1 : at(d)));
    const kc = keys.of(m.set, (d) => (d === "grade" ? g1 : d === "year" ? y1 : at(d)));
    const b = kb === undefined ? undefined : cells.get(kb);
    const c = kc === undefined ? undefined : cells.get(kc);
    if (b !== undefined && c !== undefined) out.push({ parent: c, children: [cell, b] });
  }
  return out;
}

/**
 * Every published equation parent = sum of children: for each family, each pair of
 * grouping sets P ⊊ C (by name, or in the data through {@link RowMeta.fixed}), and each
 * published cell of P, the published cells of C below it; and, between two sets of
 * parents of the same C that cut across each other, each parent whose children all lie
 * under one parent of the other set.
 * Cells are the integer ids of `hide`; `cellsOfFamily` maps a family's group keys to them,
 * and `cellRow` gives the row each cell's keys are read from.
 */
export function sumRelations(
  metas: RowMeta[],
  keys: GroupKeys,
  sets: string[][],
  familyCount: number,
  cellsOfFamily: Array<Map<number | string, number>>,
  cellFamily: number[],
  cellRow: number[],
  cellSize: number[],
  virtualCell: (family: number, size: number) => number,
  atomSource?: AtomSource,
  atomWeights?: { of: (dims: string[]) => Map<string, number>; ties: Array<[cell: number, weight: number]> },
  unaudited?: Set<string>,
): Array<{ parent: number; children: number[] }> {
  const relations: Array<{ parent: number; children: number[] }> = [];
  // Cells per family and set, in order of first row.
  const byFamilySet: number[][] = [];
  for (let k = 0; k < familyCount * sets.length; k++) byFamilySet.push([]);
  for (let cell = 0; cell < cellFamily.length; cell++) byFamilySet[cellFamily[cell] * sets.length + metas[cellRow[cell]].set].push(cell);
  // What each set's codes determine in each family: its own dimensions, and those every
  // one of its cells fixes (schools their dzongkhag); empty when the set has no cell.
  const knownBy = byFamilySet.map((cells, k) => {
    if (cells.length === 0) return new Set<string>();
    const known = new Set(sets[k % sets.length]);
    for (const d of metas[cellRow[cells[0]]].fixed ?? []) if (cells.every((c) => metas[cellRow[c]].fixed?.includes(d))) known.add(d);
    return known;
  });
  const determines = (f: number, si: number, dims: string[]) => dims.every((d) => knownBy[f * sets.length + si].has(d));
  sets.forEach((child, ci) => {
    // per family, the parents of this child set found in each coarser set
    const coarser: Array<{ pi: number; family: number; parentOf: Map<number, number>; childrenOf: Map<number, number[]> }> = [];
    sets.forEach((par, pi) => {
      if (pi === ci) return;
      const nested = child.length > par.length && par.every((d) => child.includes(d));
      // Not nested by name, the pair is nested in the data when the child set's codes
      // determine the parent's other dimensions (schools within dzongkhags) in every row.
      const extra = par.filter((d) => !child.includes(d));
      if (!nested && extra.length === 0) return;
      for (let f = 0; f < familyCount; f++) {
        const kids = byFamilySet[f * sets.length + ci];
        if (kids.length === 0) continue;
        if (!nested && !determines(f, ci, extra)) continue;
        const groups = new Map<number | string, number[]>();
        for (const cell of kids) {
          const pk = keys.parent(cellRow[cell], pi);
          let g = groups.get(pk);
          if (!g) groups.set(pk, (g = []));
          g.push(cell);
        }
        // An equation exists only where the parent is published for this family.
        const cells = cellsOfFamily[f];
        const parentOf = new Map<number, number>();
        const childrenOf = new Map<number, number[]>();
        for (const [pk, children] of groups) {
          const parent = cells.get(pk);
          if (parent === undefined) continue;
          relations.push({ parent, children });
          childrenOf.set(parent, children);
          for (const c of children) parentOf.set(c, parent);
        }
        coarser.push({ pi, family: f, parentOf, childrenOf });
      }
    });
    // Two partitions of the same cells that cut across each other (regions and
    // locations of schools) give more equations by difference: when all schools of
    // region R2 are rural, rural = R2 + the other rural schools, and a hidden school
    // that is the only rural one outside R2 is rural minus R2. Each parent whose
    // children all lie under one parent of the other set is a child of that parent.
    for (const a of coarser) {
      for (const b of coarser) {
        if (a === b || a.family !== b.family) continue;
        // nested sets (by name, or a school within its dzongkhag) have their own equations
        if (determines(a.family, a.pi, sets[b.pi]) || determines(b.family, b.pi, sets[a.pi])) continue;
        for (const [p1, k1] of a.childrenOf) {
          const p2 = b.parentOf.get(k1[0]);
          if (p2 === undefined) continue;
          const k2 = b.childrenOf.get(p2)!;
          if (k2.length <= k1.length || !k1.every((c) => b.parentOf.get(c) === p2)) continue;
          const inside = new Set(k1);
          relations.push({ parent: p2, children: [p1, ...k2.filter((c) => !inside.has(c))] });
        }
      }
    }
  });
  // Two sets that cut across each other (dzongkhags and locations, gewog × sex and
  // schools) both add up to their common coarsening (the total; each gewog), published
  // or not: Σ dzongkhags = Σ locations even when no total row is asked for. Where that
  // coarsening is not a published set, each of its groups is an unpublished cell with
  // an equation to each set.
  const virtualOf = new Map<string, number>();
  const linked = new Set<string>();
  const atoms = new PlaceAtoms(keys, sets, cellsOfFamily, cellSize, virtualCell, relations, atomWeights, unaudited);
  for (let f = 0; f < familyCount; f++) {
    const present = sets.map((_, si) => byFamilySet[f * sets.length + si].length > 0);
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        if (!present[a] || !present[b]) continue;
        if (determines(f, b, sets[a]) || determines(f, a, sets[b])) continue;
        if (atomSource) atoms.link(f, a, b, byFamilySet[f * sets.length + a], byFamilySet[f * sets.length + b], atomSource);
        const knownA = knownBy[f * sets.length + a];
        const common = [...knownA].filter((d) => knownBy[f * sets.length + b].has(d)).sort();
        const published = sets.some((set, si) => present[si] && set.length === common.length && set.every((d) => common.includes(d)));
        if (published) continue;
        const groupsOf = (si: number) => {
          const out = new Map<string, number[]>();
          for (const c of byFamilySet[f * sets.length + si]) {
            const m = metas[cellRow[c]];
            const k = common.map((d) => m.codes[m.U.indexOf(d)]).join(",");
            let g = out.get(k);
            if (!g) out.set(k, (g = []));
            g.push(c);
          }
          return out;
        };
        const ga = groupsOf(a);
        const gb = groupsOf(b);
        for (const [k, ka] of ga) {
          const kb = gb.get(k);
          if (!kb) continue;
          const id = `${f}|${common.join("+")}|${k}`;
          let v = virtualOf.get(id);
          if (v === undefined) virtualOf.set(id, (v = virtualCell(f, ka.reduce((t, c) => t + cellSize[c], 0))));
          for (const [si, children] of [[a, ka], [b, kb]] as const) {
            if (linked.has(`${v}|${si}`)) continue;
            linked.add(`${v}|${si}`);
            relations.push({ parent: v, children });
          }
        }
      }
    }
  }
  atoms.linkLevels();
  return relations;
}

/** Keys of a row's group (in its own set, or in a coarser set `pi`), and its text key for ties. */
export interface GroupKeys {
  row(i: number): number | string;
  parent(i: number, pi: number): number | string;
  text(i: number): string;
  /** Key of the group of set `si` with the codes `code(d)` (undefined: no such group in the call). */
  of(si: number, code: (d: string) => number): number | string | undefined;
}

/**
 * A group is identified by its grouping set and its codes on that set's dimensions. The
 * key is one number, set + (number of sets) × (codes in mixed radix, each dimension's
 * radix one more than its largest code in the call), so looking a cell up hashes no
 * string; when that number could pass 2^53 (very large cubes) it is the text key
 * instead (`limit` lowers that bound, for tests). The text key `set:code,code` orders
 * ties deterministically either way.
 */
export function groupKeys(metas: RowMeta[], sets: string[][], limit = Number.MAX_SAFE_INTEGER): GroupKeys {
  // Where each set's dimensions sit in a row's codes, per U (one U per indicator).
  const positions = new Map<string[], number[][]>();
  const at = (m: RowMeta, si: number) => {
    let byU = positions.get(m.U);
    if (!byU) positions.set(m.U, (byU = sets.map((set) => set.map((d) => m.U.indexOf(d)))));
    return byU[si];
  };
  const dims = [...new Set(sets.flat())];
  const radix = new Map(dims.map((d) => [d, 1]));
  for (const m of metas) {
    const set = sets[m.set];
    const p = at(m, m.set);
    for (let j = 0; j < set.length; j++) radix.set(set[j], Math.max(radix.get(set[j])!, m.codes[p[j]] + 1));
    // a row's parent key in a coarser set may read a dimension its set determines
    if (m.fixed) for (const d of m.fixed) if (radix.has(d)) radix.set(d, Math.max(radix.get(d)!, m.codes[m.U.indexOf(d)] + 1));
  }
  const strides = sets.map((set) => {
    let product = 1;
    return set.map((d) => {
      const s = product;
      product *= radix.get(d)!;
      return s;
    });
  });
  const fits = sets.every((set) => set.reduce((a, d) => a * radix.get(d)!, 1) * sets.length <= limit);
  const text = (m: RowMeta, si: number) => `${si}:${at(m, si).map((p) => m.codes[p]).join(",")}`;
  const numeric = (m: RowMeta, si: number) => {
    const p = at(m, si);
    const st = strides[si];
    let k = 0;
    for (let j = 0; j < p.length; j++) k += m.codes[p[j]] * st[j];
    return k * sets.length + si;
  };
  const texts: string[] = [];
  const of = (si: number, code: (d: string) => number) => {
    const set = sets[si];
    const codes = set.map(code);
    if (codes.some((c, j) => !(c >= 0 && c < radix.get(set[j])!))) return undefined;
    if (!fits) return `${si}:${codes.join(",")}`;
    let k = 0;
    for (let j = 0; j < codes.length; j++) k += codes[j] * strides[si][j];
    return k * sets.length + si;
  };
  return {
    of,
    row: (i) => (fits ? numeric(metas[i], metas[i].set) : text(metas[i], metas[i].set)),
    parent: (i, pi) => (fits ? numeric(metas[i], pi) : text(metas[i], pi)),
    text: (i) => (texts[i] ??= text(metas[i], metas[i].set)),
  };
}

/**
 * Measures that are a dimension's code as 1 and another code as 0 (createDataset's
 * facts): the numerator of a share over them counts the group's rows with the first
 * code, and the denominator minus it those with the second.
 */
const SPLITS: Record<string, [dim: string, one: string, zero: string]> = {
  "students.female": ["sex", "female", "male"],
  "students.disabled": ["disability", "yes", "no"],
  "students.over_age": ["over_age", "yes", "no"],
  "students.at_risk": ["at_risk", "yes", "no"],
  "teachers.female": ["sex", "female", "male"],
};

/**
 * A share of girls in a gewog, beside enrolment by school × sex, publishes two sums
 * of those cells, not one: the gewog's girls (the numerator) and its boys (denominator
 * minus numerator). A trial read a hidden school's 4 boys as the gewog's 21 minus a
 * published 17. For each such share row and each set of the call that holds the split
 * dimension and is nested in the share's set (by name or through `fixed`), each part
 * is a cell made by `part(base)` (hidden with the share's cell) and the parent of its
 * cells with that code.
 */
export function splitRelations(
  metas: RowMeta[],
  keys: GroupKeys,
  sets: string[][],
  cellFamily: number[],
  cellRow: number[],
  cellOfRow: Int32Array,
  codeOf: (dim: string, value: string) => number,
  part: (base: number) => number,
): Array<{ parent: number; children: number[] }> {
  const out: Array<{ parent: number; children: number[] }> = [];
  // cells by family and set, once
  const cellsIn = new Map<string, number[]>();
  for (let c = 0; c < cellRow.length; c++) {
    if (cellRow[c] < 0) continue;
    const k = `${cellFamily[c]}|${metas[cellRow[c]].set}`;
    let list = cellsIn.get(k);
    if (!list) cellsIn.set(k, (list = []));
    list.push(c);
  }
  // per family, share set, target set and dimension: S-key → cells with code one / zero
  const grouped = new Map<string, Map<number | string, { one: number[]; zero: number[] }>>();
  const done = new Set<string>();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const def = m.def;
    if (def.kind === "distribution" || def.statistic !== "proportion" || !def.denominator || def.denominator.fact !== def.numerator.fact) continue;
    const split = SPLITS[`${def.numerator.fact}.${def.numerator.measure}`];
    if (!split) continue;
    const base = cellOfRow[i];
    const [dim, oneValue, zeroValue] = split;
    if (done.has(`${base}|${dim}`)) continue;
    const one = codeOf(dim, oneValue);
    const zero = codeOf(dim, zeroValue);
    if (one < 0 && zero < 0) continue;
    const f = cellFamily[base];
    const S = sets[m.set];
    if (S.includes(dim)) continue;
    let aliasOne = -1;
    let aliasZero = -1;
    sets.forEach((T, ti) => {
      if (ti === m.set || !T.includes(dim)) return;
      const cells = cellsIn.get(`${f}|${ti}`);
      if (!cells) return;
      const id = `${f}|${m.set}|${ti}|${dim}`;
      let byKey = grouped.get(id);
      if (!byKey) {
        byKey = new Map();
        for (const c of cells) {
          const cm = metas[cellRow[c]];
          if (!S.every((d) => T.includes(d) || cm.fixed?.includes(d))) continue;
          const code = cm.codes[cm.U.indexOf(dim)];
          if (code !== one && code !== zero) continue;
          const k = keys.parent(cellRow[c], m.set);
          let g = byKey.get(k);
          if (!g) byKey.set(k, (g = { one: [], zero: [] }));
          (code === one ? g.one : g.zero).push(c);
        }
        grouped.set(id, byKey);
      }
      // one equation per set: the parts of the share's group in that set
      const g = byKey.get(keys.row(i));
      if (!g) return;
      if (g.one.length) {
        if (aliasOne < 0) aliasOne = part(base);
        out.push({ parent: aliasOne, children: g.one });
      }
      if (g.zero.length) {
        if (aliasZero < 0) aliasZero = part(base);
        out.push({ parent: aliasZero, children: g.zero });
      }
    });
    if (aliasOne >= 0 || aliasZero >= 0) done.add(`${base}|${dim}`);
  }
  return out;
}
