// A deal as read from one row of the Deals tab: text fields trimmed, amounts and dates parsed (with
// unparseable values kept as bad, never dropped), and the stage looked up in Settings.
import { FIELDS, type FieldKey } from '../../shared/fields';
import { FORECAST_CATEGORIES, type Settings, type StageDef } from '../../shared/settings';
import { isDate } from '../../shared/zonedTime';
import { parseAmount, parseCount, parseDate, parsePercent, type Parsed } from '../values/cellParsing';
import type { HeaderMap } from './headerMap';
import { looseKey } from '../values/text';
import { findStage } from '../settings/stageLookup';
import { pushAll } from '../../shared/manyValues';

export type CellValue = string | number | boolean | Date;

export interface Deal {
  /** 1-based sheet row. */
  row: number;
  id: string;
  name: string;
  company: string;
  contact: string;
  email: string;
  owner: string;
  stageText: string;
  stage: StageDef | null;
  amount: Parsed<number>;
  closeDate: Parsed<Date>;
  probability: Parsed<number>;
  forecastCategory: string;
  leadSource: string;
  industry: string;
  employees: Parsed<number>;
  segment: string;
  lostReason: string;
  competitor: string;
  nextStep: string;
  nextStepDate: Parsed<Date>;
  created: Date | null;
  stageEntered: Date | null;
  updated: Date | null;
  /** Created, Stage entered or Updated holding something other than a date, as "Created "…"". */
  unreadStamps?: string[];
  closeDatePushes: number;
  check: string;
  lastSeen: string;
  notes: string;
}

/** Reads a field's raw cell ('' when the column is absent). */
export function cellOf(row: readonly CellValue[], map: HeaderMap, key: FieldKey): CellValue {
  const c = map.columns[key];
  return c === undefined ? '' : (row[c] ?? '');
}

/** A text field as the CRM reads it: trimmed, a date as its day (YYYY-MM-DD). */
export const fieldText = (v: CellValue): string =>
  typeof v === 'string' ? trimmed(v) : isDate(v) ? v.toISOString().slice(0, 10) : String(v ?? '').trim();

/**
 * A text without the spaces around it. Most cells have none: a text whose ends are printable ASCII
 * (every space trim takes off is ASCII up to 32 or beyond ASCII) is kept without asking trim (a sweep
 * reads seventeen texts of each of 100,000 rows).
 */
function trimmed(v: string): string {
  const n = v.length;
  if (n === 0) return v;
  const [a, b] = [v.charCodeAt(0), v.charCodeAt(n - 1)];
  return a > 32 && a < 127 && b > 32 && b < 127 ? v : v.trim();
}
const stamp = (v: CellValue): Date | null => (isDate(v) ? new Date(v.getTime()) : null);

const STAMPS = [
  ['created', 'Created'],
  ['stageEntered', 'Stage entered'],
  ['updated', 'Updated'],
] as const;

/** The stamps holding text a date could not be read from (an import kept it as written), if any. */
function unreadStamps(get: (k: FieldKey) => CellValue): string[] | undefined {
  let out: string[] | undefined;
  for (const [key, label] of STAMPS) {
    const v = get(key);
    if (!isDate(v) && fieldText(v) !== '') (out ??= []).push(`${label} "${fieldText(v)}"`);
  }
  return out;
}

const personColumnCache = new WeakMap<HeaderMap, WeakMap<readonly FieldKey[], number[]>>();

/** Columns a person types into (mapped fields not in `computed`, and extras), worked out once per map. */
function personColumns(map: HeaderMap, computed: readonly FieldKey[]): number[] {
  let byComputed = personColumnCache.get(map);
  if (!byComputed) personColumnCache.set(map, (byComputed = new WeakMap()));
  let cols = byComputed.get(computed);
  if (!cols) {
    cols = (Object.entries(map.columns) as [FieldKey, number][])
      .filter(([k]) => !computed.includes(k))
      .map(([, c]) => c);
    pushAll(cols, map.extras);
    byComputed.set(computed, cols);
  }
  return cols;
}

