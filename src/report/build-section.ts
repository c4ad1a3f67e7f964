import { disaggregate } from "../disaggregate/disaggregate";
import { groupingSets } from "../disaggregate/grouping-sets";
import { resolveIndicators } from "../indicators/resolve-indicators";
import { catalogue as builtIn } from "../indicators/catalogue";
import { parityIndex } from "../equity/parity-index";
import { parityBand } from "../equity/parity-band";
import { gap as gapOf } from "../equity/gap";
import { gini } from "../equity/gini";
import { coefficientOfVariation } from "../equity/coefficient-of-variation";
import type { Flag } from "../models/flags";
import type { ResultTable } from "../models/result";
import type { GapRow, GapSpec, ReportSection, SectionSpec, SpreadRow, SpreadSpec } from "./types";
import { segregationRow } from "./segregation-row";
import { audit } from "../audit/audit";
import { recommend } from "../recommend/recommend";

/**
 * Computes one report section: headline indicators, breakdowns, gaps between groups
 * (overall and within units) and the spread across units. Everything comes from ONE
 * `disaggregate` call over the union of the grouping sets the section needs, so one
 * consistent suppression pattern covers every published figure: a cell hidden in a
 * breakdown is hidden in the gaps and the spread too (two patterns over the same
 * cells could be combined to recover a hidden one). Segregation indices read school
 * cells the section never publishes, from a call of their own.
 * @example buildSection({ id: "bt", title: "Bhutan", source: "...", dataset, headline: ["pupil-teacher-ratio"] })
 */
export function buildSection(spec: SectionSpec): ReportSection {
  const cat = spec.catalogue ?? builtIn;
  const ds = spec.dataset;
  const sets: string[][] = [[]];
  const indicators: string[] = [...spec.headline];
  const setsFor: Record<string, string[][]> = Object.fromEntries(spec.headline.map((id) => [id, [[]]]));
  const want = (ids: string[], more: string[][]) => {
    for (const id of ids) {
      if (!indicators.includes(id)) indicators.push(id);
      (setsFor[id] ??= []).push(...more);
    }
    sets.push(...more);
  };
  for (const b of spec.breakdowns ?? []) want(b.indicators, groupingSets({ by: b.by, rollup: b.rollup, cube: b.cube }));
  for (const g of spec.gaps ?? []) want([g.indicator], g.within ? [[g.by], [g.within, g.by]] : [[g.by]]);
  for (const s of spec.spread ?? []) want([s.indicator], [[s.across]]);
  const table = disaggregate(ds, indicators, {
    groupingSets: sets,
    catalogue: cat,
    onInapplicable: "skip",
    setsFor,
    suppression: spec.minCell === undefined ? {} : { minCell: spec.minCell },
  });
  const dims = [...new Set(sets.flat())];
  const headline = spec.headline.flatMap((id) => rowsAt(table, id, [], dims));
  const breakdowns: ResultTable = [];
  for (const b of spec.breakdowns ?? []) {
    for (const set of groupingSets({ by: b.by, rollup: b.rollup, cube: b.cube })) {
      if (set.length === 0) continue;
      for (const id of b.indicators) breakdowns.push(...rowsAt(table, id, set, dims));
    }
  }
  const gaps = [...(spec.gaps ?? []).flatMap((g) => computeGaps(spec, g, table, dims)), ...(spec.publishedGaps ?? [])];
  gaps.sort((a, b) => gapScore(b) - gapScore(a));
  const spread = (spec.spread ?? []).map((s) => computeSpread(spec, s, rowsAt(table, s.indicator, [s.across], dims)));
  // A segregation index reads school-level cells that the section never publishes, so
  // they get a call of their own: in the section's call, their hidden cells would hide
  // the section's published figures too (a Gini of school PTRs is hidden when one of
  // its schools is), for the sake of cells nobody sees.
  const segregation = (spec.segregation ?? []).map((g) => {
    const id = g.count ?? "enrolment";
    const set = g.within ? [g.within, g.unit, g.dimension] : [g.unit, g.dimension];
    const cells = disaggregate(ds, [id], { groupingSets: [set], catalogue: cat, onInapplicable: "skip", suppression: spec.minCell === undefined ? {} : { minCell: spec.minCell } });
    return segregationRow(g, rowsAt(cells, id, set, set));
  });
  const readiness = spec.readiness ? audit(ds, { catalogue: cat, ...(spec.readiness === true ? {} : spec.readiness) }) : undefined;
  const recommendations = spec.rules ? recommend({ table, catalogue: cat, profile: ds.profile, readiness: readiness?.matrix }, spec.rules) : undefined;
  const issuesByCode: Record<string, number> = {};
  for (const i of ds.integrity.issues) issuesByCode[i.code] = (issuesByCode[i.code] ?? 0) + 1;
  const margins = ds.integrity.margins;
  return {
    id: spec.id,
    title: spec.synthetic ? `${spec.title} (SYNTHETIC DATA)` : spec.title,
    source: spec.source,
    synthetic: spec.synthetic ?? false,
    notes: spec.notes ?? [],
    headline,
    breakdowns,
    labels: unitLabels(ds),
    ...indicatorNames(indicators, cat),
    gaps,
    spread,
    segregation,
    // Per-record data-quality findings quote raw figures (a school's 3 pupils, one
    // pupil's age) that the section's suppression hides: a published section keeps the
    // counts by rule only; audit() gives the records to the data team.
    ...(readiness ? { readiness: { ...readiness, quality: { counts: readiness.quality.counts, findings: [] } } } : {}),
    ...(recommendations ? { recommendations } : {}),
    integrity: {
      accounts: ds.integrity.accounts,
      issuesByCode,
      margins: {
        checked: margins.filter((m) => m.reconciles !== null).length,
        reconciled: margins.filter((m) => m.reconciles === true).length,
        withoutParts: margins.filter((m) => m.reconciles === null).length,
        mismatches: margins.filter((m) => m.reconciles === false).slice(0, 20),
      },
    },
  };
}

