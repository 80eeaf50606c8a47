// History's row 1 as Set up made it. History is read by position, so a column deleted or inserted, or
// the header row deleted, would read each change into the wrong field: the refresh stops and says so.
import { columnName } from '../../shared/columns';
import { quoted } from '../deals/headerCheck';
import { looseKey } from '../values/text';

/**
 * What is wrong with History's row 1, or null. History is read by position (Time, Deal ID, Field, From,
 * To, User), so a column deleted or inserted, or the header row deleted, would put each change's
 * values in the wrong field. A name cleared leaves the columns where they were, and a column added
 * after User is not read: neither is a problem.
 */
export function historyHeaderProblem(first: readonly unknown[], headers: readonly string[]): string | null {
  const cell = (c: number) => String(first[c] ?? '').trim();
  const same = (c: number) => looseKey(cell(c)) === looseKey(headers[c]);
  if (headers.every((_, c) => cell(c) === '' || same(c))) return null;
  // The first column not as made (here a blank one counts: an inserted column is blank).
  const at = headers.findIndex((_, c) => !same(c));
  const what = !headers.some((_, c) => same(c))
    ? `row 1 holds a change (${quoted(first.slice(1, 3))}): the header row may have been deleted`
    : `column ${columnName(at + 1)} ${cell(at) ? `reads "${cell(at).slice(0, 40)}"` : 'has no name'}: ` +
      'a column may have been deleted, inserted or moved';
  return (
    `Row 1 of the History tab should read ${headers.join(', ')}, but ${what}. History is read by ` +
    `position, so each change would be read into the wrong field. Put it back with Edit > Undo or ` +
    `File > Version history, then refresh. Nothing was changed.`
  );
}
