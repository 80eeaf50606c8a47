// Columns that say when a closed deal was won or lost ("Closed date" beside Freshsales' "Expected
// close date", Pipedrive's "Won time" and "Lost time"). Close date keeps the mapped column (the
// planned date, as the export's own reports do), and these become what History would have recorded:
// the deal's move to its closed stage on that day, and its Stage entered. So reports dated by when
// deals closed (the board's since-the-meeting, won by month) see the day it closed, and a close date
// far from it is flagged in the Check column instead of passing unseen.
import type { HeaderMap } from '../deals/headerMap';
import type { StageType } from '../../shared/settings';
import { normaliseHeader } from './headerVocabulary';

/** Which closed deals a column dates: won ones, lost ones, or both. */
export type ClosedKind = Exclude<StageType, 'Open'> | 'Closed';

/** A column dating closed deals, by 0-based column. */
export interface ClosedAtColumn {
  column: number;
  kind: ClosedKind;
}

/** Which closed deals a header dates ("Deal - Won time": won ones), or null. */
export function closedKindOf(header: unknown): ClosedKind | null {
  const h = normaliseHeader(header).replace(/^(deal|opportunity|opp)\s+/, '');
  if (/^(won (time|date|on|at)|date won)$/.test(h)) return 'Won';
  if (/^(lost (time|date|on|at)|date lost)$/.test(h)) return 'Lost';
  if (/^(closed (date|on|at|time)|date closed|deal closed on|actual close date|actual closing date)$/.test(h))
    return 'Closed';
  return null;
}

/**
 * The export's columns dating closed deals, when another column is its Close date: among the columns
 * kept as extras (a column mapped to a field, Close date among them, keeps its meaning).
 */
export function closedAtColumns(header: readonly unknown[], map: HeaderMap): ClosedAtColumn[] {
  const close = map.columns.closeDate;
  if (close === undefined) return [];
  return map.extras.flatMap((column) => {
    const kind = column === close ? null : closedKindOf(header[column]);
    return kind ? [{ column, kind }] : [];
  });
}

/** Whether a closed-date column dates a deal on a stage of `type`. */
export const datesType = (kind: ClosedKind, type: StageType | undefined): boolean =>
  type !== undefined && type !== 'Open' && (kind === 'Closed' || kind === type);

/** The preview's words on closed-date columns, or ''. `name` names a column ("G "Closed date""). */
export function closedAtSaid(
  columns: readonly ClosedAtColumn[],
  map: HeaderMap,
  name: (c: number) => string,
): string {
  if (!columns.length || map.columns.closeDate === undefined) return '';
  const which = (k: ClosedKind) => (k === 'Closed' ? 'won or lost' : k.toLowerCase());
  const say = columns.map((c) => `${name(c.column)} says when closed deals were ${which(c.kind)}`).join('; ');
  const moves = columns.every((c) => c.kind === 'Won')
    ? 'Won'
    : columns.every((c) => c.kind === 'Lost')
      ? 'Lost'
      : 'Won or Lost';
  return `${say}: each becomes its move to ${moves} in History (and its Stage entered). Close date stays ${name(map.columns.closeDate)}.`;
}
