import type { ReadinessCell } from "../audit/readiness-matrix";
import { catalogue as builtIn } from "../indicators/catalogue";
import { parseIndicator, type Catalogue } from "../indicators/resolve-indicators";
import type { IndicatorDefinition, IndicatorDefinitionInput } from "../models/indicator";
import type { Profile } from "../models/profile";
import type { RecommendationRule } from "../models/recommendation-rule";
import type { ResultTable } from "../models/result";
import { COVERAGE_INDICATORS } from "../scaling/coverage-indicators";
import { evaluate, rowKey, type Context, type Match } from "./internal/evaluate";
import { parseRules } from "./parse-rules";

/** What `recommend` reads. */
export interface RecommendInput {
  /** Disclosure-controlled results (from `disaggregate`, `coverage`...). */
  table: ResultTable;
  /** Definitions of the indicators (names, directions); default the built-in catalogue plus coverage indicators. */
  catalogue?: Catalogue;
  /** Profile whose norms thresholds may cite, and whose unit names label groups. */
  profile?: Profile;
  /** Readiness matrix from `audit` (readiness conditions, completeness caveats). */
  readiness?: ReadinessCell[];
}

/** One ranked, explained recommendation. */
export interface Recommendation {
  rank: number;
  rule: string;
  title: string;
  severity: "high" | "medium" | "low";
  priority: number;
  /** The rule's template filled with the worst match's figures. */
  text: string;
  /** Figures of the worst match (the ones the template can use). */
  figures: Record<string, number | string | null>;
  /** The figures the rule must cite, by name. */
  evidence: Array<{ name: string; value: number | string | null }>;
  /** Groups or units that meet the rule, worst first. */
  groups: string[];
  /** Sources of the norms the rule applies (plus the profile norm a threshold used). */
  sources: Array<{ title: string; url?: string; note?: string }>;
  /** What to keep in mind: small n, withheld cells, low readiness. */
  caveats: string[];
  /** How far past the condition the worst match is (rank key within severity and priority). */
  magnitude: number;
}

