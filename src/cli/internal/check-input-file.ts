import { statSync } from "node:fs";
import { EmisInputError } from "../../models/errors";

/**
 * Checks that `path` is an existing file before it is read, so that the CLI prints one
 * line instead of a Node stack trace.
 * @param hint what to check, e.g. "check the --seeds or --data folder"
 * @throws EmisInputError `missing-file` (no such path) or `not-a-file` (a directory)
 */
export function checkInputFile(path: string, hint: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
    throw new EmisInputError("missing-file", `cannot read ${path}: no such file; ${hint}`, { file: path });
  }
  if (isDirectory) throw new EmisInputError("not-a-file", `cannot read ${path}: it is a directory, not a file; ${hint}`, { file: path });
}
