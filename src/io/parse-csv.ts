import { CsvRun, toBytes } from "./internal/csv-run";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "./read-options";

/**
 * Parse CSV text or bytes into typed columns checked against a zod object schema (synchronous).
 *
 * Rules: the first line is the header; headers match schema fields by name or
 * `options.aliases` (case-insensitive, trimmed, spaces/underscores/hyphens ignored);
 * unmatched headers are listed in `ignoredColumns`. RFC 4180 quotes, a UTF-8 BOM,
 * CRLF/LF, and `,` `;` tab delimiters (detected from the header) are read; blank lines
 * are skipped. Cells are coerced as documented in `compileChecks`: every cell loses
 * the spaces and tabs around it, and one of spaces and tabs only is empty; an empty
 * cell is missing (accepted only by optional, nullable or defaulted fields; stored as
 * `MISSING_CODE`/`NaN` or the default), number fields read decimal text (`3,5` with
 * `decimalComma`), boolean fields read true/false/yes/no/1/0 in any case, text and
 * codes are kept exactly otherwise (`"P1 "` is the id `P1`). A row with any invalid
 * cell, the wrong number of fields, or (with `unique`) a repeated id is rejected;
 * issues are kept per issue code up to `maxIssuesPerRule`, all are counted, and
 * `read = kept + rejected`.
 *
 * Text must be UTF-8: the first header or cell that is read (columns not in the
 * schema are skipped unread) and is not valid UTF-8 stops the read with `not-utf8`,
 * naming the row and column. A Latin-1 or Windows-1252 file would otherwise lose its
 * accented values, or all its rows holding them, silently; it needs re-saving, not
 * row-by-row rejection. Input that starts like JSON (`[{`, `{"`) is `not-csv`, with a
 * pointer to `readJson`.
 *
 * Performance: one pass over the bytes, no string per cell (one per distinct value),
 * columns sized from the input and returned without a final copy; `bench/ingest.ts`
 * measures rows per second and peak memory.
 *
 * @param input CSV text or UTF-8 bytes
 * @param schema a `z.object({...})` whose fields name the columns
 * @param options see {@link ReadOptions}
 * @returns the kept rows as a ColumnTable, the issues and the counts
 * @throws EmisValidationError `empty-file`, `not-csv` (binary, UTF-16, JSON, or one
 *   column where several are needed), `not-utf8` (with the file, row and column),
 *   `missing-column`, `duplicate-header`, and
 *   `rows-rejected` with `strict`; EmisDefinitionError for an unsupported schema;
 *   EmisInputError for invalid options
 * @example
 * const r = parseCsv("id;sex;score\n1;f;3,5\n2;x;4\n", z.object({
 *   id: z.string(), sex: z.enum(["f", "m"]), score: z.number() }), { decimalComma: true });
 * r.counts; // { read: 2, kept: 1, rejected: 1, byRule: { "invalid-value": 1 } }
 * rowAt(r.table, 0); // { id: "1", sex: "f", score: 3.5 }
 * r.rejects[0].row; // 2
 */
export function parseCsv(input: string | Uint8Array, schema: ObjectSchemaLike, options: ReadOptions = {}): ReadResult {
  const bytes = toBytes("parseCsv", input);
  const run = new CsvRun("parseCsv", schema, options, 0, bytes.length);
  run.push(bytes);
  run.finish();
  return run.result();
}
