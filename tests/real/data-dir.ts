import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The public data sets live outside the repository (never committed). `npm run
 * test:real` needs EMIS_DATA_DIR (set by .ci/run to ../shared/data).
 */
export function dataDir(folder: string): string {
  const root = process.env.EMIS_DATA_DIR;
  if (!root) throw new Error("EMIS_DATA_DIR is not set: point it at the folder holding the public data sets (e.g. ../shared/data)");
  const dir = join(root, folder);
  if (!existsSync(dir)) throw new Error(`EMIS_DATA_DIR has no ${folder}/ (looked in ${dir})`);
  return dir;
}
