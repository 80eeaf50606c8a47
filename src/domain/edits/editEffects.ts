// What an edit means for a deal row: new Deal ID and Created for new rows; Stage entered, Updated,
// probability and forecast category when the stage changes (unless overridden); History entries for
// stage, amount and close date changes (also found by a sweep, from Last seen) and for every other
// field a person changes when the old value is known (the sidebar, or one typed cell); Close date
// pushes; Segment; and the Check column. Pure: the callers (onEdit, the sweep, the sidebar) read the
// rows and write the result.
import { EDITABLE, FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import type { Settings } from '../../shared/settings';
import { daysBetween, parseDate } from '../values/cellParsing';
import { fieldText, isBlankRow, readDeal, sameCell, type CellValue, type Deal } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { checkDeal, checkText, SHOWN_ROWS, type Violation } from '../dataQuality/dealChecks';
import { isDate } from '../../shared/zonedTime';
import { segmentFor } from '../deals/segments';
import { looseKey, textHash } from '../values/text';
import { listIn, sharedKeys } from '../../shared/manyValues';
import { LATE_FOUND_USER, UNKNOWN_USER, type HistoryEntry } from '../history/historyEntry';
import { isoDay } from '../../shared/zonedTime';
import { numberBits } from '../../shared/numberBits';
import {
  parseLastSeen,
  sameSeen,
  seenForm,
  seenText,
  valueKeys,
  type LastSeen,
  type ValueKeys,
} from './lastSeen';

export { parseLastSeen, type LastSeen } from './lastSeen';

export interface EditContext {
  settings: Settings;
  map: HeaderMap;
  now: Date;
  timeZone: string;
  locale: string;
  user: string;
  newId: () => string;
  /**
   * The Check and Last seen cells were not read (left blank in the rows) because they hold what these
   * rules make of the rows as they are (Set up's sweep wrote them, nothing stamped since): neither is
   * compared or written. A row whose outcome still writes or logs anything is not as Set up left it;
   * the caller reads those cells and applies the rules again (see workbook/deals/dealSweep.ts).
   */
  trusted?: boolean;
}

export interface RowOutcome {
  /** New values for the cells that change, by field. */
  writes: Partial<Record<FieldKey, CellValue>>;
  history: HistoryEntry[];
  violations: Violation[];
  deal: Deal | null;
}

/** The value keys of a context's zone, locale and currency: made once for all the rows of a sweep. */
const keysByContext = new WeakMap<EditContext, ValueKeys>();
function keysFor(ctx: EditContext): ValueKeys {
  let keys = keysByContext.get(ctx);
  if (!keys) {
    keys = valueKeys(ctx.timeZone, ctx.locale, ctx.settings.general.currency);
    keysByContext.set(ctx, keys);
  }
  return keys;
}

/** A copy of `row` holding `writes` (fields with no column are left out). */
export function withWrites(
  row: readonly CellValue[],
  map: HeaderMap,
  writes: RowOutcome['writes'],
): CellValue[] {
  const out = [...row];
  for (const [key, value] of Object.entries(writes) as [FieldKey, CellValue][]) {
    const c = map.columns[key];
    if (c !== undefined) out[c] = value;
  }
  return out;
}

export interface RowOptions {
  /** Fields a person just edited in this row (onEdit); empty for a sweep. */
  edited?: readonly FieldKey[];
  /**
   * One typed cell: its value before (e.oldValue, '' when empty) and the value typed (e.value). Runs of
   * two quick edits overlap in Sheets, so by the time this run reads the row another edit may have
   * changed it, or another run logged this one (see `RowEdit.tracked`).
   */
  typed?: { field: FieldKey; old: CellValue; value: CellValue };
  /** Rows on which each Deal ID appears; given when the whole sheet was read. */
  idRows?: ReadonlyMap<string, number[]>;
  /** Other rows holding the same deal (sameDealRows); given when the whole sheet was read. */
  twins?: readonly number[];
  /** The whole row as it was before this change, when the caller knows it (the sidebar). */
  previousRow?: readonly CellValue[];
}

export const COMPUTED_FIELDS: readonly FieldKey[] = FIELDS.filter((f) => f.computed).map((f) => f.key);
/** Fields we fill in but a user may override. */
const FILLED: readonly FieldKey[] = ['probability', 'forecastCategory'];
/** Fields whose content alone does not make a row a deal. */
const NOT_TYPED: readonly FieldKey[] = [...COMPUTED_FIELDS, ...FILLED];

/** Fields logged only when their old value is known; stage, amount and close date have their own rules. */
const LOGGED_WHEN_KNOWN: readonly FieldKey[] = EDITABLE.filter(
  (k) => k !== 'stage' && k !== 'amount' && k !== 'closeDate',
);

/** One tracked field's change to log: from, to, who. */
type Step = [from: CellValue, to: CellValue, who: string, unsure?: boolean];
/** A tracked field's changes, oldest first, and the value Last seen records. */
interface Tracked<K> {
  steps: Step[];
  record: CellValue;
  recordKey: K;
}

/** Works out the writes and History entries for one row after an edit or during a sweep. */
export function applyRowRules(
  row: readonly CellValue[],
  rowNumber: number,
  ctx: EditContext,
  opts: RowOptions = {},
): RowOutcome {
  if (isBlankRow(row, ctx.map, NOT_TYPED)) {
    const check = ctx.map.columns.check;
    const writes: RowOutcome['writes'] =
      check !== undefined && (row[check] ?? '') !== '' ? { check: '' } : {};
    return { writes, history: [], violations: [], deal: null };
  }
  const edit = new RowEdit(row, rowNumber, ctx, opts);
  const stage = edit.stageMoves();
  const filled = edit.fillFromStage();
  const amount = edit.amountMoves();
  const close = edit.closeDateMoves();
  edit.otherFields();
  return edit.finish({ s: stage, a: amount, c: close, ...filled });
}

/** One row's edit as it is worked out: the values it writes and the History it logs. */
class RowEdit {
  readonly writes: Partial<Record<FieldKey, CellValue>> = {};
  readonly history: HistoryEntry[] = [];
  private readonly before_: Deal;
  /** Last seen as the row holds it */
  private readonly prev_: LastSeen | null;
  private readonly isNew_: boolean;
  private readonly dealId_: string;
  private readonly keys_: ValueKeys;
  private readonly user_: string;
  private changed_: boolean;

  private readonly row_: readonly CellValue[];
  private readonly rowNumber_: number;
  private readonly ctx_: EditContext;
  private readonly opts_: RowOptions;

  constructor(row: readonly CellValue[], rowNumber: number, ctx: EditContext, opts: RowOptions) {
    this.row_ = row;
    this.rowNumber_ = rowNumber;
    this.ctx_ = ctx;
    this.opts_ = opts;
    const { map, settings, timeZone, locale } = ctx;
    this.before_ = readDeal(row, rowNumber, map, settings, timeZone, locale);
    this.prev_ = parseLastSeen(this.before_.lastSeen);
    this.isNew_ = this.before_.id === '';
    this.dealId_ = this.isNew_ ? ctx.newId() : this.before_.id;
    this.keys_ = keysFor(ctx);
    this.user_ = ctx.user || UNKNOWN_USER;
    this.changed_ = (opts.edited ?? []).some((k) => !COMPUTED_FIELDS.includes(k));
    if (this.isNew_) {
      this.set_('dealId', this.dealId_);
      if (!this.before_.created) this.set_('created', ctx.now);
    }
  }

  private current_(k: FieldKey): CellValue {
    const col = this.ctx_.map.columns[k];
    return col === undefined ? '' : (this.row_[col] ?? '');
  }

  private set_(k: FieldKey, v: CellValue) {
    if (this.ctx_.map.columns[k] !== undefined && !sameCell(this.current_(k), v)) this.writes[k] = v;
  }

  private log_(user: string, field: string, from: CellValue, to: CellValue, unsure = false) {
    const entry: HistoryEntry = { time: this.ctx_.now, dealId: this.dealId_, field, from, to, user };
    if (unsure) entry.unsure = true;
    this.history.push(entry);
  }

  /** A field's old value when the caller knows it: the sidebar's row as read, or the typed cell's. */
  private oldOf_(field: FieldKey): CellValue | undefined {
    const { previousRow, typed } = this.opts_;
    const col = this.ctx_.map.columns[field];
    if (previousRow && col !== undefined) return previousRow[col] ?? '';
    return typed && typed.field === field ? typed.old : undefined;
  }

  /**
   * The changes to log for a field Last seen tracks (stage, amount, close date), oldest first, and the
   * value Last seen records. `seen` is Last seen's value (undefined without one), `key` compares values.
   * A save's change is logged from the row it read, after any change Last seen shows was not logged.
   * A typed cell is logged from Last seen, the last state logged:
   * - when Last seen already shows the cell, an overlapping run logged this edit: nothing is logged;
   * - when Last seen differs from e.oldValue, a change made before this edit was not logged yet: it is,
   *   by nobody we know (LATE_FOUND_USER);
   * - a cell changed again since it was typed is logged up to the value typed; the later edit's own run
   *   (or the sweep) logs the rest.
   * A typed edit of another field leaves this one to its own run.
   */
  private tracked_<K>(
    field: FieldKey,
    seen: CellValue | undefined,
    key: (v: CellValue) => K,
    nowKey: K,
  ): Tracked<K> {
    const now = this.current_(field);
    const { typed, previousRow } = this.opts_;
    const step = (from: CellValue, fromKey: K, to: CellValue, toKey: K, who = this.user_): Step[] =>
      fromKey === toKey ? [] : [[from, to, who]];
    // A change found late may have been logged by a run that died before it wrote Last seen.
    const unsure = (steps: Step[]): Step[] => steps.map(([from, to, who]) => [from, to, who, true]);
    const old = this.oldOf_(field);
    if (old !== undefined && (previousRow || seen === undefined)) {
      // A save knows the row it changed; Last seen differing from it is a change nobody logged yet (a
      // typed edit whose run died before logging): logged first, by nobody we know.
      const oldKey = key(old);
      const late =
        previousRow && seen !== undefined ? unsure(step(seen, key(seen), old, oldKey, LATE_FOUND_USER)) : [];
      return { steps: [...late, ...step(old, oldKey, now, nowKey)], record: now, recordKey: nowKey };
    }
    if (seen === undefined) return { steps: [], record: now, recordKey: nowKey };
    const seenKey = key(seen);
    if (typed && typed.field === field) {
      const [oldKey, valueKey] = [key(typed.old), key(typed.value)];
      // Last seen shows the cell: an overlapping run logged this edit, or runs before it died between
      // their History and their Last seen, or before logging. History's last rows say which of the
      // changes seen → old → now are still to log (see appendHistoryOnce).
      if (seenKey === nowKey) {
        const steps = unsure([
          ...step(seen, seenKey, typed.old, oldKey, LATE_FOUND_USER),
          ...step(typed.old, oldKey, now, nowKey),
        ]);
        return { steps, record: now, recordKey: nowKey };
      }
      const [to, toKey] = nowKey === valueKey ? [now, nowKey] : [typed.value, valueKey];
      const steps = [
        ...unsure(step(seen, seenKey, typed.old, oldKey, LATE_FOUND_USER)),
        ...step(typed.old, oldKey, to, toKey),
      ];
      return { steps, record: to, recordKey: toKey };
    }
    if (typed) return { steps: [], record: seen, recordKey: seenKey };
    // A paste or a sweep: from Last seen, which a run that died after logging may have left behind.
    return { steps: unsure(step(seen, seenKey, now, nowKey)), record: now, recordKey: nowKey };
  }

  /** Stage moves, logged; a move sets Stage entered. A new row's stage is its first move. Last seen's stage. */
  stageMoves(): string {
    const { before_: before, prev_: prev } = this;
    if (this.isNew_) {
      if (looseKey(before.stageText)) this.moved_('', before.stageText, this.user_);
      return before.stageText;
    }
    // A stage is its text as the CRM reads it (a date in the cell as its day), logged and kept so.
    const stageKey = (v: CellValue) => looseKey(seenForm(fieldText(v)));
    const moves = this.tracked_('stage', prev ? prev.s : undefined, stageKey, stageKey(before.stageText));
    for (const [from, to, who, late] of moves.steps) this.moved_(from, to, who, late);
    return fieldText(moves.record);
  }

  private moved_(from: CellValue, to: CellValue, who: string, unsure?: boolean) {
    this.log_(who, 'Stage', fieldText(from), fieldText(to), unsure);
    this.set_('stageEntered', this.ctx_.now);
    this.changed_ = true;
  }

  /** Probability and forecast category follow the stage unless the user set their own; what we filled. */
  fillFromStage(): { p: number | null; k: string | null } {
    const { before_: before, prev_: prev } = this;
    const stage = before.stage;
    if (!stage) return { p: prev ? prev.p : null, k: prev ? prev.k : null };
    const p = before.probability;
    const pIsAuto =
      p.kind === 'empty' ||
      (p.kind === 'ok' && (prev ? prev.p !== null && p.value === prev.p : p.value === stage.probability));
    if (pIsAuto) this.set_('probability', stage.probability);
    const k = before.forecastCategory;
    const kIsAuto = k === '' || (prev ? prev.k !== null && k === prev.k : k === stage.category);
    if (kIsAuto) this.set_('forecastCategory', stage.category);
    return { p: pIsAuto ? stage.probability : null, k: kIsAuto ? stage.category : null };
  }

  /** Amount changes, logged as parsed amounts (the row's own as readDeal parsed it); Last seen's amount. */
  amountMoves(): number | string | null {
    const a = this.before_.amount;
    const amountNow = a.kind === 'ok' ? a.value : a.kind === 'bad' ? seenForm(a.raw) : null;
    if (this.isNew_) return amountNow;
    const { amountKey } = this.keys_;
    const prev = this.prev_;
    const moves = this.tracked_('amount', prev ? (prev.a ?? '') : undefined, amountKey, amountNow);
    for (const [from, to, who, late] of moves.steps)
      this.log_(who, 'Amount', amountKey(from) ?? '', amountKey(to) ?? '', late);
    if (moves.steps.length) this.changed_ = true;
    return moves.recordKey;
  }

  /** Close date changes, logged as dates (compared as days); a later date is a push. Last seen's day. */
  closeDateMoves(): string | null {
    const { before_: before, prev_: prev } = this;
    const { closeKey, closeDateOf, dayKey } = this.keys_;
    const c = before.closeDate;
    const closeNow = dayKey(c.kind === 'ok' ? c.value : c.kind === 'bad' ? c.raw : null);
    if (this.isNew_) return closeNow;
    const moves = this.tracked_('closeDate', prev ? (prev.c ?? '') : undefined, closeKey, closeNow);
    let pushes = before.closeDatePushes;
    for (const [from, to, who, late] of moves.steps) {
      const [oldClose, newClose] = [closeDateOf(from), closeDateOf(to)];
      this.log_(who, 'Close date', oldClose ?? '', newClose ?? '', late);
      this.changed_ = true;
      const later = oldClose instanceof Date && newClose instanceof Date;
      if (later && daysBetween(oldClose, newClose, this.ctx_.timeZone) > 0) pushes += 1;
    }
    if (pushes !== before.closeDatePushes) this.set_('closeDatePushes', pushes);
    return moves.recordKey;
  }

  /** Every other field, when its old value is known: dates compare as days, the rest as trimmed text. */
  otherFields(): void {
    if (this.isNew_) return;
    const { timeZone, locale } = this.ctx_;
    for (const key of LOGGED_WHEN_KNOWN) {
      const old = this.oldOf_(key);
      if (old === undefined) continue;
      const [from, to] = [old, this.current_(key)];
      const isDateField = FIELD_BY_KEY[key].kind === 'date';
      const comparable = (v: CellValue) => {
        const d = isDateField ? parseDate(v, timeZone, locale) : null;
        return d?.kind === 'ok' ? isoDay(d.value, timeZone) : String(v).trim();
      };
      if (comparable(from) !== comparable(to)) {
        const oldDate = isDateField ? parseDate(from, timeZone, locale) : null;
        this.log_(this.user_, FIELD_BY_KEY[key].header, oldDate?.kind === 'ok' ? oldDate.value : from, to);
        this.changed_ = true;
      }
    }
  }

  /** Updated, Segment, the Check column (of the row as it will be) and Last seen; the outcome. */
  finish(seen: Omit<LastSeen, 'd' | 't'>): RowOutcome {
    const { ctx_: ctx, before_: before, rowNumber_: rowNumber } = this;
    const { map, settings, now, timeZone, locale } = ctx;
    if (this.changed_) this.set_('updated', now);
    const employees = before.employees.kind === 'ok' ? before.employees.value : null;
    this.set_('segment', segmentFor(before.industry, employees, settings.segmentRules));
    // Check the row as it will be once our writes land.
    const written = Object.keys(this.writes).length > 0;
    const rowAfter = written ? withWrites(this.row_, map, this.writes) : this.row_;
    const deal = written ? readDeal(rowAfter, rowNumber, map, settings, timeZone, locale) : before;
    // Duplicate Deal IDs need the whole sheet: a sweep finds them; a one-row check keeps its verdict
    // (from Last seen) while the row still holds the same ID.
    const prevIds = this.prev_?.d;
    const idRows =
      this.opts_.idRows ??
      (prevIds && prevIds.id === deal.id ? new Map([[deal.id, [rowNumber, ...prevIds.rows]]]) : undefined);
    // A row pasted twice is told only by the whole sheet (a sweep); a one-row check keeps its verdict
    // (from Last seen) while the six cells compared say the same.
    const prevTwins = this.prev_?.t;
    const print = this.opts_.twins?.length || prevTwins ? sameDealPrint(rowAfter, map) : null;
    const twins = this.opts_.twins ?? (prevTwins && prevTwins.key === print ? prevTwins.rows : undefined);
    const violations = checkDeal(deal, { settings, now, timeZone, idRows, twins });
    const check = checkText(violations);
    if (!ctx.trusted) this.set_('check', check);
    const others = deal.id ? (idRows?.get(deal.id) ?? []).filter((r) => r !== rowNumber) : [];
    const lastSeen: LastSeen = { ...seen, s: seenForm(seen.s) };
    // The rows the Check names, and one more to tell there are more (see SHOWN_ROWS).
    const kept = (rows: readonly number[]) => rows.slice(0, SHOWN_ROWS + 1);
    if (others.length) lastSeen.d = { id: deal.id, rows: kept(others) };
    if (twins?.length && print) lastSeen.t = { key: print, rows: kept(twins) };
    // Written only when it says something else: a cell in an earlier version's form that says the same
    // stays as it is (rewriting it would change every row of the tab once).
    if (!ctx.trusted && !sameSeen(this.prev_, lastSeen)) this.set_('lastSeen', seenText(lastSeen));
    return { writes: this.writes, history: this.history, violations, deal };
  }
}

/**
 * The rows of each Deal ID on more than one row (IDs compared exactly): an ID on one row is left out,
 * as nothing is said of it.
 */
export function idRowsOf(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  map: HeaderMap,
): Map<string, number[]> {
  const col = map.columns.dealId;
  if (col === undefined) return new Map();
  const shared = sharedKeys(rows.length, (i) => String(rows[i][col] ?? '').trim() || null);
  for (const list of shared.values()) list.forEach((r, k) => (list[k] = firstRow + r));
  return shared;
}

/**
 * A cell as the rows that may hold the same deal are first told apart (twinCandidates): a number or a
 * date by its value, any other cell as one key. Two cells sameDealText reads alike key alike.
 */
const roughKey = (v: CellValue | undefined): number | string =>
  typeof v === 'number' ? v : isDate(v) ? v.getTime() : 's';

/**
 * The rows a sweep compares for rows holding the same deal: every row but the settled ones whose Last
 * seen names no other row, and those that may hold the deal of one of the rest (its amount and close
 * date, roughly). Two settled rows whose Last seen names none hold different deals: the sweep that
 * settled them would have named each in the other's Last seen (its writes never change the six cells
 * compared), and neither changed since. Deal IDs are compared over every row: a sweep gives rows new
 * ones, which it cannot compare before.
 */
function twinCandidates(
  rows: readonly (readonly CellValue[])[],
  map: HeaderMap,
  settled: (index: number) => boolean,
): number[] {
  const { amount, closeDate, lastSeen } = map.columns;
  const cell = (i: number, c: number | undefined) => (c === undefined ? '' : rows[i][c]);
  const quiet = new Uint8Array(rows.length);
  const others: number[] = [];
  for (let i = 0; i < rows.length; i++)
    if (settled(i) && namesNone(cell(i, lastSeen))) quiet[i] = 1;
    else others.push(i);
  const amounts = new Set(others.map((i) => roughKey(cell(i, amount))));
  const closes = new Set(others.map((i) => roughKey(cell(i, closeDate))));
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++)
    if (!quiet[i] || (amounts.has(roughKey(cell(i, amount))) && closes.has(roughKey(cell(i, closeDate)))))
      out.push(i);
  return out;
}

