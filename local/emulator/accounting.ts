// Counts every service call the script makes (by method, with cells read and written), injects faults,
// and estimates Apps Script wall time from a documented latency model.

/** What a snapshot of the counters holds; `diff` subtracts two of these. */
export interface CallStats {
  /** Every call, handles and builders included. */
  total: number;
  /** Calls that read or write the document or a store: what budgets count (see isServiceCall). */
  serviceCalls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Times buffered writes were forced out by a read or `flush()` (each costs LATENCY_MS.flush). */
  flushes: number;
}

/** Cells a call touches: read back to the script, written, or only looked at on Google's side. */
export interface CallCells {
  read?: number;
  written?: number;
  /** Cells a server-side search (TextFinder) looks through without sending them to the script. */
  scanned?: number;
  /** Cells a server-side copy (Sheet.copyTo) duplicates without sending them to the script. */
  copied?: number;
  /** Characters read or written past the first TEXT_CHARS_PER_CELL of each text cell (see LATENCY_MS). */
  longText?: number;
}

/** Characters of text a cell's read or write figure covers; longer text is priced by the character. */
export const TEXT_CHARS_PER_CELL = 20;

/** Characters past TEXT_CHARS_PER_CELL in each text value of a grid (what LATENCY_MS prices by character). */
export function longTextOf(values: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const row of values)
    for (const v of row)
      if (typeof v === 'string' && v.length > TEXT_CHARS_PER_CELL) n += v.length - TEXT_CHARS_PER_CELL;
  return n;
}

/** A fault to inject: the nth call overall (1-based, counted from when it was armed), or calls of a method. */
export type FaultSpec = { nth: number } | { method: string; times?: number; after?: number };

/**
 * Latency model, in milliseconds, for estimating Apps Script wall time. Each figure's source is in the
 * table of docs/performance.md; in short:
 * - call: Google's best-practices page, 10,000 single-cell formatting calls ~70 s: ~7 ms a round trip.
 * - sizeCall: getLastRow (and getLastColumn, getDataRange, which need the same extent) measured near
 *   160 ms a call (apps-script-facts.md, third-party), 23 times a plain call.
 * - flush: writes forced out by a read or flush(): a flush after a 4,000-cell write measured ~560 ms,
 *   getLastRow between writes ~160 ms (published measurements); 400 ms between the two.
 * - appendRow: measured ~275 ms per row in a loop (apps-script-facts.md).
 * - Properties: getProperty ~30 ms and setProperty ~62 ms on average over 100 runs; CacheService get
 *   ~3 ms, put ~93 ms (published measurements, Luis Peralta; Justin Poehnelt's ~80 ms read+write for
 *   properties agrees).
 * - Our assumptions, not measured here: a cell read ~0.01 ms, written ~0.03 ms, formatted one by one
 *   ~0.1 ms (the best-practices figure per cell); a cell a TextFinder looks through, or a cell of a range
 *   given one format or rule (sent once, as the Sheets API's RepeatCellRequest) ~0.001 ms; a cell
 *   Sheet.copyTo duplicates on Google's side ~0.01 ms (a read's price, with no transfer to the script).
 *   A cell's figure covers text of up to 20 characters; each character past that costs the same share
 *   (0.0005 ms read, 0.0015 ms written), so a cell packed with 45,000 characters is priced as the
 *   2,250 short cells it replaces, not as one.
 * - Waiting is time: a lock waited for until its timeout, and Utilities.sleep, cost what they wait.
 * Handle calls (see isServiceCall) cost nothing. Estimates for planning, not promises.
 */
export const LATENCY_MS = {
  call: 7,
  sizeCall: 160,
  flush: 400,
  appendRow: 275,
  propertyRead: 30,
  propertyWrite: 60,
  cacheRead: 3,
  cacheWrite: 90,
  perCellRead: 0.01,
  perCellWritten: 0.03,
  perCellFormatted: 0.1,
  perCellScanned: 0.001,
  perCellUniform: 0.001,
  perCellCopied: 0.01,
  perCharRead: 0.01 / TEXT_CHARS_PER_CELL,
  perCharWritten: 0.03 / TEXT_CHARS_PER_CELL,
};

