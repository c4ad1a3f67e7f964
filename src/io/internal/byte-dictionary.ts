const utf8 = new TextDecoder("utf-8");

/**
 * An open-addressing hash set of byte strings: finds a cell's bytes without decoding
 * them, so a code column creates a JS string only for each new distinct value (or,
 * for deferred columns, decodes all new values at once with one `TextDecoder` call).
 * Slots are numbered 0, 1, 2... in insertion order; values are stored back to back in
 * one byte arena, each followed by a NUL byte (readers reject NUL bytes in input).
 */
export class ByteDictionary {
  size = 0;
  private table: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  /** `starts[slot]` is where the slot's bytes begin; `starts[size]` is the arena end. */
  private starts: Int32Array;
  private arena: Uint8Array;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity + 1);
    this.arena = new Uint8Array(capacity * 16);
  }

  /** Slot of the bytes `buf[s..e)` with (mixed) hash `h`, or -1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const table = this.table;
    const mask = this.mask;
    const hashes = this.hashes;
    const starts = this.starts;
    const len = e - s;
    let p = h & mask;
    for (;;) {
      const slot = table[p] - 1;
      if (slot < 0) return -1;
      if (hashes[slot] === h) {
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
      p = (p + 1) & mask;
    }
  }

  /** Add bytes known to be absent; returns the new slot. */
  add(buf: Uint8Array, s: number, e: number, h: number): number {
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
    this.hashes[slot] = h;
    if (this.size * 4 > this.table.length * 3) this.rehash();
    else this.place(slot, h);
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

  private place(slot: number, h: number): void {
    const mask = this.mask;
    let p = h & mask;
    while (this.table[p] !== 0) p = (p + 1) & mask;
    this.table[p] = slot + 1;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const h = new Int32Array(n);
    h.set(this.hashes);
    this.hashes = h;
    const st = new Int32Array(n + 1);
    st.set(this.starts);
    this.starts = st;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let s = 0; s < this.size; s++) this.place(s, this.hashes[s]);
  }
}

/** Start value of the FNV-1a hash the scanner computes inline. */
export const FNV_START = 0x811c9dc5 | 0;
/** FNV-1a prime. */
export const FNV_PRIME = 0x01000193;

/** FNV-1a hash of `buf[s..e)`, unmixed (the scanner computes the same inline). */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = FNV_START;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return h;
}

/** Final mix applied to an FNV hash before table lookup. */
export function mixHash(h: number): number {
  return h ^ (h >>> 15);
}
