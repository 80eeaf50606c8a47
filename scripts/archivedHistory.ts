// A large CRM's History as the CRM leaves it near Google's cell limit: its oldest rows packed into the
// hidden History archive tab, the newest kept in History (see src/workbook/history/historyArchiving.ts).
// The bench builds its 200,000-deal workbook this way: written as plain rows, History alone would take
// it past the 10-million-cell limit before the first refresh could move a row.
import type { Emulator } from '../local/emulator';
import { ARCHIVE_AT_CELLS, KEEP_ROWS, packRows } from '../src/domain/history/historyArchive';
import { HISTORY_HEADERS } from '../src/domain/history/historyEntry';
import { ARCHIVE_TAB } from '../src/workbook/history/historyArchiveTab';

type Row = (string | number | Date)[];

/**
 * The History rows to write as rows, once the oldest are archived when the workbook would otherwise
 * hold `cells` ≥ ARCHIVE_AT_CELLS (the newest KEEP_ROWS stay in History), as a refresh would have.
 */
export function archiveOldest(emu: Emulator, history: Row[], cells: number): Row[] {
  if (cells < ARCHIVE_AT_CELLS || history.length <= KEEP_ROWS) return history;
  const old = history.slice(0, history.length - KEEP_ROWS);
  const packed = packRows(old, HISTORY_HEADERS.length);
  if (!packed) throw new Error('a demo History row is too long to archive');
  const sheet = emu.ss.addSheet(ARCHIVE_TAB, undefined, packed.length + 1, 2);
  sheet.cellAt(1, 1).v = 'What the cell holds';
  sheet.cellAt(1, 2).v = `History's oldest rows, one per line: ${HISTORY_HEADERS.join(', ')}`;
  packed.forEach((c, i) => {
    sheet.cellAt(i + 2, 1).v = `${c.rows} rows`;
    sheet.cellAt(i + 2, 2).v = c.text;
  });
  sheet.hidden = true;
  return history.slice(old.length);
}
