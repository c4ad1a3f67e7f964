import type { BhutanSynthetic } from "./generate";

/** Achieved national figures of a generated data set, for the README and the tests. */
export function summarise(data: BhutanSynthetic) {
  const teaching = data.teachers.filter((t) => t.teaching === "yes");
  const disabled = data.students.filter((s) => s.disability === "yes");
  const location = new Map(data.schools.map((s) => [s.school_id, s.location ?? "unknown"]));
  const ptrBy: Record<string, { pupils: number; teachers: number; ptr: number }> = {};
  for (const s of data.students) (ptrBy[location.get(s.school_id)!] ??= { pupils: 0, teachers: 0, ptr: 0 }).pupils++;
  for (const t of teaching) (ptrBy[location.get(t.school_id)!] ??= { pupils: 0, teachers: 0, ptr: 0 }).teachers++;
  for (const v of Object.values(ptrBy)) v.ptr = Math.round((v.pupils / v.teachers) * 10) / 10;
  const passRate = (rows: BhutanSynthetic["students"]) => {
    const sat = rows.filter((r) => r.passed === "yes" || r.passed === "no");
    return Math.round((1000 * sat.filter((r) => r.passed === "yes").length) / sat.length) / 10;
  };
  const by = <K extends string>(keys: readonly K[], f: (s: BhutanSynthetic["students"][number]) => string) =>
    Object.fromEntries(keys.map((k) => [k, passRate(data.students.filter((s) => f(s) === k))])) as Record<K, number>;
  return {
    schools: data.schools.length,
    students: data.students.length,
    teachingStaff: teaching.length,
    nonTeachingStaff: data.teachers.length - teaching.length,
    sections: data.sections.length,
    pupilTeacherRatio: Math.round((data.students.length / teaching.length) * 100) / 100,
    ptrByLocation: ptrBy,
    disabilityTotal: disabled.length,
    disabilityFemale: disabled.filter((s) => s.sex === "female").length,
    disabilityWithoutAnswers: disabled.filter((s) => s.wg_seeing === undefined).length,
    passRateBySex: by(["female", "male"], (s) => s.sex),
    passRateByQuintile: by(["Q1", "Q5"], (s) => s.ses_quintile ?? "unknown"),
    passRateByLocation: by(["urban", "rural", "remote"], (s) => location.get(s.school_id)!),
    trainedShareByPosting: Object.fromEntries(
      ["urban", "rural", "remote"].map((l) => {
        const t = teaching.filter((x) => x.posting === l);
        return [l, Math.round((1000 * t.filter((x) => x.trained === "yes").length) / t.length) / 10];
      }),
    ),
    nomadicPupils: data.students.filter((s) => s.nomadic === "yes").length,
    unknown: {
      sex: data.students.filter((s) => s.sex === "unknown").length,
      quintile: data.students.filter((s) => s.ses_quintile === "unknown").length,
      status: data.students.filter((s) => s.status === "unknown").length,
    },
  };
}
