// Builds the board report from what a refresh computed (forecast, funnel, deals, close-date pushes) and
// the Forecast history snapshots, and writes it to the board workbook.
import { boardReport } from '../../domain/board/boardReport';
import { buildForecast, targetFor } from '../../domain/forecast/forecast';
import { rebuiltSnapshots } from '../../domain/board/rebuiltSnapshots';
import { putSnapshots } from '../forecast/forecastHistoryTab';
import type { CellValue, Deal } from '../../domain/deals/deal';
import type { ClosePush } from '../../domain/history/historyIndex';
import type { MovesByDeal } from '../../domain/history/stageMoves';
import { stamp, type RebuildOutput } from '../../domain/reports/reportSet';
import type { Settings } from '../../shared/settings';
import { boardState, keptByAnother, updateBoardFile, type BoardUpdate } from './boardFile';
import type { Sheet } from '../core/sheetTypes';
import { moneyLabel } from '../../domain/values/moneyFormat';

/**
 * Updates (or first creates) the board workbook; returns its link and the sharing changes. A run as
 * someone other than its keeper leaves it alone (no call) and says who keeps it.
 */
export function refreshBoard(request: {
  output: RebuildOutput;
  settings: Settings;
  closePushes: readonly ClosePush[];
  /** History's stage moves by deal (when deals were marked won or lost) */
  moves: MovesByDeal;
  forecastHistory: Sheet;
  crmName: string;
  now: Date;
  timeZone: string;
  state: ReturnType<typeof boardState>;
  /** Who runs this refresh (the keeper of a file they make). */
  user: string;
  /** Whether a person asked for the board (Update board workbook): only then is a file made anew. */
  mayCreate: boolean;
}): BoardUpdate {
  const { output, settings, closePushes, forecastHistory, now, timeZone, state, user } = request;
  const other = keptByAnother(state, user);
  if (other) return other;
  const [first, ...read] = forecastHistory.getDataRange().getValues() as CellValue[][];
  const header = (first ?? []).map(String);
  const forecastAt = (deals: readonly Deal[], day: Date) => buildForecast(deals, settings, day, timeZone);
  // Days before the first snapshot (an import with history, an old sheet): rebuilt once from History.
  const rebuilt = rebuiltSnapshots({
    header,
    rows: read,
    deals: output.deals,
    moves: request.moves,
    settings,
    meetings: settings.board.meetings,
    now,
    timeZone,
    forecastAt,
  });
  const rows = rebuilt.length ? putSnapshots(forecastHistory, read, rebuilt) : read;
  const report = boardReport({
    forecast: output.forecast,
    funnel: output.funnel,
    deals: output.deals,
    closePushes,
    moves: request.moves,
    snapshots: { header, rows },
    board: settings.board,
    plan: (month) => targetFor(settings, month),
    forecastFor: (deals) => buildForecast(deals, settings, now, timeZone),
    fiscalYearStartMonth: settings.general.fiscalYearStartMonth,
    lostReasons: settings.lostReasons.map((r) => r.name),
    currency: moneyLabel(settings.general.currency, settings.rates),
    now,
    timeZone,
    stamp: stamp(now, timeZone),
  });
  return updateBoardFile(report, settings.board, request.crmName, state, {
    user,
    when: stamp(now, timeZone),
    mayCreate: request.mayCreate,
  });
}
