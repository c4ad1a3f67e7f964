import type { FactTable } from "../../dataset/fact-table";
import type { Filter } from "../../models/filter";
import { filterMask } from "./filter-mask";
import { compileCached } from "./compile-cached";

/** Binds a value as a kernel constant and returns its identifier. */
export type Bind = (prefix: string, value: unknown) => string;

/** A filter the generated kernel evaluates per row instead of reading a precomputed mask. */
export interface InlineFilter {
  /** Same key = same rows (fact and filter), so the kernel evaluates it once per row. */
  key: string;
  /** A JavaScript boolean expression over row `i`, built from bound identifiers only. */
  expr(bind: Bind): string;
}

/** Largest `in` list on a measure written out as comparisons. */
const MAX_TERMS = 8;

/**
 * Checks a filter exactly as {@link filterMask} does (unknown fields and codes throw the
 * same errors: it runs on a zero-row view of the fact), without a pass over the rows.
 */
export function checkFilter(fact: FactTable, filter: Filter, indicator: string): void {
  filterMask({ ...fact, length: 0 }, filter, indicator);
}

/**
 * Compiles a filter into a per-row expression with the semantics of {@link filterMask}:
 * a field is a dimension when the fact has one of that name (compared through a 0/1
 * table over its dictionary), else a measure (compared as a number, NaN failing every
 * comparison; `eq`/`in` use SameValueZero as `Set.has` does, so a NaN constant matches
 * NaN). `ne` and `not` negate, `and`/`or` combine. Values never enter the source: they
 * are bound as constants. Returns null for shapes kept as masks (long `in` lists on
 * measures). Call {@link checkFilter} first.
 */
export function inlineFilter(fact: FactTable, filter: Filter): InlineFilter | null {
  const build = (f: Filter): ((bind: Bind) => string) | null => {
    if ("eq" in f) return inSet(f.eq[0], [f.eq[1]]);
    if ("ne" in f) {
      const e = inSet(f.ne[0], [f.ne[1]]);
      return e && ((b) => `!${e(b)}`);
    }
    if ("in" in f) return inSet(f.in[0], f.in[1]);
    if ("gt" in f) return compare(f.gt[0], f.gt[1], ">");
    if ("ge" in f) return compare(f.ge[0], f.ge[1], ">=");
    if ("lt" in f) return compare(f.lt[0], f.lt[1], "<");
    if ("le" in f) return compare(f.le[0], f.le[1], "<=");
    if ("and" in f || "or" in f) {
      const parts = ("and" in f ? f.and : f.or).map(build);
      if (parts.some((p) => p === null)) return null;
      const op = "and" in f ? " && " : " || ";
      const empty = "and" in f ? "true" : "false";
      return (b) => (parts.length === 0 ? empty : `(${parts.map((p) => p!(b)).join(op)})`);
    }
    if ("not" in f) {
      const e = build(f.not);
      return e && ((b) => `!${e(b)}`);
    }
    return null;
  };
  const inSet = (field: string, values: Array<string | number>): ((bind: Bind) => string) | null => {
    const dim = fact.dims[field];
    if (dim) {
      const wanted = new Set(values.map(String));
      const hit = Uint8Array.from(dim.dictionary, (c) => (wanted.has(c) ? 1 : 0));
      return (b) => `(${b("H", hit)}[${b("D", dim.codes)}[i]] === 1)`;
    }
    const nums = [...new Set(values.map(Number))];
    if (nums.length > MAX_TERMS) return null;
    const m = fact.measures[field];
    return (b) => {
      const v = b("V", m);
      const terms = nums.map((x) => (Number.isNaN(x) ? `${v}[i] !== ${v}[i]` : `${v}[i] === ${b("C", x)}`));
      return terms.length === 0 ? "false" : `(${terms.join(" || ")})`;
    };
  };
  const compare = (field: string, x: number, op: string) => {
    const m = fact.measures[field];
    return (b: Bind) => `(${b("V", m)}[i] ${op} ${b("C", x)})`;
  };
  const e = build(filter);
  return e && { key: `${fact.name}\u0000${JSON.stringify(filter)}`, expr: e };
}

/**
 * True when every row selected by `a` (`null` = every row) is selected by `b`, by one
 * generated loop that stops at the first counter-example (no mask is made). Returns
 * null when code generation is not available.
 */
export function filterSubset(n: number, a: InlineFilter | null, b: InlineFilter): boolean | null {
  const args: unknown[] = [];
  const ids = new Map<unknown, string>();
  const head: string[] = [];
  const bind: Bind = (prefix, v) => {
    let id = ids.get(v);
    if (id === undefined) {
      id = `${prefix}${args.length}`;
      head.push(`const ${id} = A[${args.length}];`);
      args.push(v);
      ids.set(v, id);
    }
    return id;
  };
  const test = `${a ? `${a.expr(bind)} && ` : ""}!${b.expr(bind)}`;
  const nId = bind("n", n);
  const fn = compileCached<boolean>(`${head.join("\n")}\nfor (let i = 0; i < ${nId}; i++) if (${test}) return false;\nreturn true;`);
  return fn && fn(args);
}
