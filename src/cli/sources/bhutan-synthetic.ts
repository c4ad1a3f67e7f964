import { join } from "node:path";
import { createDataset } from "../../dataset/create-dataset";
import { schemasFor } from "../../models/schemas-for";
import { bhutanProfile } from "../../profiles/bhutan";
import type { SectionSpec } from "../../report/types";
import type { ReadResult } from "../../io/read-options";
import { displayOptions, readTable, type Display } from "../read-table";
import { bhutanRules, defaultRules } from "../../recommend/rule-packs";

const SEX_GAP = { by: "sex", group: "female", reference: "male" };

/**
 * The synthetic Bhutan-shaped microdata in `seeds/bhutan-synthetic/` as a report
 * section: pupils, teachers, sections and schools of ~566 schools.
 */
export function bhutanSyntheticSection(seedsDir: string, display: Display = {}): { spec: SectionSpec; reads: ReadResult[] } {
  const dir = join(seedsDir, "bhutan-synthetic");
  const profile = bhutanProfile;
  const s = schemasFor(profile);
  const opts = { aliases: profile.aliases, ...displayOptions(display) };
  const reads = [
    readTable(join(dir, "schools.csv"), s.School, opts),
    readTable(join(dir, "students.csv.gz"), s.Student, opts),
    readTable(join(dir, "teachers.csv"), s.Teacher, opts),
    readTable(join(dir, "sections.csv"), s.Section, opts),
  ];
  const [schools, students, teachers, sections] = reads;
  const dataset = createDataset({ profile, schools, students, teachers, sections, year: 2024 });
  const spec: SectionSpec = {
    id: "bhutan-synthetic",
    title: "Bhutan-shaped school system, 2024",
    source: "seeds/bhutan-synthetic (seeded generator calibrated to published national figures; see its README)",
    synthetic: true,
    dataset,
    headline: [
      "enrolment",
      "female-pupils-percent",
      "pupil-teacher-ratio",
      "pupil-trained-teacher-ratio",
      "average-class-size",
      "pupil-classroom-ratio",
      "female-teachers-percent",
      "trained-teachers-percent",
      "qualified-teachers-percent",
      "schools-with-electricity",
      "schools-with-drinking-water",
      "schools-with-toilets",
      "schools-with-accessible-toilets",
      "schools-with-ramps",
      "schools-with-internet",
      "repetition-status",
      "promotion-status",
      "dropout-status",
      "pass-rate",
      "mean-score",
      "over-age-percent",
      "disability-percent",
      "at-risk-percent",
      "gini-school-ptr",
      "cv-school-ptr",
      "schools-above-ptr-norm",
    ],
    breakdowns: [
      { indicators: ["pupil-teacher-ratio", "trained-teachers-percent", "schools-with-accessible-toilets", "schools-with-electricity", "gini-school-ptr"], by: ["location"] },
      { indicators: ["enrolment", "pass-rate", "dropout-status", "at-risk-percent"], by: ["dzongkhag", "sex"], rollup: true },
      { indicators: ["enrolment", "pass-rate", "dropout-status"], by: ["disability", "sex"], cube: true },
      { indicators: ["pass-rate", "mean-score", "dropout-status"], by: ["ses_quintile"] },
    ],
    gaps: [
      { indicator: "pass-rate", ...SEX_GAP, within: "dzongkhag" },
      { indicator: "dropout-status", ...SEX_GAP, within: "dzongkhag" },
      { indicator: "pass-rate", by: "location", group: "remote", reference: "urban" },
      { indicator: "pass-rate", by: "ses_quintile", group: "Q1", reference: "Q5" },
      { indicator: "dropout-status", by: "ses_quintile", group: "Q1", reference: "Q5" },
      { indicator: "pass-rate", by: "disability", group: "yes", reference: "no" },
      { indicator: "dropout-status", by: "disability", group: "yes", reference: "no" },
      { indicator: "pass-rate", by: "nomadic", group: "yes", reference: "no" },
      { indicator: "at-risk-percent", by: "location", group: "remote", reference: "urban" },
      { indicator: "trained-teachers-percent", by: "location", group: "remote", reference: "urban" },
      { indicator: "schools-with-accessible-toilets", by: "location", group: "remote", reference: "urban" },
      { indicator: "pupil-teacher-ratio", by: "ownership", group: "private", reference: "public" },
    ],
    spread: [
      { indicator: "pupil-teacher-ratio", across: "dzongkhag" },
      { indicator: "pupil-teacher-ratio", across: "school" },
      { indicator: "disability-percent", across: "dzongkhag" },
      { indicator: "pass-rate", across: "dzongkhag" },
      { indicator: "trained-teachers-percent", across: "dzongkhag" },
    ],
    segregation: [
      { dimension: "ses_quintile", unit: "school", within: "ownership", pair: ["Q1", "Q5"] },
      { dimension: "ses_quintile", unit: "school", within: "dzongkhag", pair: ["Q1", "Q5"] },
      { dimension: "disability", unit: "school", within: "ownership", pair: ["yes", "no"] },
    ],
    readiness: true,
    rules: [defaultRules, bhutanRules],
    notes: [
      "Status-based repetition, promotion and dropout rates come from one year's end-of-year status; UIS flow rates need two consecutive years.",
      "Segregation indices read the disclosure-controlled table: a school with a withheld cell (fewer than 5 pupils of a group, or hidden to protect one) is left out whole, so the indices describe the schools that remain (mostly larger ones); the number left out is shown.",
      "Disability: Washington Group short set, 'a lot of difficulty' or worse in one domain (plus daily anxiety/depression, UNICEF CFM), else the reported status.",
    ],
  };
  return { spec, reads };
}
