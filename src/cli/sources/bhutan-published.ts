import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createDataset } from "../../dataset/create-dataset";
import { bhutanProfile } from "../../profiles/bhutan";
import type { ColumnTable } from "../../models/columns";
import { CountTableSpec } from "../../models/count-table";
import type { IndicatorDefinitionInput } from "../../models/indicator";
import type { GapRow, SectionSpec } from "../../report/types";
import { publishedGaps } from "../../report/published-gaps";
import type { ReadResult } from "../../io/read-options";
import { displayOptions, readTable, type Display } from "../read-table";

interface ManifestTable {
  file: string;
  additive: boolean;
  spec: z.input<typeof CountTableSpec>;
}

function schemaOf(spec: z.input<typeof CountTableSpec>) {
  return z.object({
    ...Object.fromEntries(spec.dimensions.map((d) => [d, z.string().min(1)])),
    ...Object.fromEntries(spec.measures.map((m) => [m, z.number()])),
  });
}

/**
 * `level` and `indicator` are fields of every result row, so the seeds' columns of
 * those names become the dimensions `school_level` and `figure`.
 */
const RENAME: Record<string, string> = { level: "school_level", indicator: "figure" };
const renamed = (name: string) => RENAME[name] ?? name;
function renameColumns(t: ColumnTable): ColumnTable {
  return { length: t.length, columns: Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [renamed(k), c])) };
}
function renameSpec(spec: z.input<typeof CountTableSpec>): z.input<typeof CountTableSpec> {
  const margins = Object.fromEntries(Object.entries(spec.marginCodes ?? {}).map(([k, v]) => [renamed(k), v]));
  return { ...spec, dimensions: spec.dimensions.map(renamed), marginCodes: margins };
}

const only = (filter: object) => filter;
const SEXES = { in: ["sex", ["male", "female"]] };

/**
 * Definitions over the published figures. The `*_by_sex` facts are the same rows as
 * the manifest's tables with no margins declared, so that published totals such as
 * "all boarding types" are selected explicitly by the filters: in these pages the
 * parts do not always add up to the published total (see the margins check).
 */
