import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { recommend, parseRules, defaultRules, bhutanRules } from "../../src/recommend";
import { profiles } from "../../src/profiles";
import { isEmisError, type ResultRow, type ResultTable } from "../../src/models";

const row = (indicator: string, dims: Record<string, string | null>, value: number | null, n: number | null, extra: Partial<ResultRow> = {}): ResultRow => {
  const set = Object.entries(dims).filter(([, v]) => v !== null).map(([k]) => k);
  return { indicator, level: set.length ? set.join("+") : "total", district: null, sex: null, ...dims, numerator: null, denominator: null, value, n, nExcluded: 0, ciLow: null, ciHigh: null, suppressed: value === null, flags: value === null ? ["suppressed"] : [], ...extra } as ResultRow;
};
// Hand-made results: pass rate girls 80 vs boys 90 nationally (parity 0.889), and within
// districts D1 (girls 70 vs 90 → 0.778, n = 12 girls) and D2 (95 vs 96 → 0.990, at parity);
// D3 withheld. PTR by district: D1 20, D2 14, D3 10.
const table: ResultTable = [
  row("pass-rate", { sex: "female" }, 80, 400),
  row("pass-rate", { sex: "male" }, 90, 410),
  row("pass-rate", { district: "D1", sex: "female" }, 70, 12),
  row("pass-rate", { district: "D1", sex: "male" }, 90, 40),
  row("pass-rate", { district: "D2", sex: "female" }, 95, 200),
  row("pass-rate", { district: "D2", sex: "male" }, 96, 210),
  row("pass-rate", { district: "D3", sex: "female" }, null, null),
  row("pass-rate", { district: "D3", sex: "male" }, 88, 160),
  row("pupil-teacher-ratio", { district: "D1" }, 20, 400),
  row("pupil-teacher-ratio", { district: "D2" }, 14, 410),
  row("pupil-teacher-ratio", { district: "D3" }, 10, 300),
];
const adapted = JSON.parse(readFileSync(new URL("../fixtures/adapted-rules.json", import.meta.url), "utf8"));