const SEVERITY = { high: 3, medium: 2, low: 1 } as const;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fmtFigure(name: string, v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "string") return v;
  if (name === "parity") return v.toFixed(3);
  const digits = Number.isInteger(v) && Math.abs(v) >= 1 ? 0 : Math.abs(v) >= 100 ? 0 : 1;
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Ranked, explained recommendations from results and rules as data.
 *
 * Each rule's `when` condition is evaluated on the disclosure-controlled table (and the
 * readiness matrix for `readiness` conditions); it fires when `when` and every `and`
 * condition match somewhere. A fired rule gives ONE recommendation: its text is the
 * template filled with the worst match's figures (`{{value}}`, `{{gap}}`... see
 * `TEMPLATE_FIELDS`; numbers to one decimal, parity to three); `groups` lists every
 * match, worst first; `evidence` the figures the rule must cite; `sources` the cited
 * norms (a threshold on a profile norm adds that norm's source); `caveats` flag groups
 * under the rule's `minN` or flagged `below-min-n`, groups that could not be checked
 * because a cell is withheld, and readiness cells of the indicator by the same
 * dimension that are not `ready`.
 *
 * Ranking: severity (high, medium, low), then priority (higher first), then magnitude
 * (how far past the condition: percentage points for gaps, 100 × |1 − adjusted parity|
 * for parity, percent beyond a threshold), then rule id. Deterministic and independent
 * of the order of the input rows (they are sorted by indicator, level and groups first).
 * @param input results table, catalogue, profile, readiness
 * @param rules rules, a rule pack or packs (validated by `parseRules`)
 * @returns recommendations, rank 1 first
 * @throws EmisDefinitionError `invalid-rule` naming the field
 * @example
 * recommend({ table, profile: profiles.bhutan }, defaultRules)[0]
 * // { rank: 1, rule: "learning-parity-location", text: "Pass rate: remote 86.2% vs urban 97.6% nationally ...", ... }
 */
export function recommend(input: RecommendInput, rules: unknown): Recommendation[] {
  const parsed = parseRules(rules);
  const cat = input.catalogue ?? builtIn;
  const list = [...((Array.isArray(cat) ? cat : Object.values(cat)) as IndicatorDefinitionInput[]), ...COVERAGE_INDICATORS];
  const defs = new Map<string, IndicatorDefinition>();
  const wanted = new Set(parsed.flatMap((r) => [r.when, ...r.and]).map((c) => ("indicator" in c ? c.indicator : undefined)).filter(Boolean) as string[]);
  for (const d of list) if (wanted.has(d.id) && !defs.has(d.id)) defs.set(d.id, parseIndicator(list.filter((x) => x.id === d.id).at(-1)));
  const table = [...input.table].map((r) => [rowKey(r), r] as const).sort((a, b) => cmp(a[0], b[0])).map(([, r]) => r);
  const readiness = input.readiness ? [...input.readiness].sort((a, b) => cmp(`${a.indicator}\u0000${a.dimension}`, `${b.indicator}\u0000${b.dimension}`)) : undefined;
  const ctx: Context = { table, defs, profile: input.profile, readiness };
  const out: Recommendation[] = [];
  for (const rule of parsed) {
    const main = evaluate(rule.when, ctx);
    if (!main.matches.length) continue;
    if (rule.and.some((c) => evaluate(c, ctx).matches.length === 0)) continue;
    const matches = [...main.matches].sort((a, b) => b.magnitude - a.magnitude || cmp(a.group, b.group));
    const worst = matches[0];
    const groups = matches.map((m) => m.group);
    const figures: Record<string, number | string | null> = { ...worst.figures, affected: matches.length, groups: groups.slice(0, 10).join("; ") + (groups.length > 10 ? `; and ${groups.length - 10} more` : "") };
    const text = rule.text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, k: string) => fmtFigure(k, figures[k]));
    const sources = [...rule.sources];
    if (main.norm) sources.push({ title: main.norm.source.title, url: main.norm.source.url, note: `norm ${main.norm.id}: ${main.norm.value} ${main.norm.unit}` });
    out.push({
      rank: 0,
      rule: rule.id,
      title: rule.title,
      severity: rule.severity,
      priority: rule.priority,
      text,
      figures,
      evidence: rule.evidence.map((name) => ({ name, value: figures[name] ?? null })),
      groups,
      sources,
      caveats: caveats(rule, matches, main.withheld, main.dims, rule.when.kind !== "readiness" ? rule.when.indicator : null, readiness),
      magnitude: worst.magnitude,
    });
  }
  out.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity] || b.priority - a.priority || b.magnitude - a.magnitude || cmp(a.rule, b.rule));
  out.forEach((r, i) => (r.rank = i + 1));
  return out;
}

function caveats(rule: RecommendationRule, matches: Match[], withheld: number, dims: string[], indicator: string | null, readiness: ReadinessCell[] | undefined): string[] {
  const out: string[] = [];
  const small = new Map<string, number>();
  for (const m of matches) {
    for (const r of m.rows) {
      if (r.n !== null && (r.n < rule.minN || r.flags.includes("below-min-n"))) {
        const g = m.group;
        small.set(g, Math.min(small.get(g) ?? Infinity, r.n));
      }
    }
  }
  if (small.size) {
    const list = [...small].sort((a, b) => a[1] - b[1] || cmp(a[0], b[0]));
    out.push(`small groups (n under ${rule.minN}): ${list.slice(0, 5).map(([g, n]) => `${g} (n = ${n})`).join("; ")}${list.length > 5 ? `; and ${list.length - 5} more` : ""}; read these figures with care`);
  }
  if (withheld > 0) out.push(`${withheld} group${withheld === 1 ? "" : "s"} could not be checked: a figure is withheld by disclosure control`);
  if (indicator && readiness) {
    for (const c of readiness) {
      if (c.indicator !== indicator || c.status === "ready" || c.field === null || !dims.includes(c.field)) continue;
      out.push(`readiness of ${indicator} by ${c.dimension}: ${c.status}${c.completeness === null ? "" : ` (completeness ${(100 * c.completeness).toFixed(1)}%)`}: ${c.reasons.join("; ")}`);
    }
  }
  return out;
}
