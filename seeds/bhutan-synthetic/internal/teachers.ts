import type { Teacher } from "../../../src/models/teacher";
import { type Draw, roundToTotal } from "./draw";
import type { SchoolPlan } from "./schools";

/** Pupils per teacher aimed at by kind of school before rescaling to the national total. */
function targetPtr(plan: SchoolPlan): number {
  const { level, type, location } = plan.row;
  if (type === "SPECIAL") return 4;
  if (level === "ECR") return 9;
  if (type === "PVT") return 22;
  if (type === "CPS" || (level === "PS" && location === "remote")) return 11;
  if (level === "PS") return location === "urban" ? 25 : 17;
  if (type === "CS") return 18;
  const base = level === "LSS" ? 17 : level === "MSS" ? 19 : 20;
  return location === "urban" ? base + 4 : location === "remote" ? base - 4 : base;
}

/** Qualification codes with (qualified, trained) status. */
export const QUALIFICATIONS: Record<string, { qualified: "yes" | "no"; trained: "yes" | "no"; label: string }> = {
  med: { qualified: "yes", trained: "yes", label: "Master of Education" },
  pgde: { qualified: "yes", trained: "yes", label: "Postgraduate Diploma in Education" },
  bed: { qualified: "yes", trained: "yes", label: "Bachelor of Education" },
  bachelor: { qualified: "yes", trained: "no", label: "Bachelor's degree, not in education (contract teacher)" },
  diploma_ed: { qualified: "yes", trained: "yes", label: "Diploma in Education (primary)" },
  class_xii: { qualified: "no", trained: "no", label: "Class XII (contract or volunteer teacher)" },
};

/**
 * Teachers: counts per school from pupils ÷ a target PTR by kind of school (ECRs and
 * remote schools low, urban high), rescaled so teaching staff add up to `total` exactly
 * (at least one per school). Remote and private schools get fewer trained teachers;
 * women are fewer in remote postings; remote teachers are younger. Large schools (over
 * 600 pupils) also get a principal without teaching duties (`teaching: "no"`), outside
 * the total.
 */
export function drawTeachers(d: Draw, plans: SchoolPlan[], total: number, year: number): Teacher[] {
  const demand = plans.map((p) => (p.enrolment / targetPtr(p)) * d.lognormal(1, 0.12));
  const counts = roundToTotal(demand, total, 1);
  const out: Teacher[] = [];
  let id = 0;
  plans.forEach((plan, i) => {
    const s = plan.row;
    const remote = s.location === "remote";
    const extra = plan.enrolment > 600 ? 1 : 0;
    for (let k = 0; k < counts[i] + extra; k++) {
      const age = Math.min(60, 23 + Math.round(Math.abs(d.normal()) * (remote ? 8 : 13)));
      const pTrained = s.ownership === "private" ? 0.78 : remote ? 0.8 : s.location === "urban" ? 0.96 : 0.92;
      const primary = s.level === "PS" || s.level === "ECR";
      let q: string;
      if (d.u() < pTrained) q = primary ? (d.chance(0.55) ? "bed" : "diploma_ed") : d.chance(0.12) ? "med" : d.chance(0.45) ? "pgde" : "bed";
      else q = d.chance(0.6) ? "bachelor" : "class_xii";
      const unknownQ = d.chance(0.003);
      const pFemale = (s.location === "urban" ? 0.55 : remote ? 0.3 : 0.42) + (primary ? 0.08 : 0);
      out.push({
        teacher_id: `BT-T${String(++id).padStart(5, "0")}`,
        school_id: s.school_id,
        year,
        sex: d.chance(0.0003) ? "unknown" : d.chance(pFemale) ? "female" : "male",
        birth_year: year - age,
        experience_years: Math.max(0, age - 23 - Math.floor(d.u() * 3)),
        ...(unknownQ ? { qualified: "unknown" as const, trained: "unknown" as const } : { qualification: q, qualified: QUALIFICATIONS[q].qualified, trained: QUALIFICATIONS[q].trained }),
        fte: d.chance(s.ownership === "private" ? 0.08 : 0.015) ? 0.5 : 1,
        teaching: k < counts[i] ? "yes" : "no",
        posting: s.location,
      });
    }
  });
  return out;
}
