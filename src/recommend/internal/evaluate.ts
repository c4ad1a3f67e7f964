import type { ReadinessCell } from "../../audit/readiness-matrix";
import { gap as gapOf } from "../../equity/gap";
import { parityBand } from "../../equity/parity-band";
import { parityIndex } from "../../equity/parity-index";
import type { IndicatorDefinition } from "../../models/indicator";
import type { Norm, Profile } from "../../models/profile";
import type { ResultRow, ResultTable } from "../../models/result";
import type { RuleCondition } from "../../models/recommendation-rule";

/** One group or unit that meets a condition. */
export interface Match {
  /** Label of the group, e.g. `location remote` or `national`. */
  group: string;
  figures: Record<string, number | string | null>;
  /** How far past the condition (larger = worse); ranks matches and recommendations. */
  magnitude: number;
  /** Rows behind the match (for small-n caveats). */
  rows: ResultRow[];
}

/** The evaluation of one condition. */
export interface Evaluation {
  matches: Match[];
  /** Groups that could not be checked because a figure is withheld by disclosure control. */
  withheld: number;
  /** Why the condition could not be evaluated at all (no rows, no norm...). */
  notEvaluated: string | null;
  /** Norm cited by a threshold condition. */
  norm?: Norm;
  /** Dimensions the condition breaks down by (for readiness caveats). */
  dims: string[];
}

export interface Context {
  table: ResultTable;
  defs: Map<string, IndicatorDefinition>;
  profile?: Profile;
  readiness?: ReadinessCell[];
}

const FIXED = new Set(["indicator", "level", "numerator", "denominator", "value", "n", "nExcluded", "ciLow", "ciHigh", "suppressed", "flags", "year"]);
const sameSet = (level: string, dims: string[]) => (level === "total" ? dims.length === 0 : level.split("+").sort().join("+") === [...dims].sort().join("+"));

function rowsAt(ctx: Context, indicator: string, dims: string[]): ResultRow[] {
  return ctx.table.filter((r) => r.indicator === indicator && sameSet(r.level, dims));
}

function label(ctx: Context, dims: string[], r: ResultRow): string {
  if (dims.length === 0) return "national";
  return dims
    .map((d) => {
      const code = String(r[d]);
      const unit = ctx.profile?.units.find((u) => u.level === d && u.code === code);
      return unit?.name ?? code;
    })
    .join(", ");
}

const hasUnknown = (r: ResultRow, dims: string[]) => dims.some((d) => r[d] === "unknown");
const directionOf = (def: IndicatorDefinition | undefined) => (def?.direction === "lower-is-better" ? "lower-is-better" : "higher-is-better");