/** Whether a Last seen cell names no other row: a plain array (no second "[", no nested list of rows). */
const namesNone = (seen: CellValue | undefined): boolean =>
  typeof seen === 'string' && seen[0] === '[' && seen.indexOf('[', 1) === -1;

/**
 * Applies the row rules to every row of the Deals tab (a sweep), with whole-sheet rules included. Rows
 * `settled` says are as the rules left them, under these settings, with nothing changed since (see
 * settledOutcome), are only checked.
 */
export function sweepRows(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  ctx: EditContext,
  settled?: (index: number) => boolean,
): RowOutcome[] {
  const idRows = idRowsOf(rows, firstRow, ctx.map);
  const same = sameDealRows(rows, firstRow, ctx.map, settled && twinCandidates(rows, ctx.map, settled));
  return rows.map((row, i) => {
    const opts = { idRows, twins: same.get(firstRow + i) ?? [] };
    const quick = settled?.(i) && !opts.twins.length ? settledOutcome(row, firstRow + i, ctx, idRows) : null;
    return quick ?? applyRowRules(row, firstRow + i, ctx, opts);
  });
}

/**
 * The outcome of the rules for a row they already left as they make it (their writes landed, nothing
 * changed since, the settings are the same) when no other row shares its Deal ID or its six cells, now
 * or when its Last seen was written (Last seen then names none: a five-value array). Applied again, the
 * rules would log nothing, and write nothing but the Check, which also depends on the day: so only
 * the checks run (a sweep's rules cost three times as much). Null for any other row (a blank one, one
 * without a Deal ID, Last seen in another form), which the caller applies the rules to.
 */
