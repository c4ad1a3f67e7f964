// Deno: the built ESM package with its types (via the @ts-self-types banner).
import { createDataset, disaggregate, profiles, wilsonInterval } from "../dist/index.js";

// Newcombe (1998) Table II: 81/263 → 0.2553–0.3662
const w = wilsonInterval(81, 263);
console.log(`Wilson 81/263: ${w.low!.toFixed(4)}–${w.high!.toFixed(4)}`);

const schools = [{ school_id: "S1", dzongkhag: "paro", location: "rural" }];
const students = Array.from({ length: 30 }, (_, i) => ({
  student_id: `p${i}`,
  school_id: "S1",
  grade: "I",
  sex: i < 12 ? "female" : "male",
  status: i < 6 ? "repeated" : "promoted",
}));
const ds = createDataset({ profile: profiles.bhutan, schools, students, year: 2024 });
// 6 of 30 repeated: 20%. (With 3 of 30 the cell would be suppressed: 3 is under the
// Bhutan profile's minimum cell size of 5.)
const [row] = disaggregate(ds, ["repetition-status"]);
console.log(`repetition (status-based): ${row.value!.toFixed(1)}% [${row.ciLow!.toFixed(1)}, ${row.ciHigh!.toFixed(1)}]`);
if (Math.abs(row.value! - 20) > 1e-12) throw new Error("unexpected repetition rate");
