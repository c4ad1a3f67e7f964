// CommonJS: equity measures on plain numbers and a tiny dataset built from objects.
const { gini, parityIndex, createDataset, disaggregate, profiles } = require("emis-equity");

// ineq's published example: Gini 0.4620911
const g = gini([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]);
console.log("Gini (ineq example):", g.toFixed(7));
// UIS adjusted parity index: girls' rate 90, boys' 80: 90/80 > 1, so 2 - 80/90 = 1.1111
console.log("Adjusted GPI:", parityIndex(90, 80, { adjusted: true }).toFixed(4));

const schools = [
  { school_id: "A", region: "North", location: "rural" },
  { school_id: "B", region: "South", location: "urban" },
];
const students = [];
for (let i = 0; i < 40; i++) students.push({ student_id: `p${i}`, school_id: i < 25 ? "A" : "B", grade: "G1", sex: i % 2 ? "female" : "male" });
const teachers = [
  { teacher_id: "t1", school_id: "A", sex: "female" },
  { teacher_id: "t2", school_id: "B", sex: "male" },
  { teacher_id: "t3", school_id: "B", sex: "female" },
];
const ds = createDataset({ profile: profiles.generic, schools, students, teachers });
const rows = disaggregate(ds, ["pupil-teacher-ratio"], { by: ["location"], rollup: true });
for (const r of rows) console.log(`${r.level} ${r.location ?? ""}: PTR ${r.value}`);
// (25 + 15) / (1 + 2) = 13.33
if (Math.abs(rows[0].value - 40 / 3) > 1e-12) throw new Error("unexpected PTR");
