/**
 * "Did you mean …?" for mistyped commands, flags, config keys and rule ids: the closest candidate by
 * edit distance (adjacent swaps count as one edit), when it is close enough to be the likely intent.
 */

/** Optimal-string-alignment distance, with an early exit once every cell of a row exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidate `input` most likely meant, or null when none is close (about a third of its length). */
export function closest(input: string, candidates: Iterable<string>): string | null {
  const needle = input.toLowerCase();
  if (needle.length === 0 || needle.length > 200) return null;
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "scan"?` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>, show = (s: string) => `"${s}"`): string {
  const match = closest(input, candidates);
  return match === null ? "" : `; did you mean ${show(match)}?`;
}
