import { EmisValidationError, type EmisIssue } from "../../models/errors";
import type { ReadCounts } from "../read-options";

/** Strict mode: throw one `EmisValidationError` (`rows-rejected`) when any row was rejected. */
export function throwIfRejected(fn: string, file: string, rejects: EmisIssue[], counts: ReadCounts): void {
  if (counts.rejected === 0) return;
  const rules = Object.entries(counts.byRule).map(([k, v]) => `${k}: ${v}`).join(", ");
  throw new EmisValidationError(
    "rows-rejected",
    `${fn}: ${counts.rejected} of ${counts.read} rows of ${file} rejected (${rules}); fix the rows listed in issues, or read without strict to keep the valid rows`,
    rejects,
    { file, counts },
  );
}
