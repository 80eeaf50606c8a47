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

/** A cell that holds a date, or text with a digit (a date not read yet): not blank, "-" or "n/a". */
const dated = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' || /\d/.test(String(v ?? ''));

/**
 * What a row's won and lost dates say of it when no status column does: Won with a won date and no
 * lost date, Lost the other way round; null with neither, both (reopened?), or only a date of either
 * kind ("Closed date").
 */
export function closedByDates(
  row: readonly unknown[],
  columns: readonly ClosedAtColumn[],
): 'Won' | 'Lost' | null {
  const has = (kind: ClosedKind) => columns.some((c) => c.kind === kind && dated(row[c.column]));
  const [won, lost] = [has('Won'), has('Lost')];
  return won === lost ? null : won ? 'Won' : 'Lost';
}

/** The preview's line on open deals a won or lost date closes ('' with none). */
export function closedByDatesSaid(
  turned: { Won: number; Lost: number },
  columns: readonly ClosedAtColumn[],
  name: (c: number) => string,
): string {
  const n = turned.Won + turned.Lost;
  if (!n) return '';
  const which = columns.filter((c) => c.kind !== 'Closed').map((c) => name(c.column));
  const parts = [
    turned.Lost ? `${turned.Lost} become${turned.Lost === 1 ? 's' : ''} Lost` : '',
    turned.Won ? `${turned.Won} ${turned.Lost ? '' : turned.Won === 1 ? 'becomes ' : 'become '}Won` : '',
  ].filter(Boolean);
  return `${n} ${n === 1 ? 'deal' : 'deals'} at an open stage ${n === 1 ? 'has' : 'have'} a date in ${which.join(' or ')}: ${parts.join(' and ')}, the stage each was at kept in History.`;
}
