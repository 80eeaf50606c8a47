// Finding deals from the sidebar's search box: every typed word must appear in the deal's name,
// company, owner (email or the owner's name in Settings) or Deal ID, or, for a word of 4 letters or
// more that appears nowhere, the word with one typo (a letter wrong, missing, extra or two swapped).
// The server asks Sheets for the rows holding each word (a TextFinder per column) and intersects them;
// the rows are ranked by where the words were found (Deal ID, company, deal name, owner; a typo counts
// less), so only the shown rows are read. This file holds the rules, free of any spreadsheet.
import type { Owner } from '../../shared/settings';

/** At most this many deals are shown; the total is counted. */
export const SEARCH_LIMIT = 20;
/** Words looked up in the sheet; further words only narrow the deals read (the total is then approximate). */
export const SEARCHED_WORDS = 3;

/** The distinct words of a query, lowercased, longest first (long words are the rarest). */
export function searchWords(query: string): string[] {
  const words = [
    ...new Set(
      String(query ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean),
    ),
  ];
  return words.sort((a, b) => b.length - a.length);
}

/** Emails of the owners whose name holds `word` (their deals match it through the Owner column). */
export function ownersNamed(owners: readonly Owner[], word: string): string[] {
  return owners.filter((o) => o.name.toLowerCase().includes(word) && o.email).map((o) => o.email);
}

/** The shortest word a typo is forgiven in (shorter ones would match too much). */
export const TYPO_MIN_LENGTH = 4;

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression (no lookaround, as Sheets' finder reads them) matching text that holds `word`
 * with at most one typo: one letter wrong, missing or extra, or two neighbours swapped.
 */
export function typoPattern(word: string): string {
  const w = [...word];
  const part = (from: number, to: number) => escapeRegex(w.slice(from, to).join(''));
  const variants = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    if (i < w.length) {
      variants.add(`${part(0, i)}.${part(i + 1, w.length)}`); // wrong
      variants.add(`${part(0, i)}${part(i + 1, w.length)}`); // missing
    }
    variants.add(`${part(0, i)}.${part(i, w.length)}`); // extra
    if (i + 1 < w.length)
      variants.add(`${part(0, i)}${escapeRegex(w[i + 1] + w[i])}${part(i + 2, w.length)}`);
  }
  return [...variants].join('|');
}

/** Whether `hay` (lowercase) holds `word`, or, for a long enough word, the word with one typo. */
export function holdsWord(hay: string, word: string): boolean {
  return (
    hay.includes(word) ||
    ([...word].length >= TYPO_MIN_LENGTH && new RegExp(typoPattern(word), 'iu').test(hay))
  );
}

/** Whether one deal holds every word (the check applied to the rows read, for words not looked up). */
export function holdsEvery(
  deal: { id: string; deal: string; company: string; owner: string },
  words: readonly string[],
  owners: readonly Owner[],
): boolean {
  const ownerName = owners.find((o) => o.email.toLowerCase() === deal.owner.toLowerCase())?.name ?? '';
  const hay = `${deal.id} ${deal.deal} ${deal.company} ${deal.owner} ${ownerName}`.toLowerCase();
  return words.every((w) => holdsWord(hay, w));
}

/**
 * The fields a word is looked for in: a Deal ID only by a word with a digit or a sign in it (IDs are
 * codes; a plain word in one is chance), so a plain word costs three searches of the sheet, not four.
 */
export function searchedFields(word: string): readonly ('dealId' | 'deal' | 'company' | 'owner')[] {
  return /[^\p{L}]/u.test(word) ? ['dealId', 'deal', 'company', 'owner'] : ['deal', 'company', 'owner'];
}

/** How much a word found in each searched field says a deal is the one meant. */
export const FIELD_WEIGHT = { dealId: 8, company: 4, deal: 3, owner: 2 } as const;
/** A word found only with a typo counts this share of it. */
export const TYPO_WEIGHT = 0.5;

/**
 * How much one word says a deal (as read) is the one meant: the weight of the best field holding it,
 * half for one holding it only with a typo, 0 for none (the owner by email or by the name Settings give).
 */
export function wordWeight(
  deal: { id: string; deal: string; company: string; owner: string },
  word: string,
  owners: readonly Owner[],
): number {
  const ownerName = owners.find((o) => o.email.toLowerCase() === deal.owner.toLowerCase())?.name ?? '';
  const fields: [number, string][] = [
    [FIELD_WEIGHT.dealId, deal.id],
    [FIELD_WEIGHT.company, deal.company],
    [FIELD_WEIGHT.deal, deal.deal],
    [FIELD_WEIGHT.owner, `${deal.owner} ${ownerName}`],
  ];
  for (const [w, text] of fields) if (text.toLowerCase().includes(word)) return w;
  for (const [w, text] of fields) if (holdsWord(text.toLowerCase(), word)) return w * TYPO_WEIGHT;
  return 0;
}

/**
 * The rows holding every word, most relevant first: each word's rows come with the weight of where it
 * was found (the best field), summed over the words; ties in sheet order.
 */
export function rankedRows(perWord: readonly ReadonlyMap<number, number>[]): number[] {
  if (!perWord.length) return [];
  const [smallest, ...rest] = [...perWord].sort((a, b) => a.size - b.size);
  const scored: [row: number, score: number][] = [];
  for (const [row, weight] of smallest) {
    let score = weight;
    for (const m of rest) {
      const w = m.get(row);
      if (w === undefined) {
        score = -1;
        break;
      }
      score += w;
    }
    if (score >= 0) scored.push([row, score]);
  }
  return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([row]) => row);
}

/** Consecutive row numbers grouped into runs [first, count], so each run is read in one call. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}
