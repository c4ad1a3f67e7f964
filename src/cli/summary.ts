import type { EquityReport, GapRow } from "../report/types";
import type { ReadResult } from "../io/read-options";
import { fmt, labelOf } from "../report/internal/format";
import type { ReportSection } from "../report/types";

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
    const head = s.headline.filter((r) => r.value !== null).slice(0, 10);
    out.push(...head.map((r) => `  ${r.indicator.padEnd(34)} ${fmt(r.value)}${r.flags.length ? `  [${r.flags.join(", ")}]` : ""}`));
    if (s.gaps.length) {
      out.push("  Largest gaps (percentage points for rates, distance from parity otherwise):");
      out.push(...s.gaps.slice(0, 5).map((g) => `   - ${gapText(g, s.labels)}`));
    }
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
