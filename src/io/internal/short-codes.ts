import { HASH_SEED } from "./hash-seed";

/** Longest cell (in bytes) that {@link ShortCodes} keys exactly. */
export const SHORT_MAX = 6;

/** A key is `a * SPLIT + b` (a, b < 257^3 < 2^25; see {@link ShortCodes}). */
const SPLIT = 2 ** 25;

/** Values a {@link ShortCodes} holds at most (beyond, high-cardinality columns use the byte dictionary alone). */
const SHORT_LIMIT = 1 << 16;

/**
 * An open-addressing map from short cells (1 to {@link SHORT_MAX} bytes) to codes, so
 * that short codes ("female", "G10", "S00017") are found without hashing or comparing
 * bytes. A cell is keyed by two integers: `a`, its first three bytes (at most) as
 * base-257 digits byte + 1 (`a = a * 257 + byte + 1`), and `b`, the rest likewise. No digit is
 * 0, so the digits give the length back, and `a * 2^25 + b` (a, b < 257^3 < 2^25) is
 * exact and injective over all lengths, NUL bytes included (a NUL byte after the first
 * 64 KiB is read as part of its value, not rejected). Holds only values that passed the
 * column's checks (the others take the slow path and are reported every time).
 */
export class ShortCodes {
  private keys: Float64Array;
  private codes: Int32Array;
  private mask: number;
  private shift: number;
  /** Odd multiplier of `a`, random per process (see hash-seed.ts), so short values cannot be crafted to pile up. */
  private readonly mix = HASH_SEED | 1;
  private size = 0;

  constructor(bits = 6) {
    this.keys = new Float64Array(1 << bits);
    this.codes = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Code of the cell keyed `a`, `b`, or -1. */
  get(a: number, b: number): number {
    const keys = this.keys;
    const k = a * SPLIT + b;
    let p = Math.imul(Math.imul(a, this.mix) ^ Math.imul(b, -2048144789), -1640531535) >>> this.shift;
    for (;;) {
      const x = keys[p];
      if (x === k) return this.codes[p];
      if (x === 0) return -1;
      p = (p + 1) & this.mask;
    }
  }

  /** Store `code` for the cell keyed `a`, `b` (absent); ignored once the map is full. */
  set(a: number, b: number, code: number): void {
    if (this.size >= SHORT_LIMIT) return;
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.size++;
    this.place(a, b, code);
  }

  private place(a: number, b: number, code: number): void {
    let p = Math.imul(Math.imul(a, this.mix) ^ Math.imul(b, -2048144789), -1640531535) >>> this.shift;
    while (this.keys[p] !== 0) p = (p + 1) & this.mask;
    this.keys[p] = a * SPLIT + b;
    this.codes[p] = code;
  }

  private grow(): void {
    const keys = this.keys;
    const codes = this.codes;
    const bits = 33 - this.shift;
    this.keys = new Float64Array(1 << bits);
    this.codes = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    for (let p = 0; p < keys.length; p++) {
      if (keys[p] !== 0) this.place(Math.floor(keys[p] / SPLIT), keys[p] % SPLIT, codes[p]);
    }
  }
}
