// Whether the Deals tab's row 1 is still the header the CRM made: every field's column named there.
// A column deleted or its name cleared, the header row deleted, rows inserted above it: read on, every
// deal would lose a field (no stage, no amount) and the reports, Forecast history and the board would
// take the result as the day's figures. So a refresh stops before it writes, and this says what is
// wrong, where, and the way back.
import { columnName } from '../../shared/columns';
import { FIELDS, fieldLabel } from '../../shared/fields';
import { PRODUCT } from '../../shared/names';
import { mapHeaders, type HeaderMap } from './headerMap';

/** Fewer fields than this named in a row: it is not a header row. */
const HEADER_AT_LEAST = 3;
/** How many rows down a displaced header is looked for (a caller reads at least these rows). */
export const LOOK_DOWN = 20;

/** Whether a header row names enough fields to be one (else it was deleted or moved, or is a deal). */
export const namesFields = (map: HeaderMap) => Object.keys(map.columns).length >= HEADER_AT_LEAST;

/** Up to three filled cells of a row, quoted, to say what a row holds. */
export const quoted = (cells: readonly unknown[]) =>
  cells
    .filter((v) => String(v ?? '').trim() !== '')
    .slice(0, 3)
    .map((v) => `"${String(v).trim().slice(0, 40)}"`)
    .join(', ');

/** "Stage", "Stage or Amount", "Stage, Amount or Owner". */
const either = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/** Row 1 names (almost) no field: the header row deleted, or rows inserted above it. */
function noHeaderRow(rows: readonly (readonly unknown[])[]): string {
  for (let r = 1; r < Math.min(rows.length, LOOK_DOWN); r++)
    if (namesFields(mapHeaders(rows[r])))
      return (
        `The Deals header is on row ${r + 1}, not row 1: rows were inserted above it. Select ` +
        `rows 1–${r} and delete them (or use Edit > Undo), then refresh. Nothing was changed.`
      );
  const first = quoted(rows[0] ?? []);
  return (
    `Row 1 of the Deals tab holds no column names${first ? ` (it reads ${first})` : ' (it is empty)'}: ` +
    `the header row may have been deleted. Put it back with Edit > Undo or File > Version history, ` +
    `then refresh. Nothing was changed.`
  );
}

/**
 * What is wrong with the Deals tab's header, or null when every field has its column. `rows` are the
 * tab's rows as read (row 1 first; a few are enough), `map` row 1's header map.
 */
export function dealsHeaderProblem(rows: readonly (readonly unknown[])[], map: HeaderMap): string | null {
  const missing = FIELDS.filter((f) => map.columns[f.key] === undefined).map((f) => f.header);
  if (!missing.length) return null;
  if (!namesFields(map)) return noHeaderRow(rows);
  const header = rows[0] ?? [];
  // Columns within the header with no name or a name the CRM does not know: a renamed field is one.
  const suspects = map.extras.slice(0, 4).map((c) => {
    const name = String(header[c] ?? '').trim();
    return name
      ? `column ${columnName(c + 1)} is named "${name.slice(0, 40)}"`
      : `column ${columnName(c + 1)} has no name`;
  });
  return (
    `The Deals tab has no ${either(missing)} column in row 1, so every deal would be read without ` +
    `${missing.length > 1 ? 'them' : 'it'}.` +
    (suspects.length
      ? ` In row 1, ${suspects.join('; ')}: if ${suspects.length > 1 ? 'one of them' : 'it'} is ${either(missing)}, name it so again.`
      : '') +
    ` If a column was deleted by mistake, put it back with Edit > Undo or File > Version history. To add ` +
    `${missing.length > 1 ? 'them' : 'it'} back empty, choose ${PRODUCT} > Set up CRM (missing columns go at ` +
    `the end). To keep a column out of sight, hide it rather than delete it. Nothing was changed.`
  );
}

/**
 * Words for columns named as a field another column holds: the CRM reads the first, so what is typed
 * in the other is kept but never read (a copy of a column, say). Null when there is none.
 */
export function doubledColumns(map: HeaderMap): string | null {
  const doubles = map.doubles ?? [];
  if (!doubles.length) return null;
  const letters = doubles.map(([, c]) => columnName(c + 1));
  const each = doubles.map(
    ([field, c]) =>
      `column ${columnName(c + 1)} is a second ${fieldLabel(field)} column (the CRM reads column ${columnName(map.columns[field]! + 1)})`,
  );
  const them = letters.length > 1;
  return (
    `In the Deals tab, ${each.join('; ')}: what is typed in ${them ? 'those columns' : `column ${letters[0]}`} ` +
    `is kept but not read, checked or counted. Rename ${them ? 'them' : 'it'} (for example ` +
    `"${fieldLabel(doubles[0][0])} (old)") or delete ${them ? 'them' : 'it'}.`
  );
}
