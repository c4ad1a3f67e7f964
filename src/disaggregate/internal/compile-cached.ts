/**
 * `new Function("A", source)`, memoised by source. Generated sources hold no data
 * (arrays and values come in `A`), only the shape of the work, so a call repeating an
 * earlier call's shape (the same indicators and filters on facts of the same layout)
 * reuses a function the JIT has already optimised instead of warming up, and
 * deoptimising, a new one on every call. A pure memo: bounded, never observable in
 * results. Returns null when the platform forbids code generation (a
 * Content-Security-Policy without `unsafe-eval`).
 */
export function compileCached<R>(source: string): ((A: unknown[]) => R) | null {
  let fn = compiled.get(source);
  if (!fn) {
    try {
      fn = new Function("A", source) as (A: unknown[]) => unknown;
    } catch {
      return null;
    }
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
    compiled.set(source, fn);
  }
  return fn as (A: unknown[]) => R;
}

const compiled = new Map<string, (A: unknown[]) => unknown>();
const CACHE_SIZE = 64;
