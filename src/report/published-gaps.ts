import { gap } from "../equity/gap";
import { parityIndex } from "../equity/parity-index";
import { parityBand } from "../equity/parity-band";
import type { GapRow } from "./types";

/** Options of {@link publishedGaps}. */
export interface PublishedGapsOptions<T> {
  /** Field holding the group codes (e.g. `sex`). */
  by: keyof T & string;
  group: string;
  reference: string;
  /** Fields that identify one comparison (e.g. state, indicator, level). */
  keys: Array<keyof T & string>;
  value: (row: T) => number | null;
  /** Indicator id and name of a comparison, from its key row. */
  indicator: (row: T) => { id: string; name: string; direction: GapRow["direction"]; unit?: string };
  /** Key field reported as the comparison's unit (e.g. `state`), if any. */
  within?: keyof T & string;
}

/**
 * Gaps between two groups in rates that were published, not computed from counts
 * (GER by sex from a statistical yearbook, pass rates from a press release): the
 * same gap, parity and band rules as computed gaps, marked `origin: "published"`.
 * Pairs where either value is missing are skipped.
 * @example publishedGaps(rows, { by: "sex", group: "girls", reference: "boys", keys: ["state"], value: (r) => r.ger, indicator: () => ({ id: "ger", name: "GER", direction: "higher-is-better" }) })
 */
export function publishedGaps<T extends Record<string, unknown>>(rows: T[], o: PublishedGapsOptions<T>): GapRow[] {
  const pairs = new Map<string, { key: T; a?: number; b?: number }>();
  for (const r of rows) {
    const v = o.value(r);
    if (v === null || Number.isNaN(v)) continue;
    const k = o.keys.map((f) => String(r[f])).join("\u0000");
    const p = pairs.get(k) ?? { key: r };
    if (r[o.by] === o.group) p.a = v;
    else if (r[o.by] === o.reference) p.b = v;
    pairs.set(k, p);
  }
  const out: GapRow[] = [];
  for (const { key, a, b } of pairs.values()) {
    if (a === undefined || b === undefined) continue;
    const ind = o.indicator(key);
    const dir = ind.direction === "neutral" ? "higher-is-better" : ind.direction;
    const g = gap(a, b, { direction: dir });
    const api = a > 0 || b > 0 ? parityIndex(a, b, { adjusted: true }) : null;
    out.push({
      indicator: ind.id,
      name: ind.name,
      unit: ind.unit ?? "percent",
      direction: ind.direction,
      by: o.by,
      group: o.group,
      reference: o.reference,
      within: o.within ?? null,
      unitCode: o.within ? String(key[o.within]) : null,
      groupValue: a,
      referenceValue: b,
      gap: g.absolute,
      relativeGap: g.relative,
      parityIndex: b > 0 ? parityIndex(a, b) : null,
      adjustedParityIndex: api,
      band: parityBand(api, { direction: dir }).band,
      disadvantaged: ind.direction === "neutral" ? null : g.disadvantaged,
      groupN: null,
      referenceN: null,
      flags: [],
      origin: "published",
    });
  }
  return out;
}
