import { accessSync, constants, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EmisInputError } from "../models/errors";

const HINT = "choose another --out folder";

/**
 * Checks, before any work is done, that the `--out` folder can be created and written:
 * the folder, or its nearest existing ancestor, must be a writable directory outside
 * /proc and /sys (where Node's recursive `mkdirSync` never returns). Creates nothing.
 * @throws EmisInputError `not-a-directory` (the folder or an ancestor is a file) or
 * `not-writable` (no write permission, or under /proc or /sys)
 * @example checkOutDir("/tmp/x/afile/sub") // throws "cannot write to /tmp/x/afile/sub: /tmp/x/afile is a file, not a folder; ..."
 */
export function checkOutDir(dir: string): void {
  let existing = resolve(dir);
  let isDirectory: boolean;
  for (;;) {
    try {
      isDirectory = statSync(existing).isDirectory();
      break;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(existing) === existing) throw writeError(dir, e);
      existing = dirname(existing);
    }
  }
  const where = existing === resolve(dir) ? "it" : existing;
  if (!isDirectory) throw new EmisInputError("not-a-directory", `cannot write to ${dir}: ${where} is a file, not a folder; ${HINT}`, { path: dir, existing });
  const real = realpathSync(existing);
  if (/^\/(proc|sys)(\/|$)/.test(real)) {
    throw new EmisInputError("not-writable", `cannot write to ${dir}: /proc and /sys are virtual file systems, not for output files; ${HINT}`, { path: dir, existing });
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new EmisInputError("not-writable", `cannot write to ${dir}: ${where} is not writable; ${HINT}`, { path: dir, existing });
  }
}

/**
 * Writes `files` (name → text) into the `--out` folder, creating it first.
 * @returns the paths written, in the order of `files`
 * @throws EmisInputError as {@link checkOutDir}, or `not-writable` when a write fails
 */
export function writeOutFiles(dir: string, files: Record<string, string>): string[] {
  checkOutDir(dir);
  try {
    mkdirSync(dir, { recursive: true });
    return Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
  } catch (e) {
    throw writeError(dir, e);
  }
}

/** A file-system error as a one-line EmisInputError; anything else unchanged. */
function writeError(dir: string, e: unknown): unknown {
  const { code, path, message } = e as { code?: unknown; path?: unknown; message?: unknown };
  if (typeof code !== "string" || typeof message !== "string") return e;
  // Node's message reads "EACCES: permission denied, open 'out/report.md'": keep the part before the path.
  return new EmisInputError("not-writable", `cannot write to ${typeof path === "string" ? path : dir}: ${message.split(",")[0]}; ${HINT}`, { path: dir, code });
}
