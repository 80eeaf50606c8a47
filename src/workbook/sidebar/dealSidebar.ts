// The deal sidebar's work on the spreadsheet: its model, search, and one deal with its History and
// facts. Everything reads in proportion to one deal (see dealLookup). Saves are in dealSave.ts.
import { isoDay } from '../../shared/zonedTime';
import { historyItems } from '../../domain/sidebar/dealForm';
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
import { cellOf } from '../../domain/deals/deal';
import {
  type DealRecord,
  type DealSummary,
  type HistoryItem,
  type SearchResult,
  type SidebarModel,
} from '../../shared/dealDto';
import { currentUser } from '../core/app';
import type { Sheet } from '../core/sheetTypes';
import type { Owner } from '../../shared/settings';
import { blockOf, dealHistory, readHeaderMap, readRows, rowsMatching, rowsOfDeal } from '../deals/dealLookup';

import { crm, formRules, liveCrm, MAX_TRIES, record } from './sidebarCrm';

/** History entries the sidebar shows at first; "Show all" asks for the rest. */
const HISTORY_SHOWN = 10;
/** What the sidebar needs to start: lists from Settings and the current user (no deals: search asks). */
export function getSidebarModel(): SidebarModel {
  const c = liveCrm();
  const settings = c.state.settings;
  return {
    user: currentUser(),
    today: isoDay(new Date(), c.state.timeZone),
    currency: settings.general.currency,
    rules: formRules(settings, c.state.locale),
    owners: settings.owners,
    leadSources: settings.leadSources,
    industries: settings.industries,
  };
}

const SEARCH_FIELDS = ['dealId', 'deal', 'company', 'owner'] as const;

/** Deals holding every word of the query (one typo forgiven), most relevant first: a TextFinder per word and column, then only the rows shown. */
export function searchDeals(query: string): SearchResult {
  const c = liveCrm();
  const words = searchWords(query);
  if (!words.length) return { query, deals: [], total: 0, approximate: false };
  const map = readHeaderMap(c.deals);
  const owners = c.state.settings.owners;
  // Each word's rows with the weight of the best field it is in; a word found nowhere is looked for
  // again with one typo forgiven (only then: a common word costs no more). Once the rows holding the
  // words so far fit on one page, the other words are checked on those rows as read (no more scans).
  const perWord: Map<number, number>[] = [];
  let candidates: number[] = [];
  let scanned = 0;
  for (const word of words.slice(0, SEARCHED_WORDS)) {
    if (scanned && candidates.length <= SEARCH_LIMIT) break;
    perWord.push(rowsOfWord(c.deals, map, owners, word));
    candidates = rankedRows(perWord);
    scanned++;
  }
  // Every candidate read and checked: the count is exact; else words not looked up may count too many.
  const allRead = candidates.length <= SEARCH_LIMIT;
  const approximate = !allRead && words.length > scanned;
  const block = blockOf(map, [...SEARCH_FIELDS, 'stage']);
  if (!block) return { query, deals: [], total: 0, approximate: false };
  // With words not looked up, read more candidates so that the ones holding every word fill the list.
  const read = readRows(
    c.deals,
    candidates.slice(0, approximate || words.length > scanned ? SEARCH_LIMIT * 5 : SEARCH_LIMIT),
    ...block,
  );
  // The rows read that hold every word, ranked by the words scanned and then those checked here.
  const score = new Map(candidates.map((r) => [r, perWord.reduce((a, m) => a + (m.get(r) ?? 0), 0)]));
  const found: { row: number; summary: DealSummary; score: number }[] = [];
  for (const r of candidates) {
    const row = read.get(r);
    if (!row) break;
    const text = (k: (typeof SEARCH_FIELDS)[number] | 'stage') => String(cellOf(row, map, k)).trim();
    const summary = {
      id: text('dealId'),
      deal: text('deal'),
      company: text('company'),
      owner: text('owner'),
      stage: text('stage'),
    };
    if (!summary.id || !holdsEvery(summary, words, owners)) continue;
    const extra = words.slice(scanned).reduce((a, w) => a + wordWeight(summary, w, owners), 0);
    found.push({ row: r, summary, score: score.get(r)! + extra });
  }
  found.sort((a, b) => b.score - a.score || a.row - b.row);
  const deals = found.slice(0, SEARCH_LIMIT).map((f) => f.summary);
  const total = allRead ? deals.length : Math.max(deals.length, candidates.length);
  return { query, deals, total, approximate };
}

/** The rows holding `word`, each with the weight of the best field it is in (one typo forgiven if none). */
function rowsOfWord(
  deals: Sheet,
  map: ReturnType<typeof readHeaderMap>,
  owners: readonly Owner[],
  word: string,
): Map<number, number> {
  const rows = new Map<number, number>();
  const look = (typo: boolean) => {
    const share = typo ? TYPO_WEIGHT : 1;
    const pattern = typo ? typoPattern(word) : escapeRegex(word);
    for (const key of searchedFields(word)) {
      const col = map.columns[key];
      if (col === undefined) continue;
      // The owner column also by the emails of the owners whose name holds the word: one finder.
      const named = key === 'owner' && !typo ? ownersNamed(owners, word).map(escapeRegex) : [];
      const either = named.length ? `${pattern}|^\\s*(?:${named.join('|')})\\s*$` : pattern;
      const weight = FIELD_WEIGHT[key] * share;
      for (const r of rowsMatching(deals, col + 1, either))
        if ((rows.get(r) ?? 0) < weight) rows.set(r, weight);
    }
  };
  look(false);
  if (!rows.size && [...word].length >= TYPO_MIN_LENGTH) look(true);
  return rows;
}

/** One deal for editing, with its last History entries (newest first) and what the sheet knows of it. */
export function getDeal(id: string): DealRecord | null {
  const c = crm();
  const map = readHeaderMap(c.deals);
  const wanted = String(id).trim();
  const idCol = map.columns.dealId;
  // A sort between finding the row and reading it puts another deal there: the row is found again.
  for (let tries = 1; ; tries++) {
    const [rowNumber] = rowsOfDeal(c.deals, map, wanted);
    if (rowNumber === undefined) return null;
    const row = readRows(c.deals, [rowNumber], 1, map.width).get(rowNumber)!;
    if (idCol !== undefined && String(row[idCol]).trim() !== wanted && tries < MAX_TRIES) continue;
    return record(row, rowNumber, map, c, dealHistory(c.history, wanted, HISTORY_SHOWN));
  }
}

/** Every History entry of a deal, newest first. */
export function getDealHistory(id: string): HistoryItem[] {
  const c = crm();
  return historyItems(dealHistory(c.history, String(id).trim()).rows, c.state.timeZone);
}