function settledOutcome(
  row: readonly CellValue[],
  rowNumber: number,
  ctx: EditContext,
  idRows: ReadonlyMap<string, number[]>,
): RowOutcome | null {
  const { map, settings, now, timeZone, locale } = ctx;
  const [seenCol, checkCol] = [map.columns.lastSeen, map.columns.check];
  if (seenCol === undefined || checkCol === undefined) return null;
  // Neither a shared Deal ID nor a twin was named.
  if (!namesNone(row[seenCol])) return null;
  if (isBlankRow(row, map, NOT_TYPED)) return null;
  const deal = readDeal(row, rowNumber, map, settings, timeZone, locale);
  if (!deal.id || idRows.has(deal.id)) return null;
  const violations = checkDeal(deal, { settings, now, timeZone, idRows, twins: [] });
  const check = checkText(violations);
  const writes: RowOutcome['writes'] = sameCell(row[checkCol] ?? '', check) ? {} : { check };
  return { writes, history: [], violations, deal };
}

/** A cell as sameDealRows compares it: text without case or spaces around it, numbers, dates by instant. */
function sameDealText(v: CellValue): string {
  if (typeof v === 'number') return `n${v}`;
  if (isDate(v)) return `d${v.getTime()}`;
  return `s${String(v ?? '')
    .trim()
    .toLowerCase()}`;
}