/** Calls whose round trip costs other than `call` (see LATENCY_MS). */
const CALL_MS: Record<string, number> = {
  'Sheet.getLastRow': LATENCY_MS.sizeCall,
  'Sheet.getLastColumn': LATENCY_MS.sizeCall,
  'Sheet.getDataRange': LATENCY_MS.sizeCall,
  'Sheet.appendRow': LATENCY_MS.appendRow,
  'Properties.getProperty': LATENCY_MS.propertyRead,
  'Properties.getProperties': LATENCY_MS.propertyRead,
  'Properties.getKeys': LATENCY_MS.propertyRead,
  'Properties.setProperty': LATENCY_MS.propertyWrite,
  'Properties.setProperties': LATENCY_MS.propertyWrite,
  'Properties.deleteProperty': LATENCY_MS.propertyWrite,
  'Properties.deleteAllProperties': LATENCY_MS.propertyWrite,
  'Cache.get': LATENCY_MS.cacheRead,
  'Cache.getAll': LATENCY_MS.cacheRead,
  'Cache.put': LATENCY_MS.cacheWrite,
  'Cache.putAll': LATENCY_MS.cacheWrite,
  'Cache.remove': LATENCY_MS.cacheWrite,
  'Cache.removeAll': LATENCY_MS.cacheWrite,
};

/** Spreadsheet calls: the ones whose writes are buffered and whose reads force the buffer out. */
const SPREADSHEET_CALL =
  /^(Range|RangeList|Sheet|Spreadsheet|SpreadsheetApp|EmbeddedChart|Protection|TextFinder)\./;
/** Spreadsheet calls that change it (buffered); every other spreadsheet service call reads it. */
const WRITE_CALL =
  /\.(set\w+|clear\w*|insert\w+|delete\w+|copyTo|hide\w+|show\w+|updateChart|removeChart|protect|remove\w+|add\w+|appendRow|sort|activate)$/;
/** Writes that move rows: the emulator forces pending writes out before them (a simplification). */
const STRUCTURAL_CALL =
  /\.(insert(Rows|Columns)\w*|delete(Rows?|Columns?)|sort|appendRow|insertSheet|deleteSheet)$/;
/** Calls that neither read nor write the grid (a message to the person). */
const NEUTRAL_CALL = /^(Spreadsheet\.toast|SpreadsheetApp\.getUi)$/;

/** Formats given cell by cell (an array per cell). */
const FORMAT_METHODS =
  /\.(setNumberFormats|setFontWeights|setBackgrounds|setFontColors|setNotes|setDataValidations|setRichTextValues)$/;
/** One format, note or rule applied to every cell of a range (see perCellUniform). */
const UNIFORM_FORMAT_METHODS =
  /\.(setNumberFormat|setFontWeight|setBackground|setBackgroundColor|setFontColor|setNote|setDataValidation|clearFormat|clearDataValidations|clearNote|setFontStyle|setHorizontalAlignment|setWrap)$/;

/**
 * Calls that only hand out or describe objects the script already holds, and builder steps, are
 * counted by method but are not service calls for budgets: they move no cells and touch no stored
 * state (a Range handle, a sheet's name or size, a builder's option). Everything else is.
 */
