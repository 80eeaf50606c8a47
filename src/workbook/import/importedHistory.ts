// The History an import brings: stage changes from per-stage "Date entered" columns (or a stage-history
// export), never added twice (those History or its archive holds already are left out), and near the
// cell limit written mostly into the History archive (historyArchiving.ts).
import { FIELDS } from '../../shared/fields';
import { isDate } from '../../shared/zonedTime';
import type { CellValue } from '../../domain/deals/deal';
import { lineAtMost } from '../../domain/history/historyArchive';
import type { HistoryEntry } from '../../domain/history/historyEntry';
import type { ConversionResult } from '../../domain/import/conversion';
import { moveKey } from '../../domain/import/historyImport';
import type { DocumentState } from '../core/documentState';
import { readHeaderMap } from '../deals/dealLookup';
import { historyAndArchive } from '../history/historyArchiveTab';
import { addImportedHistory } from '../history/historyArchiving';
import { findHistoryTab } from '../history/historyTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** Who an imported stage change is logged by. */
const IMPORT_USER = 'import';
const text = (v: unknown) => String(v ?? '').trim();

/** The stage changes History rows hold (the archive's and the tab's), each as its moveKey. */
export function movesIn(rows: readonly (readonly CellValue[])[], timeZone: string): Set<string> {
  return new Set(
    rows
      .filter((r) => text(r[2]) === 'Stage' && isDate(r[0]))
      .map((r) => moveKey(text(r[1]), r[0] as Date, r[4], timeZone)),
  );
}

/**
 * History entries from per-stage "Date entered" columns, not already in History; returns how many.
 * `archive`: written mostly into the archive (Convert's room check decided so).
 */
export function importedMoves(
  ss: Spreadsheet,
  state: DocumentState | null,
  moves: readonly { row: number; time: Date; stage: string; from?: string }[],
  idOf: readonly string[],
  timeZone: string,
  archive: boolean,
): number {
  if (!moves.length) return 0;
  const history = findHistoryTab(ss, state?.historySheetId);
  if (!history) return 0;
  // History read once: for the changes it holds, and (near the limit) for the rows to move.
  const { archived, rows } = historyAndArchive(ss, history);
  const existing = movesIn([...archived, ...rows], timeZone);
  const entries: HistoryEntry[] = [];
  const previous = new Map<number, string>();
  for (const m of moves) {
    const dealId = idOf[m.row];
    const from = previous.get(m.row) ?? m.from ?? '';
    previous.set(m.row, m.stage);
    if (!dealId || existing.has(moveKey(dealId, m.time, m.stage, timeZone))) continue;
    entries.push({ time: m.time, dealId, field: 'Stage', from, to: m.stage, user: IMPORT_USER });
  }
  addImportedHistory(ss, history, entries, archive, rows);
  return entries.length;
}

/**
 * The longest line a "Date entered" History row packs to, before any is made: its Deal ID one of the
 * export's or of the Deals tab it is added to (`appendTo`, whose Deal IDs are read), its stages the
 * import's.
 */
export function movesLine(appendTo: Sheet | null, result: ConversionResult): number {
  const idCol = FIELDS.findIndex((f) => f.key === 'dealId');
  const ids = result.rows.map((r) => text(r[idCol]));
  const held = appendTo ? appendTo.getLastRow() - 1 : 0;
  const col = appendTo && held > 0 ? readHeaderMap(appendTo).columns.dealId : undefined;
  if (appendTo && col !== undefined)
    for (const [v] of appendTo.getRange(2, col + 1, held, 1).getValues() as CellValue[][]) ids.push(text(v));
  const stages = [...new Set(result.moves.map((m) => m.stage))];
  return lineAtMost([ids, ['Stage'], ['', ...stages], stages, [IMPORT_USER]]);
}
