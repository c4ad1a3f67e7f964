import { describe, expect, it } from "vitest";
import { parseArgs, type CommandSpec } from "../../src/cli/parse-args";
import { isEmisError } from "../../src/models/errors";

const commands: Record<string, CommandSpec> = {
  report: { flags: { seeds: "DIR", out: "DIR", quiet: true } },
  schema: { flags: { profile: "ID" }, positional: 1 },
};

/** The code and message parseArgs throws. */
function failure(argv: string[]): { code: string; message: string } {
  try {
    parseArgs(argv, commands);
  } catch (e) {
    if (isEmisError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`parseArgs accepted ${argv.join(" ")}`);
}

describe("parseArgs", () => {
  it("parses --key value, --key=value and --switch", () => {
    expect(parseArgs(["report", "--out", "x", "--quiet", "--seeds=s"], commands)).toEqual({ command: "report", positional: [], flags: { out: "x", quiet: true, seeds: "s" } });
  });
  it("keeps a command's arguments besides its flags", () => {
    expect(parseArgs(["schema", "Student", "--profile", "bhutan"], commands)).toEqual({ command: "schema", positional: ["Student"], flags: { profile: "bhutan" } });
  });
  it("reads --help and -h on every command", () => {
    expect(parseArgs(["report", "-h"], commands).flags).toEqual({ help: true });
    expect(parseArgs(["schema", "--help"], commands).flags).toEqual({ help: true });
  });
  it("returns a command it does not know with its arguments unread", () => {
    expect(parseArgs(["frobnicate", "--x", "y"], commands)).toEqual({ command: "frobnicate", positional: ["--x", "y"], flags: {} });
    expect(parseArgs([], commands).command).toBe("help");
  });
  it("rejects an unknown flag, listing the accepted ones and the closest", () => {
    expect(failure(["report", "--sedes", "x"])).toEqual({ code: "unknown-flag", message: "unknown flag --sedes (did you mean --seeds?); report accepts --seeds DIR, --out DIR, --quiet, --help" });
    expect(failure(["report", "--qu"]).message).toMatch(/did you mean --quiet\?/);
    expect(failure(["report", "--zzz=1"]).message).toBe("unknown flag --zzz; report accepts --seeds DIR, --out DIR, --quiet, --help");
  });
  it("rejects a value flag without its value", () => {
    for (const argv of [["report", "--out"], ["report", "--out", "--quiet"], ["report", "--out="]]) {
      expect(failure(argv)).toEqual({ code: "missing-flag-value", message: "--out needs a value: --out DIR" });
    }
  });
  it("rejects a value given to a switch", () => {
    expect(failure(["report", "--quiet=yes"]).code).toBe("unexpected-flag-value");
  });
  it("rejects more arguments than the command takes", () => {
    expect(failure(["report", "--quiet", "yes"])).toEqual({ code: "unexpected-argument", message: "unexpected argument yes; report takes no arguments besides its flags (--seeds DIR, --out DIR, --quiet, --help)" });
    expect(failure(["schema", "Student", "Teacher"]).message).toMatch(/^unexpected argument Teacher; schema takes at most 1 argument/);
  });
});
