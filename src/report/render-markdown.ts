import type { EquityReport, GapRow, ReportSection } from "./types";
import { fmt, labelOf, table } from "./internal/format";
import { renderAuditMarkdown } from "../audit/render-audit-markdown";

const unitLabel = (u: string) => (u === "percent" ? "%" : "");

function gapLine(g: GapRow, labels: ReportSection["labels"]): string[] {
  const where = g.unitCode === null ? "overall" : labelOf(labels, g.within, g.unitCode);
  const gapUnit = g.unit === "percent" ? " pp" : "";
  return [
    g.name,
    `${g.by}: ${g.group} vs ${g.reference}`,
    g.within && g.unitCode !== null ? `${g.within}: ${where}` : "overall",
    `${fmt(g.groupValue, g.unit)}${unitLabel(g.unit)}`,
    `${fmt(g.referenceValue, g.unit)}${unitLabel(g.unit)}`,
    `${g.gap >= 0 ? "+" : ""}${fmt(g.gap, g.unit === "count" ? "ratio" : g.unit)}${gapUnit}`,
    fmt(g.adjustedParityIndex, "index"),
    g.band ?? "–",
    g.disadvantaged === "group" ? g.group : g.disadvantaged === "reference" ? g.reference : "–",
    [g.origin === "published" ? "published rates" : "", ...g.flags].filter(Boolean).join(", "),
  ];
}

