/** Levenshtein edit distance (insertions, deletions, substitutions), O(a·b). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `word` for a "did you mean" hint: at most 2 edits away (1 for
 * words of up to 4 letters), or one that starts with `word`; undefined when none is close.
 * @example closest("sedes", ["seeds", "data", "out"]) // "seeds"
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(word) && word.length > 0 ? 0 : distance(word, c);
    if (d <= limit && d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
