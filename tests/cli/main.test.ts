import { describe, expect, it, vi } from "vitest";
import { main, parseArgs } from "../../src/cli/main";

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

describe("emis-equity CLI", () => {
  it("parses --key value and --flag", () => {
    expect(parseArgs(["report", "--out", "x", "--quiet"])).toEqual({ command: "report", positional: [], flags: { out: "x", quiet: true } });
  });
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
