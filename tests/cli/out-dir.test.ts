import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutDir, writeOutFiles } from "../../src/cli/out-dir";
import { reportCommand } from "../../src/cli/report-command";

const tmp = mkdtempSync(join(tmpdir(), "emis-out-"));
const file = join(tmp, "afile");
writeFileSync(file, "");

describe("checkOutDir", () => {
  it("accepts an existing folder and a folder still to be created", () => {
    expect(() => checkOutDir(tmp)).not.toThrow();
    expect(() => checkOutDir(join(tmp, "a", "b"))).not.toThrow();
  });
  it("rejects a file, and a path under a file, naming the file", () => {
    expect(() => checkOutDir(file)).toThrow(`cannot write to ${file}: it is a file, not a folder; choose another --out folder`);
    expect(() => checkOutDir(join(file, "sub", "x"))).toThrow(expect.objectContaining({ code: "not-a-directory", message: expect.stringContaining(`${file} is a file`) }));
  });
  it("rejects /proc and /sys, where a recursive mkdirSync never returns", () => {
    for (const dir of ["/proc/emis-equity-test/out", "/sys/emis-equity-test"]) expect(() => checkOutDir(dir)).toThrow(expect.objectContaining({ code: "not-writable" }));
  });
});

describe("writeOutFiles", () => {
  it("creates the folder and returns the paths written", () => {
    const dir = join(tmp, "new", "out");
    expect(writeOutFiles(dir, { "a.txt": "A", "b.txt": "B" })).toEqual([join(dir, "a.txt"), join(dir, "b.txt")]);
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toBe("B");
  });
  it("turns a failed write into a one-line not-writable error", () => {
    const dir = join(tmp, "clash");
    mkdirSync(join(dir, "a.txt"), { recursive: true });
    expect(() => writeOutFiles(dir, { "a.txt": "A" })).toThrow(expect.objectContaining({ code: "not-writable", message: `cannot write to ${join(dir, "a.txt")}: EISDIR: illegal operation on a directory; choose another --out folder` }));
  });
});

describe("reportCommand --out", () => {
  it("checks the folder before reading the seeds", () => {
    expect(() => reportCommand({ seeds: "/nonexistent", out: join(file, "sub"), quiet: true })).toThrow(expect.objectContaining({ code: "not-a-directory" }));
  });
});
