/**
 * An open-addressing hash set of byte strings: finds a cell's bytes without decoding
 * them, so a code column creates a JS string only for each new distinct value.
 * Slots are numbered 0, 1, 2... in insertion order.
 */
export class ByteDictionary {
  size = 0;
  private table: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  private starts: Int32Array;
  private lens: Int32Array;
  private arena: Uint8Array;
  private arenaLen = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.lens = new Int32Array(capacity);
    this.arena = new Uint8Array(capacity * 16);
  }

  /** Slot of the bytes `buf[s..e)` with hash `h` (from {@link hashBytes}), or -1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const table = this.table;
    const mask = this.mask;
    const len = e - s;
    let p = h & mask;
    for (;;) {
      const slot = table[p] - 1;
      if (slot < 0) return -1;
      if (this.hashes[slot] === h && this.lens[slot] === len) {
        const arena = this.arena;
        let a = this.starts[slot];
        let i = s;
        while (i < e && arena[a] === buf[i]) {
          a++;
          i++;
        }
        if (i === e) return slot;
      }
      p = (p + 1) & mask;
    }
  }

  /** Add bytes known to be absent; returns the new slot. */
  add(buf: Uint8Array, s: number, e: number, h: number): number {
    const slot = this.size++;
    const len = e - s;
    if (slot === this.hashes.length) this.growEntries();
    if (this.arenaLen + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len));
      next.set(this.arena.subarray(0, this.arenaLen));
      this.arena = next;
    }
    this.arena.set(buf.subarray(s, e), this.arenaLen);
    this.starts[slot] = this.arenaLen;
    this.lens[slot] = len;
    this.hashes[slot] = h;
    this.arenaLen += len;
    if (this.size * 2 > this.table.length) this.rehash();
    else this.place(slot, h);
    return slot;
  }

  private place(slot: number, h: number): void {
    const mask = this.mask;
    let p = h & mask;
    while (this.table[p] !== 0) p = (p + 1) & mask;
    this.table[p] = slot + 1;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lens = grow(this.lens);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let s = 0; s < this.size; s++) this.place(s, this.hashes[s]);
  }
}

/** FNV-1a hash of `buf[s..e)`. */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h ^ (h >>> 15);
}