const HANDLE_CALLS = new RegExp(
  '^(' +
    [
      'Range\\.(getRow|getColumn|getNumRows|getNumColumns|getLastRow|getLastColumn|getA1Notation|getSheet|offset)',
      'Sheet\\.(getName|getSheetId|getIndex|getParent|getRange|getRangeList|getFrozenRows|getFrozenColumns)',
      'RangeList\\.getRanges',
      'Spreadsheet\\.(getId|getName|getUrl|getSheets|getSheetByName|getNumSheets|getRange|getActiveSheet|getSpreadsheetTimeZone|getSpreadsheetLocale|getOwner)',
      'SpreadsheetApp\\.(getActiveSpreadsheet|getActive|getActiveSheet|getUi|newDataValidation|newConditionalFormatRule)',
      '(PropertiesService|CacheService|LockService)\\.get\\w+',
      'Session\\.\\w+',
      'Utilities\\.\\w+',
      '\\w+Builder\\.\\w+',
      'Menu\\.(addItem|addSeparator|addSubMenu)',
      'Ui\\.createMenu',
      'Ui\\.createAddonMenu',
      '(DataValidation|ConditionalFormatRule|Trigger|DeveloperMetadata)\\.get\\w+',
      'EmbeddedChart\\.(getChartId|getRanges|getOptions|getContainerInfo|modify)',
      'Protection\\.(getDescription|isWarningOnly|getRange|getProtectionType|getEditors)',
      'Html(Output|Template|Service)\\.\\w+',
      '(Range|Sheet|Spreadsheet)\\.createTextFinder',
      'TextFinder\\.(matchCase|matchEntireCell|useRegularExpression|matchFormulaText|ignoreDiacritics|startFrom|getCurrentMatch)',
    ].join('|') +
    ')$',
);

/** Whether a counted method is a service call for budgets (not a handle or builder step). */
export function isServiceCall(method: string): boolean {
  return !HANDLE_CALLS.test(method);
}

export class InjectedFault extends Error {}

export class Accountant {
  private calls = new Map<string, number>();
  private read = 0;
  private written = 0;
  private total = 0;
  private service = 0;
  private faults: { spec: FaultSpec; armedAt: number; hits: number; methodCount: number }[] = [];
  private estimatedMs = 0;
  private hooks: {
    method?: string;
    nth?: number;
    armedAt: number;
    fn: () => void;
    afterWrites?: boolean;
  }[] = [];
  private deadline: number | null = null;
  private flushed = 0;
  /** The calls (numbered as `total` counts them) that forced buffered writes out, latest last. */
  private flushCalls: number[] = [];
  /** The service calls (numbered as `total` counts them), latest last: the last 5,000. */
  private serviceCallLog: number[] = [];
  /** Executions with spreadsheet writes not yet forced out. */
  private pending = new Set<number>();
  /** The execution making calls now (set by the emulator; 0 outside any). */
  execution = 0;
  /** Runs a hook: the emulator sets this so that the hook does not see unflushed writes. */
  hookRunner: (execution: number, fn: () => void) => void = (_, fn) => fn();
  /** Told when an execution's buffered writes go out. */
  onFlush: (execution: number) => void = () => undefined;
  /** Told when hooks are armed or all have run (the emulator records writes only while some are). */
  onHooksChanged: (armed: boolean) => void = () => undefined;

  /**
   * Starts timing an execution: once its estimated Apps Script time passes `limitMs`, the next call
   * throws as Apps Script does. `null` stops timing.
   */
  limitExecution(limitMs: number | null): void {
    this.deadline = limitMs === null ? null : this.estimatedMs + limitMs;
  }

  /**
   * Runs `fn` once, just before the next call of `method` takes effect: how tests make another
   * execution happen in the middle of this one (say, a second rebuild or an edit by someone else).
   * `afterWrites` as for beforeCall.
   */
  beforeNext(method: string, fn: () => void, afterWrites = false): void {
    this.hooks.push({ method, armedAt: this.total, fn, afterWrites });
    this.onHooksChanged(true);
  }

  /**
   * Runs `fn` once, just before the `nth` call from now (1-based, handles and builders included).
   * By default `fn` happens before the execution's buffered writes land (they land afterwards, by
   * position, over what it did). With `afterWrites`, when the call is one that forces them out (a
   * read or `flush()`), they land first and `fn` happens between them and the call itself: forcing
   * writes out is its own round trip (see forceOut), so a person's sort can fall in between.
   */
  beforeCall(nth: number, fn: () => void, afterWrites = false): void {
    this.hooks.push({ nth, armedAt: this.total, fn, afterWrites });
    this.onHooksChanged(true);
  }

  /**
   * An execution ends: its buffered writes go out (the final flush costs no extra round trip, it
   * rides on the execution's end).
   */
  endExecution(execution: number): void {
    if (this.pending.delete(execution)) this.onFlush(execution);
  }

