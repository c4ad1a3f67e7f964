import type { CsvSource } from "./internal/byte-source";
import { knownSize, readAll } from "./internal/csv-run";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "./read-options";

export type { CsvSource } from "./internal/byte-source";

/**
 * Read CSV from text, bytes, an (async) iterable of byte chunks or a ReadableStream
 * into typed columns checked against a zod object schema.
 *
 * The same reader and rules as {@link parseCsv}, fed chunk by chunk: only one row
 * is ever carried between chunks, so memory holds the columns, not the file.
 * `onProgress` is called after each chunk. For files whose columns do not fit in
 * memory, use `readCsvChunks`.
 *
 * @param input CSV text, UTF-8 bytes, or a stream of UTF-8 byte chunks
 * @param schema a `z.object({...})` whose fields name the columns
 * @param options see {@link ReadOptions}
 * @returns a promise of the kept rows, the issues and the counts (`read = kept + rejected`)
 * @throws (rejects with) the errors of {@link parseCsv}, and EmisInputError for an unsupported input
 * @example
 * const r = await readCsv(stream, z.object({ school_id: z.string(), pupils: z.int().min(0) }),
 *   { aliases: { school_id: ["School ID"] }, unique: ["school_id"] });
 * r.counts; // { read: 120, kept: 119, rejected: 1, byRule: { "duplicate-id": 1 } }
 */
export async function readCsv(input: CsvSource, schema: ObjectSchemaLike, options: ReadOptions = {}): Promise<ReadResult> {
  return readAll("readCsv", input, schema, options, knownSize(input));
}
