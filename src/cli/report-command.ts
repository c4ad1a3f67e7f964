import { join } from "node:path";
import { buildReport } from "../report/build-report";
import { renderCsv } from "../report/render-csv";
import { renderMarkdown } from "../report/render-markdown";
import type { SectionSpec } from "../report/types";
import type { ReadResult } from "../io/read-options";
import { csvField } from "../report/internal/format";
import { bhutanSyntheticSection } from "./sources/bhutan-synthetic";
import { bhutanPublishedSection } from "./sources/bhutan-published";
import { hasIndia, indiaSection, type FlowCheck } from "./sources/india-udise";
import { hasTanzania, tanzaniaSection } from "./sources/tanzania";
import { summaryText } from "./summary";
import { checkOutDir, writeOutFiles } from "./out-dir";

/** Options of `emis-equity report`. */
export interface ReportCommandOptions {
  seeds: string;
  data?: string;
  out: string;
  quiet?: boolean;
  /** Show read progress in logs too (`--progress`). */
  progress?: boolean;
}

/** Runs the main job: equity report over the shipped seeds and, when given, the real data sets. */
export function reportCommand(o: ReportCommandOptions): { files: string[]; summary: string } {
  checkOutDir(o.out); // before the reads, which can take minutes on the real data sets
  const specs: SectionSpec[] = [];
  const reads: ReadResult[] = [];
  const extraMd: string[] = [];
  const extraText: string[] = [];
  const display = { quiet: o.quiet, always: o.progress };
  const syn = bhutanSyntheticSection(o.seeds, display);
  specs.push(syn.spec);
  reads.push(...syn.reads);
  const pub = bhutanPublishedSection(o.seeds, display);
  specs.push(pub.spec);
  reads.push(...pub.reads);
  let flow: FlowCheck | undefined;
  if (o.data && hasIndia(o.data)) {
    const india = indiaSection(join(o.data, "india_udise_2018_19_states"), display);
    specs.push(india.spec);
    reads.push(...india.reads);
    flow = india.flowCheck;
  }
  if (o.data && hasTanzania(o.data)) {
    const tz = tanzaniaSection(join(o.data, "tanzania_primary_enrolment_2022"), display);
    specs.push(tz.spec);
    reads.push(...tz.reads);
  }
  if (!o.data) extraText.push("EMIS_DATA_DIR is not set: only the shipped seeds were used (set it to add India UDISE+ and Tanzania).");
  const report = buildReport("emis-equity: equity report", specs);
  if (flow) {
    const line = `India flow identity: promotion + repetition + dropout within ${flow.tolerance} of 100 for ${flow.within} of ${flow.checked} state × level × sex rows; furthest: ${flow.worst.map((w) => `${w.state} ${w.level} ${w.sex} = ${w.sum}`).join("; ")}`;
    extraMd.push("## India UDISE+ 2018-19: flow identity", "", line, "");
    extraText.push(line);
  }
  const csv = renderCsv(report);
  const md = [renderMarkdown(report), ...extraMd].join("\n");
  const files = {
    "report.md": md,
    "report.json": JSON.stringify({ ...report, flowIdentity: flow ?? null }, null, 1),
    "results.csv": csv.results,
    "gaps.csv": csv.gaps,
    "spread.csv": csv.spread,
    "rejects.csv": rejectsCsv(reads),
  };
  const paths = writeOutFiles(o.out, files);
  const summary = summaryText(report, reads, [...extraText, `Wrote ${paths.join(", ")}`]);
  return { files: paths, summary };
}

function rejectsCsv(reads: ReadResult[]): string {
  const lines = ["file,row,column,rule,value,message"];
  for (const r of reads) for (const i of r.rejects) lines.push([i.file, i.row, i.column, i.rule, i.value, i.message].map(csvField).join(","));
  return lines.join("\n") + "\n";
}
