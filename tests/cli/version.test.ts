import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { packageVersion } from "../../src/cli/version";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const at = (path: string) => pathToFileURL(resolve(path)).href;

describe("packageVersion", () => {
  it("reads the version from the sources (src/cli/version.ts)", () => {
    expect(packageVersion()).toBe(version);
  });
  it("reads the version from the build layout (dist/cli.js)", () => {
    expect(packageVersion(at("dist/cli.js"))).toBe(version);
  });
  it("throws a typed error when no emis-equity package.json is found", () => {
    const dir = mkdtempSync(join(tmpdir(), "emis-version-"));
    expect(() => packageVersion(at(join(dir, "a", "cli.js")))).toThrow(expect.objectContaining({ code: "missing-package-json" }));
  });
});