/** Evaluates one condition against the (suppressed) results. */
export function evaluate(c: RuleCondition, ctx: Context): Evaluation {
  const none = (why: string, dims: string[] = []): Evaluation => ({ matches: [], withheld: 0, notEvaluated: why, dims });
  if (c.kind === "readiness") {
    if (!ctx.readiness) return none("no readiness audit given");
    const cells = ctx.readiness.filter((x) => c.status.includes(x.status) && (!c.dimension || x.dimension === c.dimension) && (!c.indicator || x.indicator === c.indicator));
    const byDim = new Map<string, ReadinessCell[]>();
    for (const x of cells) byDim.set(x.dimension, [...(byDim.get(x.dimension) ?? []), x]);
    const matches: Match[] = [];
    for (const [dim, xs] of byDim) {
      if (xs.length < c.minCells) continue;
      const reasons = [...new Set(xs.flatMap((x) => x.reasons))].sort();
      matches.push({ group: dim, magnitude: xs.length, rows: [], figures: { dimension: dim, cells: xs.length, indicators: xs.map((x) => x.indicator).slice(0, 6).join(", ") + (xs.length > 6 ? ", ..." : ""), reasons: reasons.slice(0, 3).join("; ") } });
    }
    return { matches, withheld: 0, notEvaluated: null, dims: [] };
  }
  const def = ctx.defs.get(c.indicator);
  const name = def?.name ?? c.indicator;
  const unit = def?.unit === "percent" ? "%" : "";
  const base = { indicator: c.indicator, name, unit };
  if (c.kind === "threshold") {
    let t = c.value;
    let norm: Norm | undefined;
    if (t === undefined && c.norm) {
      norm = c.norm === "indicator" ? ctx.profile?.norms.find((n) => n.indicator === c.indicator) : ctx.profile?.norms.find((n) => n.id === c.norm);
      if (!norm) return none(ctx.profile ? `profile ${ctx.profile.id} has no norm ${c.norm === "indicator" ? `for ${c.indicator}` : c.norm}` : "no profile given for the norm", c.by);
      t = norm.value;
    }
    const rows = rowsAt(ctx, c.indicator, c.by).filter((r) => !hasUnknown(r, c.by));
    if (!rows.length) return none(`no rows of ${c.indicator} by ${c.by.join(", ") || "total"}`, c.by);
    const matches: Match[] = [];
    for (const r of rows) {
      if (r.value === null) continue;
      if (c.op === "above" ? r.value > t! : r.value < t!) {
        matches.push({ group: label(ctx, c.by, r), magnitude: (100 * Math.abs(r.value - t!)) / Math.max(Math.abs(t!), 1e-9), rows: [r], figures: { ...base, group: label(ctx, c.by, r), value: r.value, threshold: t!, n: r.n } });
      }
    }
    return { matches, withheld: rows.filter((r) => r.suppressed).length, notEvaluated: null, norm, dims: c.by };
  }
  if (c.kind === "parity" || c.kind === "gap") {
    const dims = c.within ? [c.within, c.by] : [c.by];
    const rows = [...rowsAt(ctx, c.indicator, [c.by]), ...(c.within ? rowsAt(ctx, c.indicator, [c.within, c.by]) : [])];
    if (!rows.length) return none(`no rows of ${c.indicator} by ${c.by}`, dims);
    const units = new Map<string, ResultRow[]>();
    for (const r of rows) {
      const u = c.within && r[c.within] !== null && r[c.within] !== undefined ? String(r[c.within]) : "";
      if (u === "unknown") continue;
      units.set(u, [...(units.get(u) ?? []), r]);
    }
    const dir = directionOf(def);
    const matches: Match[] = [];
    let withheld = 0;
    for (const [u, rs] of [...units].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const a = rs.find((r) => r[c.by] === c.group);
      const b = rs.find((r) => r[c.by] === c.reference);
      if (!a || !b) continue;
      if (a.value === null || b.value === null) {
        if (a.suppressed || b.suppressed) withheld++;
        continue;
      }
      const api = a.value > 0 || b.value > 0 ? parityIndex(a.value, b.value, { adjusted: true }) : null;
      const g = gapOf(a.value, b.value, { direction: dir });
      const where = u === "" ? "nationally" : `in ${label(ctx, [c.within!], a)}`;
      const figures = { ...base, by: c.by, group: c.group, reference: c.reference, where, groupValue: a.value, referenceValue: b.value, gap: g.absolute, parity: api };
      const groupLabel = u === "" ? `${c.by} ${c.group} vs ${c.reference}` : `${c.by} ${c.group} vs ${c.reference} ${where}`;
      if (c.kind === "parity") {
        const band = parityBand(api, { lower: c.lower, upper: c.upper, direction: dir });
        if (band.band === null || band.band === "parity") continue;
        if (c.against !== "either" && band.disadvantaged !== c.against) continue;
        matches.push({ group: groupLabel, magnitude: 100 * Math.abs(1 - (api as number)), rows: [a, b], figures });
      } else {
        if (g.disadvantaged !== "group" || Math.abs(g.absolute) < c.min) continue;
        matches.push({ group: groupLabel, magnitude: Math.abs(g.absolute), rows: [a, b], figures });
      }
    }
    return { matches, withheld, notEvaluated: null, dims };
  }
  if (c.kind === "trend") {
    if (def?.direction === "neutral") return none(`${c.indicator} has no direction: a trend cannot worsen or improve`, c.by);
    const rows = ctx.table.filter((r) => r.indicator === c.indicator && r.year !== null && r.year !== undefined && sameSet(r.level, c.by.filter((d) => d !== "year")) && !hasUnknown(r, c.by));
    const groups = new Map<string, ResultRow[]>();
    for (const r of rows) {
      const k = label(ctx, c.by, r);
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    if (!groups.size) return none(`no rows of ${c.indicator} with a year`, c.by);
    const dir = directionOf(def);
    const matches: Match[] = [];
    let withheld = 0;
    for (const [k, rs] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const years = rs.filter((r) => r.value !== null).sort((a, b) => Number(a.year) - Number(b.year));
      withheld += rs.filter((r) => r.suppressed).length;
      if (years.length < 2) continue;
      const [p, q] = years.slice(-2);
      const change = (q.value as number) - (p.value as number);
      const worse = dir === "higher-is-better" ? change < 0 : change > 0;
      if (change === 0 || worse !== (c.change === "worsening") || Math.abs(change) < c.min) continue;
      matches.push({ group: k, magnitude: Math.abs(change), rows: [p, q], figures: { ...base, group: k, fromYear: String(p.year), toYear: String(q.year), from: p.value, to: q.value, change } });
    }
    return { matches, withheld, notEvaluated: null, dims: c.by };
  }
  if (c.kind === "rank") {
    const rows = rowsAt(ctx, c.indicator, [c.across]).filter((r) => !hasUnknown(r, [c.across]));
    if (!rows.length) return none(`no rows of ${c.indicator} by ${c.across}`, [c.across]);
    const national = rowsAt(ctx, c.indicator, [])[0]?.value ?? null;
    const dir = directionOf(def);
    const usable = rows.filter((r) => r.value !== null).sort((a, b) => (dir === "higher-is-better" ? (a.value as number) - (b.value as number) : (b.value as number) - (a.value as number)) || (String(a[c.across]) < String(b[c.across]) ? -1 : 1));
    const worst = usable.slice(0, c.worst);
    const matches = worst.map((r, i) => ({ group: label(ctx, [c.across], r), magnitude: c.worst - i, rows: [r], figures: { ...base, across: c.across, group: label(ctx, [c.across], r), value: r.value, rank: i + 1, national } }));
    return { matches, withheld: rows.length - usable.length, notEvaluated: null, dims: [c.across] };
  }
  // c.kind === "n"
  const rows = rowsAt(ctx, c.indicator, c.by).filter((r) => !hasUnknown(r, c.by));
  if (!rows.length) return none(`no rows of ${c.indicator} by ${c.by.join(", ") || "total"}`, c.by);
  const matches: Match[] = [];
  for (const r of rows) {
    const small = (r.n !== null && r.n < c.below) || (c.includeSuppressed && r.suppressed);
    if (small) matches.push({ group: label(ctx, c.by, r), magnitude: c.below - (r.n ?? 0), rows: [r], figures: { ...base, group: label(ctx, c.by, r), n: r.n, below: c.below } });
  }
  return { matches, withheld: 0, notEvaluated: null, dims: c.by };
}

/** Dimension columns of a row, for a canonical sort key. */
export function rowKey(r: ResultRow): string {
  const dims = Object.keys(r).filter((k) => !FIXED.has(k)).sort();
  return JSON.stringify([r.indicator, r.level, r.year ?? null, ...dims.map((d) => [d, r[d] ?? null])]);
}
