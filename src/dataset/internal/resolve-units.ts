import type { EmisIssue } from "../../models/errors";
import type { Profile } from "../../models/profile";
import { rowSource, type RowSource } from "./row-source";

/**
 * Resolves the hierarchy codes of a school file against the profile's units. A cell
 * may hold the unit's code or its name or a name variant (matched case- and
 * space-insensitively within the parent unit, never on the name alone: two Bhutanese
 * gewogs share a name). A value that matches no unit becomes `unknown` and is reported
 * (`unknown-unit`); a unit whose parent differs from the school's parent column is kept
 * and reported (`inconsistent-hierarchy`). Levels without units in the profile are
 * taken as given.
 */
export function unitResolver(profile: Profile, levels: string[], issues: EmisIssue[], source: RowSource = rowSource("schools")) {
  const parentLevel = new Map<string, string>();
  for (const h of profile.hierarchies) for (const l of h.levels) if (l.parent) parentLevel.set(l.id, l.parent);
  const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/[\s_-]+/g, " ").trim();
  const byLevel = new Map<string, { codes: Set<string>; parentOf: Map<string, string | undefined>; names: Map<string, string[]> }>();
  for (const u of profile.units) {
    if (!levels.includes(u.level)) continue;
    let e = byLevel.get(u.level);
    if (!e) byLevel.set(u.level, (e = { codes: new Set(), parentOf: new Map(), names: new Map() }));
    e.codes.add(u.code);
    e.parentOf.set(u.code, u.parent);
    for (const n of [u.name, ...(u.variants ?? [])]) {
      const k = fold(n);
      e.names.set(k, [...(e.names.get(k) ?? []), u.code]);
    }
  }
  let reported = 0;
  const report = (issue: EmisIssue) => {
    if (reported++ < 1000) issues.push(issue);
  };
  /** Resolves one school's codes in place (levels in hierarchy order, parents first). */
  return (row: number, values: Record<string, string | null>): void => {
    for (const level of levels) {
      const e = byLevel.get(level);
      const v = values[level];
      if (!e || v === null || v === "unknown") continue;
      const parent = parentLevel.get(level);
      const parentCode = parent ? values[parent] ?? null : null;
      let code: string | undefined = e.codes.has(v) ? v : undefined;
      if (!code) {
        const candidates = e.names.get(fold(v)) ?? [];
        const within = parentCode ? candidates.filter((c) => e.parentOf.get(c) === parentCode) : candidates;
        code = within.length === 1 ? within[0] : undefined;
      }
      if (!code) {
        values[level] = null;
        report({
          code: "unknown-unit",
          file: source.file,
          row: source.row(row),
          column: level,
          rule: `a ${level} of the ${profile.name}`,
          value: v,
          message: `${source.file} row ${source.row(row)}: ${level} "${v}" is not a ${level} of the profile${parentCode ? ` within ${parentCode}` : ""}; counted as unknown — use the unit's code or name`,
        });
        continue;
      }
      values[level] = code;
      const expected = e.parentOf.get(code);
      if (parentCode && expected && parentLevel.get(level) && expected !== parentCode && byLevel.has(parentLevel.get(level)!)) {
        report({
          code: "inconsistent-hierarchy",
          file: source.file,
          row: source.row(row),
          column: level,
          rule: `${level} ${code} belongs to ${expected}`,
          value: v,
          message: `${source.file} row ${source.row(row)}: ${level} ${code} belongs to ${expected}, but the school's ${parentLevel.get(level)} is ${parentCode}; kept as given — correct one of the two`,
        });
      }
    }
  };
}