/** The fields compared after the deal's name: two rows alike in all six hold the same deal. */
const SAME_DEAL_FIELDS = ['company', 'owner', 'stage', 'amount', 'closeDate'] as const;

/** The fields after the name of a row, as sameDealRows compares them. */
function sameDealRest(row: readonly CellValue[], map: HeaderMap): string {
  // The fields' texts joined by \u0001 (built in one pass: every row of a shared name is printed).
  let out = '';
  SAME_DEAL_FIELDS.forEach((f, i) => {
    const c = map.columns[f];
    out += `${i ? '\u0001' : ''}${c === undefined ? '' : sameDealText(row[c])}`;
  });
  return out;
}

/** A print of the six cells sameDealRows compares (Last seen keeps it), or null for a row with no name. */
export function sameDealPrint(row: readonly CellValue[], map: HeaderMap): string | null {
  const col = map.columns.deal;
  const name = col === undefined ? 's' : sameDealText(row[col]);
  return name === 's' ? null : textHash(`${name}\u0001${sameDealRest(row, map)}`);
}

/**
 * For each row (1-based) that holds the same deal, company, owner, stage, amount and close date as
 * others (a row pasted twice: each then gets a Deal ID of its own), those other rows. Compared as the
 * cells hold them (sameDealText); a row with no deal name has none.
 */
