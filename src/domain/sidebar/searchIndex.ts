// What a refresh learns for the sidebar's search, stored in one small document property: the words
// most deals hold (with how many deals hold each) and the Owner column's values that CRM Settings does
// not list. With it a search looks its rarest word up first (its rows are few, so the next words are
// often checked on rows read, not searched for) and leaves the Owner column alone for a word that no
// owner's name or email holds. Without it (before the first refresh) every column is searched, longest
// word first. Free of any spreadsheet.
import type { Owner } from '../../shared/settings';
import { holdsWord, TYPO_MIN_LENGTH } from './dealSearch';
import * as z from '../../shared/schema';

export interface SearchIndex {
  /** The commonest words of deal names and companies (lowercase), with the deals holding each. */
  words: [word: string, deals: number][];
  /** Owner cells (lowercase) that are no Settings owner's email; null when there were too many to keep. */
  owners: string[] | null;
  /** The last row holding a deal when the index was made. */
  lastRow: number;
}

/** Words kept: enough to know what is common, small enough for a property read with every search. */
const WORDS_KEPT = 80;
/** A word held by fewer deals is not worth keeping (searching it is cheap). */
const MIN_DEALS = 50;
/** Owner values outside Settings kept by name; with more, the Owner column is always searched. */
const OWNERS_KEPT = 40;
/** Longer words and owner values are not kept (the property stays a few KB whatever the cells hold). */
const LONGEST = 60;

/** The words of a text as search sees them: lowercase runs of letters and digits. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The index of a refresh's deals (their names, companies and owners as the cells hold them). */
export function buildSearchIndex(
  deals: readonly { row: number; name: string; company: string; owner: string }[],
  owners: readonly Owner[],
): SearchIndex {
  const counts = new Map<string, number>();
  const listed = new Set(owners.map((o) => o.email.trim().toLowerCase()));
  const others = new Set<string>();
  // A word counts once a deal: the last deal each word was counted for. Companies (and often names)
  // repeat over the deals, so each text is split once.
  const countedFor = new Map<string, number>();
  const split = new Map<string, string[]>();
  const words = (text: string) => {
    let out = split.get(text);
    if (!out) split.set(text, (out = wordsOf(text)));
    return out;
  };
  let lastRow = 1;
  deals.forEach((d, i) => {
    lastRow = Math.max(lastRow, d.row);
    for (const w of [...words(d.name), ...words(d.company)]) {
      if (countedFor.get(w) === i) continue;
      countedFor.set(w, i);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const owner = d.owner.trim().toLowerCase();
    if (owner && !listed.has(owner)) others.add(owner);
  });
  const common = [...counts]
    .filter(([w, n]) => n >= MIN_DEALS && w.length <= LONGEST)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, WORDS_KEPT);
  const keep = others.size <= OWNERS_KEPT && [...others].every((o) => o.length <= LONGEST);
  return { words: common, owners: keep ? [...others].sort() : null, lastRow };
}

/** The stored form (compact JSON), and reading it back: anything unexpected reads as no index. */
export function storedIndex(index: SearchIndex): string {
  return JSON.stringify({ w: index.words, o: index.owners, r: index.lastRow });
}
const stored = z.object({
  w: z.array(z.unknown()),
  o: z.nullable(z.array(z.string())),
  r: z.number().check(z.gte(1)),
});
export function readSearchIndex(raw: string | undefined): SearchIndex | null {
  if (!raw) return null;
  try {
    const v = stored.safeParse(JSON.parse(raw));
    if (!v.success) return null;
    const words = v.data.w.filter(
      (p): p is [string, number] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number',
    );
    return { words, owners: v.data.o, lastRow: Math.floor(v.data.r) };
  } catch {
    return null;
  }
}

/**
 * About how many deals hold `word` (as part of a word too): the most of any common word holding it,
 * 0 when none does (it is rarer than every word kept, or unknown).
 */
export function dealsHolding(index: SearchIndex | null, word: string): number {
  let most = 0;
  for (const [w, n] of index?.words ?? []) if (n > most && w.includes(word)) most = n;
  return most;
}

/**
 * A word held by more deals than this is common: looking it up in every row would bring back more
 * matches than a search can afford at 100,000 deals (each costs about a cell read), so it is looked up
 * in the newest rows only (enough for a page), or checked on the rows other words found.
 */
export const COMMON_DEALS = 2000;

/**
 * Whether a word is better checked on the rows other words found than looked up: when most deals hold
 * it, a page of those rows is likely to hold it too, and looking it up would bring back most rows.
 */
export function mostDealsHold(index: SearchIndex | null, word: string): boolean {
  return !!index && dealsHolding(index, word) * 2 > index.lastRow - 1;
}

/**
 * Whether a word no common word holds is one typo away from one that does ("strk" for "stark"): it is
 * then looked up with the typo forgiven at once (an exact match is found by that too), not twice.
 */
export function likelyTypo(index: SearchIndex | null, word: string): boolean {
  if (!index || [...word].length < TYPO_MIN_LENGTH || dealsHolding(index, word) > 0) return false;
  return index.words.some(([w]) => holdsWord(w, word));
}

/**
 * The first row a word is looked up from: row 2, or for a common word the newest rows, as many as
 * should hold about COMMON_DEALS of its deals (rows added since the index was made are searched too).
 */
export function firstRowSearched(index: SearchIndex | null, word: string): number {
  const held = dealsHolding(index, word);
  if (!index || held <= COMMON_DEALS) return 2;
  const rows = Math.ceil(((index.lastRow - 1) * COMMON_DEALS) / held);
  return Math.max(2, index.lastRow + 1 - rows);
}

/** The query's words in the order to look them up: rarest first, then longest (long words are rarer). */
export function lookupOrder(words: readonly string[], index: SearchIndex | null): string[] {
  const freq = new Map(words.map((w) => [w, dealsHolding(index, w)]));
  return [...words].sort((a, b) => freq.get(a)! - freq.get(b)! || b.length - a.length);
}

/**
 * Whether the Owner column can hold `word` (with one typo, if `typo`): some owner's email or name in
 * Settings, or an owner value the last refresh saw, holds it. Unknown (no index, or too many values
 * outside Settings to keep) counts as yes, so the column is searched.
 */
export function ownerColumnHolds(
  index: SearchIndex | null,
  owners: readonly Owner[],
  word: string,
  typo: boolean,
): boolean {
  if (!index || index.owners === null) return true;
  const holds = (text: string) =>
    typo ? holdsWord(text.toLowerCase(), word) : text.toLowerCase().includes(word);
  return owners.some((o) => holds(o.email) || holds(o.name)) || index.owners.some(holds);
}
