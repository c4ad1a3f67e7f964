import type { IndicatorDefinition } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import type { Flag } from "../../models/flags";

/** Disclosure-control options. */
export interface SuppressionOptions {
  /** Minimum count (and complement) a published cell must have; default the profile's `minCell`. */
  minCell?: number;
  /** Complementary (secondary) suppression across levels and indicators; default true. */
  complementary?: boolean;
}

/** What suppression needs to know about each row. */
export interface RowMeta {
  def: IndicatorDefinition;
  set: number;
  groupKey: string;
  codes: number[];
  U: string[];
  /** Numerator and denominator sums, and records behind the value. */
  x: number;
  n: number;
  records: number;
}

/**
 * Primary rule: a count of people, or a proportion's count or complement, that is
 * positive but under the minimum; a mean over fewer records than the minimum.
 * Resource ratios of institutions (PTR, class size: statistic `ratio`) and
 * distributions across units are not primary-suppressed, but they are hidden
 * complementarily when they share a count with a hidden cell.
 */
function primary(def: IndicatorDefinition, m: RowMeta, min: number): boolean {
  const small = (v: number) => v > 0 && v < min;
  if (def.kind === "distribution" || def.statistic === "ratio") return false;
  if (!def.denominator) return small(m.x);
  if (def.statistic === "proportion") return small(m.x) || small(m.n - m.x) || small(m.records);
  return small(m.records);
}

/** Union-find over indicators that share a count (same fact, measure and filter). */
function families(defs: IndicatorDefinition[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const owner = new Map<string, string>();
  for (const d of defs) {
    if (!parent.has(d.id)) parent.set(d.id, d.id);
    for (const spec of d.denominator ? [d.numerator, d.denominator] : [d.numerator]) {
      const key = JSON.stringify([spec.fact, spec.measure, spec.filter ?? null]);
      const o = owner.get(key);
      if (o) parent.set(find(d.id), find(o));
      else owner.set(key, d.id);
    }
  }
  const out = new Map<string, string>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}

/**
 * Primary and complementary suppression, in place. Complementary rule: for every
 * published parent cell and each dimension that splits it (grouping sets that differ
 * by one dimension), the parent equals the sum of its children, so the number of
 * hidden cells in that equation must not be exactly one; when it is, the published
 * child with the smallest count is hidden too (or the parent, if no child is left).
 * A cell hidden for one indicator is hidden for every indicator sharing a count with
 * it. Repeats until stable. Suppressed rows lose value, numerator, denominator, n and
 * interval bounds (bounds reveal counts).
 */
export function suppress(rows: ResultRow[], metas: RowMeta[], sets: string[][], options: SuppressionOptions, profileMin: number): void {
  const min = options.minCell ?? profileMin;
  if (min <= 0) return;
  const fam = families([...new Map(metas.map((m) => [m.def.id, m.def])).values()]);
  // cell id = family + group key; state per cell
  const hidden = new Map<string, "primary" | "complementary">();
  const cellRows = new Map<string, number[]>();
  const cellSize = new Map<string, number>();
  metas.forEach((m, i) => {
    const cell = `${fam.get(m.def.id)}|${m.groupKey}`;
    if (!cellRows.has(cell)) cellRows.set(cell, []);
    cellRows.get(cell)!.push(i);
    const size = m.def.kind === "distribution" ? Number.POSITIVE_INFINITY : m.records;
    cellSize.set(cell, Math.min(cellSize.get(cell) ?? Number.POSITIVE_INFINITY, size));
    if (primary(m.def, m, min)) hidden.set(cell, "primary");
  });

  if (options.complementary !== false && hidden.size > 0) {
    // Children of each parent cell, for every pair of sets differing by one dimension.
    const relations: Array<{ parent: string; children: string[] }> = [];
    const byFamilySet = new Map<string, Map<string, string[]>>();
    for (const cell of cellRows.keys()) {
      const m = metas[cellRows.get(cell)![0]];
      const key = `${fam.get(m.def.id)}|${m.set}`;
      if (!byFamilySet.has(key)) byFamilySet.set(key, new Map());
      byFamilySet.get(key)!.set(cell, []);
    }
    const families = new Set(fam.values());
    sets.forEach((child, ci) => {
      sets.forEach((par, pi) => {
        if (child.length !== par.length + 1 || !par.every((d) => child.includes(d))) return;
        for (const f of families) {
          const kids = byFamilySet.get(`${f}|${ci}`);
          if (!kids) continue;
          const groups = new Map<string, string[]>();
          for (const cell of kids.keys()) {
            const m = metas[cellRows.get(cell)![0]];
            const pk = `${f}|${pi}:${par.map((d) => m.codes[m.U.indexOf(d)]).join(",")}`;
            if (!groups.has(pk)) groups.set(pk, []);
            groups.get(pk)!.push(cell);
          }
          for (const [parent, children] of groups) relations.push({ parent, children });
        }
      });
    });
    let changed = true;
    while (changed) {
      changed = false;
      for (const { parent, children } of relations) {
        const parentHidden = hidden.has(parent) || !cellRows.has(parent);
        const hiddenKids = children.filter((c) => hidden.has(c)).length;
        const unknowns = hiddenKids + (hidden.has(parent) ? 1 : 0);
        if (unknowns !== 1 || (!cellRows.has(parent) && hiddenKids === 0)) continue;
        const candidates = children.filter((c) => !hidden.has(c)).sort((a, b) => cellSize.get(a)! - cellSize.get(b)!);
        if (candidates.length > 0) hidden.set(candidates[0], "complementary");
        else if (!parentHidden) hidden.set(parent, "complementary");
        else continue;
        changed = true;
      }
    }
  }

  for (const [cell, why] of hidden) {
    for (const i of cellRows.get(cell) ?? []) {
      const r = rows[i];
      r.value = null;
      r.numerator = null;
      r.denominator = null;
      r.n = null;
      r.ciLow = null;
      r.ciHigh = null;
      r.suppressed = true;
      const flag: Flag = why === "primary" ? "suppressed" : "suppressed-complementary";
      r.flags = [...r.flags.filter((f) => f !== "below-min-n"), flag];
    }
  }
}
