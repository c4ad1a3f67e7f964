import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseCsv } from "../io/parse-csv";
import type { ObjectSchemaLike, ReadOptions, ReadResult } from "../io/read-options";
import { createProgress, type ProgressOptions } from "./progress";
import { checkInputFile } from "./internal/check-input-file";

/** How the CLI shows long reads: `quiet` (`--quiet`) shows nothing; `always` (`--progress`) shows progress in logs too. */
export interface Display {
  quiet?: boolean;
  always?: boolean;
}

/** {@link readTable}'s options for a {@link Display}. */
export function displayOptions(d: Display = {}): Pick<ReadTableOptions, "quiet" | "progress"> {
  return { quiet: d.quiet, progress: d.always ? { always: true } : undefined };
}

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
  const progress = createProgress(path, { ...progressOptions, quiet });
  try {
    return parseCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), schema, {
      file: path,
      ...readOptions,
      onProgress: (p) => {
        progress.onProgress(p);
        onProgress?.(p);
      },
    });
  } finally {
    progress.done();
  }
}
