// What an edit means for a deal row: new Deal ID and Created for new rows; Stage entered, Updated,
// probability and forecast category when the stage changes (unless overridden); History entries for
// stage, amount and close date changes (also found by a sweep, from Last seen) and for every other
// field a person changes when the old value is known (the sidebar, or one typed cell); Close date
// pushes; Segment; and the Check column. Pure: the callers (onEdit, the sweep, the sidebar) read the
// rows and write the result.
import { EDITABLE, FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import type { Settings } from '../../shared/settings';
import { daysBetween, parseAmount, parseDate } from '../values/cellParsing';
import { isBlankRow, readDeal, sameCell, type CellValue, type Deal } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { checkDeal, checkText, type Violation } from '../dataQuality/dealChecks';
import { segmentFor } from '../deals/segments';
import { looseKey, textHash } from '../values/text';
import { LATE_FOUND_USER, UNKNOWN_USER, type HistoryEntry } from '../history/historyEntry';
import { isoDay } from '../../shared/zonedTime';

/** What we last saw of a row, kept in its hidden "Last seen (CRM)" cell to spot changes made without onEdit. */
export interface LastSeen {
  /** stage text */
  s: string;
  /** amount: number, raw text if unparseable, or null */
  a: number | string | null;
  /** close date as an ISO instant, raw text if unparseable, or null */
  c: string | null;
  /** probability we filled in automatically, or null when the user's own value stands */
  p: number | null;
  /** forecast category we filled in automatically, or null when the user's own value stands */
  k: string | null;
  /** the Deal ID and the other rows holding it, as the last whole-sheet check found them */
  d?: { id: string; rows: number[] };
}

export interface EditContext {
  settings: Settings;
  map: HeaderMap;
  now: Date;
  timeZone: string;
  locale: string;
  user: string;
  newId: () => string;
}

export interface RowOutcome {
  /** New values for the cells that change, by field. */
  writes: Partial<Record<FieldKey, CellValue>>;
  history: HistoryEntry[];
  violations: Violation[];
  deal: Deal | null;
}

export interface RowOptions {
  /** Fields a person just edited in this row (onEdit); empty for a sweep. */
  edited?: readonly FieldKey[];
  /**
   * One typed cell: its value before (e.oldValue, '' when empty) and the value typed (e.value). Runs of
   * two quick edits overlap in Sheets, so by the time this run reads the row another edit may have
   * changed it, or another run logged this one (see `tracked` in applyRowRules).
   */
  typed?: { field: FieldKey; old: CellValue; value: CellValue };
  /** Rows on which each Deal ID appears; given when the whole sheet was read. */
  idRows?: ReadonlyMap<string, number[]>;
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

/** Texts Last seen keeps whole (a cell holds 50,000 characters, and Last seen is one cell). */
const SEEN_TEXT_LIMIT = 1000;

/**
 * A text as Last seen keeps it and compares it: whole when short, else its start, its length and a
 * print (a stage or amount cell holding a pasted page would make Last seen too long for its cell).
 */
function seenForm(text: string): string {
  return text.length <= SEEN_TEXT_LIMIT
    ? text
    : `${text.slice(0, 900)}… (${text.length} characters, ${textHash(text)})`;
}

/** Close-date keys of texts, per zone and locale (see closeKey in applyRowRules). */
const textCloseKeys = new Map<string, string | null>();

/** Parses the hidden Last seen cell (null when it holds nothing we wrote). */
export function parseLastSeen(text: string): LastSeen | null {
  if (!text.startsWith('{')) return null;
  try {
    const o = JSON.parse(text) as Partial<LastSeen>;
    const d = o.d && typeof o.d.id === 'string' && Array.isArray(o.d.rows) ? o.d : undefined;
    return { s: String(o.s ?? ''), a: o.a ?? null, c: o.c ?? null, p: o.p ?? null, k: o.k ?? null, d };
  } catch {
    return null;
  }
}

/** Works out the writes and History entries for one row after an edit or during a sweep. */
export function applyRowRules(
  row: readonly CellValue[],
  rowNumber: number,
  ctx: EditContext,
  opts: RowOptions = {},
): RowOutcome {
  const { map, settings, now, timeZone, locale } = ctx;
  const writes: Partial<Record<FieldKey, CellValue>> = {};
  const history: HistoryEntry[] = [];
  const current = (k: FieldKey): CellValue =>
    map.columns[k] === undefined ? '' : (row[map.columns[k]!] ?? '');
  const set = (k: FieldKey, v: CellValue) => {
    if (map.columns[k] !== undefined && !sameCell(current(k), v)) writes[k] = v;
  };

  if (isBlankRow(row, map, NOT_TYPED)) {
    if (current('check') !== '') set('check', '');
    return { writes, history, violations: [], deal: null };
  }
  const before = readDeal(row, rowNumber, map, settings, timeZone, locale);
  const prev = parseLastSeen(before.lastSeen);
  const isNew = before.id === '';
  const dealId = isNew ? ctx.newId() : before.id;
  const logAs = (user: string, field: string, from: CellValue, to: CellValue) =>
    history.push({ time: now, dealId, field, from, to, user });
  const log = (field: string, from: CellValue, to: CellValue) =>
    logAs(ctx.user || UNKNOWN_USER, field, from, to);
  if (isNew) {
    set('dealId', dealId);
    if (!before.created) set('created', now);
  }
  const typed = opts.typed;
  const previous = opts.previousRow;
  /** A field's old value when the caller knows it: the sidebar's row as read, or the typed cell's. */
  const oldOf = (field: FieldKey): CellValue | undefined =>
    previous && map.columns[field] !== undefined
      ? (previous[map.columns[field]!] ?? '')
      : typed && typed.field === field
        ? typed.old
        : undefined;
  /**
   * The changes to log for a field Last seen tracks (stage, amount, close date), oldest first, and the
   * value Last seen records. `seen` is Last seen's value (undefined without one), `key` compares values.
   * A typed cell is logged from Last seen, the last state logged:
   * - when Last seen already shows the cell, an overlapping run logged this edit: nothing is logged;
   * - when Last seen differs from e.oldValue, a change made before this edit was not logged yet: it is,
   *   by nobody we know (LATE_FOUND_USER);
   * - a cell changed again since it was typed is logged up to the value typed; the later edit's own run
   *   (or the sweep) logs the rest.
   * A typed edit of another field leaves this one to its own run.
   */
  type Step = [CellValue, CellValue, string];
  const tracked = <K>(
    field: FieldKey,
    seen: CellValue | undefined,
    key: (v: CellValue) => K,
    nowKey: K,
  ): { steps: Step[]; record: CellValue; recordKey: K } => {
    const now = current(field);
    const user = ctx.user || UNKNOWN_USER;
    const step = (from: CellValue, fromKey: K, to: CellValue, toKey: K, who = user): Step[] =>
      fromKey === toKey ? [] : [[from, to, who]];
    const old = oldOf(field);
    if (old !== undefined && (previous || seen === undefined))
      return { steps: step(old, key(old), now, nowKey), record: now, recordKey: nowKey };
    if (seen === undefined) return { steps: [], record: now, recordKey: nowKey };
    const seenKey = key(seen);
    if (typed && typed.field === field) {
      if (seenKey === nowKey) return { steps: [], record: now, recordKey: nowKey };
      const [oldKey, valueKey] = [key(typed.old), key(typed.value)];
      const [to, toKey] = nowKey === valueKey ? [now, nowKey] : [typed.value, valueKey];
      const steps = [
        ...step(seen, seenKey, typed.old, oldKey, LATE_FOUND_USER),
        ...step(typed.old, oldKey, to, toKey),
      ];
      return { steps, record: to, recordKey: toKey };
    }
    if (typed) return { steps: [], record: seen, recordKey: seenKey };
    return { steps: step(seen, seenKey, now, nowKey), record: now, recordKey: nowKey };
  };
  const amountKey = (v: CellValue) => {
    const p = parseAmount(v, locale);
    return p.kind === 'ok' ? p.value : p.kind === 'bad' ? seenForm(p.raw) : null;
  };
  const closeDate = (v: CellValue) => {
    const p = parseDate(v, timeZone, locale);
    return p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : null;
  };
  // Close dates compare as days in the spreadsheet's zone: a time of day is not a change.
  const dayKey = (d: Date | string | number | boolean | null): string | null =>
    d instanceof Date ? isoDay(d, timeZone) : d === null ? null : seenForm(String(d));
  const closeKey = (v: CellValue) => {
    if (typeof v !== 'string') return dayKey(closeDate(v));
    // Last seen holds the close date as a day's text, the same few hundred across the deals.
    const memo = `${timeZone}|${locale}|${v}`;
    let key = textCloseKeys.get(memo);
    if (key === undefined) {
      if (textCloseKeys.size > 20_000) textCloseKeys.clear();
      key = dayKey(closeDate(v));
      textCloseKeys.set(memo, key);
    }
    return key;
  };
  // The row's own amount and close date as readDeal parsed them (the sweep's hot path parses no more).
  const amountNow =
    before.amount.kind === 'ok'
      ? before.amount.value
      : before.amount.kind === 'bad'
        ? seenForm(before.amount.raw)
        : null;
  const closeNow = dayKey(
    before.closeDate.kind === 'ok'
      ? before.closeDate.value
      : before.closeDate.kind === 'bad'
        ? before.closeDate.raw
        : null,
  );
  let changed = (opts.edited ?? []).some((k) => !COMPUTED_FIELDS.includes(k));

  // Stage
  const stageSeen = isNew ? '' : prev ? prev.s : undefined;
  const stageKey = (v: CellValue) => looseKey(seenForm(String(v ?? '')));
  const stageMoves = isNew
    ? {
        steps: looseKey(before.stageText) ? [['', before.stageText, ctx.user || UNKNOWN_USER]] : [],
        record: '',
      }
    : tracked('stage', stageSeen, stageKey, stageKey(before.stageText));
  for (const [from, to, who] of stageMoves.steps) logAs(who, 'Stage', String(from).trim(), String(to).trim());
  if (stageMoves.steps.length) {
    set('stageEntered', now);
    changed = true;
  }
  // Probability and forecast category follow the stage unless the user set their own.
  let autoP = prev ? prev.p : null;
  let autoK = prev ? prev.k : null;
  const stage = before.stage;
  if (stage) {
    const p = before.probability;
    const pIsAuto =
      p.kind === 'empty' ||
      (p.kind === 'ok' && (prev ? prev.p !== null && p.value === prev.p : p.value === stage.probability));
    autoP = pIsAuto ? stage.probability : null;
    if (pIsAuto) set('probability', stage.probability);
    const k = before.forecastCategory;
    const kIsAuto = k === '' || (prev ? prev.k !== null && k === prev.k : k === stage.category);
    autoK = kIsAuto ? stage.category : null;
    if (kIsAuto) set('forecastCategory', stage.category);
  }
  // Amount
  const amounts = isNew
    ? { steps: [], recordKey: amountNow }
    : tracked('amount', prev ? (prev.a ?? '') : undefined, amountKey, amountNow);
  for (const [from, to, who] of amounts.steps)
    logAs(who, 'Amount', amountKey(from) ?? '', amountKey(to) ?? '');
  if (amounts.steps.length) changed = true;
  // Close date
  const closes = isNew
    ? { steps: [], recordKey: closeNow }
    : tracked('closeDate', prev ? (prev.c ?? '') : undefined, closeKey, closeNow);
  let pushes = before.closeDatePushes;
  for (const [from, to, who] of closes.steps) {
    const [oldClose, newClose] = [closeDate(from), closeDate(to)];
    logAs(who, 'Close date', oldClose ?? '', newClose ?? '');
    changed = true;
    if (oldClose instanceof Date && newClose instanceof Date && daysBetween(oldClose, newClose, timeZone) > 0)
      pushes += 1;
  }
  if (pushes !== before.closeDatePushes) set('closeDatePushes', pushes);
  // Every other field, when its old value is known: dates compare as days, the rest as trimmed text.
  for (const key of isNew ? [] : LOGGED_WHEN_KNOWN) {
    const old = oldOf(key);
    if (old === undefined) continue;
    const [from, to] = [old, current(key)];
    const isDateField = FIELD_BY_KEY[key].kind === 'date';
    const comparable = (v: CellValue) => {
      const d = isDateField ? parseDate(v, timeZone, locale) : null;
      return d?.kind === 'ok' ? isoDay(d.value, timeZone) : String(v).trim();
    };
    if (comparable(from) !== comparable(to)) {
      const oldDate = isDateField ? parseDate(from, timeZone, locale) : null;
      log(FIELD_BY_KEY[key].header, oldDate?.kind === 'ok' ? oldDate.value : from, to);
      changed = true;
    }
  }
  if (changed) set('updated', now);
  const employees = before.employees.kind === 'ok' ? before.employees.value : null;
  set('segment', segmentFor(before.industry, employees, settings.segmentRules));

  // Check the row as it will be once our writes land.
  const changes = Object.entries(writes) as [FieldKey, CellValue][];
  let deal = before;
  if (changes.length) {
    const after = [...row];
    for (const [k, v] of changes) after[map.columns[k]!] = v;
    deal = readDeal(after, rowNumber, map, settings, timeZone, locale);
  }
  // Duplicate Deal IDs need the whole sheet: a sweep finds them; a one-row check keeps its verdict
  // (from Last seen) while the row still holds the same ID.
  const idRows =
    opts.idRows ??
    (prev?.d && prev.d.id === deal.id ? new Map([[deal.id, [rowNumber, ...prev.d.rows]]]) : undefined);
  const violations = checkDeal(deal, { settings, now, timeZone, idRows });
  set('check', checkText(violations));
  const others = deal.id ? (idRows?.get(deal.id) ?? []).filter((r) => r !== rowNumber) : [];
  const seen: LastSeen = {
    s: seenForm(isNew ? before.stageText : String(stageMoves.record).trim()),
    a: amounts.recordKey,
    c: closes.recordKey,
    p: autoP,
    k: autoK,
  };
  if (others.length) seen.d = { id: deal.id, rows: others };
  set('lastSeen', JSON.stringify(seen));
  return { writes, history, violations, deal };
}

/** Rows on which each Deal ID appears (IDs compared exactly). */
export function idRowsOf(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  map: HeaderMap,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const col = map.columns.dealId;
  if (col === undefined) return out;
  rows.forEach((r, i) => {
    const id = String(r[col] ?? '').trim();
    if (!id) return;
    const list = out.get(id);
    if (list) list.push(firstRow + i);
    else out.set(id, [firstRow + i]);
  });
  return out;
}

/** Applies the row rules to every row of the Deals tab (a sweep), with whole-sheet rules included. */
export function sweepRows(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  ctx: EditContext,
): RowOutcome[] {
  const idRows = idRowsOf(rows, firstRow, ctx.map);
  return rows.map((row, i) => applyRowRules(row, firstRow + i, ctx, { idRows }));
}
