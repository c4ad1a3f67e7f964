import { EmisInputError, EmisValidationError } from "../models/errors";
import { prepare } from "./internal/csv-run";
import { matchHeader } from "./internal/header";
import { throwIfRejected } from "./internal/strict";
import { TableBuilder } from "./internal/table-builder";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "./read-options";

/**
 * Read JSON records (text of an array of objects, or the array itself) into typed
 * columns, with the same checks, issues and result as {@link parseCsv}.
 *
 * Keys match schema fields by name or `options.aliases` like CSV headers (a required
 * field must appear as a key in at least one record). Values: `null`, `undefined` or
 * an absent key are an empty cell; strings are read like CSV text (so `"3.5"` is a
 * number for a number field, `"yes"` a boolean); numbers and booleans are taken as
 * they are (for a text field, as their text); objects and arrays are rejected
 * (`invalid-type`). A record that is not an object is rejected (`invalid-row`).
 * `delimiter` is `""` in the result.
 *
 * @param input JSON text of an array of objects, or an array of objects
 * @param schema a `z.object({...})`
 * @param options see {@link ReadOptions} (`delimiter` and `onProgress` are ignored)
 * @returns the kept rows, the issues and the counts (`read = kept + rejected`)
 * @throws EmisValidationError `empty-file`, `not-json` (unparsable, or not an array),
 *   `missing-column`, `duplicate-header`, `rows-rejected` with `strict`;
 *   EmisDefinitionError for an unsupported schema
 * @example
 * const r = readJson('[{"id":"a","n":2},{"id":"b","n":"x"}]', z.object({ id: z.string(), n: z.int() }));
 * r.counts; // { read: 2, kept: 1, rejected: 1, byRule: { "invalid-type": 1 } }
 * rowAt(r.table, 0); // { id: "a", n: 2 }
 */
export function readJson(input: string | unknown[], schema: ObjectSchemaLike, options: ReadOptions = {}): ReadResult {
  const fn = "readJson";
  const fields = prepare(fn, schema, options);
  const file = options.file ?? "input";
  let rows: unknown;
  if (typeof input === "string") {
    if (input.trim() === "") throw new EmisValidationError("empty-file", `${fn}: ${file} is empty; it needs a JSON array of records`, [], { file });
    try {
      rows = JSON.parse(input);
    } catch (e) {
      throw new EmisValidationError("not-json", `${fn}: ${file} is not valid JSON (${(e as Error).message}); pass a JSON array of records`, [], { file });
    }
  } else rows = input;
  if (!Array.isArray(rows)) {
    if (typeof input !== "string") throw new EmisInputError("invalid-input", `${fn} reads JSON text or an array of records, got ${rows === null ? "null" : typeof rows}`);
    throw new EmisValidationError("not-json", `${fn}: ${file} holds JSON ${rows === null ? "null" : typeof rows}, not an array of records; pass [{...}, {...}]`, [], { file });
  }
  const keys = new Map<string, number>();
  for (const r of rows) {
    if (r !== null && typeof r === "object" && !Array.isArray(r)) for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  const headers = [...keys.keys()];
  const match = rows.length === 0
    ? { columnField: [], ignoredColumns: [] }
    : matchHeader(fn, file, headers, fields, options.aliases ?? {}, false);
  const b = new TableBuilder({
    fn, file, fields, columnField: match.columnField,
    decimalComma: options.decimalComma ?? false, unique: options.unique ?? [],
    maxIssuesPerRule: options.maxIssuesPerRule ?? 1000, chunkRows: 0, maxRows: rows.length,
  });
  const used = headers.map((h, c) => [h, c] as const).filter(([, c]) => match.columnField[c] >= 0);
  const enc = new TextEncoder();
  let scratch = new Uint8Array(256);
  for (const r of rows) {
    if (r === null || typeof r !== "object" || Array.isArray(r)) {
      b.rejectRow("invalid-row", "an object", r, `record is ${r === null ? "null" : Array.isArray(r) ? "an array" : typeof r}, not an object; pass one object per record`);
      continue;
    }
    b.beginRow();
    const rec = r as Record<string, unknown>;
    for (const [h, c] of used) {
      const v = rec[h];
      if (v === undefined || v === null) b.cell(c, scratch, 0, 0);
      else if (typeof v === "number") b.cellNumber(c, v);
      else if (typeof v === "string" || typeof v === "boolean") {
        const s = String(v);
        if (scratch.length < s.length * 3) scratch = new Uint8Array(s.length * 3);
        const { written } = enc.encodeInto(s, scratch);
        b.cell(c, scratch, 0, written);
      } else b.rowIssue(match.columnField[c], "invalid-type", fields[match.columnField[c]].rule, v);
    }
    b.endRow(headers.length);
  }
  const piece = b.takePiece();
  const { rejects, counts } = b.totals();
  if (options.strict) throwIfRejected(fn, file, rejects, counts);
  return { file, table: piece.table, rejects, rejectedRows: piece.rejectedRows, counts, ignoredColumns: match.ignoredColumns, delimiter: "" };
}
