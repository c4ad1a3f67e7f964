import { audit } from "../audit/audit";
import { renderAuditCsv } from "../audit/render-audit-csv";
import { renderAuditMarkdown } from "../audit/render-audit-markdown";
import { bhutanSyntheticSection } from "./sources/bhutan-synthetic";
import { checkOutDir, writeOutFiles } from "./out-dir";

/** Options of `emis-equity audit`. */
export interface AuditCommandOptions {
  seeds: string;
  out: string;
  /** No progress display on stderr. */
  quiet?: boolean;
  /** Show read progress in logs too (`--progress`). */
  progress?: boolean;
}

/** Runs the readiness audit over the shipped synthetic Bhutan seeds; writes audit.md/json/csv. */
export function auditCommand(o: AuditCommandOptions): { files: string[]; text: string } {
  checkOutDir(o.out);
  const { spec } = bhutanSyntheticSection(o.seeds, { quiet: o.quiet, always: o.progress });
  const result = audit(spec.dataset, { catalogue: spec.catalogue });
  const md = renderAuditMarkdown(result, { title: `EMIS readiness audit: ${spec.title} (SYNTHETIC DATA)`, heading: "#" });
  const csv = renderAuditCsv(result);
  const files: Record<string, string> = {
    "audit.md": md,
    "audit.json": JSON.stringify(result, null, 1),
    "audit.csv": csv.matrix,
    "audit-findings.csv": csv.findings,
  };
  const paths = writeOutFiles(o.out, files);
  return { files: paths, text: `${md}\nWrote ${paths.join(", ")}` };
}
