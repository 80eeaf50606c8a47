// A home-made sheet with a row pasted twice: with no Deal ID column to tell them apart, two rows that
// agree in every cell became two deals, and the forecast counted the deal twice with no word. Convert
// cannot know whether a team has two deals alike (it converts both), so the preview says which rows
// are alike and how to keep one. (Rows sharing a Deal ID are repeatedDeals.ts's.)
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { cellText } from './valueSniffing';

/** Groups of rows (1-based) below the header that agree in every cell, each group's rows in order. */
export function twinRowsOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
): number[][] {
  if (map.columns.dealId !== undefined) return [];
  const byText = new Map<string, number[]>();
  values.forEach((row, i) => {
    if (i <= headerRow) return;
    const cells = row.map((v) => cellText(v));
    if (cells.filter(Boolean).length < 2) return;
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    const key = JSON.stringify(cells);
    const rows = byText.get(key);
    if (rows) rows.push(i + 1);
    else byText.set(key, [i + 1]);
  });
  return [...byText.values()].filter((rows) => rows.length > 1);
}

/** The preview's words on rows alike, or ''. */
export function twinsSaid(groups: readonly number[][]): string {
  if (!groups.length) return '';
  const named = groups.slice(0, 4).map((rows) => `rows ${rows.join(' and ')}`);
  if (groups.length > 4) named.push('…');
  const n = groups.reduce((a, g) => a + g.length - 1, 0);
  return (
    `${named.join('; ')} ${groups.length === 1 && groups[0].length === 2 ? 'are' : 'are each'} the same in every cell, and there is no Deal ID to tell them apart: ` +
    `each becomes a deal of its own, so the forecast counts ${n === 1 ? 'that deal' : 'those deals'} more than once. ` +
    `If a row was pasted twice, answer Cancel, delete the repeat, and convert again.`
  );
}
