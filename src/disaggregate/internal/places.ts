import type { Dataset } from "../../dataset/create-dataset";
import { UNKNOWN, type FactTable } from "../../dataset/fact-table";
import type { CodeSpace } from "./cells";
import type { Sample } from "./design";
import { determinedInFact, NONE, type Determined } from "./kind-common";

/** A row's suppression codes: its group's codes on `U`, and the dimensions it fixes. */
export interface MetaCodes {
  codes: number[];
  U: string[];
  fixed: string[];
}

/**
 * Places and units of a call (the school, its hierarchy and attributes from the school
 * file, `Dataset.schoolDims`, and grade and year), as opposed to attributes of people,
 * and the places a row's group fixes outside its indicator's own cells.
 *
 * With `setsFor`, an indicator grouped by school alone has no dzongkhag in its cells, so
 * its school rows and another indicator's dzongkhag rows would not be known as a sum.
 * Such rows carry the places their set fixes: a school fixes every place of the school
 * file, a hierarchy level the levels above it (a gewog its dzongkhag), a location or
 * type nothing. Places are the same in every fact, so they are read from the smallest
 * fact with rows that holds them (the teachers, not 10M pupils), or from the
 * indicator's own fact for a group that one lacks.
 */
export class Places {
  /** Place and unit dimensions (see {@link RowMaker.unknown}). */
  readonly dims: ReadonlySet<string>;
  private readonly schoolPlaces: ReadonlySet<string>;
  private readonly setDims: string[];
  private readonly cache = new Map<string, Determined>();
  /** {@link placeCombos} by dimensions (joined by NUL). */
  private readonly combos = new Map<string, number[][] | null>();
  /** Codes for values the call never met (a school with no rows in it), negative and stable within the call. */
  private readonly outside = new Map<string, number>();

  constructor(
    private readonly dataset: Dataset,
    sets: string[][],
    private readonly space: CodeSpace,
  ) {
    this.schoolPlaces = new Set(dataset.schoolDims);
    this.dims = new Set([...dataset.schoolDims, "school", "grade", "year"]);
    this.setDims = [...new Set(sets.flat())];
  }

  /**
   * The suppression codes of a row of `set` for an indicator whose cells hold `U`
   * (with `fixed` found there, see determinedDims), reading `fact` (its own) when the
   * smallest fact lacks the group.
   */
  metaCodes(fact: FactTable, U: string[], set: string[], fixed: string[]): (codes: number[]) => MetaCodes {
    const plain = (codes: number[]) => ({ codes, U, fixed });
    const setPlaces = set.filter((d) => this.dims.has(d) && d !== "grade" && d !== "year");
    const wanted = this.setDims.filter((d) => !U.includes(d) && setPlaces.some((p) => this.coarser(p).has(d)));
    const source = wanted.length ? this.smallestWith([...setPlaces, ...wanted]) : undefined;
    const outside = source ? this.fixedIn(source, setPlaces, wanted) : NONE;
    if (outside.dims.length === 0) return plain;
    const wide = { U: [...U, ...outside.dims], fixed: [...fixed, ...outside.dims] };
    const setAt = setPlaces.map((d) => U.indexOf(d));
    const placeCodes = new Array<number>(setAt.length);
    let own: Determined | undefined;
    return (codes) => {
      for (let j = 0; j < setAt.length; j++) placeCodes[j] = codes[setAt[j]];
      let extra = outside.codesOf(placeCodes);
      if (extra.some((c) => c < 0) && source !== fact) {
        own ??= this.fixedIn(fact, setPlaces, outside.dims);
        if (own.dims.length === outside.dims.length) extra = own.codesOf(placeCodes);
      }
      return extra.every((c) => c >= 0) ? { codes: codes.concat(extra), U: wide.U, fixed: wide.fixed } : plain(codes);
    };
  }

  /** The places `place` fixes. */
  private coarser(place: string): ReadonlySet<string> {
    if (place === "school") return this.schoolPlaces;
    const out = new Set<string>();
    for (const h of this.dataset.profile.hierarchies) {
      const at = h.levels.findIndex((l) => l.id === place);
      for (let i = 0; i < at; i++) if (h.levels[i].id !== "national") out.add(h.levels[i].id);
    }
    return out;
  }

  /** True for a place or unit of the school file (and the school itself), false for an attribute of people. */
  isPlace(dim: string): boolean {
    return dim === "school" || this.schoolPlaces.has(dim);
  }

  /**
   * The combinations of the dimensions `dims` that occur, as the call's codes (a value
   * the call never met is -1). Places only: read from every fact that holds them all,
   * so the school file's schools (public, whatever their counts) and any rows of
   * unknown place; an intruder knows the schools, so a combination outside these is
   * known to be empty. With attributes of people (sex, disability), the school among
   * the dimensions or not: read from the rows of every fact that holds them all; a combination no row has (a school
   * without girls) is then left out, which tells the audit more than an intruder knows,
   * never less. Null when a fact's combinations overflow a safe integer.
   */
  placeCombos(dims: string[]): number[][] | null {
    // every pair of sets on the same dimensions asks again: one pass over the facts each
    const key = dims.join("\u0000");
    if (!this.combos.has(key)) this.combos.set(key, this.readCombos(dims));
    return this.combos.get(key)!;
  }

