import { EmisInputError } from "../../models/errors";

/**
 * The option-key rule of `equity/`: an options object (or a columns object) may carry
 * only the keys its function documents. A misspelt key (`weight` for `weights`,
 * `confidence` for `level`) used to be ignored, giving a silently wrong result; it now
 * throws `invalid-option` naming the function, the key and the known keys.
 * `undefined` or `null` options are fine, and a known key whose value is `undefined`
 * counts as not given (how callers pass optional weights).
 *
 * @throws EmisInputError `invalid-option`
 */
export function checkOptionKeys(fn: string, options: unknown, known: readonly string[], what: "option" | "column" = "option"): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new EmisInputError("invalid-option", `${fn} requires ${what === "option" ? "an options" : "a columns"} object; got ${Array.isArray(options) ? "an array" : typeof options}`, {
      function: fn,
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new EmisInputError("invalid-option", `${fn} has no ${what} "${key}"; known: ${known.join(", ")} (check the spelling)`, {
        function: fn,
        option: key,
        known: [...known],
      });
    }
  }
}
