import type { EmisIssue } from "../../models/errors";

/**
 * Marks the first occurrence of each id as kept; later ones are duplicates, reported
 * with the row of the first (rows are 1-based data rows, as readers number them).
 * A missing id is kept (the reader's schema check already rejects required ids).
 */
export function dedupe(
  n: number,
  idAt: (i: number) => string | null,
  file: string,
  column: string,
  issues: EmisIssue[],
  keyAt?: (i: number) => string | null,
): { keep: Uint8Array; duplicates: number } {
  const keep = new Uint8Array(n);
  const first = new Map<string, number>();
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const id = idAt(i);
    if (id === null) {
      keep[i] = 1;
      continue;
    }
    const key = keyAt ? `${id}\u0000${keyAt(i) ?? ""}` : id;
    const prev = first.get(key);
    if (prev === undefined) {
      first.set(key, i);
      keep[i] = 1;
    } else {
      duplicates++;
      if (duplicates <= 1000) {
        issues.push({
          code: "duplicate-id",
          file,
          row: i + 1,
          column,
          rule: `unique ${column}`,
          value: id,
          message: `${file} row ${i + 1}: ${column} ${id} repeats row ${prev + 1}; the later row is left out — remove or renumber it`,
        });
      }
    }
  }
  return { keep, duplicates };
}
