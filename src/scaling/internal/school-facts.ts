import type { Dataset } from "../../dataset/create-dataset";
import type { FactTable } from "../../dataset/fact-table";
import { EmisInputError } from "../../models/errors";

/** School ids in the schools fact, in file order. */
export function schoolIds(dataset: Dataset, fn: string): string[] {
  const f = dataset.facts.schools;
  if (!f || !f.dims.school) throw new EmisInputError("missing-fact", `${fn} requires a dataset with schools`, { function: fn });
  const d = f.dims.school;
  const out: string[] = new Array(f.length);
  for (let i = 0; i < f.length; i++) out[i] = d.dictionary[d.codes[i]];
  return out;
}

/** Pupils enrolled per school (0 for a school without pupil records). */
export function pupilsBySchool(dataset: Dataset): Map<string, number> {
  const out = new Map<string, number>();
  const f = dataset.facts.students;
  if (!f || !f.dims.school) return out;
  const d = f.dims.school;
  const m = f.measures.enrolled;
  const perCode = new Float64Array(d.dictionary.length);
  for (let i = 0; i < f.length; i++) perCode[d.codes[i]] += m[i];
  d.dictionary.forEach((s, c) => out.set(s, perCode[c]));
  return out;
}

/** A copy of `fact` with per-school values added as a measure (`measure`) or dimension (`dim`). */
export function withSchoolValues(
  fact: FactTable,
  add: { measures?: Record<string, (school: string) => number>; dims?: Record<string, (school: string) => string> },
): FactTable {
  const d = fact.dims.school;
  if (!d) return fact;
  const measures = { ...fact.measures };
  const dims = { ...fact.dims };
  for (const [name, f] of Object.entries(add.measures ?? {})) {
    const perCode = d.dictionary.map(f);
    const m = new Float64Array(fact.length);
    for (let i = 0; i < fact.length; i++) m[i] = perCode[d.codes[i]];
    measures[name] = m;
  }
  for (const [name, f] of Object.entries(add.dims ?? {})) {
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const codeOf = d.dictionary.map((s) => {
      const v = f(s);
      let c = index.get(v);
      if (c === undefined) {
        c = dictionary.length;
        dictionary.push(v);
        index.set(v, c);
      }
      return c;
    });
    const codes = new Uint32Array(fact.length);
    for (let i = 0; i < fact.length; i++) codes[i] = codeOf[d.codes[i]];
    dims[name] = { codes, dictionary };
  }
  return { ...fact, measures, dims };
}

/** A dataset whose school-linked facts carry the added values (the input is not modified). */
export function datasetWithSchoolValues(dataset: Dataset, add: Parameters<typeof withSchoolValues>[1]): Dataset {
  const facts = Object.fromEntries(Object.entries(dataset.facts).map(([k, f]) => [k, withSchoolValues(f, add)]));
  const newDims = Object.keys(add.dims ?? {}).filter((d) => !dataset.schoolDims.includes(d));
  return { ...dataset, facts, schoolDims: [...dataset.schoolDims, ...newDims] };
}
