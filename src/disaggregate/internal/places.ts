import type { Dataset } from "../../dataset/create-dataset";
import type { FactTable } from "../../dataset/fact-table";
import type { CodeSpace } from "./cells";
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
