import { EmisInputError, EmisValidationError } from "../../models/errors";
import type { FieldSpec } from "./field-spec";

/** Fold a header name for matching: trimmed, lower case, spaces, underscores and hyphens removed. */
export function foldHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

/** Pick the delimiter of a header line: the most frequent of `,` `;` tab outside quotes (ties: comma). */
export function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  let best = ",";
  for (const d of [";", "\t"]) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * True when a header line reads as the start of JSON: `[` or `{` first, then (after
 * spaces) what JSON puts there (`{`, `[`, `"`, `]`, `}`, a number, or the end of the
 * line, as in pretty-printed JSON). `[School ID],Name` is not JSON.
 */
export function looksLikeJson(line: string): boolean {
  const t = line.trim();
  if (t[0] !== "[" && t[0] !== "{") return false;
  const next = t.slice(1).trimStart()[0];
  if (next === undefined) return true;
  return t[0] === "{" ? next === '"' || next === "}" : /^[[{"\]\d-]$/.test(next);
}

/** Split one CSV record (no line break outside quotes) into fields, RFC 4180 quoting. */
export function splitRecord(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          cell += line.slice(i);
          i = line.length;
          break;
        }
        cell += line.slice(i, q);
        if (line[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const d = line.indexOf(delimiter, i);
      cell += line.slice(i, d < 0 ? line.length : d);
      i = d < 0 ? line.length : d;
    } else {
      const d = line.indexOf(delimiter, i);
      cell = line.slice(i, d < 0 ? line.length : d);
      i = d < 0 ? line.length : d;
    }
    out.push(cell);
    if (i >= line.length) break;
    i += delimiter.length;
    if (i >= line.length) {
      out.push("");
      break;
    }
  }
  return out;
}

/** Where each header column goes. */
export interface HeaderMatch {
  /** Field index per file column, -1 when ignored. */
  columnField: number[];
  ignoredColumns: string[];
}

/**
 * Match header names to schema fields (own name and aliases, folded). Throws for a
 * duplicate header, two headers claiming one field, a single column when the schema
 * needs several, and a missing required column.
 */
export function matchHeader(
  fn: string,
  file: string,
  headers: string[],
  fields: FieldSpec[],
  aliases: Record<string, string[]>,
  csv = true,
): HeaderMatch {
  const required = fields.filter((f) => f.required);
  if (csv && headers.length === 1 && required.length > 1) {
    throw new EmisValidationError(
      "not-csv",
      `${fn}: ${file} has a single column ("${headers[0].slice(0, 60)}"), the schema needs ${required.length}; save it as CSV with comma, semicolon or tab delimiters, or pass options.delimiter`,
      [],
      { file, headers },
    );
  }
  // Field names first, then aliases: an alias never takes a header from the field that
  // bears that name (aliases { a: ["b"] } beside a field b). Aliases are read as own
  // properties only (a field named `constructor` is no alias list of Object's).
  const accept = new Map<string, number>();
  fields.forEach((f, k) => {
    const key = foldHeader(f.name);
    if (!accept.has(key)) accept.set(key, k);
  });
  fields.forEach((f, k) => {
    const names: unknown = Object.hasOwn(aliases, f.name) ? aliases[f.name] : [];
    if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) {
      throw new EmisInputError("invalid-options", `${fn}: options.aliases.${f.name} must be an array of header names, got ${JSON.stringify(names)}`);
    }
    for (const name of names) {
      const key = foldHeader(name);
      if (!accept.has(key)) accept.set(key, k);
    }
  });
  // Aliases of fields this schema lacks are ignored: a profile's one map (`profile.aliases`)
  // covers every entity, and the README passes it to each reader. Rejecting them made
  // reading a school file with it fail on the pupils' `student_id`.
  const seen = new Map<string, string>();
  const fieldColumn = new Map<number, string>();
  const columnField: number[] = [];
  const ignoredColumns: string[] = [];
  for (const h of headers) {
    const key = foldHeader(h);
    if (key !== "" && seen.has(key)) {
      throw new EmisValidationError(
        "duplicate-header",
        `${fn}: ${file} has the header "${h}" twice (as "${seen.get(key)}" and "${h}"); rename or drop one column`,
        [],
        { file, headers },
      );
    }
    seen.set(key, h);
    const k = accept.get(key);
    if (k === undefined || key === "") {
      columnField.push(-1);
      ignoredColumns.push(h);
      continue;
    }
    if (fieldColumn.has(k)) {
      throw new EmisValidationError(
        "duplicate-header",
        `${fn}: ${file} has two columns for ${fields[k].name} ("${fieldColumn.get(k)}" and "${h}"); drop one or change options.aliases`,
        [],
        { file, headers },
      );
    }
    fieldColumn.set(k, h);
    columnField.push(k);
  }
  const missing = required.filter((f) => !fieldColumn.has(fields.indexOf(f)));
  if (missing.length) {
    const f = missing[0];
    const names = [f.name, ...(aliases[f.name] ?? [])];
    throw new EmisValidationError(
      "missing-column",
      `${fn}: ${file} has no column ${f.name}${missing.length > 1 ? ` (nor ${missing.slice(1).map((m) => m.name).join(", ")})` : ""}; headers found: ${headers.join(", ")}; accepted names: ${names.join(", ")}. Rename the column or add an alias in options.aliases`,
      missing.map((m) => ({
        code: "missing-column",
        file,
        column: m.name,
        rule: `a column named ${[m.name, ...(aliases[m.name] ?? [])].join(" or ")}`,
        message: `${fn}: ${file} has no column ${m.name}; rename the column or add an alias in options.aliases`,
      })),
      { file, headers, missing: missing.map((m) => m.name), accepted: names },
    );
  }
  return { columnField, ignoredColumns };
}
