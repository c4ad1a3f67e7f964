import { z } from "zod";
import { catalogue } from "../indicators/catalogue";
import { profiles } from "../profiles/profiles";
import { schemasFor } from "../models/schemas-for";
import { IndicatorDefinition } from "../models/indicator";
import { CountTableSpec } from "../models/count-table";
import { isEmisError } from "../models/errors";
import { reportCommand } from "./report-command";
import { auditCommand } from "./audit-command";
import { loadCatalogue } from "../indicators/load-catalogue";
import { readFileSync } from "node:fs";
import { parseArgs, type CommandSpec } from "./parse-args";
import { checkInputFile } from "./internal/check-input-file";
import { packageVersion } from "./version";

const HELP = `emis-equity — equity indicators from EMIS data

Usage:
  emis-equity report [--seeds DIR] [--data DIR] [--out DIR] [--quiet] [--progress]
      Equity report over the shipped seeds (and India UDISE+ / Tanzania when --data or
      EMIS_DATA_DIR points at the public data sets). Writes report.md, report.json,
      results.csv, gaps.csv, spread.csv and rejects.csv to --out (default out/).
  emis-equity audit [--seeds DIR] [--out DIR] [--quiet] [--progress]
      EMIS readiness audit of the shipped synthetic Bhutan seeds: can each indicator be
      computed and disaggregated by each equity dimension (ready / partial / not
      possible, with reasons), the overall score, and data-quality findings. Prints the
      matrix and writes audit.md, audit.json, audit.csv and audit-findings.csv to --out.
  emis-equity schema [School|Student|Teacher|Section|Population|IndicatorDefinition|CountTableSpec] [--profile ID]
      Prints the JSON Schema of an input (all of them without a name).
  emis-equity indicators [--catalogue FILE]
      Lists the built-in indicator catalogue (with FILE: plus or overridden by its JSON definitions).
  emis-equity --version
      Prints the version.
  emis-equity help
      Prints this text (so does --help after any command). Unknown flags, and flags
      missing their value, are errors. Long reads show their progress on stderr when it
      is a terminal; --progress prints it into logs too (one line per update), --quiet
      never.
`;

/** The flags and arguments of each command, as {@link HELP} describes them. */
export const COMMANDS: Record<string, CommandSpec> = {
  report: { flags: { seeds: "DIR", data: "DIR", out: "DIR", quiet: true, progress: true } },
  audit: { flags: { seeds: "DIR", out: "DIR", quiet: true, progress: true } },
  schema: { flags: { profile: "ID" }, positional: 1 },
  indicators: { flags: { catalogue: "FILE" } },
};

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], env: Record<string, string | undefined> = process.env): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, COMMANDS);
  } catch (e) {
    if (!isEmisError(e)) throw e;
    process.stderr.write(`emis-equity ${argv[0]}: ${e.message} [${e.code}]\n`);
    return 2;
  }
  const { command, positional, flags } = args;
  const str = (k: string) => (typeof flags[k] === "string" ? (flags[k] as string) : undefined);
  if (flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    switch (command) {
      case "report": {
        const started = Date.now();
        const { summary } = reportCommand({ seeds: str("seeds") ?? "seeds", data: str("data") ?? env.EMIS_DATA_DIR, out: str("out") ?? "out", quiet: flags.quiet === true, progress: flags.progress === true });
        if (!flags.quiet) process.stdout.write(`${summary}\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
        return 0;
      }
      case "audit": {
        const { text } = auditCommand({ seeds: str("seeds") ?? "seeds", out: str("out") ?? "out", quiet: flags.quiet === true, progress: flags.progress === true });
        if (!flags.quiet) process.stdout.write(`${text}\n`);
        return 0;
      }
      case "schema": {
        const profileId = str("profile") ?? "generic";
        const profile = (profiles as Record<string, (typeof profiles)[keyof typeof profiles]>)[profileId];
        if (!profile) {
          process.stderr.write(`emis-equity schema: unknown profile ${profileId}; choose one of ${Object.keys(profiles).join(", ")}\n`);
          return 2;
        }
        const all: Record<string, z.ZodType> = { ...schemasFor(profile), IndicatorDefinition, CountTableSpec };
        const name = positional[0];
        if (name && !all[name]) {
          process.stderr.write(`emis-equity schema: unknown schema ${name}; choose one of ${Object.keys(all).join(", ")}\n`);
          return 2;
        }
        const out = name ? z.toJSONSchema(all[name], { io: "input" }) : Object.fromEntries(Object.entries(all).map(([k, s]) => [k, z.toJSONSchema(s, { io: "input" })]));
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      case "indicators": {
        // --catalogue FILE: a JSON catalogue that adds to or overrides the built-in one (loadCatalogue).
        const file = str("catalogue");
        if (file) checkInputFile(file, "check the --catalogue path");
        const list = file ? loadCatalogue(readFileSync(file, "utf8"), { base: catalogue }) : catalogue;
        for (const d of list) process.stdout.write(`${d.id.padEnd(40)} ${d.kind.padEnd(12)} ${d.unit.padEnd(8)} ${d.name}\n`);
        return 0;
      }
      case "--version":
        process.stdout.write(`${packageVersion()}\n`);
        return 0;
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        return 0;
      default:
        process.stderr.write(`emis-equity: unknown command ${command}\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (isEmisError(e)) {
      process.stderr.write(`emis-equity ${command}: ${e.message} [${e.code}]\n`);
      const issues = (e as { issues?: Array<{ message: string }> }).issues;
      if (issues) for (const i of issues.slice(0, 20)) process.stderr.write(`  - ${i.message}\n`);
      return 1;
    }
    throw e;
  }
}
