// Records an export or a database dump marks deleted: SugarCRM's and vtiger's `deleted` column of
// 1s, Salesforce's IsDeleted, Pipedrive's status "deleted" (its export can include deleted deals).
// Converted, each was a live deal: an open one in the weighted forecast. They are left out of the
// conversion (the backup keeps them) and said in the preview and the summary.
import type { CellValue } from '../deals/deal';
import { counted, rowsNamed } from '../values/text';
import { normaliseHeader, statusHeaderKind, type ImportWords } from './headerVocabulary';
import { statusOf } from './stageAdoption';
import { cellText } from './valueSniffing';
import { blankedRows } from './sectionRows';

/** The rows (1-based) marked deleted and the column that says so, or null. */
export interface DeletedRows {
  column: number;
  rows: number[];
}

/**
 * The rows below the header row that a deleted flag (every value a yes or a no) or a status column
 * ("deleted") marks deleted; null when none is.
 */
export function deletedRowsOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  words: ImportWords,
): DeletedRows | null {
  if (headerRow < 0) return null;
  const header = values[headerRow] ?? [];
  const body = values.slice(headerRow + 1);
  const isDeleted = new RegExp(words.deleted);
  for (let c = 0; c < header.length; c++) {
    const flag = words.deletedFlag.includes(normaliseHeader(header[c]));
    if (!flag && statusHeaderKind(header[c], words) !== 'status') continue;
    const cells = body.map((r) => cellText(r[c]));
    const deleted = (v: string) =>
      flag ? statusOf('won', v, words) === 'Won' : v.length <= 12 && isDeleted.test(normaliseHeader(v));
    if (flag && !cells.every((v) => v === '' || statusOf('won', v, words) !== null)) continue;
    const rows = cells.flatMap((v, i) => (deleted(v) ? [headerRow + i + 2] : []));
    if (rows.length) return { column: c, rows };
  }
  return null;
}

/** The export's values with its deleted rows blanked (row numbers unchanged), and which they were. */
export function withoutDeleted(
  values: CellValue[][],
  headerRow: number,
  words: ImportWords,
): { values: CellValue[][]; deleted: DeletedRows | null } {
  const deleted = deletedRowsOf(values, headerRow, words);
  return { values: blankedRows(values, deleted?.rows ?? []), deleted };
}

/** The preview's and the summary's words on deleted rows left out, or ''. */
export function deletedSaid(d: DeletedRows | null, name: (c: number) => string): string {
  if (!d) return '';
  const n = d.rows.length;
  return `${counted(n, 'row')} ${n === 1 ? 'is' : 'are'} marked deleted (${name(d.column)}: ${rowsNamed(d.rows, 8)}): not converted (the original keeps them). To convert ${n === 1 ? 'it' : 'them'}, change that column and choose Convert again.`;
}
