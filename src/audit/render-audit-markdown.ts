import type { AuditResult } from "./audit";

const esc = (s: string) => s.replace(/\|/g, "\\|");
const row = (cells: string[]) => `| ${cells.map(esc).join(" | ")} |`;
const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
const SYMBOL = { ready: "ready", partial: "partial", "not-possible": "not possible" } as const;

/**
 * Markdown of an audit: the score, readiness by equity dimension, the matrix
 * (indicator rows × dimension columns, with a list of reasons) and the data-quality
 * findings with their counts.
 * @example renderAuditMarkdown(audit(ds)) // "## EMIS readiness audit\n\nOverall readiness score: 57.8 / 100 ..."
 */
export function renderAuditMarkdown(a: AuditResult, options: { title?: string; maxFindings?: number; heading?: string } = {}): string {
  const h = options.heading ?? "##";
  const out: string[] = [`${h} ${options.title ?? "EMIS readiness audit"}`, ""];
  out.push(`Overall readiness score: **${a.score === null ? "–" : a.score.toFixed(1)} / 100** (ready = 1, partial = ½, not possible = 0, averaged over ${a.matrix.length} indicator × dimension cells).`, "");
  out.push(`Thresholds: ready when completeness ≥ ${pct(a.thresholds.ready)} and at most ${pct(a.thresholds.maxSmallShare)} of groups withheld or below the minimum n; partial when completeness ≥ ${pct(a.thresholds.partial)}; otherwise, or with a structural gap (no table, field or population denominator), not possible.`, "");
  out.push(row(["equity dimension", "ready", "partial", "not possible", "score"]), row(["---", "---", "---", "---", "---"]));
  for (const d of a.dimensions) out.push(row([d.label, String(d.ready), String(d.partial), String(d.notPossible), d.score === null ? "–" : d.score.toFixed(0)]));
  out.push("");
  const dims = a.dimensions.filter((d) => d.ready + d.partial + d.notPossible > 0).map((d) => d.dimension);
  const indicators = [...new Set(a.matrix.map((c) => c.indicator))];
  out.push(`${h}# Readiness matrix`, "");
  out.push(row(["indicator", ...dims]), row(["---", ...dims.map(() => "---")]));
  for (const id of indicators) {
    out.push(row([id, ...dims.map((d) => {
      const c = a.matrix.find((x) => x.indicator === id && x.dimension === d);
      return c ? SYMBOL[c.status] : "";
    })]));
  }
  out.push("");
  const notReady = a.matrix.filter((c) => c.status !== "ready");
  if (notReady.length) {
    out.push(`${h}# Why not ready`, "");
    out.push(row(["indicator", "dimension", "status", "reasons", "completeness", "unknown", "small groups"]), row(["---", "---", "---", "---", "---", "---", "---"]));
    for (const c of notReady) out.push(row([c.indicator, c.dimension, SYMBOL[c.status], c.reasons.join("; "), pct(c.completeness), pct(c.unknownShare), `${c.smallGroups} of ${c.groups}`]));
    out.push("");
  }
  out.push(`${h}# Data quality`, "");
  const counts = Object.entries(a.quality.counts);
  if (!counts.length) out.push("No findings.", "");
  else {
    out.push(`Findings by rule: ${counts.map(([k, v]) => `${k} ${v}`).join("; ")}.`, "");
    if (a.quality.findings.length === 0) {
      // a published report keeps the counts only (see buildSection)
      out.push("The records behind these findings are for the data team (`audit()`), not for publication: they quote school-level figures.", "");
      return out.join("\n");
    }
    const max = options.maxFindings ?? 30;
    out.push(row(["rule", "table", "record", "field", "value", "message"]), row(["---", "---", "---", "---", "---", "---"]));
    for (const f of a.quality.findings.slice(0, max)) out.push(row([f.rule, f.table, f.record, f.field ?? "", f.value === undefined || f.value === null ? "" : String(f.value), f.message]));
    out.push("");
  }
  return out.join("\n");
}
