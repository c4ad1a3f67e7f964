import { buildSection } from "./build-section";
import type { EquityReport, SectionSpec } from "./types";

/**
 * Assembles an equity report (JSON-serialisable) from section specs: one per data
 * source. Deterministic: the same inputs give the same report (no timestamps).
 * Render it with `renderMarkdown` or `renderCsv`.
 * @example const report = buildReport("Equity report", [{ id: "bt", title: "Bhutan", source: "...", dataset, headline: ["enrolment"] }]);
 */
export function buildReport(title: string, sections: SectionSpec[]): EquityReport {
  return { title, sections: sections.map(buildSection) };
}
