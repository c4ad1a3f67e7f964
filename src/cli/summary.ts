import type { EquityReport, GapRow } from "../report/types";
import type { ReadResult } from "../io/read-options";
import { fmt, labelOf } from "../report/internal/format";
import type { ReportSection } from "../report/types";

const UNIT_SUFFIX: Record<string, string> = { percent: "%", ratio: "", count: "", score: " (score)", index: " (index)", years: " years", share: "" };

/** Short legend of the flags a summary shows, so no code is left unexplained. */
const FLAG_TEXT: Partial<Record<string, string>> = {
  "unknown-excluded": "records with an unknown outcome left out of both parts",
  "zero-denominator": "nothing to divide by: no value",
  "below-min-n": "fewer records than the indicator's minimum: read with care",
  suppressed: "hidden: a count under the minimum cell size",
  "suppressed-complementary": "hidden so that a small count cannot be worked out",
  "single-unit": "spread over one unit only",
  "empty-group": "no records",
};

function gapText(g: GapRow, labels: ReportSection["labels"]): string {
  const where = g.within ? (g.unitCode === null ? " overall" : ` in ${labelOf(labels, g.within, g.unitCode)}`) : "";
  const pp = g.unit === "percent" ? " pp" : "";
  return `${g.name} by ${g.by}: ${g.group} ${fmt(g.groupValue, g.unit)} vs ${g.reference} ${fmt(g.referenceValue, g.unit)}${where} (gap ${g.gap >= 0 ? "+" : ""}${fmt(g.gap, g.unit === "count" ? "ratio" : g.unit)}${pp}, adjusted parity ${fmt(g.adjustedParityIndex, "index")})`;
}

/** The short plain-text summary the CLI prints after a report. */
export function summaryText(report: EquityReport, reads: ReadResult[], extra: string[] = []): string {
  const out: string[] = [report.title, "=".repeat(report.title.length)];
  const read = reads.reduce((a, r) => a + r.counts.read, 0);
  const kept = reads.reduce((a, r) => a + r.counts.kept, 0);
  out.push(`Input rows: ${read.toLocaleString("en-US")} read = ${kept.toLocaleString("en-US")} kept + ${(read - kept).toLocaleString("en-US")} rejected (${reads.length} files)`);
  for (const s of report.sections) {
    out.push("", `## ${s.title}`);
    const head = s.headline.filter((r) => r.value !== null).slice(0, 12);
    const seen = new Set<string>();
    out.push(
      ...head.map((r) => {
        const name = s.names?.[r.indicator] ?? r.indicator;
        const unit = UNIT_SUFFIX[s.units?.[r.indicator] ?? ""] ?? "";
        r.flags.forEach((f) => seen.add(f));
        return `  ${name.padEnd(46)} ${fmt(r.value, s.units?.[r.indicator])}${unit}${r.flags.length ? `  [${r.flags.join(", ")}]` : ""}`;
      }),
    );
    const rates = s.gaps.filter((g) => g.unit === "percent");
    const others = s.gaps.filter((g) => g.unit !== "percent");
    if (rates.length) {
      out.push("  Largest gaps in rates (group minus reference, percentage points; parity index UIS-adjusted, 1 = parity):");
      out.push(...rates.slice(0, 5).map((g) => `   - ${gapText(g, s.labels)}`));
    }
    if (others.length) {
      out.push("  Other gaps, furthest from parity:");
      out.push(...others.slice(0, 3).map((g) => `   - ${gapText(g, s.labels)}`));
    }
    const legend = [...seen].filter((f) => FLAG_TEXT[f]).map((f) => `${f}: ${FLAG_TEXT[f]}`);
    if (legend.length) out.push(`  Flags: ${legend.join("; ")}.`);
    if (s.spread.length) {
      out.push("  Spread across units:");
      out.push(
        ...s.spread.map(
          (r) => `   - ${r.name} across ${r.units} ${r.across} units: ${fmt(r.min)} (${labelOf(s.labels, r.across, r.minUnit)}) to ${fmt(r.max)} (${labelOf(s.labels, r.across, r.maxUnit)}), Gini ${fmt(r.gini, "index")}, CV ${fmt(r.cv, "index")}`,
        ),
      );
    }
    if (s.readiness) {
      const d = s.readiness.dimensions.filter((x) => x.score !== null);
      out.push(`  EMIS readiness score: ${s.readiness.score === null ? "–" : s.readiness.score.toFixed(1)} / 100 over ${s.readiness.matrix.length} indicator × dimension cells (lowest: ${[...d].sort((a, b) => (a.score as number) - (b.score as number)).slice(0, 3).map((x) => `${x.label} ${(x.score as number).toFixed(0)}`).join(", ")}).`);
    }
    if (s.recommendations?.length) {
      out.push(`  Top recommendations (${Math.min(3, s.recommendations.length)} of ${s.recommendations.length}):`);
      out.push(...s.recommendations.slice(0, 3).map((r) => `   ${r.rank}. [${r.severity}] ${r.title}: ${r.text}${r.caveats.length ? ` (caveats: ${r.caveats.length})` : ""}`));
    }
    const m = s.integrity.margins;
    if (m.checked) out.push(`  Margins: ${m.reconciled} of ${m.checked} published totals equal the sum of their parts${m.checked > m.reconciled ? " (the differences are listed in report.md)" : ""}.`);
  }
  if (extra.length) out.push("", ...extra);
  return out.join("\n");
}
