import type { IndicatorDefinition } from "../models/indicator";
import { parseIndicator } from "./resolve-indicators";

const READING: Record<IndicatorDefinition["direction"], string> = {
  "higher-is-better": "Higher is better.",
  "lower-is-better": "Lower is better.",
  neutral: "Neither direction is better in itself; read it against a norm or a comparison group.",
};

const KIND: Record<IndicatorDefinition["kind"], string> = {
  ratio: "ratio of two sums over the group (a count when there is no denominator)",
  distribution: "a ratio computed per unit, then summarised across units",
  flow: "pupil flow between two consecutive years (UIS reconstructed-cohort method)",
  external: "enrolment over a population denominator from another source",
};

function spec(s: { fact: string; measure: string; filter?: unknown } | undefined): string {
  if (!s) return "none";
  return `\`${s.fact}.${s.measure}\`${s.filter ? ` where \`${JSON.stringify(s.filter)}\`` : ""}`;
}

/**
 * Markdown page of one indicator: formula, interpretation, data needed, disaggregation,
 * edge rules, source and the JSON definition (so a page is enough to adapt it).
 * @example indicatorPage(catalogue[0]) // "# Enrolment\n\n`enrolment` · ratio ..."
 */
export function indicatorPage(input: unknown): string {
  const d = parseIndicator(input);
  const lines: string[] = [`# ${d.name}`, "", `\`${d.id}\` · kind \`${d.kind}\` (${KIND[d.kind]}) · unit ${d.unit}${d.scale !== 1 ? ` (×${d.scale})` : ""}`, ""];
  if (d.description) lines.push(d.description, "");
  lines.push("## Formula", "", d.formula ?? "(not stated)", "");
  if (d.kind === "flow") {
    lines.push(`Method \`${d.method}\`; enrolment E(g, t) = ${spec(d.denominator)}; repeaters R(g, t+1) = ${spec(d.numerator)}; cycle ${d.grades ? d.grades.join(", ") : `grades of ISCED ${d.isced ?? "(all)"}`} in the profile.`, "");
  } else if (d.kind === "external") {
    lines.push(`Numerator ${spec(d.numerator)}, grades: ${d.gradeScope} of ISCED ${d.isced ?? "(all)"}${d.numeratorAges === "same" ? ", pupils of the population's ages only" : ""}; denominator ${spec(d.denominator)}, ages: ${typeof d.ages === "object" ? `${d.ages.from}-${d.ages.to}` : d.ages}; year rule ${d.yearRule}${d.complement ? "; reported as 100 − the rate" : ""}.`, "");
  } else {
    lines.push(`Numerator ${spec(d.numerator)}; denominator ${spec(d.denominator)}.`, "");
    if (d.kind === "distribution") lines.push(`Per \`${d.unitOf}\`, summarised by \`${d.summary}\` (weight ${d.weight}).`, "");
  }
  lines.push("## Interpretation", "", READING[d.direction] + (d.norm ? ` Compared with the profile norm \`${d.norm}\`.` : ""), "");
  lines.push("## Data needed", "", d.requires.length ? d.requires.map((r) => `- \`${r}\``).join("\n") : "- (see numerator and denominator)", "");
  lines.push("## Disaggregation", "", d.disaggregableBy ? `By ${d.disaggregableBy.map((x) => `\`${x}\``).join(", ")} (\`@school\` = the school's dimensions).` : "By any dimension every fact it reads carries.", "");
  lines.push(
    "## Edge rules",
    "",
    "A zero denominator gives `value: null` with flag `zero-denominator`; records with an unknown outcome leave both parts and are counted in `nExcluded`; an unknown dimension code is its own group; small cells are suppressed." +
      (d.kind === "flow" ? " Negative rates are flagged `negative-rate`; one year of data gives `not-computable`." : "") +
      (d.kind === "external" && d.flagAbove !== undefined ? ` Values above ${d.flagAbove} are flagged \`exceeds-100\`.` : ""),
    "",
  );
  const refs = [d.references.uis && `UIS code ${d.references.uis}`, d.references.sdg && `SDG ${d.references.sdg}`, d.references.url && `<${d.references.url}>`].filter(Boolean);
  lines.push("## Source", "", refs.length ? refs.join(" · ") : "Library definition (see the catalogue source).", "");
  lines.push("## Definition (JSON)", "", "```json", JSON.stringify(d, null, 2), "```", "");
  return lines.join("\n");
}

/** Markdown index of a catalogue: one line per indicator with a link to its page. */
export function indicatorIndex(defs: ReadonlyArray<unknown>): string {
  const parsed = defs.map((x) => parseIndicator(x));
  const lines = ["# Indicator catalogue", "", "Generated from the built-in catalogue by `scripts/build-indicator-docs.ts`; do not edit by hand.", "", "| id | name | kind | unit | UIS / SDG |", "| --- | --- | --- | --- | --- |"];
  for (const d of parsed) {
    lines.push(`| [\`${d.id}\`](${d.id}.md) | ${d.name} | ${d.kind} | ${d.unit} | ${[d.references.uis, d.references.sdg && `SDG ${d.references.sdg}`].filter(Boolean).join(", ")} |`);
  }
  return lines.join("\n") + "\n";
}
