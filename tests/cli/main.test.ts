import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { COMMANDS, main } from "../../src/cli/main";

function capture(fn: () => number) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: fn(), out: out.join(""), err: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const tmp = mkdtempSync(join(tmpdir(), "emis-cli-"));

describe("emis-equity CLI", () => {
  it("prints the JSON Schema of a profile-narrowed entity", () => {
    const r = capture(() => main(["schema", "Student", "--profile", "bhutan"]));
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.properties.grade.enum).toContain("PP");
    expect(schema.required).toEqual(expect.arrayContaining(["student_id", "school_id", "grade", "sex"]));
  });
  it("lists the catalogue", () => {
    const r = capture(() => main(["indicators"]));
    expect(r.out).toMatch(/pupil-teacher-ratio/);
  });
  it("exits 2 with help on an unknown command or schema", () => {
    expect(capture(() => main(["frobnicate"])).code).toBe(2);
    const r = capture(() => main(["schema", "Nope"]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown schema Nope/);
  });
  it("exits 1 with a one-line typed error when the seeds folder is missing", () => {
    const r = capture(() => main(["report", "--seeds", "/nonexistent", "--out", "/tmp/x", "--quiet"], {}));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nonexistent/);
  });
});

describe("emis-equity indicators --catalogue", () => {
  it("exits 1 with a one-line missing-file error naming a catalogue that does not exist", () => {
    const r = capture(() => main(["indicators", "--catalogue", "/nonexistent.json"]));
    expect(r.code).toBe(1);
    expect(r.err).toBe("emis-equity indicators: cannot read /nonexistent.json: no such file; check the --catalogue path [missing-file]\n");
    expect(r.out).toBe("");
  });
  it("exits 1 with a not-a-file error when the catalogue is a directory", () => {
    const r = capture(() => main(["indicators", "--catalogue", tmp]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/it is a directory, not a file; check the --catalogue path \[not-a-file\]\n$/);
  });
});

describe("emis-equity report and audit --out", () => {
  const file = join(tmp, "afile");
  writeFileSync(file, "");
  it.each(["report", "audit"])("%s exits 1 naming the file when --out lies under a file", (command) => {
    const r = capture(() => main([command, "--out", join(file, "sub"), "--quiet"], {}));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`emis-equity ${command}: cannot write to ${join(file, "sub")}: ${file} is a file, not a folder; choose another --out folder [not-a-directory]\n`);
  });
  it("report exits 1 when --out is under /proc instead of spinning in mkdirSync", () => {
    const r = capture(() => main(["report", "--out", "/proc/emis-equity-test/out", "--quiet"], {}));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^emis-equity report: cannot write to \/proc\/emis-equity-test\/out: .* \[not-writable\]\n$/);
  });
});

describe("emis-equity flags", () => {
  it("rejects an unknown flag, listing the accepted ones with a suggestion, and does not run", () => {
    const out = join(tmp, "never");
    const r = capture(() => main(["report", "--sedes", "x", "--out", out, "--quiet"], {}));
    expect(r.code).toBe(2);
    expect(r.err).toBe("emis-equity report: unknown flag --sedes (did you mean --seeds?); report accepts --seeds DIR, --data DIR, --out DIR, --quiet, --progress, --help [unknown-flag]\n");
    expect(existsSync(out)).toBe(false);
  });
  it.each(Object.keys(COMMANDS))("%s rejects an unknown flag", (command) => {
    const r = capture(() => main([command, "--frobnicate"], {}));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^emis-equity ${command}: unknown flag --frobnicate; ${command} accepts .*--help \\[unknown-flag\\]\\n$`));
  });
  it("rejects a flag without its value at the end of the line", () => {
    const r = capture(() => main(["report", "--out"], {}));
    expect(r.code).toBe(2);
    expect(r.err).toBe("emis-equity report: --out needs a value: --out DIR [missing-flag-value]\n");
  });
  it("rejects schema --profile without a value instead of falling back to generic", () => {
    const r = capture(() => main(["schema", "Student", "--profile"]));
    expect(r.code).toBe(2);
    expect(r.err).toBe("emis-equity schema: --profile needs a value: --profile ID [missing-flag-value]\n");
    expect(r.out).toBe("");
  });
  it("rejects a value flag followed by another flag", () => {
    const r = capture(() => main(["audit", "--out", "--quiet"], {}));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out needs a value/);
  });
  it("prints the help for --help after a command, without running it", () => {
    const r = capture(() => main(["report", "--help", "--out", join(tmp, "never")], {}));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^emis-equity — equity indicators/);
    expect(existsSync(join(tmp, "never"))).toBe(false);
  });
  it("describes in --help exactly the flags each command accepts", () => {
    const help = capture(() => main(["--help"])).out;
    for (const [command, spec] of Object.entries(COMMANDS)) {
      const usage = help.split("\n").find((l) => l.startsWith(`  emis-equity ${command} `))!;
      const documented = [...usage.matchAll(/--(\w+)(?: ([A-Z]+))?/g)].map((m) => [m[1], m[2] ?? true]);
      expect(Object.fromEntries(documented), command).toEqual(spec.flags);
    }
  });
});

describe("emis-equity --version", () => {
  it("prints the version of package.json", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const r = capture(() => main(["--version"]));
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${version}\n`);
  });
});
