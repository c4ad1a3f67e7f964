import type { GroupKeys } from "./suppress-equations";

/** Where the atoms of cross-cutting sets come from (see {@link PlaceAtoms}). */
export interface AtomSource {
  /** The combinations of `dims` (the school among them) that occur, as the call's codes; null when unknown. */
  combos(dims: string[]): number[][] | null;
  /** True for a place of the school file (public), false for an attribute of people. */
  isPlace(dim: string): boolean;
}

/** Most place atoms one pair of sets may add (beyond, the pair keeps only its common total). */
const MAX_ATOMS = 50_000;

/**
 * Two sets of places that cut across each other (`[region, location]` and `[location,
 * ownership]`) are both sums of their intersections (`[region, location, ownership]`),
 * and the schools being public, an intruder knows which intersections are empty: with
 * no public school in R1, the rural-public total is R0's rural public schools, and when
 * R0's only rural school is public, it is R0's rural total (a trial read four hidden
 * cells back that way). Each school is an unpublished cell, an atom, and each cell of
 * either set is the sum of its schools; an intersection no school has is no term at
 * all. Atoms are shared by every pair of sets of a family; with a survey design, each
 * is tied weighted = w · count by its school's weight.
 *
 * Sets that also cross attributes of people (`[location, sex]` beside `[district,
 * sex]`, or `[district, sex]` beside `[location, ownership]`) are sums of a school's
 * part for each combination of those attributes: the atoms are then (school, sex)
 * cells. A trial read hidden district × sex cells back from their common totals alone:
 * when a district's schools are all the rural private ones, rural-private is that
 * district's total, and its girls are the total minus its published boys. Atoms of one
 * school at different attributes (the school; school × sex; school × sex × disability)
 * are tied by {@link linkLevels}: each is the sum of the finer ones.
 */
export class PlaceAtoms {
  private readonly atomOf = new Map<string, number>();
  private readonly linked = new Set<string>();
  /** Design weight of each school (key: its code), read once. */
  private schoolWeights: Map<string, number> | undefined;
  /** Per intersection dimensions (`a+b`): the one design weight of each intersection, read once (a pass over the facts). */
  private readonly intersectionWeights = new Map<string, Map<string, number>>();
  /** Per family and school: per attribute signature (`sex+disability`), the atoms and their codes. */
  private readonly levels = new Map<string, { family: number; school: number; size: number; bySig: Map<string, { dims: string[]; atoms: Array<{ codes: number[]; atom: number }> }> }>();

  constructor(
    private readonly keys: GroupKeys,
    private readonly sets: string[][],
    private readonly cellsOfFamily: Array<Map<number | string, number>>,
    private readonly cellSize: number[],
    private readonly virtualCell: (family: number, size: number) => number,
    private readonly relations: Array<{ parent: number; children: number[] }>,
    private readonly weights?: { of: (dims: string[]) => Map<string, number>; ties: Array<[cell: number, weight: number]> },
    /** `family|set` of the sets a pair left with its common total only (too many intersections). */
    private readonly unaudited?: Set<string>,
  ) {}

  /** Atoms of sets `a` and `b` in family `f`, when the combinations of their dimensions are known and each cell of both sets has some. */
  link(f: number, a: number, b: number, cellsA: number[], cellsB: number[], source: AtomSource): void {
    const dims = [...new Set([...this.sets[a], ...this.sets[b]])].sort();
    if (dims.includes("school")) return;
    // The atoms are the schools themselves (with their places on `dims`), or a school's
    // part for each combination of the attributes of people in `dims`: a school has one
    // code on every place and one design weight, so its count is a term of every place
    // cell it is in, shared by every pair of sets. Intersections of places alone would
    // leave two pairs' intersections unlinked, and a mixed-weight intersection split per
    // weight, both of which trials read hidden counts from.
    const people = dims.filter((d) => !source.isPlace(d));
    // A set with no place (`[sex]`) sums its attribute over every school: beside any
    // other set, school atoms say no more than the common total already does, and they
    // cost the audit an unknown per school and code (the shipped report 1.6 s → 4.7 s).
    if (people.length > 0 && !(this.sets[a].some((d) => source.isPlace(d)) && this.sets[b].some((d) => source.isPlace(d)))) return;
    const at = people.map((d) => dims.indexOf(d));
    // Too many schools × attributes (2,100 schools by grade × sex pass MAX_ATOMS): the
    // intersections of the two sets' groups are the atoms instead, this pair's own. They
    // do not link pairs as schools do, but they keep what the pair says on its own: a
    // trial made a district's schools the only rural private ones at 2,200 schools, and
    // with its common total alone, rural-private minus the district's other cells gave
    // its hidden 3 girls of grade 1.
    let bySchool = true;
    let combos = source.combos([...dims, "school"]);
    if (!combos || combos.length > MAX_ATOMS) {
      bySchool = false;
      combos = source.combos(dims);
    }
    if (!combos || combos.length > MAX_ATOMS) {
      this.unaudited?.add(`${f}|${a}`).add(`${f}|${b}`);
      return;
    }
    const cells = this.cellsOfFamily[f];
    const cellIn = (si: number, tuple: number[]) => {
      const key = this.keys.of(si, (d) => tuple[dims.indexOf(d)]);
      return key === undefined ? undefined : cells.get(key);
    };
    const partsOf = new Map<number, number[]>();
    const found: Array<[atom: number[], ca: number, cb: number]> = [];
    for (const tuple of combos) {
      const ca = cellIn(a, tuple);
      const cb = cellIn(b, tuple);
      // an intersection under a cell not published is in no equation of these sets
      if (ca !== undefined && cb !== undefined) found.push([tuple, ca, cb]);
    }
    // a cell with no atom has rows outside every fact holding these dimensions: no equation
    for (const [, ca, cb] of found) partsOf.set(ca, []).set(cb, []);
    if (![...cellsA, ...cellsB].every((c) => partsOf.has(c))) return;
    const sig = bySchool ? people.join("+") : `~${dims.join("+")}`;
    for (const [tuple, ca, cb] of found) {
      const size = Math.min(this.cellSize[ca], this.cellSize[cb]);
      const atom = bySchool ? this.atom(f, tuple[dims.length], sig, people, at.map((j) => tuple[j]), size) : this.intersection(f, dims, tuple, size);
      partsOf.get(ca)!.push(atom);
      partsOf.get(cb)!.push(atom);
    }
    for (const [si, list] of [[a, cellsA], [b, cellsB]] as const) {
      const done = `${f}|${si}|${sig}`;
      if (this.linked.has(done)) continue;
      this.linked.add(done);
      for (const c of list) this.relations.push({ parent: c, children: partsOf.get(c)! });
    }
  }

