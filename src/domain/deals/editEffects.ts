// What an edit means for a deal row: new Deal ID and Created for new rows; Stage entered, Updated,
// probability and forecast category when the stage changes (unless overridden); History entries for
// stage, amount and close date changes (also found by a sweep, from Last seen) and for every other
// field a person changes when the old value is known (the sidebar, or one typed cell); Close date
// pushes; Segment; and the Check column. Pure: the callers (onEdit, the sweep, the sidebar) read the
// rows and write the result.
import { EDITABLE, FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import type { Settings } from '../../shared/settings';
import { daysBetween, parseAmount, parseDate } from '../values/cellParsing';
import { isBlankRow, readDeal, sameCell, type CellValue, type Deal } from './deal';
import type { HeaderMap } from './headerMap';
import { checkDeal, checkText, type Violation } from '../dataQuality/dealChecks';
import { segmentFor } from './segments';
import { looseKey } from '../values/text';
import { UNKNOWN_USER, type HistoryEntry } from '../history/historyEntry';
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
  /** The single edited cell's previous value, when onEdit knows it. */
  knownOld?: { field: FieldKey; value: CellValue | undefined };
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
  const log = (field: string, from: CellValue, to: CellValue) =>
    history.push({ time: now, dealId, field, from, to, user: ctx.user || UNKNOWN_USER });
  if (isNew) {
    set('dealId', dealId);
    if (!before.created) set('created', now);
  }
  const known = opts.knownOld;
  const previous = opts.previousRow;
  const oldOf = <T>(field: FieldKey, fromPrev: T | undefined): CellValue | T | undefined =>
    previous && map.columns[field] !== undefined
      ? (previous[map.columns[field]!] ?? '')
      : known && known.field === field
        ? (known.value ?? '')
        : prev
          ? fromPrev
          : undefined;
  let changed = (opts.edited ?? []).some((k) => !COMPUTED_FIELDS.includes(k));

  // Stage
  const oldStage = isNew ? '' : oldOf('stage', prev?.s);
  if (oldStage !== undefined && looseKey(oldStage) !== looseKey(before.stageText)) {
    set('stageEntered', now);
    log('Stage', oldStage, before.stageText);
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
  const amountNow =
    before.amount.kind === 'ok'
      ? before.amount.value
      : before.amount.kind === 'bad'
        ? before.amount.raw
        : null;
  const oldAmountRaw = oldOf('amount', prev?.a);
  if (!isNew && oldAmountRaw !== undefined) {
    const parsed = parseAmount(oldAmountRaw, locale);
    const oldAmount = parsed.kind === 'ok' ? parsed.value : parsed.kind === 'bad' ? parsed.raw : null;
    if (oldAmount !== amountNow) {
      log('Amount', oldAmount ?? '', amountNow ?? '');
      changed = true;
    }
  }
  // Close date
  const closeNow = before.closeDate.kind === 'ok' ? before.closeDate.value : null;
  // Close dates compare as days in the spreadsheet's zone: a time of day is not a change.
  const closeKey = closeNow
    ? isoDay(closeNow, timeZone)
    : before.closeDate.kind === 'bad'
      ? before.closeDate.raw
      : null;
  const oldCloseRaw = oldOf('closeDate', prev?.c);
  let pushes = before.closeDatePushes;
  if (!isNew && oldCloseRaw !== undefined) {
    const parsed = parseDate(oldCloseRaw, timeZone, locale);
    const oldClose = parsed.kind === 'ok' ? parsed.value : null;
    const oldKey = oldClose ? isoDay(oldClose, timeZone) : parsed.kind === 'bad' ? parsed.raw : null;
    if (oldKey !== closeKey) {
      log('Close date', oldClose ?? (parsed.kind === 'bad' ? parsed.raw : ''), closeNow ?? closeKey ?? '');
      changed = true;
      if (oldClose && closeNow && daysBetween(oldClose, closeNow, timeZone) > 0) {
        pushes += 1;
        set('closeDatePushes', pushes);
      }
    }
  }
  // Every other field, when its old value is known: dates compare as days, the rest as trimmed text.
  for (const key of isNew ? [] : LOGGED_WHEN_KNOWN) {
    const old = oldOf(key, undefined);
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
  const seen: LastSeen = { s: before.stageText, a: amountNow, c: closeKey, p: autoP, k: autoK };
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