describe("recommend", () => {
  const out = recommend({ table }, adapted);

  it("matches the hand derivation: fired rules, worst match, groups, evidence, caveats", () => {
    expect(out.map((r) => r.rule)).toEqual(["ptr-local-norm", "girls-learning"]); // high before medium
    const ptr = out[0];
    // D1 20 and D2 14 are above 12; worst is D1: (20 − 12)/12 = 66.7% past the norm
    expect(ptr.text).toBe("PTR 20 in D1 (norm 12; 2 districts: D1; D2).");
    expect(ptr.groups).toEqual(["D1", "D2"]);
    expect(ptr.magnitude).toBeCloseTo((100 * 8) / 12, 10);
    const girls = out[1];
    // national 80/90 = 0.889; D1 70/90 = 0.778 (worst, 100·|1 − 0.778| = 22.2); D2 0.990 at parity; D3 withheld
    expect(girls.text).toBe("Girls 70% vs boys 90% in D1 (parity 0.778)." /* whole numbers print without decimals */);
    expect(girls.groups).toEqual(["sex female vs male in D1", "sex female vs male"]);
    expect(girls.evidence).toEqual([
      { name: "groupValue", value: 70 },
      { name: "referenceValue", value: 90 },
      { name: "parity", value: 70 / 90 },
    ]);
    expect(girls.caveats).toEqual([
      "small groups (n under 30): sex female vs male in D1 (n = 12); read these figures with care",
      "1 group could not be checked: a figure is withheld by disclosure control",
    ]);
    expect(girls.sources[0].url).toContain("4-5-1");
    expect(out.map((r) => r.rank)).toEqual([1, 2]);
  });

  it("is deterministic and independent of the order of the input rows (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(table, { minLength: table.length, maxLength: table.length }), (shuffled) => {
        return JSON.stringify(recommend({ table: shuffled }, adapted)) === JSON.stringify(out);
      }),
      { numRuns: 50 },
    );
  });

  it("cites a profile norm and its source for a threshold on the norm", () => {
    const rules = [{ ...adapted.rules[1], id: "ptr-norm", when: { kind: "threshold", indicator: "pupil-teacher-ratio", by: ["district"], op: "above", norm: "indicator" } }];
    const r = recommend({ table, profile: profiles.bhutan }, rules);
    expect(r[0].figures.threshold).toBe(18); // Bhutan norm 1:18 → only D1 (20)
    expect(r[0].groups).toEqual(["D1"]);
    expect(r[0].sources.at(-1)!.url).toContain("kuenselonline");
    expect(recommend({ table }, rules)).toEqual([]); // no profile: not evaluated
  });

  it("readiness conditions read the audit; `and` conditions must hold too", () => {
    const readiness = [
      { indicator: "pass-rate", dimension: "disability", field: "disability", status: "not-possible" as const, reasons: ["no field disability in students"], fields: [], completeness: null, unknownShare: null, groups: 0, smallGroups: 0, population: "n/a" as const },
      { indicator: "pass-rate", dimension: "sex", field: "sex", status: "partial" as const, reasons: ["completeness 90.0% is under 95.0%"], fields: [], completeness: 0.9, unknownShare: 0.1, groups: 2, smallGroups: 0, population: "n/a" as const },
    ];
    const rule = { id: "r", title: "t", when: { kind: "readiness", status: ["not-possible"] }, severity: "low", priority: 1, text: "{{cells}} by {{dimension}}: {{reasons}}", evidence: ["dimension"], sources: [{ title: "s" }] };
    expect(recommend({ table, readiness }, [rule])[0].text).toBe("1 by disability: no field disability in students");
    const gated = { ...rule, and: [{ kind: "threshold", indicator: "pupil-teacher-ratio", by: ["district"], op: "above", value: 100 }] };
    expect(recommend({ table, readiness }, [gated])).toEqual([]);
    // the partial readiness of pass-rate by sex becomes a caveat of the parity rule
    expect(recommend({ table, readiness }, adapted)[1].caveats.at(-1)).toBe("readiness of pass-rate by sex: partial (completeness 90.0%): completeness 90.0% is under 95.0%");
  });

  it("gap, rank, trend and n conditions", () => {
    const base = { severity: "low", priority: 1, evidence: ["group"], sources: [{ title: "s" }] };
    const gapRule = { ...base, id: "g", title: "g", text: "{{gap}}", when: { kind: "gap", indicator: "pass-rate", by: "sex", group: "female", reference: "male", min: 10 } };
    expect(recommend({ table }, [{ ...gapRule, evidence: ["gap"] }])[0].text).toBe("-10");
    expect(recommend({ table }, [{ ...gapRule, evidence: ["gap"], when: { ...gapRule.when, min: 10.5 } }])).toEqual([]);
    const rank = recommend({ table }, [{ ...base, id: "k", title: "k", text: "{{group}} {{value}}", when: { kind: "rank", indicator: "pupil-teacher-ratio", across: "district", worst: 2 } }]);
    expect(rank[0].groups).toEqual(["D1", "D2"]); // PTR is lower-is-better: highest worst
    const trendTable = [row("pass-rate", {}, 90, 100, { year: "2023" } as Partial<ResultRow>), row("pass-rate", {}, 86, 100, { year: "2024" } as Partial<ResultRow>)];
    const trend = recommend({ table: trendTable }, [{ ...base, id: "t", title: "t", text: "{{from}} → {{to}} ({{change}})", evidence: ["change"], when: { kind: "trend", indicator: "pass-rate", change: "worsening", min: 2 } }]);
    expect(trend[0].text).toBe("90 → 86 (-4)");
    const small = recommend({ table }, [{ ...base, id: "n", title: "n", text: "{{affected}}", when: { kind: "n", indicator: "pass-rate", by: ["district", "sex"], below: 30 } }]);
    expect(small[0].groups).toEqual(["D3, female", "D1, female"]); // withheld (n null) counts as small, then n = 12
  });
});

describe("parseRules", () => {
  const err = (x: unknown) => {
    try {
      parseRules(x);
    } catch (e) {
      expect(isEmisError(e)).toBe(true);
      return (e as Error & { code: string; details: { field: string } });
    }
    throw new Error("no error");
  };
  const good = adapted.rules[0];
  it("names the field of an invalid rule", () => {
    expect(err([{ ...good, when: { ...good.when, indicator: undefined } }]).details.field).toBe("0.when.indicator");
    expect(err({ ...adapted, rules: [good, { ...good, id: "x", severity: "urgent" }] }).details.field).toBe("rules.1.severity");
    expect(err([{ ...good, text: "{{nope}}" }]).details.field).toBe("0.text");
    expect(err([{ ...good, evidence: ["value"] }]).details.field).toBe("0.evidence.0");
    expect(err([good, good]).details.field).toBe("1.id");
    expect(err([{ ...adapted.rules[1], when: { kind: "threshold", indicator: "x", op: "above" } }]).details.field).toBe("0.when.value");
    expect(err([good, good]).code).toBe("invalid-rule");
  });
  it("the shipped packs are valid and cite sources", () => {
    const rules = parseRules([defaultRules, bhutanRules]);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    for (const r of rules) expect(r.sources.length).toBeGreaterThan(0);
  });
});
