import { EmisDefinitionError, EmisInputError } from "../models/errors";
import { RESERVED_DIMENSIONS } from "../models/result";

/** How the groups of a call are chosen. */
export interface GroupingOptions {
  /** Dimensions of the finest level, e.g. `["dzongkhag", "sex"]`. */
  by?: string[];
  /**
   * SQL ROLLUP over `by` in order: national, then each prefix. With nested hierarchy
   * levels (`["dzongkhag", "gewog", "school"]`) this is the hierarchy rollup.
   */
  rollup?: boolean;
  /** SQL CUBE over `by`: every subset (intersections and their margins). */
  cube?: boolean;
  /** Explicit grouping sets; overrides `by`/`rollup`/`cube`. `[]` is the national total. */
  groupingSets?: string[][];
}

/**
 * The grouping sets of a call, without repeats, coarsest first.
 * @example groupingSets({ by: ["dzongkhag", "sex"], rollup: true }) // [[], ["dzongkhag"], ["dzongkhag", "sex"]]
 */
export function groupingSets(options: GroupingOptions): string[][] {
  let sets: string[][];
  if (options.groupingSets) sets = options.groupingSets.map((s) => [...s]);
  else {
    const by = options.by ?? [];
    if (new Set(by).size !== by.length) throw new EmisInputError("duplicate-dimension", `disaggregate: by lists a dimension twice (${by.join(", ")})`);
    if (options.cube) {
      sets = [];
      for (let mask = 0; mask < 1 << by.length; mask++) sets.push(by.filter((_, k) => mask & (1 << k)));
    } else if (options.rollup) sets = by.map((_, k) => by.slice(0, k)).concat([by]);
    else sets = [by];
  }
  for (const d of sets.flat()) {
    if (RESERVED_DIMENSIONS.includes(d)) {
      throw new EmisDefinitionError(
        "reserved-dimension",
        `disaggregate: cannot group by "${d}": it is a field of every result row (or not a plain key), so its column would overwrite that field; rename the dimension (e.g. school_${d})`,
        { dimension: d },
      );
    }
  }
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const s of sets) {
    const key = [...s].sort().join("+");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.sort((a, b) => a.length - b.length);
}

/** The `level` label of a grouping set: dimensions joined by `+`, or `total`. */
export function levelName(set: string[]): string {
  return set.length === 0 ? "total" : set.join("+");
}
