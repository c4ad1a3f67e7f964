import { HASH_SEED } from "./hash-seed";

// ignoreBOM: a U+FEFF at the start of a value is part of it (the file's own BOM is
// skipped by the scanner); dropping it made two values of different bytes one text
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * An open-addressing hash set of byte strings: finds a cell's bytes without decoding
 * them, so a code column creates a JS string only for each new distinct value (or,
 * for deferred columns, decodes all new values at once with one `TextDecoder` call).
 * Slots are numbered 0, 1, 2... in insertion order; values are stored back to back in
 * one byte arena, each followed by a NUL byte (a value holding one is decoded alone).
 * Probing steps by {@link probeStep}, not 1: {@link hashCell} puts 16 consecutive ids
 * in 16 consecutive entries, and with step 1 a run that meets another run slides along
 * it (11 probes per insert for 1M ids `P1`...).
 */
export class ByteDictionary {
  size = 0;
  /** Pairs `[slot + 1, hash]` (0: empty), so a probe reads one cache line. */
  private table: Int32Array;
  /** Entries in the table minus one. */
  private mask: number;
  /** Code of each slot in its column (set by the owner; -1 marks a value that failed the checks). */
  codes: Int32Array;
  /** `starts[slot]` is where the slot's bytes begin; `starts[size]` is the arena end. */
  private starts: Int32Array;
  private arena: Uint8Array;
  /** Empty table entry where the last unsuccessful {@link find} stopped (-1: none since the last add), and its hash. */
  private missAt = -1;
  private missHash = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.codes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity + 1);
    this.arena = new Uint8Array(capacity * 16);
  }

  /** Slot of the bytes `buf[s..e)` with {@link hashCell} `h`, or -1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const table = this.table;
    const mask = this.mask;
    const len = e - s;
    let p = h & mask;
    for (;;) {
      const slot = table[2 * p] - 1;
      if (slot < 0) {
        this.missAt = p;
        this.missHash = h;
        return -1;
      }
      if (table[2 * p + 1] === h) {
        const starts = this.starts;
        let a = starts[slot];
        if (starts[slot + 1] - a - 1 === len) {
          const arena = this.arena;
          let i = s;
          while (i < e && arena[a] === buf[i]) {
            a++;
            i++;
          }
          if (i === e) return slot;
        }
      }
      p = (p + probeStep(h)) & mask;
    }
  }

  /** Add bytes known to be absent, with their `code`; returns the new slot. */
  add(buf: Uint8Array, s: number, e: number, h: number, code: number): number {
    const slot = this.size++;
    const len = e - s;
    if (slot + 1 >= this.starts.length) this.growEntries();
    let end = this.starts[slot];
    if (end + len + 1 > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, end + len + 1));
      next.set(this.arena.subarray(0, end));
      this.arena = next;
    }
    const arena = this.arena;
    if (len < 32) for (let i = s; i < e; i++) arena[end++] = buf[i];
    else {
      arena.set(buf.subarray(s, e), end);
      end += len;
    }
    arena[end++] = 0;
    this.starts[slot + 1] = end;
    this.codes[slot] = code;
    // where the last `find` of this hash stopped is where linear probing puts it
    if (this.missAt >= 0 && this.missHash === h) {
      this.table[2 * this.missAt] = slot + 1;
      this.table[2 * this.missAt + 1] = h;
    } else this.place(this.table, this.mask, slot, h);
    this.missAt = -1;
    if (this.size * 4 > (this.mask + 1) * 3) this.rehash();
    return slot;
  }

  /** Decode the values of slots `from..to-1` (one TextDecoder call). */
  decodeRange(from: number, to: number): string[] {
    if (to <= from) return [];
    const text = utf8.decode(this.arena.subarray(this.starts[from], this.starts[to] - 1));
    const out = text.split("\0");
    if (out.length === to - from) return out;
    // a value holding a NUL byte: decode one by one
    const one: string[] = [];
    for (let s = from; s < to; s++) one.push(utf8.decode(this.arena.subarray(this.starts[s], this.starts[s + 1] - 1)));
    return one;
  }

  /**
   * Make room for `entries` values and `arenaBytes` bytes of them at once, so a column
   * of ids, nearly one new value per row, skips the chain of doublings (at 10M ids
   * they cost a rehash of 16M entries plus seven smaller ones, ~0.6–1.6 s).
   */
  reserve(entries: number, arenaBytes: number): void {
    let cap = this.mask + 1;
    while (cap * 3 < entries * 4) cap *= 2;
    if (cap > this.mask + 1) this.resize(cap - 1);
    if (entries + 1 > this.starts.length) this.growEntries(entries + 1);
    if (arenaBytes > this.arena.length) {
      const next = new Uint8Array(arenaBytes);
      next.set(this.arena.subarray(0, this.starts[this.size]));
      this.arena = next;
    }
  }

  /**
   * Free the hash table once no more values come: {@link decodeRange} still works,
   * {@link find} and {@link add} must not be called again.
   */
  dropIndex(): void {
    this.table = new Int32Array(0);
    this.mask = -1;
  }

  /** Bytes of the values stored so far (their NUL ends included). */
  get arenaUsed(): number {
    return this.starts[this.size];
  }

  private place(table: Int32Array, mask: number, slot: number, h: number): void {
    let p = h & mask;
    while (table[2 * p] !== 0) p = (p + probeStep(h)) & mask;
    table[2 * p] = slot + 1;
    table[2 * p + 1] = h;
  }

  private growEntries(atLeast = 0): void {
    const n = Math.max(this.codes.length * 2, atLeast);
    const c = new Int32Array(n);
    c.set(this.codes);
    this.codes = c;
    const st = new Int32Array(n + 1);
    st.set(this.starts);
    this.starts = st;
  }

  /** Double the table. */
  private rehash(): void {
    this.resize(this.mask * 2 + 1);
  }

  /** Move the entries to a table of `mask + 1` entries. */
  private resize(mask: number): void {
    const old = this.table;
    const table = new Int32Array((mask + 1) * 2);
    for (let p = 0; p < old.length; p += 2) if (old[p] !== 0) this.place(table, mask, old[p] - 1, old[p + 1]);
    this.table = table;
    this.mask = mask;
    this.missAt = -1;
  }

}

