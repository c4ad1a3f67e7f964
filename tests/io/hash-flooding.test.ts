/**
 * Crafted collisions (src/io/internal/hash-seed.ts). FNV-1a is iterative: two blocks
 * that reach one state from the same state keep colliding whatever follows, so k
 * stages of such pairs give 2^k values of one hash. With a fixed offset basis, a file
 * of such ids makes every dictionary lookup walk all earlier ones (16,384 ids took 2.5 s
 * to read, against milliseconds). The readers' hashes start from a per-process random
 * seed, so collisions built for the fixed basis scatter.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv } from "../../src/io";
import { hashCell } from "../../src/io/internal/byte-dictionary";
import { seededRandom } from "../../src/stats/random";

const PRIME = 0x01000193;
const fnv = (h: number, s: string) => {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
};

/** 2^stages ids sharing one unseeded FNV-1a state (birthday search per stage), each ending in a letter. */
function multicollision(stages: number): string[] {
  const u = seededRandom(5);
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let h = 0x811c9dc5 | 0;
  let ids = [""];
  for (let s = 0; s < stages; s++) {
    const seen = new Map<number, string>();
    for (;;) {
      let block = "";
      for (let i = 0; i < 5; i++) block += letters[Math.floor(u() * letters.length)];
      const x = fnv(h, block);
      const other = seen.get(x);
      if (other !== undefined && other !== block) {
        ids = ids.flatMap((id) => [id + other, id + block]);
        h = x;
        break;
      }
      seen.set(x, block);
    }
  }
  return ids.map((id) => `${id}z`);
}

describe("hashes of the readers' tables under crafted collisions", () => {
  const ids = multicollision(10);
  const bytes = (s: string) => new TextEncoder().encode(s);

  it("builds ids that all share one unseeded FNV-1a hash", () => {
    expect(new Set(ids).size).toBe(1024);
    expect(new Set(ids.map((id) => fnv(0x811c9dc5 | 0, id))).size).toBe(1);
  });

  it("scatters them under the seeded cell hash", () => {
    const hashes = new Set(ids.map((id) => hashCell(bytes(id), 0, id.length)));
    // a random 32-bit seed leaves 1,024 values a chance of about 1e-4 of any one collision
    expect(hashes.size).toBeGreaterThanOrEqual(1020);
  });

  it("reads a file of them with every row kept, ids unique", () => {
    const csv = `pupil_id,sex\n${ids.map((id, i) => `${id},${i % 2 ? "f" : "m"}`).join("\n")}\n`;
    const r = parseCsv(csv, z.object({ pupil_id: z.string(), sex: z.enum(["f", "m"]) }), { unique: ["pupil_id"] });
    expect(r.counts).toEqual({ read: 1024, kept: 1024, rejected: 0, byRule: {} });
    const col = r.table.columns.pupil_id;
    expect(col.kind === "code" && col.dictionary).toEqual(ids);
  });
});
