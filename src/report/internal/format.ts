/** Formats a figure for reading: thousands separators for counts, 1–3 decimals otherwise. */
export function fmt(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined) return "–";
  if (unit === "count") return Math.round(v).toLocaleString("en-US");
  const abs = Math.abs(v);
  const digits = unit === "index" || abs < 1 ? 3 : abs < 100 ? 1 : 0;
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Markdown table from a header and rows of cells (pipes escaped). */
export function table(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${header.map(esc).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

/**
 * One CSV field (RFC 4180 quoting). Text starting with =, +, -, @, tab or carriage
 * return gets a leading apostrophe, so a code such as `=HYPERLINK(...)` read from an
 * input file cannot run as a formula when the CSV is opened in a spreadsheet (OWASP
 * CSV injection); numbers are written as they are.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = Array.isArray(v) ? v.join(";") : String(v);
  if (typeof v !== "number" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Display name of a code: the profile unit's name when there is one, else the code. */
export function labelOf(labels: Record<string, Record<string, string>>, dim: string | null, code: string | null): string {
  if (code === null) return "all";
  return (dim && labels[dim]?.[code]) || code;
}
