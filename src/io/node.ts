import { createReadStream } from "node:fs";
import { readCsv } from "./read-csv";
import { readCsvChunks } from "./read-csv-chunks";
import type { ObjectSchemaLike, ReadChunk, ReadChunksOptions, ReadOptions, ReadResult } from "./read-options";

/**
 * Read a CSV file from disk (Node only): `fs.createReadStream` piped into `readCsv`,
 * so the file is never held in memory as a whole. The file label in issues is the path
 * unless `options.file` is given.
 *
 * @param path file path
 * @param schema a `z.object({...})`
 * @param options see {@link ReadOptions}
 * @returns the kept rows, the issues and the counts
 * @throws the errors of `readCsv`; a Node `ENOENT` error when the file does not exist
 * @example
 * const r = await readCsvFile("pupils.csv", Pupil, { unique: ["pupil_id"] });
 * r.counts.read === r.counts.kept + r.counts.rejected; // true
 */
export function readCsvFile(path: string, schema: ObjectSchemaLike, options: ReadOptions = {}): Promise<ReadResult> {
  return readCsv(createReadStream(path, { highWaterMark: 1 << 20 }), schema, { ...options, file: options.file ?? path });
}

/**
 * Read a CSV file from disk in chunks of kept rows (Node only); see `readCsvChunks`.
 *
 * @param path file path
 * @param schema a `z.object({...})`
 * @param options see {@link ReadChunksOptions}
 * @returns an async iterable of chunks
 * @throws the errors of `readCsvChunks`
 * @example
 * for await (const chunk of readCsvFileChunks("pupils.csv", Pupil, { chunkRows: 1e6 })) total += chunk.counts.kept;
 */
export function readCsvFileChunks(path: string, schema: ObjectSchemaLike, options: ReadChunksOptions = {}): AsyncGenerator<ReadChunk> {
  return readCsvChunks(createReadStream(path, { highWaterMark: 1 << 20 }), schema, { ...options, file: options.file ?? path });
}
