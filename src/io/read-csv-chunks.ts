import { EmisInputError } from "../models/errors";
import type { CsvSource } from "./internal/byte-source";
import { knownSize, readChunks } from "./internal/csv-run";
import type { ObjectSchemaLike, ReadChunk, ReadChunksOptions } from "./read-options";

/**
 * Read CSV in chunks of kept rows, for files larger than memory.
 *
 * The same reader and rules as {@link readCsv}; yields a {@link ReadChunk} each time
 * `chunkRows` rows have been kept, and a last, shorter one. Each chunk holds its own
 * columns, rejects and counts (summing the chunks' counts gives the file's;
 * `maxIssuesPerRule` applies to the whole file); code columns share growing
 * dictionaries, so a code means the same value in every chunk. `unique` is checked
 * across the whole file. With `strict`, the generator throws `rows-rejected` (with the
 * issues so far) once a rejected row is read; the chunk holding it is never yielded,
 * the chunks before it are (they were clean).
 *
 * @param input CSV text, UTF-8 bytes, or a stream of UTF-8 byte chunks
 * @param schema a `z.object({...})` whose fields name the columns
 * @param options see {@link ReadChunksOptions}; `chunkRows` defaults to 1,000,000
 * @returns an async iterable of chunks (at least one, possibly empty)
 * @throws the errors of {@link parseCsv}; EmisInputError for a `chunkRows` that is not a positive whole number
 * @example
 * let kept = 0;
 * for await (const chunk of readCsvChunks(bytes, Pupil, { chunkRows: 500_000 })) kept += chunk.table.length;
 * kept; // 1_250_000 (chunks of 500000, 500000 and 250000 rows)
 */
export async function* readCsvChunks(input: CsvSource, schema: ObjectSchemaLike, options: ReadChunksOptions = {}): AsyncGenerator<ReadChunk> {
  const chunkRows = options.chunkRows ?? 1_000_000;
  if (!(Number.isInteger(chunkRows) && chunkRows > 0)) {
    throw new EmisInputError("invalid-options", `readCsvChunks: options.chunkRows must be a positive whole number, got ${chunkRows}`);
  }
  yield* readChunks("readCsvChunks", input, schema, options, chunkRows, knownSize(input));
}
