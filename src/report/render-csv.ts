import type { EquityReport } from "./types";
import { csvField } from "./internal/format";

function toCsv(rows: Array<Record<string, unknown>>, lead: Record<string, string>): string {
  const cols: string[] = [...Object.keys(lead)];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return [cols.join(","), ...rows.map((r) => cols.map((c) => csvField(c in lead ? lead[c] : r[c])).join(","))].join("\n") + "\n";
}

/**
 * Tidy CSV renderings of a report: `results` (every headline and breakdown row, with a
 * `section` column), `gaps` and `spread`. Suppressed cells are empty, flagged `suppressed`.
 */
export function renderCsv(report: EquityReport): { results: string; gaps: string; spread: string } {
  const parts = (pick: (s: EquityReport["sections"][number]) => Array<Record<string, unknown>>) => {
    const all: Array<Record<string, unknown>> = [];
    for (const s of report.sections) for (const r of pick(s)) all.push({ section: s.id, ...r });
    return toCsv(all, {});
  };
  return {
    results: parts((s) => [...s.headline, ...s.breakdowns]),
    gaps: parts((s) => s.gaps as unknown as Array<Record<string, unknown>>),
    spread: parts((s) => s.spread as unknown as Array<Record<string, unknown>>),
  };
}