/** Rows of one indicator grouped by exactly the dimensions in `set` (others rolled up). */
function rowsAt(table: ResultTable, indicator: string, set: string[], dims: string[]): ResultTable {
  return table.filter((r) => r.indicator === indicator && dims.every((d) => (set.includes(d) ? r[d] !== null && r[d] !== undefined : r[d] === null || r[d] === undefined)));
}

function computeGaps(spec: SectionSpec, g: GapSpec, table: ResultTable, dims: string[]): GapRow[] {
  const [def] = resolveIndicators([g.indicator], spec.catalogue ?? builtIn);
  const rows = [...rowsAt(table, g.indicator, [g.by], dims), ...(g.within ? rowsAt(table, g.indicator, [g.within, g.by], dims) : [])];
  const out: GapRow[] = [];
  const units = new Set<string | null>([null]);
  if (g.within) for (const r of rows) if (r[g.within] !== null && r[g.within] !== undefined) units.add(r[g.within] as string);
  for (const u of units) {
    const inUnit = rows.filter((r) => (g.within ? (r[g.within] ?? null) === u : true));
    const a = inUnit.find((r) => r[g.by] === g.group);
    const b = inUnit.find((r) => r[g.by] === g.reference);
    if (!a || !b || a.value === null || b.value === null) continue;
    const direction = def.direction;
    const dir = direction === "neutral" ? "higher-is-better" : direction;
    const flags: Flag[] = [...new Set([...a.flags, ...b.flags])];
    const gp = gapOf(a.value, b.value, { direction: dir });
    const pi = b.value > 0 ? parityIndex(a.value, b.value) : null;
    const api = b.value > 0 || a.value > 0 ? parityIndex(a.value, b.value, { adjusted: true }) : null;
    const band = parityBand(api, { direction: dir });
    out.push({
      indicator: def.id,
      name: def.name,
      unit: def.unit,
      direction,
      by: g.by,
      group: g.group,
      reference: g.reference,
      within: g.within ?? null,
      unitCode: u,
      groupValue: a.value,
      referenceValue: b.value,
      gap: gp.absolute,
      relativeGap: gp.relative,
      parityIndex: pi,
      adjustedParityIndex: api,
      band: band.band,
      disadvantaged: direction === "neutral" ? null : gp.disadvantaged,
      groupN: a.n,
      referenceN: b.n,
      flags,
      origin: "computed",
    });
  }
  return out;
}

function computeSpread(spec: SectionSpec, s: SpreadSpec, rows: ResultTable): SpreadRow {
  const [def] = resolveIndicators([s.indicator], spec.catalogue ?? builtIn);
  const usable = rows.filter((r) => r.value !== null && r[s.across] !== "unknown");
  const skipped = rows.length - usable.length;
  const flags: Flag[] = skipped > 0 ? ["suppressed"] : [];
  if (usable.length === 0) {
    return { indicator: def.id, name: def.name, across: s.across, units: 0, skippedUnits: skipped, min: null, minUnit: null, max: null, maxUnit: null, ratioMaxMin: null, gini: null, cv: null, flags: [...flags, "empty-group"] };
  }
  const values = usable.map((r) => r.value as number);
  const lo = usable.reduce((a, r) => ((r.value as number) < (a.value as number) ? r : a));
  const hi = usable.reduce((a, r) => ((r.value as number) > (a.value as number) ? r : a));
  const nonNegative = values.every((v) => v >= 0);
  return {
    indicator: def.id,
    name: def.name,
    across: s.across,
    units: usable.length,
    skippedUnits: skipped,
    min: lo.value as number,
    minUnit: lo[s.across] as string,
    max: hi.value as number,
    maxUnit: hi[s.across] as string,
    ratioMaxMin: (lo.value as number) > 0 ? (hi.value as number) / (lo.value as number) : null,
    gini: nonNegative ? gini(values) : null,
    cv: nonNegative ? coefficientOfVariation(values) : null,
    flags: usable.length === 1 ? [...flags, "single-unit"] : flags,
  };
}

/**
 * Ranking of gaps: percentages by the absolute gap in percentage points (how UIS and
 * GEM tables read them, and tiny rates such as 0.2% vs 0% do not top the list); other
 * units by distance of the adjusted parity index from 1, times 100 (0.8 ranks as 20).
 */
export function gapScore(g: GapRow): number {
  if (g.unit === "percent") return Math.abs(g.gap);
  return g.adjustedParityIndex === null ? -1 : 100 * Math.abs(1 - g.adjustedParityIndex);
}

function unitLabels(ds: SectionSpec["dataset"]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const u of ds.profile.units) (out[u.level] ??= {})[u.code] = u.name;
  return out;
}

function indicatorNames(ids: string[], cat: SectionSpec["catalogue"]): { names: Record<string, string>; units: Record<string, string> } {
  const defs = resolveIndicators(ids, cat ?? builtIn);
  return { names: Object.fromEntries(defs.map((d) => [d.id, d.name])), units: Object.fromEntries(defs.map((d) => [d.id, d.unit])) };
}
