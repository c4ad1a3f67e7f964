import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { audit } from "../audit/audit";
import { renderAuditCsv } from "../audit/render-audit-csv";
import { renderAuditMarkdown } from "../audit/render-audit-markdown";
import { bhutanSyntheticSection } from "./sources/bhutan-synthetic";

/** Options of `emis-equity audit`. */
export interface AuditCommandOptions {
  seeds: string;
  out: string;
  /** No progress display on stderr. */
  quiet?: boolean;
}

/** Runs the readiness audit over the shipped synthetic Bhutan seeds; writes audit.md/json/csv. */
export function auditCommand(o: AuditCommandOptions): { files: string[]; text: string } {
  const { spec } = bhutanSyntheticSection(o.seeds, o.quiet);
  const result = audit(spec.dataset, { catalogue: spec.catalogue });
  const md = renderAuditMarkdown(result, { title: `EMIS readiness audit: ${spec.title} (SYNTHETIC DATA)`, heading: "#" });
  const csv = renderAuditCsv(result);
  mkdirSync(o.out, { recursive: true });
  const files: Record<string, string> = {
    "audit.md": md,
    "audit.json": JSON.stringify(result, null, 1),
    "audit.csv": csv.matrix,
    "audit-findings.csv": csv.findings,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(o.out, name), text);
  const paths = Object.keys(files).map((f) => join(o.out, f));
  return { files: paths, text: `${md}\nWrote ${paths.join(", ")}` };
}