  private readCombos(dims: string[]): number[][] | null {
    if (dims.length === 0) return null;
    const placesOnly = dims.every((d) => this.isPlace(d));
    const index = dims.map((d) => this.codeIndex(d));
    const seen = new Map<string, number[]>();
    // Without the school id, the school file holds every combination but one: an orphan
    // row (its school not in the file) has every school place unknown. That spares
    // reading 10M pupils for what 500 schools say.
    const schools = this.dataset.facts.schools;
    const orphans = Object.values(this.dataset.integrity.accounts).some((a) => a.orphans > 0);
    const bySchools = placesOnly && schools !== undefined && schools.length > 0 && dims.every((d) => schools.dims[d]) && !(orphans && dims.includes("school"));
    if (bySchools && orphans) {
      const unknown = index.map((code) => code(UNKNOWN));
      seen.set(unknown.join(","), unknown);
    }
    for (const fact of bySchools ? [schools] : Object.values(this.dataset.facts)) {
      if (fact.length === 0 || !dims.every((d) => fact.dims[d])) continue;
      // distinct local code tuples as mixed-radix numbers (no string per row), then
      // each tuple once as the call's codes
      const sizes = dims.map((d) => Math.max(1, fact.dims[d].dictionary.length));
      const space = sizes.reduce((a, x) => a * x, 1);
      if (space > Number.MAX_SAFE_INTEGER) return null;
      const cols = dims.map((d) => fact.dims[d].codes);
      const keys = distinctKeys(fact.length, cols, sizes, space);
      const local = dims.map((d, j) => Int32Array.from(fact.dims[d].dictionary, (v) => index[j](v)));
      for (let k of keys) {
        const tuple = new Array<number>(dims.length);
        for (let j = dims.length - 1; j >= 0; j--) {
          tuple[j] = local[j][k % sizes[j]];
          k = Math.floor(k / sizes[j]);
        }
        seen.set(tuple.join(","), tuple);
      }
    }
    return [...seen.values()];
  }

  /**
   * The one design weight of the sampled rows of each combination of the place
   * dimensions `dims` (key: the call's codes joined by commas; NaN when its rows carry
   * several), read from every sampled fact that holds them all (a school has one weight
   * in every fact). Empty without a sample.
   */
  placeWeights(dims: string[], sample: Sample | null): Map<string, number> {
    const out = new Map<string, number>();
    if (!sample) return out;
    const index = dims.map((d) => this.codeIndex(d));
    for (const fact of Object.values(this.dataset.facts)) {
      if (fact.length === 0 || !sample.designed(fact) || !dims.every((d) => fact.dims[d])) continue;
      const sizes = dims.map((d) => Math.max(1, fact.dims[d].dictionary.length));
      if (sizes.reduce((a, x) => a * x, 1) > Number.MAX_SAFE_INTEGER) continue;
      const cols = dims.map((d) => fact.dims[d].codes);
      const w = sample.weights(fact);
      const byKey = new Map<number, number>();
      for (let i = 0; i < fact.length; i++) {
        let k = 0;
        for (let j = 0; j < dims.length; j++) k = k * sizes[j] + cols[j][i];
        const seen = byKey.get(k);
        if (seen === undefined) byKey.set(k, w[i]);
        else if (seen !== w[i]) byKey.set(k, Number.NaN);
      }
      const local = dims.map((d, j) => Int32Array.from(fact.dims[d].dictionary, (v) => index[j](v)));
      for (const [key, weight] of byKey) {
        let k = key;
        const tuple = new Array<number>(dims.length);
        for (let j = dims.length - 1; j >= 0; j--) {
          tuple[j] = local[j][k % sizes[j]];
          k = Math.floor(k / sizes[j]);
        }
        const id = tuple.join(",");
        const before = out.get(id);
        out.set(id, before === undefined || before === weight ? weight : Number.NaN);
      }
    }
    return out;
  }

  /** The call's code of a value of `dim`; a value it never met gets a negative code of its own. */
  private codeIndex(dim: string): (value: string) => number {
    const known = new Map((this.space.dictionaries.get(dim) ?? []).map((v, c) => [v, c]));
    return (value) => {
      const c = known.get(value);
      if (c !== undefined) return c;
      const key = `${dim}\u0000${value}`;
      let o = this.outside.get(key);
      if (o === undefined) this.outside.set(key, (o = -2 - this.outside.size));
      return o;
    };
  }

  private smallestWith(dims: string[]): FactTable | undefined {
    return Object.values(this.dataset.facts)
      .filter((f) => f.length > 0 && dims.every((d) => f.dims[d]))
      .sort((a, b) => a.length - b.length)[0];
  }

  /** Once per call, fact, set and dimensions. */
  private fixedIn(fact: FactTable, set: string[], wanted: string[]): Determined {
    const key = `${fact.name}\u0000${set.join("+")}\u0000${wanted.join("+")}`;
    let d = this.cache.get(key);
    if (!d) this.cache.set(key, (d = determinedInFact(fact, this.space, set, wanted)));
    return d;
  }
}

/** Combinations above which {@link distinctKeys} uses a set, not a byte map (2^24: 16 MB). */
const BITMAP_KEYS = 1 << 24;

/**
 * The distinct mixed-radix keys of `n` rows over code columns `cols` of radixes
 * `sizes` (`space` their product). A byte map when the space is small: 10M pupils of
 * 5,000 schools by location × sex took 0.23-0.29 s with Set.add per row, 0.08-0.1 s
 * marking a byte.
 */
function distinctKeys(n: number, cols: Uint32Array[], sizes: number[], space: number): Iterable<number> {
  const w = cols.length;
  if (space <= BITMAP_KEYS) {
    const bits = new Uint8Array(space);
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let j = 0; j < w; j++) k = k * sizes[j] + cols[j][i];
      bits[k] = 1;
    }
    const out: number[] = [];
    for (let k = 0; k < space; k++) if (bits[k] === 1) out.push(k);
    return out;
  }
  const keys = new Set<number>();
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let j = 0; j < w; j++) k = k * sizes[j] + cols[j][i];
    keys.add(k);
  }
  return keys;
}
