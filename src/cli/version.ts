import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EmisError } from "../models/errors";

/**
 * The version of emis-equity, read from its package.json: `../package.json` from the
 * built `dist/cli.js`, `../../package.json` from the sources in `src/cli/`.
 * @param from the URL of the running module (default this one's)
 * @throws EmisError `missing-package-json` when neither layout holds emis-equity's package.json
 * @example packageVersion() // "0.1.0"
 */
export function packageVersion(from: string = import.meta.url): string {
  const here = dirname(fileURLToPath(from));
  for (const up of ["..", "../.."]) {
    try {
      const pkg = JSON.parse(readFileSync(join(here, up, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "emis-equity" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not this layout: try the next
    }
  }
  throw new EmisError("missing-package-json", `cannot find the package.json of emis-equity above ${here}; reinstall the package`);
}
