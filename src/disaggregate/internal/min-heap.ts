/** Relation indices due for a check, smallest first; each index is held at most once. */
export class MinHeap {
  private readonly heap: Int32Array;
  private readonly held: Uint8Array;
  private size: number;

  /** Starts holding 0..n-1 (in order, already a heap). */
  constructor(n: number) {
    this.heap = new Int32Array(n);
    this.held = new Uint8Array(n).fill(1);
    for (let i = 0; i < n; i++) this.heap[i] = i;
    this.size = n;
  }

  push(v: number): void {
    if (this.held[v] === 1) return;
    this.held[v] = 1;
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (h[up] <= v) break;
      h[i] = h[up];
      i = up;
    }
    h[i] = v;
  }

  /** The smallest index held, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const h = this.heap;
    const top = h[0];
    this.held[top] = 0;
    const last = h[--this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && h[c + 1] < h[c]) c++;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
    return top;
  }
}