export const bhutanPublishedCatalogue: IndicatorDefinitionInput[] = [
  {
    id: "students",
    name: "Students (published, dzongkhag pages)",
    kind: "ratio",
    unit: "count",
    direction: "neutral",
    statistic: "count",
    numerator: { fact: "subnational_by_sex", measure: "value", filter: only({ and: [{ eq: ["figure", "students"] }, { eq: ["boarding", "all"] }, SEXES] }) },
  },
  {
    id: "girls-percent-students",
    name: "Girls (% of students, published)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "neutral",
    statistic: "proportion",
    numerator: { fact: "subnational_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "students"] }, { eq: ["boarding", "all"] }, { eq: ["sex", "female"] }] } },
    denominator: { fact: "subnational_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "students"] }, { eq: ["boarding", "all"] }, SEXES] } },
  },
  {
    id: "female-teachers-percent",
    name: "Female teachers (% of teachers, published)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "neutral",
    statistic: "proportion",
    numerator: { fact: "subnational_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "teachers"] }, { eq: ["sex", "female"] }] } },
    denominator: { fact: "subnational_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "teachers"] }, SEXES] } },
  },
  {
    id: "cwd-girls-percent",
    name: "Girls (% of children with disabilities enrolled, c. 2024)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "neutral",
    statistic: "proportion",
    numerator: { fact: "national_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "children_with_disabilities_enrolled"] }, { eq: ["reference_period", "c. 2024"] }, { eq: ["sex", "female"] }] } },
    denominator: { fact: "national_by_sex", measure: "value", filter: { and: [{ eq: ["figure", "children_with_disabilities_enrolled"] }, { eq: ["reference_period", "c. 2024"] }, SEXES] } },
  },
  {
    id: "exam-pass-rate",
    name: "Exam pass rate (passed ÷ appeared, from published counts)",
    kind: "ratio",
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    // Only exam years that publish both counts by sex (BHSEC 2022): an absent "passed" row is unknown, not zero.
    numerator: { fact: "exams_by_sex", measure: "value", filter: { and: [{ eq: ["measure", "passed"] }, { eq: ["stream", "all"] }, { eq: ["exam", "BHSEC (Class XII)"] }, { eq: ["exam_year", "2022"] }, SEXES] } },
    denominator: { fact: "exams_by_sex", measure: "value", filter: { and: [{ eq: ["measure", "appeared"] }, { eq: ["stream", "all"] }, { eq: ["exam", "BHSEC (Class XII)"] }, { eq: ["exam_year", "2022"] }, SEXES] } },
  },
];

/** The published Bhutan figures in `seeds/bhutan/` as a report section. */
export function bhutanPublishedSection(seedsDir: string, display: Display = {}): { spec: SectionSpec; reads: ReadResult[] } {
  const dir = join(seedsDir, "bhutan");
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { tables: ManifestTable[] };
  const reads: ReadResult[] = [];
  const byName = new Map<string, { table: ColumnTable; spec: z.input<typeof CountTableSpec>; read: ReadResult }>();
  for (const t of manifest.tables) {
    const read = readTable(join(dir, t.file), schemaOf(t.spec), displayOptions(display));
    reads.push(read);
    byName.set(t.spec.name, { table: renameColumns(read.table), spec: renameSpec(t.spec), read });
  }
  const need = (name: string) => {
    const t = byName.get(name);
    if (!t) throw new Error(`seeds/bhutan/manifest.json has no table ${name}`);
    return t;
  };
  const additive = manifest.tables.filter((t) => t.additive).map((t) => need(t.spec.name));
  const bySex = (name: string, as: string) => {
    const t = need(name);
    // No margins declared: the indicators select sexes and totals explicitly, and the
    // manifest's own table already reconciles these rows.
    return { spec: { ...t.spec, name: as, marginCodes: {} }, table: t.table };
  };
  const dataset = createDataset({
    profile: bhutanProfile,
    counts: [
      ...additive.map((t) => ({ spec: t.spec, table: t.table })),
      bySex("bhutan_subnational", "subnational_by_sex"),
      bySex("bhutan_national_counts", "national_by_sex"),
      bySex("bhutan_exam_counts", "exams_by_sex"),
    ],
  });
  const rowsOf = (name: string) => {
    const { table } = need(name);
    const out: Array<Record<string, string | number | null>> = [];
    for (let i = 0; i < table.length; i++) {
      const r: Record<string, string | number | null> = {};
      for (const [k, c] of Object.entries(table.columns)) r[k] = c.kind === "code" ? (c.codes[i] === 0xffffffff ? null : c.dictionary[c.codes[i]]) : Number.isNaN(c.values[i]) ? null : c.values[i];
      out.push(r);
    }
    return out;
  };
  const examGaps: GapRow[] = [
    ...publishedGaps(rowsOf("bhutan_exam_rates").filter((r) => r.measure === "pass_rate_percent" && r.report === "1"), {
      by: "sex",
      group: "female",
      reference: "male",
      keys: ["exam", "exam_year", "stream"],
      value: (r) => r.value as number,
      indicator: (r) => ({ id: "exam-pass-rate-published", name: `${r.exam} ${r.exam_year} pass rate, ${r.stream} (published)`, direction: "higher-is-better" }),
    }),
    ...publishedGaps(rowsOf("bhutan_exam_subjects").filter((r) => r.measure === "pass_rate_percent" && r.report === "1"), {
      by: "sex",
      group: "female",
      reference: "male",
      keys: ["exam", "exam_year", "subject"],
      value: (r) => r.value as number,
      indicator: (r) => ({ id: "subject-pass-rate-published", name: `${r.exam} ${r.exam_year} ${r.subject} pass rate (published)`, direction: "higher-is-better" }),
    }),
  ];
  const spec: SectionSpec = {
    id: "bhutan-published",
    title: "Bhutan, published figures (dzongkhag pages, ministry news, BCSEA results)",
    source: "seeds/bhutan: figures transcribed from public pages, each row with its source URL (see seeds/bhutan/README.md)",
    dataset,
    catalogue: bhutanPublishedCatalogue,
    headline: ["cwd-girls-percent", "exam-pass-rate", "students"],
    breakdowns: [
      { indicators: ["girls-percent-students", "female-teachers-percent"], by: ["dzongkhag", "reference_period"] },
      { indicators: ["exam-pass-rate"], by: ["sex"] },
    ],
    gaps: [{ indicator: "exam-pass-rate", by: "sex", group: "female", reference: "male" }],
    publishedGaps: examGaps,
    notes: [
      "A patchwork: different dzongkhags, years and definitions. Use for realistic checks (girls' share of students in Wangdue Phodrang and Trongsa, girls among children with disabilities enrolled, exam results by sex), not for national comparisons.",
      "Margins are checked against their parts: where a page's parts do not add up to its total (e.g. Wangdue Phodrang boarders + day scholars), the difference is listed below, and indicators use the published totals explicitly.",
      "Girls are 405 of the 1,071 children with disabilities enrolled (c. 2024): the share, with its Wilson interval, is the first headline figure.",
    ],
    // Published aggregates, not records of individual children.
    minCell: 0,
  };
  return { spec, reads };
}