export function sameDealRows(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  map: HeaderMap,
  only?: readonly number[],
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const nameCol = map.columns.deal;
  if (nameCol === undefined) return out;
  // By a print of the six cells first (one cheap pass, no text made), then the few rows that share
  // one by the cells' texts (two rows alike print alike; rows printing alike may still differ).
  const cols = [nameCol, ...SAME_DEAL_FIELDS.map((f) => map.columns[f] ?? -1)];
  const at = only ? (k: number) => only[k] : (k: number) => k;
  const shared = sharedKeys(only?.length ?? rows.length, (k) => {
    const row = rows[at(k)];
    const name = row[nameCol] ?? '';
    return typeof name === 'string' && name.trim() === '' ? null : sameDealHash(row, cols);
  });
  for (const printed of shared.values()) {
    const byKey = new Map<string, number[]>();
    for (const i of printed.map(at))
      listIn(byKey, `${sameDealText(rows[i][nameCol])}\u0001${sameDealRest(rows[i], map)}`, firstRow + i);
    for (const same of byKey.values())
      if (same.length > 1)
        for (const row of same)
          out.set(
            row,
            same.filter((r) => r !== row),
          );
  }
  return out;
}

/**
 * A 30-bit print of the cells of `cols` (-1: no column) as sameDealText reads them: a text trimmed and
 * in lower case (a plain ASCII one folded as it is hashed, others through trim and toLowerCase), a
 * number or a date by its bits (-0 as 0, every NaN alike), with its type.
 */
