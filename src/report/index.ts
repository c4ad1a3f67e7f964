export { buildReport } from "./build-report";
export { buildSection } from "./build-section";
export { renderMarkdown, renderSectionMarkdown } from "./render-markdown";
export { renderCsv } from "./render-csv";
export type { EquityReport, ReportSection, SectionSpec, GapSpec, GapRow, SpreadSpec, SpreadRow } from "./types";
export { publishedGaps } from "./published-gaps";
export type { PublishedGapsOptions } from "./published-gaps";
export { gapScore } from "./build-section";
