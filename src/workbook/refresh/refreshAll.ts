// A refresh: read Deals, History since the last refresh (through its index) and what is needed to
// trust the report tabs, sweep the deals, compute all reports in memory, then write the report rows
// that changed, the charts whose range changed, today's forecast row and the History index.
import { rebuildReports, REPORT_TABS, stamp, type RebuildOutput } from '../../domain/reports/reportSet';
import { DATA_ISSUES_TAB, FORECAST_HISTORY_TAB, PRODUCT } from '../../shared/names';
import { CrmError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import type { CrmTabs } from '../core/crmTabs';
import {
  forecastHistoryTab,
  recordDay,
  TREND_CHART,
  trendRange,
  type ForecastHistory,
} from '../forecast/forecastHistoryTab';
import {
  chartWanted,
  findCharts,
  listIntact,
  placeCharts,
  prepareReport,
  writeReportOrBanner,
  type ChartWanted,
  type ReportSheet,
} from '../reports/reportTab';
import type { ReportChart } from '../../domain/core/reportGrid';
import { applySweep, planSweep, sweptIds, type SweepPlan, type SweepSummary } from '../deals/dealSweep';
import { withDocumentLock } from '../core/lock';
import { historyRow } from '../../domain/history/historyEntry';
import { boardFileThere, boardState, keptByAnother, type BoardUpdate } from '../board/boardFile';
import { tabSizes } from '../core/cells';
import {
  forgetPointer,
  historyTailHolds,
  readHistory,
  readPointer,
  saveHistoryIndex,
} from '../history/historyIndexTab';
import { foldRows, movesOf, pushesOf } from '../../domain/history/historyIndex';
import type { MovesByDeal } from '../../domain/history/stageMoves';
import type { Deal } from '../../domain/deals/deal';
import type { Violation } from '../../domain/dataQuality/dealChecks';
import { changeStamp, documentProperties } from '../core/documentState';
import { forgetSwept, idsPrint, rulesPrint, sweptStands } from '../core/sweptState';
import { completeJournals, journalsLeft } from '../guard/changeJournal';
import { readHeaderMap } from '../deals/dealLookup';
import { headerPrint } from '../../domain/deals/headerMap';
import { forgetStore, STORE_COLUMNS, STORE_ROWS } from '../deals/dealStoreTab';
import { keepStore, storeTarget } from '../deals/dealStoreKept';
import {
  forgetLastRefresh,
  lastDealCount,
  nextWindow,
  quietSince,
  saveLastRefresh,
  windowHolds,
} from './quietRefresh';
import { dealsGone } from '../../domain/deals/dealsGone';
import {
  clearEditMarks,
  forgetPrints,
  readReportRecord,
  saveReportRecord,
  type ReportExtent,
} from '../reports/reportRecord';
import { reportTabs } from '../reports/reportTabsMade';
import type { refreshBoard } from '../board/boardRefresh';
import { BOARD_FILE, BOARD_GLOBAL, onDemand } from '../core/onDemand';
import { archiveOldRows, rowsToArchive } from '../history/historyArchiving';
import { dailyEmailDue, sendDailyEmails } from './dailyEmail';
import { historyHeaderHolds, quietDailyCheck, reportsIntact } from './quietCheck';
import { buildSearchIndex } from '../../domain/sidebar/searchIndex';
import { saveSearchIndex } from '../sidebar/searchIndexStore';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** A scheduled refresh checks a part of History and of each list when the last check is older. */
const DAILY_CHECK_MS = 20 * 60 * 60 * 1000;
/** How long a refresh waits for edits and sidebar saves to finish (each takes a second or two). */
const LOCK_WAIT_MS = 30000;

/** A refresh that found nothing changed since the last (quietRefresh.ts): nothing was written. */
export interface QuietRefresh {
  quiet: { since: string; rows: number };
  /** Who keeps the board workbook, when it is not the person refreshing (left alone, as always). */
  board?: BoardUpdate;
  zone?: ZoneMoved;
}

/** The spreadsheet's time zone now, when it is not the one Set up recorded (days are counted in that). */
export interface ZoneMoved {
  recorded: string;
  now: string;
}

export interface RefreshResult {
  quiet?: undefined;
  zone?: ZoneMoved;
  /** Cells the spreadsheet holds after the refresh (the 10-million limit counts them). */
  cells: number;
  /** The board workbook's update, when there is one (or `board: 'create'` was asked). */
  board?: BoardUpdate;
  sweep: SweepSummary;
  output: RebuildOutput;
}

/** What a refresh is asked to do, and for whom. */
export interface RefreshRequest {
  ss: Spreadsheet;
  crm: CrmTabs;
  settings: Settings;
  /** the person refreshing, named in History for the sweep's changes */
  user: string;
  now: Date;
  /** shows a short message to the person (a toast) */
  progress: (m: string) => void;
  /** 'create' makes the board workbook when there is none; else it follows only an existing one */
  board?: 'create' | 'if-exists';
  /** true: read all of History and rewrite every report tab; 'daily': the schedule's daily check */
  full?: boolean | 'daily';
  /** runs while the document lock is held (rows added below get their formats) */
  whileLocked?: () => void;
  /** asks the person Yes or No (a menu refresh); with none (the schedule), a doubt stops the refresh */
  confirm?: (title: string, message: string) => boolean;
}

/** What the last refresh recorded, and what this one will read and write because of it. */
interface RefreshPlan {
  properties: Record<string, string>;
  record: ReturnType<typeof readReportRecord>;
  pointer: ReturnType<typeof readPointer>;
  fullHistory: boolean;
  /** the daily check is due */
  check: boolean;
  sheets: Map<string, ReportSheet>;
}

/**
 * Runs a refresh. A refresh reads History from where the last one stopped and writes only the report
 * rows that changed. With `full: 'daily'` (the schedule), the first refresh of a day also checks a
 * fourteenth of History's folded rows against their prints (reading all of History if one differs),
 * writes the next fourteenth of each list whatever its prints, looks the charts up (putting back one a
 * person deleted) and measures the tabs, so that anything changed without an edit event is put right
 * within two weeks. A `full` one reads all of History and rewrites every report tab.
 */
export function refreshAll(req: RefreshRequest): RefreshResult | QuietRefresh {
  const readAt = Date.now();
  const properties = documentProperties();
  const zone = zoneMoved(req);
  const quiet = quietRefresh(req, properties, readAt);
  if (quiet) return { ...quiet, zone };
  forgetLastRefresh(properties);
  const plan = planRefresh(req, properties);
  archiveIfNearLimit(req, plan);
  const read = readAndSweep(req, plan);
  const { crm, settings, now, ss } = req;
  const { timeZone } = crm.state;
  const moves = movesOf(read.session.read.trails);
  const deals: { deal: Deal; violations: Violation[] }[] = [];
  for (const o of read.sweepPlan.outcomes) if (o.deal) deals.push({ deal: o.deal, violations: o.violations });
  const output = rebuildReports({
    settings,
    deals,
    moves,
    now,
    timeZone,
    dealsSheetId: crm.deals.getSheetId(),
    dataIssuesSheetId: plan.sheets.get(DATA_ISSUES_TAB)!.sheet.getSheetId(),
    warning: read.sweep.doubled,
  });
  // Read before the report tabs are written (a read after writes sends them out first).
  const forecastHistory = forecastHistoryTab(ss, FORECAST_HISTORY_TAB, output.historyHeader);
  const historySheet = forecastHistory.sheet;
  const charts = chartsWanted(plan, output, thorough(req, read.session), forecastHistory);
  req.progress(`Writing ${REPORT_TABS.length} report tabs…`);
  const extents = writeReports(req, plan, output);
  const historyRows = recordDay(forecastHistory, output.historyRow, timeZone, output.historyHeader);
  charts.place();
  const board = followBoard(req, plan, { output, moves }, read.session, historySheet);
  // The schedule's first refresh of a day sends the to-do emails, when CRM Settings asks for them.
  if (req.full === 'daily')
    sendDailyEmails({
      settings,
      outcomes: deals,
      now,
      timeZone,
      crmName: ss.getName(),
      dealsUrl: () => `${ss.getUrl()}#gid=${crm.deals.getSheetId()}`,
    });
  // What search needs to look its rarest word up first: the deals as read, in one property.
  saveSearchIndex(
    plan.properties,
    buildSearchIndex(
      deals.map((d) => d.deal),
      settings.owners,
    ),
  );
  const index = saveHistoryIndex(ss, crm.history, read.session, now);
  const sizes = measureTabs(req, plan, read, extents, [
    [index.sheetId, index.maxRows],
    [historySheet.getSheetId(), historyRows],
  ]);
  saveReportRecord(plan.record, charts.ids, extents, charts.ranges, sizes, index.property);
  recordRefresh(readAt, properties, read, board, settings);
  const cells = Object.values(sizes).reduce((n, [r, c]) => n + r * c, 0);
  return { sweep: read.sweep, output, board, cells, zone };
}

/** The spreadsheet's time zone, when it moved since Set up recorded the one the CRM counts days in. */
function zoneMoved({ ss, crm }: RefreshRequest): ZoneMoved | undefined {
  const now = ss.getSpreadsheetTimeZone();
  return now && now !== crm.state.timeZone ? { recorded: crm.state.timeZone, now } : undefined;
}

/**
 * Records the refresh for the next one (quietRefresh.ts): when it read and the change stamp it saw
 * then, the Deal IDs and the header it found, whether it brought the board up to date, and the History
 * rows its sweep appended.
 */
function recordRefresh(
  readAt: number,
  properties: Record<string, string>,
  read: ReturnType<typeof readAndSweep>,
  board: BoardUpdate | undefined,
  settings: Settings,
): void {
  const ids = idsPrint(sweptIds(read.sweepPlan));
  const header = headerPrint(read.sweepPlan.map);
  const boardDone = board !== undefined && !board.keptBy;
  const seen = changeStamp(properties);
  const logged = read.sweep.historyRows;
  // The next window follows the one a read of the Deals store took (none: from the top).
  const next = read.sweepPlan.store?.next ?? 0;
  saveLastRefresh({ at: readAt, stamp: seen, next, ids, header, board: boardDone, logged }, settings);
  forgetSwept(properties);
}

/**
 * The cell count: tabs whose rows this refresh knows (`known`: the index and Forecast history; History
 * as read with the rows the sweep appended; the report tabs as written), else the sizes measured last
 * time (measured again on a full refresh, on the daily check but for the index and Forecast history,
 * and for a tab not seen before), so a refresh makes no size calls.
 */
function measureTabs(
  { ss, crm, full }: RefreshRequest,
  plan: RefreshPlan,
  { session, sweep, storeId }: ReturnType<typeof readAndSweep>,
  extents: Record<string, ReportExtent>,
  known: [number, number][],
) {
  const rows = new Map<number, number>();
  if (session.historyRows !== null)
    rows.set(crm.history.getSheetId(), Math.max(session.historyRows, session.folded + sweep.historyRows));
  const exact = new Map<number, [number, number]>(
    Object.values(extents).map((e) => [e.sheetId, [e.maxRows, e.maxCols]]),
  );
  // The Deals store's tab is made at its size and never grows.
  if (storeId !== undefined) exact.set(storeId, [STORE_ROWS, STORE_COLUMNS]);
  // The index and Forecast history: their rows known, their columns the CRM's (trimmed when made,
  // protected), so measured only on a full refresh once recorded (not on the daily check).
  for (const [id, r] of known) {
    const cols = plan.record.sizes[id]?.[1];
    if (cols === undefined || full === true) rows.set(id, r);
    else exact.set(id, [r, cols]);
  }
  return tabSizes(ss, plan.record.sizes, exact, rows, thorough({ full }, session));
}

/**
 * Whether this refresh looks every chart up (putting back one a person deleted) and measures every
 * tab: a full refresh, or the schedule's daily check (History checked or read in full that day). A
 * refresh that reads History in full for another reason (after an import, or a person's edit on it)
 * trusts what the last refresh or Set up recorded, so the first refresh after an import makes no
 * size calls for tabs the record holds.
 */
function thorough({ full }: Pick<RefreshRequest, 'full'>, session: { checked: boolean }): boolean {
  return full === true || (full === 'daily' && session.checked);
}

/** The report charts wanted (the Forecast history's trend among them), looked up now (see findCharts). */
function chartsWanted(
  plan: RefreshPlan,
  output: RebuildOutput,
  thorough: boolean,
  { sheet: historySheet, made }: ForecastHistory,
) {
  const charts = new ChartPlacer(plan.record, thorough);
  for (const { tab, grid } of output.reports)
    if (grid.chart) {
      const { sheet, created } = plan.sheets.get(tab)!;
      charts.want(tab, sheet, grid.chart, grid.chart.a1, created);
    }
  charts.want(FORECAST_HISTORY_TAB, historySheet, TREND_CHART, trendRange(historySheet), made);
  charts.lookUp();
  return charts;
}

/**
 * The refresh when nothing changed (see quietRefresh.ts), or null when it must read everything: a full
 * or board-making refresh, the day's emails to send, History's oldest rows to archive, a tab edited or
 * missing, a journal left, a change since the last complete refresh, another day or other settings, a
 * row of the window that would change, or, with the daily check due, a part it checks that differs
 * from what was written (see quietCheck.ts).
 */
function quietRefresh(
  req: RefreshRequest,
  properties: Record<string, string>,
  readAt: number,
): QuietRefresh | null {
  const { ss, crm, settings, now } = req;
  const { timeZone } = crm.state;
  if (req.full === true || req.board === 'create' || journalsLeft(properties)) return null;
  // The day's to-do emails need every deal: the schedule's refresh that sends them reads them all.
  if (req.full === 'daily' && dailyEmailDue((k) => properties[k], settings, now, timeZone)) return null;
  const last = quietSince(properties, now, timeZone, settings);
  if (!last) return null;
  const pointer = readPointer(properties);
  const check = req.full === 'daily' && (!pointer || now.getTime() - pointer.checkedAt > DAILY_CHECK_MS);
  if (check && !pointer) return null;
  const record = readReportRecord(properties);
  if (rowsToArchive(pointer, recordedCells(record))) return null;
  const sheets = new Map(ss.getSheets().map((s) => [s.getSheetId(), s]));
  const tabs = REPORT_TABS.every((t) => record.extents[t] && sheets.has(record.extents[t].sheetId));
  if (record.edited.size || !tabs) return null;
  // Report tabs changed with no edit event (a list sorted or cut short) are written again in full;
  // History's columns moved with none stop the refresh that reads it (see historyHeaderHolds).
  if (!reportsIntact(sheets, record) || !historyHeaderHolds(crm.history)) return null;
  // History's end as folded (rows deleted or changed there with no event); the daily check reads it too.
  if (pointer && !check && !historyTailHolds(crm.history, pointer, last.logged ?? 0)) return null;
  // The board workbook follows its keeper's refreshes: a keeper's is quiet only when the last full
  // refresh brought the board up to date (a teammate's leaves it alone); a teammate's says who keeps it.
  const board = boardState(properties);
  const keptBy = keptByAnother(board, req.user);
  if (board && !keptBy && (!board.keeper || !last.board || !boardFileThere(board))) return null;
  const window = windowHolds(crm.deals, crm.state, last, req.user, settings, readAt);
  if (!window.holds) return null;
  // The daily check due: the parts it covers are read back rather than written (see quietCheck.ts).
  if (check && !quietDailyCheck(ss, sheets, crm.history, record, pointer!, now)) return null;
  return {
    quiet: { since: stamp(new Date(last.at), timeZone), rows: window.rows },
    board: keptBy ?? undefined,
  };
}

/**
 * What the last refresh recorded (report extents and prints, how far History is folded) and the tabs
 * people edited since, in one call; whether History is read in full and whether the daily check is due.
 */
function planRefresh(req: RefreshRequest, properties: Record<string, string>): RefreshPlan {
  const { ss, crm, now } = req;
  const full = req.full ?? false;
  const record = readReportRecord(properties);
  const sheets = reportTabs(ss, REPORT_TABS);
  const pointer = readPointer(properties);
  const fullHistory = full === true || record.edited.has(crm.history.getSheetId());
  const check =
    full === 'daily' && !fullHistory && (!pointer || now.getTime() - pointer.checkedAt > DAILY_CHECK_MS);
  // Forget what a full read replaces before the marks that asked for it: should this refresh stop
  // half-way, the next one reads all of History again.
  if (fullHistory) forgetPointer(pointer);
  clearEditMarks(record);
  return { properties, record, pointer, fullHistory, check, sheets };
}

/** The cells of every tab as the last measure recorded them. */
const recordedCells = (record: RefreshPlan['record']) =>
  Object.values(record.sizes).reduce((n, [r, c]) => n + r * c, 0);

/**
 * Near the cell limit (the sizes the last refresh recorded), History's oldest folded rows move to the
 * archive tab under the document lock, before History is read (see historyArchiving.ts).
 */
function archiveIfNearLimit({ ss, crm }: RefreshRequest, plan: RefreshPlan): void {
  const count = plan.fullHistory ? 0 : rowsToArchive(plan.pointer, recordedCells(plan.record));
  if (count && plan.pointer) {
    const pointer = plan.pointer;
    plan.pointer = withDocumentLock(() => archiveOldRows(ss, crm.history, pointer, count), LOCK_WAIT_MS);
  }
}

/**
 * History and Deals are read without the document lock, so that edits and sidebar saves need not wait
 * through the long read (at 100,000 deals it is most of a refresh); the lock is held only for the
 * sweep's writes. A row someone changed or moved after the read is found by the sweep's re-check under
 * the lock and left for the next refresh, its change neither logged nor folded by this one (the edit's
 * own check logs it). The reports are built and written after the lock is released, from what was read.
 */
function readAndSweep(req: RefreshRequest, plan: RefreshPlan) {
  const { ss, crm, settings, user, now } = req;
  const { timeZone, locale } = crm.state;
  // The change stamp read with the properties, before Deals: the sweep's re-check compares it. Right
  // after Set up or Convert (nothing stamped since, the same day and settings), the Check and Last seen
  // columns their sweep wrote stand: not read again unless the rows say otherwise (see planSweep).
  const seen = changeStamp(plan.properties);
  const trusted =
    req.full === true || journalsLeft(plan.properties)
      ? undefined
      : (sweptStands(plan.properties, settings, now, timeZone) ?? undefined);
  const input = {
    deals: crm.deals,
    history: crm.history,
    settings,
    timeZone,
    locale,
    user,
    now,
    seen,
    trusted,
    // A full refresh reads Deals whole (and writes the store again).
    store:
      req.full === true ? undefined : { ss, properties: plan.properties, from: nextWindow(plan.properties) },
  };
  // A run that died between its History and its cells left a journal: completed first (briefly under
  // the lock), so that the sweep finds those changes logged, by the person who made them.
  if (journalsLeft(plan.properties))
    withDocumentLock(
      () => completeJournals(crm.deals, crm.history, readHeaderMap(crm.deals), timeZone),
      LOCK_WAIT_MS,
    );
  const pointer = plan.fullHistory ? null : plan.pointer;
  const session = readHistory(ss, crm.history, pointer, plan.fullHistory, timeZone, plan.check);
  const sweepPlan = planSweep(input);
  // Most deals gone since the last refresh: asked before anything is written (see dealsGone.ts).
  const ids = sweptIds(sweepPlan).filter((v) => String(v ?? '').trim() !== '').length;
  const gone = dealsGone(lastDealCount(plan.properties), ids);
  if (gone && !req.confirm?.(`${PRODUCT}: most deals are gone`, gone.question))
    throw new CrmError('DEALS_GONE', gone.stopped);
  // History as read is enough to skip changes a failed sweep logged: those rows come after the last
  // row folded, since a refresh that completes folds them (see alreadyLogged.ts). The sweep's writes
  // go out in parts, each under its own hold of the lock (see writeParts.ts).
  const hold = <T>(fn: () => T) => withDocumentLock(fn, LOCK_WAIT_MS);
  // The Deals store is forgotten before the sweep writes: should the writes stop half-way, the next
  // refresh reads Deals whole.
  const writes = sweepPlan.outcomes.some((o) => o.history.length || Object.keys(o.writes).length);
  if (writes) forgetStore(plan.properties);
  // A Deals read in full right after Set up or Convert (the first refresh) leaves the store unwritten.
  const storeSheet = trusted ? null : keptStoreTab(ss, plan.properties, sweepPlan);
  const storeId = storeSheet?.getSheetId();
  const sweep = applySweep(input, sweepPlan, session.read.rows, { hold, last: req.whileLocked });
  if (storeSheet)
    keptStore(storeSheet, plan.properties, sweepPlan, seen, rulesPrint(settings, timeZone, locale));
  // The index folds the moves the sweep found on the rows it wrote (a fold is idempotent).
  const newMoves = sweep.found.map(historyRow);
  for (const id of foldRows(session.read.trails, newMoves, timeZone)) session.changed.add(id);
  return { session, sweepPlan, sweep, storeId };
}

/**
 * The store tab a refresh keeps the Deals store in (found or made before the sweep writes), or null;
 * a store Google refuses to keep is forgotten (the next refresh reads Deals whole), never a failed
 * refresh.
 */
function keptStoreTab(ss: Spreadsheet, properties: Record<string, string>, plan: SweepPlan) {
  try {
    return storeTarget(ss, properties, plan);
  } catch {
    forgetStoreQuietly(properties);
    return null;
  }
}

/** Keeps the Deals store (see keepStore), or forgets it when a write is refused. */
function keptStore(...args: Parameters<typeof keepStore>): void {
  try {
    keepStore(...args);
  } catch {
    forgetStoreQuietly(args[1]);
  }
}

function forgetStoreQuietly(properties: Record<string, string>): void {
  try {
    forgetStore(properties);
  } catch {
    // A record left is checked against the stamp's counts and the Deal IDs before it is trusted.
  }
}

/**
 * Only what changed since the last refresh is written (see reportRecord.ts), and on the daily check
 * the next part of each list; a tab a person edited, sorted or changed the rows of since is measured
 * and written in full, as is every tab on a full refresh.
 */
function writeReports(req: RefreshRequest, plan: RefreshPlan, output: RebuildOutput) {
  const { record, sheets, check } = plan;
  const when = stamp(req.now, req.crm.state.timeZone);
  // A list tab sorted, or with rows deleted, since the last refresh is written in full (one read each).
  const disturbed = new Set(REPORT_TABS.filter((t) => !listIntact(sheets.get(t)!.sheet, record.extents[t])));
  forgetPrints(record);
  // Every read first (the blocks of lists set by value are read back), then the writes.
  const prepared = output.reports.map(({ tab, grid }) => {
    const target = sheets.get(tab)!;
    const mode =
      record.edited.has(target.sheet.getSheetId()) || disturbed.has(tab)
        ? 'measure'
        : req.full === true
          ? 'all'
          : check
            ? 'check'
            : 'changes';
    return [tab, prepareReport(target, grid, record.extents[tab], mode)] as const;
  });
  const extents: Record<string, ReportExtent> = {};
  for (const [tab, report] of prepared) extents[tab] = writeReportOrBanner(report, when);
  return extents;
}

/**
 * Charts are looked up (one call a tab) only when their range changed, or on the daily check or a
 * full read (`thorough`), which also puts back a chart a person deleted. Those wanted are placed
 * together (see placeCharts).
 */
class ChartPlacer {
  readonly ids: Record<string, string | null> = {};
  readonly ranges: Record<string, string> = {};
  private readonly wanted: [string, ChartWanted][] = [];
  private found: ReturnType<typeof findCharts> = [];
  constructor(
    private readonly record_: RefreshPlan['record'],
    private readonly thorough_: boolean,
  ) {}

  /** `created`: the tab was made by this run, so it holds no chart to look for. */
  want(tab: string, sheet: Sheet, spec: Omit<ReportChart, 'a1'>, a1: string, created = false): void {
    this.ranges[tab] = a1;
    const id = this.record_.charts[tab];
    if (id && !this.thorough_ && this.record_.ranges[tab] === a1) {
      this.ids[tab] = id;
      return;
    }
    this.wanted.push([tab, chartWanted(sheet, spec, a1, created ? null : (id ?? null), created)]);
  }

  /** Looks the charts wanted up (reads only: before the report tabs are written). */
  lookUp(): void {
    this.found = findCharts(this.wanted.map(([, w]) => w));
  }

  place(): void {
    const ids = placeCharts(
      this.wanted.map(([, w]) => w),
      this.found,
    );
    this.wanted.forEach(([tab], i) => (this.ids[tab] = ids[i]));
  }
}

/** The board workbook, once created from the menu, follows every refresh. */
function followBoard(
  req: RefreshRequest,
  plan: RefreshPlan,
  { output, moves }: { output: RebuildOutput; moves: MovesByDeal },
  session: { read: { trails: Parameters<typeof pushesOf>[0] } },
  forecastHistory: Sheet,
): BoardUpdate | undefined {
  const existing = boardState(plan.properties);
  const board = req.board ?? 'if-exists';
  if (board !== 'create' && !existing) return undefined;
  // A teammate's refresh leaves the keeper's file alone, without reading the board's code.
  const other = keptByAnother(existing, req.user);
  if (other) return other;
  // The board's code is a project file of its own, read only here (see workbook/core/onDemand.ts).
  const code = onDemand<{ refreshBoard: typeof refreshBoard }>(BOARD_FILE, BOARD_GLOBAL);
  return code.refreshBoard({
    output,
    settings: req.settings,
    closePushes: pushesOf(session.read.trails),
    moves,
    forecastHistory,
    crmName: req.ss.getName(),
    now: req.now,
    timeZone: req.crm.state.timeZone,
    state: existing,
    user: req.user,
    mayCreate: board === 'create',
  });
}