/** Markdown for one section. */
export function renderSectionMarkdown(s: ReportSection, options: { maxGaps?: number; maxBreakdownRows?: number } = {}): string {
  const out: string[] = [`## ${s.title}`, "", `Source: ${s.source}`, ""];
  if (s.synthetic) out.push("> **SYNTHETIC DATA** generated for demonstration; figures describe no real school or pupil.", "");
  for (const n of s.notes) out.push(`- ${n}`);
  if (s.notes.length) out.push("");
  out.push("### Headline indicators", "");
  out.push(
    table(
      ["indicator", "value", "numerator", "denominator", "n", "excluded (unknown)", "95% interval", "flags"],
      s.headline.map((r) => [
        s.names?.[r.indicator] ? `${s.names[r.indicator]} (${r.indicator})` : r.indicator,
        `${fmt(r.value, s.units?.[r.indicator])}${s.units?.[r.indicator] === "percent" ? "%" : ""}`,
        fmt(r.numerator, "count"),
        fmt(r.denominator, "count"),
        fmt(r.n, "count"),
        fmt(r.nExcluded, "count"),
        r.ciLow === null ? "–" : `${fmt(r.ciLow)}–${fmt(r.ciHigh)}`,
        r.flags.join(", "),
      ]),
    ),
    "",
  );
  if (s.gaps.length) {
    const max = options.maxGaps ?? 15;
    out.push(`### Largest gaps (${Math.min(max, s.gaps.length)} of ${s.gaps.length}, largest first: percentage points for rates, distance from parity otherwise)`, "");
    out.push("Gaps are group minus reference, in the indicator's unit (percentage points for percentages), computed from unrounded values. The parity index is UIS-adjusted (symmetric around 1, bounded 0–2; SDG 4.5.1); the parity band is 0.97–1.03. 'Disadvantaged' follows the indicator's direction (for dropout, higher is worse).", "");
    out.push(
      table(
        ["indicator", "groups", "where", "group", "reference", "gap", "adj. parity", "band", "disadvantaged", "notes"],
        s.gaps.slice(0, max).map((g) => gapLine(g, s.labels)),
      ),
      "",
    );
  }
  if (s.spread.length) {
    out.push("### Spread across units", "");
    out.push(
      table(
        ["indicator", "across", "units", "min", "max", "max/min", "Gini", "CV", "skipped (suppressed/unknown)"],
        s.spread.map((r) => [
          r.name,
          r.across,
          String(r.units),
          r.min === null ? "–" : `${fmt(r.min)} (${labelOf(s.labels, r.across, r.minUnit)})`,
          r.max === null ? "–" : `${fmt(r.max)} (${labelOf(s.labels, r.across, r.maxUnit)})`,
          fmt(r.ratioMaxMin),
          fmt(r.gini, "index"),
          fmt(r.cv, "index"),
          String(r.skippedUnits),
        ]),
      ),
      "",
    );
  }
  if (s.segregation.length) {
    out.push("### Segregation across units", "");
    out.push("Dissimilarity D: share of one group that would have to move to match the other's spread (0 even, 1 complete). M (nats) and Theil's H (0–1) over all known groups; between share: part of M due to differences between the larger units.", "");
    out.push(
      table(
        ["groups of", "across", "within", "units used", "units left out (withheld cells)", "D (pair)", "M", "H", "between share"],
        s.segregation.map((r) => [
          r.dimension,
          r.unit,
          r.within ?? "–",
          String(r.units),
          String(r.unitsLeftOut),
          r.pair ? `${fmt(r.dissimilarity, "index")} (${r.pair.join(" vs ")})` : "–",
          fmt(r.M, "index"),
          fmt(r.H, "index"),
          r.betweenShare === null ? "–" : `${fmt(100 * r.betweenShare)}%`,
        ]),
      ),
      "",
    );
  }
  if (s.recommendations?.length) {
    out.push("### Recommendations (ranked: severity, priority, size)", "");
    for (const r of s.recommendations) {
      out.push(`${r.rank}. **${r.title}** (${r.severity}, rule \`${r.rule}\`): ${r.text}`);
      out.push(`   - Evidence: ${r.evidence.map((e) => `${e.name} = ${typeof e.value === "number" ? fmt(e.value, e.name === "parity" ? "index" : Number.isInteger(e.value) ? "count" : undefined) : (e.value ?? "–")}`).join("; ")}`);
      if (r.groups.length > 1) out.push(`   - Groups affected (${r.groups.length}): ${r.groups.slice(0, 8).join("; ")}${r.groups.length > 8 ? "; ..." : ""}`);
      out.push(`   - Sources: ${r.sources.map((x) => (x.url ? `[${x.title}](${x.url})` : x.title)).join("; ")}`);
      for (const c of r.caveats) out.push(`   - Caveat: ${c}`);
    }
    out.push("");
  }
  if (s.readiness) out.push(renderAuditMarkdown(s.readiness, { heading: "###", maxFindings: 15 }), "");
  if (s.breakdowns.length) {
    const max = options.maxBreakdownRows ?? 60;
    const dims = [...new Set(s.breakdowns.flatMap((r) => Object.keys(r)))].filter(
      (k) => !["indicator", "level", "numerator", "denominator", "value", "n", "nExcluded", "ciLow", "ciHigh", "suppressed", "flags"].includes(k),
    );
    out.push(`### Breakdowns (first ${Math.min(max, s.breakdowns.length)} of ${s.breakdowns.length} rows; all rows in results.csv)`, "");
    out.push(
      table(
        ["indicator", "level", ...dims, "value", "n", "flags"],
        s.breakdowns.slice(0, max).map((r) => [r.indicator, r.level, ...dims.map((d) => (r[d] === null || r[d] === undefined ? "" : labelOf(s.labels, d, String(r[d])))), fmt(r.value), fmt(r.n, "count"), r.flags.join(", ")]),
      ),
      "",
    );
  }
  out.push("### Data accounting", "");
  out.push(
    table(
      ["table", "rows read", "kept", "duplicates left out", "orphans (kept, school unknown)"],
      Object.entries(s.integrity.accounts).map(([k, a]) => [k, fmt(a.read, "count"), fmt(a.kept, "count"), fmt(a.duplicates, "count"), fmt(a.orphans, "count")]),
    ),
    "",
  );
  const m = s.integrity.margins;
  if (m.checked || m.withoutParts) {
    out.push(`Published margins checked against the sum of their parts: ${m.checked}; reconciled: ${m.reconciled}; differing: ${m.checked - m.reconciled}; published without parts (nothing to check): ${m.withoutParts}.`, "");
    if (m.mismatches.length) {
      out.push(
        table(
          ["table", "margin", "summed along", "measure", "published", "sum of parts", "difference"],
          m.mismatches.map((x) => [x.table, Object.entries(x.group).map(([k, v]) => `${k}=${v}`).join(", "), x.along, x.measure, fmt(x.published, "count"), fmt(x.sumOfParts, "count"), fmt(x.difference, "count")]),
        ),
        "",
      );
    }
  }
  const codes = Object.entries(s.integrity.issuesByCode);
  if (codes.length) out.push(`Integrity findings: ${codes.map(([k, v]) => `${k} ${v}`).join("; ")}.`, "");
  return out.join("\n");
}

/**
 * Markdown rendering of a report: per section, headline indicators, the largest gaps
 * with parity indices, the spread across units, breakdowns and the data accounting.
 */
export function renderMarkdown(report: EquityReport): string {
  return [`# ${report.title}`, "", ...report.sections.map((s) => renderSectionMarkdown(s))].join("\n");
}
