// Finding deals from the sidebar's search box: every typed word must appear in the deal's name,
// company, owner (email or the owner's name in Settings) or Deal ID. The server asks Sheets for the
// rows holding each word (a TextFinder per column) and intersects them, so only the shown rows are
// read; this file holds the rules, free of any spreadsheet.
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

/** Whether one deal holds every word (the check applied to the rows read, for words not looked up). */
export function holdsEvery(
  deal: { id: string; deal: string; company: string; owner: string },
  words: readonly string[],
  owners: readonly Owner[],
): boolean {
  const ownerName = owners.find((o) => o.email.toLowerCase() === deal.owner.toLowerCase())?.name ?? '';
  const hay = `${deal.id} ${deal.deal} ${deal.company} ${deal.owner} ${ownerName}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Rows present in every set, in sheet order. */
export function rowsInAll(sets: readonly ReadonlySet<number>[]): number[] {
  if (!sets.length) return [];
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return [...smallest].filter((r) => rest.every((s) => s.has(r))).sort((a, b) => a - b);
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
