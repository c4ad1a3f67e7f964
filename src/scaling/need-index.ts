import type { Dataset } from "../dataset/create-dataset";
import { compositeIndex } from "../dataset/composite-index";
import { disaggregate } from "../disaggregate/disaggregate";
import { catalogue as builtIn } from "../indicators/catalogue";
import { resolveIndicators, type Catalogue } from "../indicators/resolve-indicators";
import { EmisDefinitionError } from "../models/errors";
import { parseNeedIndexSpec, type NeedIndexSpecInput } from "./need-index-spec";
import { pupilsBySchool, schoolIds } from "./internal/school-facts";

/** Need score of one school. */
export interface NeedScore {
  school: string;
  /** The index (0-100 with min-max, z units with z-score); null with too few items. */
  score: number | null;
  /** 1 = neediest; null without a score. Ties share no rank: school id breaks them. */
  rank: number | null;
  /** Need group, `Q1` (neediest) ... `Q5` for quintiles (`G1`... otherwise); `unknown` without a score. */
  group: string;
  pupils: number;
  /** Raw item values (before orientation and normalisation), by item key. */
  items: Record<string, number | null>;
}

/** Options of {@link needIndex}. */
export interface NeedIndexOptions {
  catalogue?: Catalogue;
}

const itemKey = (it: { indicator?: string; field?: string; dimension?: string }) => it.indicator ?? it.field ?? it.dimension!;

/**
 * School need index: which schools need an innovation most, from chosen indicators.
 *
 * Definition (explicit; OECD/JRC Handbook on Constructing Composite Indicators, 2008):
 * 1. item values per school: an indicator computed per school by the engine (internal
 *    targeting values, not published: disclosure control off), a numeric School field,
 *    or a need score per code of a school dimension;
 * 2. orientation: an item is multiplied by −1 when lower values mean more need (an
 *    indicator that is "higher-is-better", e.g. pass rate, or `direction`);
 * 3. normalisation: min-max over the schools (0 = least need observed, 1 = most) or
 *    z-score (mean 0, population SD 1);
 * 4. weighted mean of the answered items (weights rescaled over them) × 100 for
 *    min-max; missing-item rule: a school with fewer than `minAnswered` items
 *    (default ⌈2k/3⌉) gets no score (`null`, group `unknown`);
 * 5. groups: schools sorted neediest first and cut into `groups` pupil-weighted groups
 *    (a school falls in the group holding the midpoint of its pupils in the cumulative
 *    pupil share; schools weigh 1 each when no pupil counts exist). Q1 = neediest.
 * Computed by `compositeIndex`. Deterministic: ties are broken by school id.
 * @param dataset from `createDataset` (with schools)
 * @param spec items, weights, normalisation, minAnswered, groups (validated: `parseNeedIndexSpec`)
 * @returns one score per school, neediest first
 * @throws EmisDefinitionError `invalid-need-index` naming the field, e.g. a neutral indicator without a direction
 * @example
 * needIndex(ds, { items: [{ indicator: "pass-rate", weight: 1 }, { field: "distance_road_km", weight: 1 }] })[0]
 * // { school: "BT-S0123", score: 87.2, rank: 1, group: "Q1", ... }
 */
export function needIndex(dataset: Dataset, spec: NeedIndexSpecInput, options: NeedIndexOptions = {}): NeedScore[] {
  const s = parseNeedIndexSpec(spec);
  const cat = options.catalogue ?? builtIn;
  const ids = schoolIds(dataset, "needIndex");
  const schools = dataset.facts.schools;
  // raw[k][i]: item k of school i as measured; col: oriented so that higher = more need.
  const raw: number[][] = s.items.map(() => new Array(ids.length).fill(Number.NaN));
  const signs: number[] = s.items.map((it) => (it.direction === "lower-is-more-need" ? -1 : 1));
  const rowOf = new Map(ids.map((id, i) => [id, i]));
  const indicatorItems = s.items.map((it, k) => [it, k] as const).filter(([it]) => it.indicator !== undefined);
  if (indicatorItems.length) {
    const defs = resolveIndicators(indicatorItems.map(([it]) => it.indicator!), cat);
    const table = disaggregate(dataset, defs.map((d) => d.id), { by: ["school"], catalogue: cat, suppression: false });
    for (const [it, k] of indicatorItems) {
      const def = defs.find((d) => d.id === it.indicator)!;
      const dir = it.direction ?? (def.direction === "higher-is-better" ? "lower-is-more-need" : def.direction === "lower-is-better" ? "higher-is-more-need" : null);
      if (dir === null) throw new EmisDefinitionError("invalid-need-index", `need index: field items.${k}.direction is required for the neutral indicator ${def.id}`, { field: `items.${k}.direction` });
      signs[k] = dir === "lower-is-more-need" ? -1 : 1;
      for (const r of table) {
        if (r.indicator !== def.id || r.value === null) continue;
        const i = rowOf.get(r.school as string);
        if (i !== undefined) raw[k][i] = r.value;
      }
    }
  }
  s.items.forEach((it, k) => {
    if (it.field !== undefined) {
      const m = schools.measures[it.field];
      if (!m) throw new EmisDefinitionError("invalid-need-index", `need index: field items.${k}.field names ${it.field}, which the schools table does not hold (it has ${Object.keys(schools.measures).join(", ")})`, { field: `items.${k}.field` });
      for (let i = 0; i < ids.length; i++) raw[k][i] = m[i];
    } else if (it.dimension !== undefined) {
      const d = schools.dims[it.dimension];
      if (!d) throw new EmisDefinitionError("invalid-need-index", `need index: field items.${k}.dimension names ${it.dimension}, which the schools table does not hold`, { field: `items.${k}.dimension` });
      for (let i = 0; i < ids.length; i++) {
        const v = it.scores![d.dictionary[d.codes[i]]];
        raw[k][i] = v === undefined ? Number.NaN : v;
      }
    }
  });
  const rows = ids.map((_, i) => s.items.map((__, k) => signs[k] * raw[k][i]));
  const scores = compositeIndex(rows, { normalisation: s.normalisation, weights: s.items.map((it) => it.weight), minAnswered: s.minAnswered });
  const pupils = pupilsBySchool(dataset);
  const hasPupils = dataset.facts.students !== undefined;
  const out: NeedScore[] = ids.map((school, i) => ({
    school,
    score: Number.isNaN(scores[i]) ? null : scores[i],
    rank: null,
    group: "unknown",
    pupils: pupils.get(school) ?? 0,
    items: Object.fromEntries(s.items.map((it, k) => [itemKey(it), Number.isNaN(raw[k][i]) ? null : raw[k][i]])),
  }));
  out.sort((a, b) => (a.score === null ? (b.score === null ? cmp(a.school, b.school) : 1) : b.score === null ? -1 : b.score - a.score || cmp(a.school, b.school)));
  const scored = out.filter((x) => x.score !== null);
  const weight = (x: NeedScore) => (hasPupils ? x.pupils : 1);
  const W = scored.reduce((a, x) => a + weight(x), 0);
  let cum = 0;
  const prefix = s.groups === 5 ? "Q" : "G";
  scored.forEach((x, k) => {
    x.rank = k + 1;
    const w = weight(x);
    const mid = W > 0 ? (cum + w / 2) / W : (k + 0.5) / scored.length;
    cum += w;
    x.group = `${prefix}${Math.min(s.groups, Math.floor(mid * s.groups) + 1)}`;
  });
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

