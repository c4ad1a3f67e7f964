import { EmisInputError } from "../models/errors";
import { closest } from "./internal/closest";

/** The flags and arguments one command accepts; see {@link parseArgs}. */
export interface CommandSpec {
  /** Each flag name (without `--`): a value flag gives the name of its value (`"DIR"`), a switch `true`. */
  flags: Record<string, string | true>;
  /** How many arguments besides flags the command takes (default 0). */
  positional?: number;
}

/** What {@link parseArgs} returns: a switch given is `true`, a value flag its string. */
export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

/**
 * Parses `command [args] --key value --key=value --switch` against the command's spec.
 * Every command also takes `--help` (or `-h`). A command not in `commands` (`help`, or a
 * typo the caller reports) is returned with its arguments unread.
 *
 * @param argv the arguments after the program name
 * @param commands the spec of each command
 * @throws EmisInputError `unknown-flag` (listing the accepted flags, with a "did you mean"
 * when one is close), `missing-flag-value` (a value flag at the end of the line or
 * followed by another flag), `unexpected-flag-value` (`--switch=x`), `unexpected-argument`
 * (more arguments than the command takes)
 * @example parseArgs(["report", "--out", "x", "--quiet"], { report: { flags: { out: "DIR", quiet: true } } })
 * // { command: "report", positional: [], flags: { out: "x", quiet: true } }
 */
export function parseArgs(argv: string[], commands: Record<string, CommandSpec>): ParsedArgs {
  const [command = "help", ...rest] = argv;
  const spec = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!spec) return { command, positional: rest, flags: {} };
  const accepted: Record<string, string | true> = { ...spec.flags, help: true };
  const list = Object.entries(accepted).map(([k, v]) => (v === true ? `--${k}` : `--${k} ${v}`)).join(", ");
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "-h") {
      flags.help = true;
      continue;
    }
    if (!a.startsWith("--") || a === "--") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const kind = Object.hasOwn(accepted, name) ? accepted[name] : undefined;
    if (!kind) {
      const guess = closest(name, Object.keys(accepted));
      const hint = guess ? ` (did you mean --${guess}?)` : "";
      throw new EmisInputError("unknown-flag", `unknown flag --${name}${hint}; ${command} accepts ${list}`, { flag: name, command });
    }
    if (kind === true) {
      if (eq >= 0) throw new EmisInputError("unexpected-flag-value", `--${name} takes no value; write --${name} alone`, { flag: name, command });
      flags[name] = true;
    } else {
      const value = eq >= 0 ? a.slice(eq + 1) : rest[i + 1];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        throw new EmisInputError("missing-flag-value", `--${name} needs a value: --${name} ${kind}`, { flag: name, command });
      }
      flags[name] = value;
      if (eq < 0) i++;
    }
  }
  const max = spec.positional ?? 0;
  if (positional.length > max) {
    const extra = positional.slice(max).join(" ");
    const takes = max === 0 ? "takes no arguments besides its flags" : `takes at most ${max} argument${max > 1 ? "s" : ""} besides its flags`;
    throw new EmisInputError("unexpected-argument", `unexpected argument ${extra}; ${command} ${takes} (${list})`, { command, arguments: positional.slice(max) });
  }
  return { command, positional, flags };
}