  /** Whether the execution making calls now has spreadsheet writes not yet sent out (what a flush sends). */
  hasPendingWrites(): boolean {
    return this.pending.has(this.execution);
  }

  /** Forces `execution`'s buffered writes out, charging the flush when there were any. */
  private forceOut(): void {
    if (!this.pending.delete(this.execution)) return;
    this.flushed++;
    this.flushCalls.push(this.total + 1);
    if (this.flushCalls.length > 1000) this.flushCalls.shift();
    this.estimatedMs += LATENCY_MS.flush;
    this.onFlush(this.execution);
  }

  /**
   * Prices text a call just read past TEXT_CHARS_PER_CELL a cell (see LATENCY_MS): known only once the
   * values are read, which must come after the call is counted (a hook armed for the call runs first).
   */
  chargeLongTextRead(chars: number): void {
    this.estimatedMs += chars * LATENCY_MS.perCharRead;
  }

  /** Records one call; throws if a fault was armed for it. */
  count(method: string, cells: CallCells = {}): void {
    const hook = this.hooks.find((h) =>
      h.nth !== undefined ? this.total + 1 - h.armedAt === h.nth : h.method === method,
    );
    const forces =
      SPREADSHEET_CALL.test(method) &&
      isServiceCall(method) &&
      !NEUTRAL_CALL.test(method) &&
      (method === 'SpreadsheetApp.flush' || !WRITE_CALL.test(method));
    if (hook) {
      this.hooks = this.hooks.filter((h) => h !== hook);
      if (!this.hooks.length) this.onHooksChanged(false);
      if (hook.afterWrites && forces) this.forceOut();
      this.hookRunner(this.execution, hook.fn);
    }
    if (SPREADSHEET_CALL.test(method) && isServiceCall(method) && !NEUTRAL_CALL.test(method)) {
      if (forces) this.forceOut();
      else if (this.execution) {
        if (STRUCTURAL_CALL.test(method)) this.onFlush(this.execution);
        this.pending.add(this.execution);
      }
    }
    this.total++;
    if (isServiceCall(method)) {
      this.service++;
      this.serviceCallLog.push(this.total);
      if (this.serviceCallLog.length > 5000) this.serviceCallLog.shift();
    }
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    this.read += cells.read ?? 0;
    this.written += cells.written ?? 0;
    if (isServiceCall(method)) {
      const written = cells.written ?? 0;
      this.estimatedMs +=
        (CALL_MS[method] ?? LATENCY_MS.call) +
        (cells.read ?? 0) * LATENCY_MS.perCellRead +
        (cells.scanned ?? 0) * LATENCY_MS.perCellScanned +
        (cells.copied ?? 0) * LATENCY_MS.perCellCopied +
        (cells.longText ?? 0) * (written ? LATENCY_MS.perCharWritten : LATENCY_MS.perCharRead) +
        written *
          (FORMAT_METHODS.test(method)
            ? LATENCY_MS.perCellFormatted
            : UNIFORM_FORMAT_METHODS.test(method)
              ? LATENCY_MS.perCellUniform
              : LATENCY_MS.perCellWritten);
    }
    if (this.deadline !== null && this.estimatedMs > this.deadline) {
      this.deadline = null;
      throw new Error('Exceeded maximum execution time');
    }
    for (const f of this.faults) {
      if ('nth' in f.spec) {
        if (this.total - f.armedAt === f.spec.nth) {
          this.faults = this.faults.filter((x) => x !== f);
          throw new InjectedFault(
            `Service Spreadsheets failed while accessing document (injected fault: call ${f.spec.nth}, ${method}).`,
          );
        }
      } else if (f.spec.method === method) {
        f.methodCount++;
        if (f.methodCount > (f.spec.after ?? 0) && (f.spec.times === undefined || f.hits < f.spec.times)) {
          f.hits++;
          throw new InjectedFault(
            `Service Spreadsheets failed while accessing document (injected fault in ${method}).`,
          );
        }
      }
    }
  }

  /** The current execution's deadline, to put back when a nested execution ends. */
  snapshotDeadline(): number | null {
    return this.deadline;
  }
  restoreDeadline(deadline: number | null): void {
    this.deadline = deadline;
  }

