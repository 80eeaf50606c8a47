// Builds the board report from what a refresh computed (forecast, funnel, deals) plus History and
// the Forecast history snapshots, and writes it to the board workbook.
import { boardReport } from '../../domain/board/boardReport';
import type { CellValue } from '../../domain/deals/deal';
import type { HistoryEntry } from '../../domain/history/historyEntry';
import { stamp, type RebuildOutput } from '../../domain/reports/reportSet';
import type { Settings } from '../../shared/settings';
import { isDate } from '../../shared/zonedTime';
import { boardState, updateBoardFile, type BoardUpdate } from './boardFile';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** History rows (Time, Deal ID, Field, From, To, User) as entries. */
function entries(rows: readonly (readonly CellValue[])[]): HistoryEntry[] {
  return rows
    .filter((r) => isDate(r[0]))
    .map((r) => ({
      time: r[0] as Date,
      dealId: String(r[1]),
      field: String(r[2]),
      from: r[3],
      to: r[4],
      user: String(r[5]),
    }));
}

/** Updates (or first creates) the board workbook; returns its link and the sharing changes. */
export function refreshBoard(
  output: RebuildOutput,
  settings: Settings,
  historyRows: readonly (readonly CellValue[])[],
  forecastHistory: Sheet,
  crmName: string,
  now: Date,
  timeZone: string,
  state: ReturnType<typeof boardState>,
): BoardUpdate {
  const [header, ...rows] = forecastHistory.getDataRange().getValues() as CellValue[][];
  const report = boardReport({
    forecast: output.forecast,
    funnel: output.funnel,
    deals: output.deals,
    history: entries(historyRows),
    snapshots: { header: (header ?? []).map(String), rows },
    board: settings.board,
    lostReasons: settings.lostReasons.map((r) => r.name),
    currency: settings.general.currency,
    now,
    timeZone,
    stamp: stamp(now, timeZone),
  });
  return updateBoardFile(report, settings.board, crmName, state);
}