function sameDealHash(row: readonly CellValue[], cols: readonly number[]): number {
  let h = 0x811c9dc5;
  const mix = (x: number) => (h = Math.imul(h ^ x, 0x01000193));
  for (const c of cols) {
    const v = c < 0 ? '' : row[c];
    if (typeof v === 'number' || isDate(v)) {
      const n = typeof v === 'number' ? v : v.getTime();
      mix(typeof v === 'number' ? 110 : 100);
      const bits = numberBits(n === 0 || n !== n ? Math.abs(n) || 0 : n);
      mix(bits[0]);
      mix(bits[1]);
    } else {
      const raw = typeof v === 'string' ? v : String(v ?? '');
      const t = plainAscii(raw) ? raw : raw.trim().toLowerCase();
      mix(115);
      for (let i = 0; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        mix(ch >= 65 && ch <= 90 ? ch + 32 : ch);
      }
    }
    mix(1);
  }
  return (h >>> 2) & 0x3fffffff;
}

/** Whether a text is ASCII with nothing for trim to take off: folded to lower case as it is hashed. */
function plainAscii(t: string): boolean {
  const n = t.length;
  if (n && (t.charCodeAt(0) <= 32 || t.charCodeAt(n - 1) <= 32)) return false;
  for (let i = 0; i < n; i++) if (t.charCodeAt(i) > 127) return false;
  return true;
}