  /** The atom of school `school` at attribute codes `codes` (on `people`, signature `sig`), made once per family. */
  private atom(f: number, school: number, sig: string, people: string[], codes: number[], size: number): number {
    const id = `${f}|${school}|${sig}|${codes.join(",")}`;
    let atom = this.atomOf.get(id);
    if (atom !== undefined) return atom;
    this.atomOf.set(id, (atom = this.virtualCell(f, size)));
    // With a survey design, a school's rows carry its one weight w, so each of its atoms
    // has weighted = w · count: strata = region × location make each region's part of a
    // location such a tie, and a location's n and weighted total then split it between
    // the regions.
    if (this.weights) this.schoolWeights ??= this.weights.of(["school"]);
    const w = this.schoolWeights?.get(String(school));
    if (w !== undefined && w > 0) this.weights!.ties.push([atom, w]);
    const key = `${f}|${school}`;
    let level = this.levels.get(key);
    if (!level) this.levels.set(key, (level = { family: f, school, size, bySig: new Map() }));
    level.size = Math.max(level.size, size);
    let group = level.bySig.get(sig);
    if (!group) level.bySig.set(sig, (group = { dims: people, atoms: [] }));
    group.atoms.push({ codes, atom });
    return atom;
  }

  /** The atom of the intersection `tuple` of `dims` (no school), made once per family; tied to its weight when all its rows carry one. */
  private intersection(f: number, dims: string[], tuple: number[], size: number): number {
    const key = tuple.join(",");
    const id = `${f}|~${dims.join("+")}|${key}`;
    let atom = this.atomOf.get(id);
    if (atom !== undefined) return atom;
    this.atomOf.set(id, (atom = this.virtualCell(f, size)));
    if (this.weights) {
      const id = dims.join("+");
      let byKey = this.intersectionWeights.get(id);
      if (!byKey) this.intersectionWeights.set(id, (byKey = this.weights.of(dims)));
      const w = byKey.get(key);
      if (w !== undefined && w > 0) this.weights.ties.push([atom, w]);
    }
    return atom;
  }

  /**
   * A school with atoms at several attribute signatures: each atom is the sum of the
   * atoms of a finer signature that agree with it (the school's girls are its girls with
   * and without a disability), and two signatures neither finer than the other (sex;
   * disability) both sum to the school's atom, made when missing.
   */
  linkLevels(): void {
    for (const level of this.levels.values()) {
      if (level.bySig.size < 2) continue;
      if (!level.bySig.has("")) this.atom(level.family, level.school, "", [], [], level.size);
      const groups = [...level.bySig.values()];
      for (const coarse of groups) {
        for (const fine of groups) {
          if (fine === coarse || !coarse.dims.every((d) => fine.dims.includes(d))) continue;
          const at = coarse.dims.map((d) => fine.dims.indexOf(d));
          for (const { codes, atom } of coarse.atoms) {
            const children = fine.atoms.filter((x) => at.every((j, i) => x.codes[j] === codes[i])).map((x) => x.atom);
            this.relations.push({ parent: atom, children });
          }
        }
      }
    }
  }
}
