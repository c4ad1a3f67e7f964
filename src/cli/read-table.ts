import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseCsv } from "../io/parse-csv";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "../io/read-options";
import { createProgress, type ProgressOptions } from "./progress";
import { checkInputFile } from "./internal/check-input-file";

/** Options of {@link readTable}: the readers' options, plus the progress display. */
export interface ReadTableOptions extends ReadOptions {
  /** No progress display on stderr (the CLI's `--quiet`). Default false. */
  quiet?: boolean;
  /** Settings of the progress display (stream, clock, delay); tests pass fakes. */
  progress?: Omit<ProgressOptions, "quiet">;
}

/**
 * Reads a CSV file (or `.csv.gz`) with the given schema; the file label is the path.
 * Long reads show their progress on stderr when it is a terminal, unless `quiet`.
 *
 * @throws EmisInputError `missing-file` (no such path) or `not-a-file` (a directory)
 */
export function readTable(path: string, schema: ObjectSchemaLike, options: ReadTableOptions = {}): ReadResult {
  const { quiet, progress: progressOptions, onProgress, ...readOptions } = options;
  checkInputFile(path, "check the --seeds or --data folder");
  const raw = readFileSync(path);
  const bytes = path.endsWith(".gz") ? gunzipSync(raw) : raw;
  // A profile's aliases cover every entity: pass on those of this schema's fields.
  const aliases = readOptions.aliases ? Object.fromEntries(Object.entries(readOptions.aliases).filter(([k]) => k in schema.shape)) : undefined;
  const progress = createProgress(path, { ...progressOptions, quiet });
  try {
    return parseCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), schema, {
      file: path,
      ...readOptions,
      aliases,
      onProgress: (p) => {
        progress.onProgress(p);
        onProgress?.(p);
      },
    });
  } finally {
    progress.done();
  }
}