/** True when no field a person types into holds anything (computed columns are ignored). */
export function isBlankRow(
  row: readonly CellValue[],
  map: HeaderMap,
  computed: readonly FieldKey[],
): boolean {
  for (const col of personColumns(map, computed)) if (fieldText(row[col] ?? '') !== '') return false;
  return true;
}

/**
 * A forecast category as the CRM names it, however it is written ("Best Case" as Salesforce writes it,
 * best_case, COMMIT); one it does not know stays as written (the Check names it).
 */
export function categoryOf(written: string): string {
  return CATEGORY_BY_KEY.get(categoryKey(written)) ?? written;
}

const categoryKey = (text: string) => looseKey(text).replace(/ /g, '');
/** The CRM's forecast categories by their key (each deal's category is looked up, not compared). */
const CATEGORY_BY_KEY = new Map<string, string>(
  [...FORECAST_CATEGORIES].reverse().map((c) => [categoryKey(c), c]),
);

/** Builds the Deal for one row. */
export function readDeal(
  row: readonly CellValue[],
  rowNumber: number,
  map: HeaderMap,
  settings: Settings,
  timeZone: string,
  locale: string,
): Deal {
  // Each field's column, found once per header map: a sweep reads every field of every row.
  const c = fieldColumns(map);
  const get = (col: number): CellValue => (col < 0 ? '' : (row[col] ?? ''));
  const text = (col: number) => fieldText(get(col));
  const stageText = text(c.stage);
  const pushes = parseCount(get(c.closeDatePushes));
  const deal: Deal = {
    row: rowNumber,
    id: text(c.dealId),
    name: text(c.deal),
    company: text(c.company),
    contact: text(c.contact),
    email: text(c.email),
    owner: text(c.owner),
    stageText,
    stage: findStage(stageText, settings.stages),
    amount: parseAmount(get(c.amount), locale, settings.general.currency, settings.rates),
    closeDate: parseDate(get(c.closeDate), timeZone, locale),
    probability: parsePercent(get(c.probability)),
    forecastCategory: categoryOf(text(c.forecastCategory)),
    leadSource: text(c.leadSource),
    industry: text(c.industry),
    employees: parseCount(get(c.employees)),
    segment: text(c.segment),
    lostReason: text(c.lostReason),
    competitor: text(c.competitor),
    nextStep: text(c.nextStep),
    nextStepDate: parseDate(get(c.nextStepDate), timeZone, locale),
    created: stamp(get(c.created)),
    stageEntered: stamp(get(c.stageEntered)),
    updated: stamp(get(c.updated)),
    closeDatePushes: pushes.kind === 'ok' ? pushes.value : 0,
    check: text(c.check),
    lastSeen: text(c.lastSeen),
    notes: text(c.notes),
  };
  const unread = unreadStamps((k) => get(c[k]));
  if (unread) deal.unreadStamps = unread;
  return deal;
}

/** Each field's 0-based column in a header map (-1: no such column), by map. */
const columnsByMap = new WeakMap<HeaderMap, Record<FieldKey, number>>();
function fieldColumns(map: HeaderMap): Record<FieldKey, number> {
  let cols = columnsByMap.get(map);
  if (!cols) {
    cols = Object.fromEntries(FIELDS.map((f) => [f.key, map.columns[f.key] ?? -1])) as Record<
      FieldKey,
      number
    >;
    columnsByMap.set(map, cols);
  }
  return cols;
}

/** Whether two cell values are the same (Dates by instant, anything else by its text). */
export function sameCell(a: CellValue, b: CellValue): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return String(a) === String(b);
}

/** Whether a field holds a usable value for the required-field rule. */
export function hasValue(deal: Deal, key: FieldKey): boolean {
  switch (key) {
    case 'amount':
      return deal.amount.kind === 'ok';
    case 'closeDate':
      return deal.closeDate.kind === 'ok';
    case 'nextStepDate':
      return deal.nextStepDate.kind === 'ok';
    case 'employees':
      return deal.employees.kind === 'ok';
    case 'deal':
      return deal.name !== '';
    default: {
      const v = (deal as unknown as Record<string, unknown>)[key];
      return typeof v === 'string' ? v !== '' : v !== null && v !== undefined;
    }
  }
}
