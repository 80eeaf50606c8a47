// The sidebar's search on the Deals tab: Sheets finds the rows holding each word (a TextFinder per word
// and column, on Google's side), the rows are ranked, and only the shown ones are read. What it costs is
// set by the matches each lookup brings back, so the rarest word is looked up first (the search index a
// refresh keeps says which words are common), a common word later in the query is checked on the rows
// read rather than looked up, and a query of common words only is looked up in the newest rows.
import {
  FIELD_WEIGHT,
  holdsEvery,
  ownersNamed,
  rankedRows,
  searchWords,
  SEARCH_LIMIT,
  SEARCHED_WORDS,
  TYPO_MIN_LENGTH,
  TYPO_WEIGHT,
  typoPattern,
  wordWeight,
  escapeRegex,
  searchedFields,
} from '../../domain/sidebar/dealSearch';
import {
  firstRowSearched,
  likelyTypo,
  mostDealsHold,
  lookupOrder,
  ownerColumnHolds,
  type SearchIndex,
} from '../../domain/sidebar/searchIndex';
import { cellOf } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import type { DealSummary, SearchResult } from '../../shared/dealDto';
import type { Owner } from '../../shared/settings';
import type { Sheet } from '../core/sheetTypes';
import { blockOf, readWholeHeaderMap, readRows, rowsMatching } from '../deals/dealLookup';
import { storedSearchIndex } from './searchIndexStore';
import { liveCrm } from './sidebarCrm';

const SEARCH_FIELDS = ['dealId', 'deal', 'company', 'owner', 'stage'] as const;

interface Lookup {
  deals: Sheet;
  map: HeaderMap;
  owners: readonly Owner[];
  index: SearchIndex | null;
  /** The first row looked in (2, or the newest rows for a query of common words). */
  from: number;
}
interface Found {
  row: number;
  summary: DealSummary;
  score: number;
}

/** Deals holding every word of the query (one typo forgiven), most relevant first, and how many there are. */
export function searchDeals(query: string): SearchResult {
  const c = liveCrm();
  const index = storedSearchIndex(c.properties);
  const words = lookupOrder(searchWords(query), index);
  const map = readWholeHeaderMap(c.deals);
  const block = blockOf(map, SEARCH_FIELDS);
  if (!words.length || !block) return { query, deals: [], total: 0, approximate: false };
  const owners = c.state.settings.owners;
  const first = (from: number) =>
    lookUp({ deals: c.deals, map, owners, index, from }, words, (rows, upTo) =>
      readFound(c.deals, block, rows, upTo),
    );
  // A query of common words is looked up in the newest rows; should they not fill a page, in all.
  const from = firstRowSearched(index, words[0]);
  let found = first(from);
  if (from > 2 && found.deals.length < SEARCH_LIMIT) found = first(2);
  const deals = found.deals.slice(0, SEARCH_LIMIT).map((f) => f.summary);
  const share = found.from > 2 && index ? (index.lastRow - 1) / (index.lastRow + 1 - found.from) : 1;
  const total = Math.max(deals.length, Math.round(found.held * share));
  return { query, deals, total, approximate: found.approximate || share > 1 };
}

type Reader = (
  q: { look: Lookup; words: string[]; perWord: Map<number, number>[]; candidates: number[] },
  upTo: number,
) => { deals: Found[]; read: number };

/**
 * One search from `look.from` down: the rarest word first, then the next ones while more than a page
 * of rows is left, except a word most deals hold, checked on a page of rows read instead (looked up
 * after all if that page does not fill). How many deals hold every word: exact when every candidate
 * was read or no word was left to check, else estimated from the rows read.
 */
function lookUp(look: Lookup, words: string[], read: Reader) {
  const perWord = [rowsOfWord(look, words[0])];
  let candidates = rankedRows(perWord);
  while (
    perWord.length < Math.min(words.length, SEARCHED_WORDS) &&
    candidates.length > SEARCH_LIMIT &&
    !mostDealsHold(look.index, words[perWord.length])
  ) {
    perWord.push(rowsOfWord(look, words[perWord.length]));
    candidates = rankedRows(perWord);
  }
  let found = read({ look, words, perWord, candidates }, SEARCH_LIMIT);
  if (words.length > perWord.length && found.read < candidates.length && found.deals.length < SEARCH_LIMIT) {
    for (const word of words.slice(perWord.length, SEARCHED_WORDS)) perWord.push(rowsOfWord(look, word));
    candidates = rankedRows(perWord);
    const upTo = words.length > perWord.length ? SEARCH_LIMIT * 5 : SEARCH_LIMIT;
    found = read({ look, words, perWord, candidates }, upTo);
  }
  const allRead = found.read >= candidates.length;
  const unchecked = words.length > perWord.length;
  const held = allRead
    ? found.deals.length
    : unchecked
      ? (candidates.length * found.deals.length) / found.read
      : candidates.length;
  return { ...found, held, from: look.from, approximate: unchecked && !allRead };
}

/** Reads the first candidates, as many as `upTo`, and keeps those holding every word, best first. */
function readFound(deals: Sheet, block: [number, number], ...[q, upTo]: Parameters<Reader>) {
  const { look, words, perWord, candidates } = q;
  const wanted = candidates.slice(0, upTo);
  const rows = readRows(deals, wanted, ...block);
  const rest = words.slice(perWord.length);
  const found: Found[] = [];
  for (const r of wanted) {
    const row = rows.get(r)!;
    const text = (k: (typeof SEARCH_FIELDS)[number]) => String(cellOf(row, look.map, k)).trim();
    const summary = {
      id: text('dealId'),
      deal: text('deal'),
      company: text('company'),
      owner: text('owner'),
      stage: text('stage'),
    };
    if (!summary.id || !holdsEvery(summary, words, look.owners)) continue;
    // Ranked by the words looked up, then by where the words checked here are.
    const score =
      perWord.reduce((a, m) => a + (m.get(r) ?? 0), 0) +
      rest.reduce((a, w) => a + wordWeight(summary, w, look.owners), 0);
    found.push({ row: r, summary, score });
  }
  found.sort((a, b) => b.score - a.score || a.row - b.row);
  return { deals: found, read: wanted.length };
}

/** The rows holding `word`, each with the weight of the best field it is in (one typo forgiven if none). */
function rowsOfWord(look: Lookup, word: string): Map<number, number> {
  const { owners, index, map } = look;
  const rows = new Map<number, number>();
  const scan = (typo: boolean) => {
    const share = typo ? TYPO_WEIGHT : 1;
    const pattern = typo ? typoPattern(word) : escapeRegex(word);
    for (const key of searchedFields(word)) {
      const col = map.columns[key];
      // A word no owner's email or name holds is not looked for in the Owner column.
      if (col === undefined || (key === 'owner' && !ownerColumnHolds(index, owners, word, typo))) continue;
      // The owner column also by the emails of the owners whose name holds the word: one finder.
      const named = key === 'owner' && !typo ? ownersNamed(owners, word).map(escapeRegex) : [];
      const either = named.length ? `${pattern}|^\\s*(?:${named.join('|')})\\s*$` : pattern;
      const weight = FIELD_WEIGHT[key] * share;
      for (const r of rowsMatching(look.deals, col + 1, either, look.from))
        if ((rows.get(r) ?? 0) < weight) rows.set(r, weight);
    }
  };
  const typoAtOnce = likelyTypo(index, word);
  if (!typoAtOnce) scan(false);
  if (!rows.size && [...word].length >= TYPO_MIN_LENGTH) scan(true);
  return rows;
}