/**
 * Distance between probes for hash `h`: 32·x + 17 with x from the hash's high bits. Odd,
 * so a probe sequence visits every entry of the power-of-two table; ≡ 1 (mod 16), so
 * 16 consecutive ids (16 consecutive entries, see {@link hashCell}) that meet a taken
 * run move on together; and different per hash (double hashing), so runs that meet do
 * not pile up behind each other as they did with a fixed step of 17 (10M sequential
 * ids at load 0.6: 4.7 probes per lookup with the fixed step, 1.7 with this one).
 */
function probeStep(h: number): number {
  return ((h >>> 18) << 5) + 17;
}

/** FNV-1a's offset basis, xor the process's seed (see hash-seed.ts). */
const FNV_START = (0x811c9dc5 ^ HASH_SEED) | 0;
const FNV_PRIME = 0x01000193;

/**
 * Hash of the cell `buf[s..e)` for the dictionary table. FNV-1a (seeded), except that a value
 * ending in digits (ids such as `P000123` or `2024001234`) hashes its non-digit prefix,
 * the digit count and the number without its last 4 bits, and keeps those 4 bits as
 * the low bits of the hash: 16 consecutive ids land in 16 consecutive table slots, so
 * reading ids in (nearly) sorted order touches the table in order, not at random.
 */
export function hashCell(buf: Uint8Array, s: number, e: number): number {
  let j = e;
  let num = 0;
  let scale = 1;
  while (j > s && e - j < 9) {
    const dg = buf[j - 1] - 48;
    if (dg < 0 || dg > 9) break;
    num += dg * scale;
    scale *= 10;
    j--;
  }
  let h = FNV_START;
  for (let i = s; i < j; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  if (j === e) return h ^ (h >>> 15);
  h = Math.imul(h ^ (e - j), FNV_PRIME);
  h = Math.imul(h ^ (num >>> 4), 0x9e3779b1);
  h ^= h >>> 15;
  return (h & ~15) | (num & 15);
}
