// One typo, as the tests judge it: edit distance written here, not the product's regular expressions.

/** Levenshtein distance with swaps of neighbours (optimal string alignment), written here. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** Whether some piece of `hay` is within one edit of `word` (every substring tried). */
export function holdsWithinOneEdit(hay: string, word: string): boolean {
  for (let i = 0; i <= hay.length; i++)
    for (let j = i; j <= Math.min(hay.length, i + word.length + 1); j++)
      if (editDistance(hay.slice(i, j), word) <= 1) return true;
  return false;
}
