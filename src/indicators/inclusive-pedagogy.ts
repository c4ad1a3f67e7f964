import type { Dataset } from "../dataset/create-dataset";
import { EmisDefinitionError } from "../models/errors";
import type { IndicatorDefinitionInput } from "../models/indicator";
import { PEDAGOGY_ITEMS } from "../models/school-survey";
import { cronbachAlpha, type CronbachAlpha } from "../stats/cronbach-alpha";

/**
 * Inclusive-pedagogy index (school survey): mean over responding schools of the
 * composite index of six Likert items (inclusive learning materials, adapted teaching,
 * local content, home-grown practices, mother-tongue use, community involvement).
 * Per school: each answer rescaled min-max on the Likert range, (x − 1) ÷ 4, equal
 * weights, mean of the answered items × 100 when at least 4 of 6 are answered,
 * otherwise unknown (left out and counted in nExcluded). Options: `createDataset({
 * surveyIndex })` (z-score normalisation, weights, minimum answered). 0 = "never" on
 * every item, 100 = "always". Read its reliability with {@link pedagogyScaleReliability}.
 * Source: OECD/JRC Handbook on Constructing Composite Indicators (2008).
 * @example disaggregate(ds, ["inclusive-pedagogy-index"], { by: ["location"] })
 */
export const inclusivePedagogyIndex = {
  id: "inclusive-pedagogy-index",
  name: "Inclusive pedagogy index (0-100)",
  kind: "ratio",
  formula: "mean over responding schools of 100 × mean of (answer − 1) ÷ 4 over the answered items (at least 4 of 6)",
  unit: "index",
  direction: "higher-is-better",
  statistic: "mean",
  disaggregableBy: ["@school", "year", "respondent"],
  requires: PEDAGOGY_ITEMS.map((i) => `school_surveys.${i}`),
  numerator: { fact: "school_surveys", measure: "pedagogy_index" },
  denominator: { fact: "school_surveys", measure: "responses" },
  references: { url: "https://www.oecd.org/sdd/42495745.pdf" },
} satisfies IndicatorDefinitionInput;

function itemShare(id: string, item: (typeof PEDAGOGY_ITEMS)[number], what: string) {
  return {
    id,
    name: `Schools reporting ${what} often or always (%)`,
    kind: "ratio",
    formula: `100 × schools answering 4 or 5 on ${item.replace(/_/g, " ")} ÷ schools answering it`,
    unit: "percent",
    scale: 100,
    direction: "higher-is-better",
    statistic: "proportion",
    disaggregableBy: ["@school", "year", "respondent"],
    requires: [`school_surveys.${item}`],
    numerator: { fact: "school_surveys", measure: "responses", filter: { ge: [item, 4] } },
    denominator: { fact: "school_surveys", measure: "responses", filter: { ge: [item, 1] } },
  } as const satisfies IndicatorDefinitionInput;
}

/** Schools using inclusive learning materials often or always. */
export const inclusiveMaterialsPercent = itemShare("inclusive-materials-percent", "inclusive_materials", "inclusive learning materials");
/** Schools bringing local content into lessons often or always. */
export const localContentPercent = itemShare("local-content-percent", "local_content", "local content");
/** Schools using home-grown practices often or always. */
export const homeGrownPracticesPercent = itemShare("home-grown-practices-percent", "home_grown_practices", "home-grown practices");
/** Schools using the learners' mother tongue in early grades often or always. */
export const motherTongueUsePercent = itemShare("mother-tongue-use-percent", "mother_tongue_use", "mother-tongue use");

/**
 * Reliability of the inclusive-pedagogy scale in a dataset: Cronbach's alpha of the
 * six items over the `school_surveys` fact, listwise deletion (a response with any item
 * missing is dropped and counted).
 * @throws EmisDefinitionError `missing-fact` when the dataset has no school surveys
 * @example pedagogyScaleReliability(ds) // { alpha: 0.81, k: 6, n: 480, nExcluded: 20 }
 */
export function pedagogyScaleReliability(dataset: Dataset, items: ReadonlyArray<string> = PEDAGOGY_ITEMS): CronbachAlpha {
  const f = dataset.facts.school_surveys;
  if (!f) throw new EmisDefinitionError("missing-fact", "pedagogyScaleReliability requires school surveys (createDataset({ surveys }))", { fact: "school_surveys" });
  const cols = items.map((i) => {
    const m = f.measures[i];
    if (!m) throw new EmisDefinitionError("unknown-measure", `pedagogyScaleReliability: school_surveys has no item ${i}`, { measure: i });
    return m;
  });
  const rows: number[][] = [];
  for (let r = 0; r < f.length; r++) rows.push(cols.map((c) => c[r]));
  return cronbachAlpha(rows);
}
