import type { AuditResult } from "./audit";

function field(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = Array.isArray(v) ? v.join("; ") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV of an audit: `matrix` (one line per indicator × dimension cell with status,
 * reasons, fields, completeness, unknown share, groups, small groups, population) and
 * `findings` (one line per data-quality finding). RFC 4180 quoting.
 * @example renderAuditCsv(audit(ds)).matrix.split("\n")[0] // "indicator,dimension,field,status,reasons,..."
 */
export function renderAuditCsv(a: AuditResult): { matrix: string; findings: string } {
  const m = ["indicator,dimension,field,status,reasons,fields,completeness,unknown_share,groups,small_groups,population"];
  for (const c of a.matrix) m.push([c.indicator, c.dimension, c.field, c.status, c.reasons, c.fields, c.completeness, c.unknownShare, c.groups, c.smallGroups, c.population].map(field).join(","));
  const f = ["rule,severity,table,record,field,value,message"];
  for (const x of a.quality.findings) f.push([x.rule, x.severity, x.table, x.record, x.field, x.value, x.message].map(field).join(","));
  return { matrix: m.join("\n") + "\n", findings: f.join("\n") + "\n" };
}