  /** Arms a fault; see FaultSpec. */
  injectFault(spec: FaultSpec): void {
    this.faults.push({ spec, armedAt: this.total, hits: 0, methodCount: 0 });
  }

  /** Faults armed and not fired yet (a call-number fault is gone once it fired). */
  armedFaults(): number {
    return this.faults.length;
  }

  /** Disarms every fault. */
  clearFaults(): void {
    this.faults = [];
  }

  /** A copy of the counters now. */
  snapshot(): CallStats {
    return {
      total: this.total,
      serviceCalls: this.service,
      byMethod: Object.fromEntries([...this.calls.entries()].sort()),
      cellsRead: this.read,
      cellsWritten: this.written,
      flushes: this.flushed,
    };
  }

  /** Puts the counters back to a snapshot (for emulator bookkeeping that is not the script's work). */
  restore(s: CallStats): void {
    this.total = s.total;
    this.service = s.serviceCalls;
    this.calls = new Map(Object.entries(s.byMethod));
    this.read = s.cellsRead;
    this.written = s.cellsWritten;
    this.flushed = s.flushes;
  }

  /**
   * Which of the calls since `total` was `since` (numbered from 1 as beforeCall counts them) forced
   * the execution's buffered writes out: where a person's edit can land after the writes and before
   * the call (beforeCall's `afterWrites`). Only the last thousand are kept.
   */
  writesForcedOutSince(since: number): number[] {
    return this.flushCalls.filter((n) => n > since).map((n) => n - since);
  }

  /**
   * Which of the calls since `total` was `since` (numbered from 1 as beforeCall counts them) were service
   * calls: the others (handles, builder steps) neither reach the document nor can fail, so a person's
   * action or a failure just before one is the same as just before the next service call.
   */
  serviceCallsSince(since: number): number[] {
    return this.serviceCallLog.filter((n) => n > since).map((n) => n - since);
  }

  /**
   * Time an execution spends waiting (a lock it waited for, Utilities.sleep): it counts toward the
   * estimate and the execution's time limit like any call.
   */
  wait(ms: number): void {
    this.estimatedMs += Math.max(0, ms);
    if (this.deadline !== null && this.estimatedMs > this.deadline) {
      this.deadline = null;
      throw new Error('Exceeded maximum execution time');
    }
  }

  /** Estimated Apps Script wall time of everything counted so far, in ms. */
  estimatedMillis(): number {
    return this.estimatedMs;
  }

  private heldMs = new Map<string, number>();
  private holds = new Map<string, number[]>();
  /** Counts a lock ("document", "script", "user:EMAIL") held for `ms` of estimated time (locks.ts, on release). */
  lockHeld(key: string, ms: number): void {
    this.heldMs.set(key, (this.heldMs.get(key) ?? 0) + Math.max(0, ms));
    const holds = this.holds.get(key) ?? this.holds.set(key, []).get(key)!;
    holds.push(Math.max(0, ms));
  }
  /** Estimated time a lock was held (the document lock unless named), summed over its releases so far, in ms. */
  lockHeldMillis(key = 'document'): number {
    return this.heldMs.get(key) ?? 0;
  }
  /**
   * Each time a lock (the document lock unless named) was held, from taking to release, in order, in
   * estimated ms: the longest is what someone who asks for it meanwhile may wait.
   */
  lockHolds(key = 'document'): readonly number[] {
    return this.holds.get(key) ?? [];
  }

  /** Counters accumulated between two snapshots. */
  static diff(before: CallStats, after: CallStats): CallStats {
    const byMethod: Record<string, number> = {};
    for (const [m, n] of Object.entries(after.byMethod)) {
      const d = n - (before.byMethod[m] ?? 0);
      if (d) byMethod[m] = d;
    }
    return {
      total: after.total - before.total,
      serviceCalls: after.serviceCalls - before.serviceCalls,
      byMethod,
      cellsRead: after.cellsRead - before.cellsRead,
      cellsWritten: after.cellsWritten - before.cellsWritten,
      flushes: after.flushes - before.flushes,
    };
  }
}
