// Converting an existing deals sheet: describe and correct the proposed column mapping, then build the
// Deals grid. Every data row is kept; every value lands in its mapped column (normalised when it is
// clearly readable, otherwise kept exactly as it was) or in a kept extra column.
import { FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import { columnName } from '../../shared/columns';
import type { Settings, StageDef } from '../../shared/settings';
import type { Parsed } from '../values/cellParsing';
import {
  dateOrdersOf,
  probabilityInPoints,
  decimalMarkOf,
  readAmount,
  readDate,
  sheetMisreadDates,
  swappedDayMonth,
  readProbability,
  type DateOrder,
  type DateOrderSource,
} from '../values/columnConventions';
import { isDate, isoDay } from '../../shared/zonedTime';
import type { ImportMapping } from './importMapping';
import { namesComputedColumn } from './headerVocabulary';
import { rowStatus, type SaidStageTypes } from './stageAdoption';
import { currencyColumnOf, inItsCurrency, inOtherCurrency } from './currencyColumn';
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { findStageLoosely } from '../settings/stageLookup';
import { looseKey } from '../values/text';
import type { AmountUnits, CentsFinding } from './amountCents';
import { amountColumnRead } from './amountColumn';
import type { HeaderUnit } from './amountUnit';
import { closedAtColumns, closedByDates, datesType } from './closedAtColumns';
import { closedStageOf } from '../../shared/stageRules';
import { mergeRepeatedDeals, type RepeatedDeals } from './repeatedDeals';
import { filledDown } from './mergedCells';
import { ownerWithEmail, unbracketed } from './ownerAdoption';
import { TOTAL_LABEL } from './groupedReport';
import { pushAll } from '../../shared/manyValues';
import { isCurrencyCode } from '../../shared/amountReading';

const display = (v: unknown) => String(v ?? '').trim();

/** Fields an import may fill; the CRM's computed columns are never overwritten by imported values. */
export const IMPORTABLE: readonly FieldKey[] = FIELDS.map((f) => f.key).filter(
  (k) => !['check', 'lastSeen', 'segment', 'closeDatePushes'].includes(k),
);

/** How a person may say the order of numeric dates: "day first", "dd/mm", "DMY"… */
const SAID_ORDER: Record<string, DateOrder> = {
  dayfirst: 'DMY',
  ddmm: 'DMY',
  ddmmyyyy: 'DMY',
  dmy: 'DMY',
  monthfirst: 'MDY',
  mmdd: 'MDY',
  mmddyyyy: 'MDY',
  mdy: 'MDY',
};

/** How a person may say amounts are written: "cents", or "as written" (units). */
const SAID_UNITS: Record<string, AmountUnits> = {
  cents: 'cents',
  incents: 'cents',
  aswritten: 'units',
  units: 'units',
  notcents: 'units',
  wholeunits: 'units',
};

/** The 0-based column a correction names by letter ("C") or header text, or -1. */
function columnNamed(who: string, header: readonly unknown[], width: number): number {
  const col = /^[A-Z]{1,3}$/i.test(who)
    ? who
        .toUpperCase()
        .split('')
        .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
    : -1;
  if (col >= 0 && col < width) return col;
  return header.findIndex((h, i) => i < width && looseKey(h) === looseKey(who));
}

/** The stage types a person may say ("stage Closed = Lost"), by loose key. */
const SAID_TYPE: Readonly<Record<string, StageDef['type']>> = {
  won: 'Won',
  win: 'Won',
  lost: 'Lost',
  lose: 'Lost',
  open: 'Open',
};

/**
 * A stage's type said as "stage Closed = Lost": the type by the value's loose key, an error for a
 * value the stage column does not hold or a type not known, or null when `part` says no stage.
 */
function saidStageType(
  left: string,
  right: string,
  stageValues: readonly string[],
  held: readonly StageDef[],
): { key: string; type: StageDef['type'] } | { error: string } | null {
  const m = /^stages?\s+(.+)$/i.exec(left.trim());
  if (!m) return null;
  const value = m[1].trim().replace(/^["“”']+|["“”']+$/g, '');
  const type = SAID_TYPE[looseKey(right)];
  if (!type)
    return { error: `"${right.trim()}" is not a stage type. Write: stage ${value} = Won, Lost or Open` };
  const key = looseKey(value);
  if (!stageValues.some((v) => looseKey(v) === key))
    return {
      error: `No deal has the stage "${value}". Its stages: ${stageValues.slice(0, 12).join(', ')}${stageValues.length > 12 ? ', …' : ''}.`,
    };
  // A stage CRM Settings holds keeps its own type: a correction here would change nothing.
  const own = held.find((s) => looseKey(s.name) === key);
  if (own && own.type !== type)
    return {
      error: `"${own.name}" is a stage of CRM Settings already (${own.type}); change its type there, under Stages, then convert again.`,
    };
  return { key, type };
}

/** The corrections a person typed, one a line or separated by semicolons. */
const correctionParts = (text: string) =>
  text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A correction's two sides ("C = Amount", "stage Closed -> Lost"), or null. */
const sidesOf = (part: string) => /^(.+?)\s*(?:=|->|→)\s*(.+)$/.exec(part);

/**
 * Stage types typed as "stage Closed = Lost" (for a stage history, which has no columns to correct),
 * separated by new lines or semicolons, added to those said before; or a message.
 */
export function stageCorrections(
  text: string,
  stageValues: readonly string[],
  held: readonly StageDef[],
  said: SaidStageTypes = {},
): { stageTypes: SaidStageTypes } | { error: string } {
  const stageTypes = { ...said };
  for (const part of correctionParts(text)) {
    const m = sidesOf(part);
    const stage = m ? saidStageType(m[1], m[2], stageValues, held) : null;
    if (!stage) return { error: `"${part}" is not a stage correction. Write it as: stage Closed = Lost` };
    if ('error' in stage) return stage;
    stageTypes[stage.key] = stage.type;
  }
  return { stageTypes };
}

/**
 * Applies corrections typed as "C = Amount" or "F = extra" (column letter or header text, then a field
 * name or "extra"), "dates = day first" (or month first) for every date column or "D = day first" for
 * one, "amounts = cents" (or as written), "A = fill down" (blanks take the value above), "stage
 * Closed = Lost" (a stage value's type: Won, Lost or Open; `stageValues` are those the export holds,
 * `held` CRM Settings' stages, whose types are changed there), "currency = CNY" (the currency a CRM
 * with no deals yet counts in), separated by new lines or semicolons. Returns the new map or a message.
 */
export function applyCorrections(
  header: readonly unknown[],
  map: ConfirmedMap,
  text: string,
  stageValues: readonly string[] = [],
  held: readonly StageDef[] = [],
): { map: ConfirmedMap } | { error: string } {
  const columns = { ...map.columns };
  let dateOrder = map.dateOrder;
  let amounts = map.amounts;
  const fillDown = [...(map.fillDown ?? [])];
  const columnDateOrders = { ...map.columnDateOrders };
  const stageTypes = { ...map.stageTypes };
  let currency = map.currency;
  for (const part of correctionParts(text)) {
    const m = sidesOf(part);
    if (!m) return { error: `"${part}" is not a correction. Write it as: C = Amount` };
    // "currency = CNY": the CRM's currency (a column named Currency is corrected with a field, not a code).
    if (looseKey(m[1]) === 'currency' && isCurrencyCode(m[2])) {
      currency = m[2].trim().toUpperCase();
      continue;
    }
    const stage =
      columnNamed(m[1].trim(), header, map.width) < 0 ? saidStageType(m[1], m[2], stageValues, held) : null;
    if (stage && 'error' in stage) return stage;
    if (stage) {
      stageTypes[stage.key] = stage.type;
      continue;
    }
    const said = SAID_ORDER[looseKey(m[2]).replace(/[^a-z]/g, '')];
    if (/^dates?$/.test(looseKey(m[1])) && (said || columnNamed(m[1].trim(), header, map.width) < 0)) {
      if (!said)
        return {
          error: `"${m[2].trim()}" is not an order of day and month. Write: dates = day first, or dates = month first`,
        };
      dateOrder = said;
      continue;
    }
    if (/^amounts?$/.test(looseKey(m[1])) && columnNamed(m[1].trim(), header, map.width) < 0) {
      const units = SAID_UNITS[looseKey(m[2]).replace(/[^a-z]/g, '')];
      if (!units)
        return {
          error: `"${m[2].trim()}" is not how amounts are written. Write: amounts = cents, or amounts = as written`,
        };
      amounts = units;
      continue;
    }
    const who = m[1].trim();
    const col = columnNamed(who, header, map.width);
    if (col < 0) return { error: `There is no column "${who}". Use the column letter, such as C.` };
    if (said) {
      columnDateOrders[col] = said;
      continue;
    }
    const target = looseKey(m[2]);
    if (target.replace(/[^a-z]/g, '') === 'filldown') {
      if (!fillDown.includes(col)) fillDown.push(col);
      continue;
    }
    for (const k of Object.keys(columns) as FieldKey[]) if (columns[k] === col) delete columns[k];
    if (target === 'extra' || target === 'ignore' || target === 'keep') continue;
    const field = FIELDS.find(
      (f) => IMPORTABLE.includes(f.key) && (looseKey(f.header) === target || f.synonyms.includes(target)),
    );
    if (!field) return { error: notAField(m[2]) };
    columns[field.key] = col;
  }
  const map_ = { ...map, columns, dateOrder, amounts, fillDown, columnDateOrders, stageTypes, currency };
  return { map: correctedMap(map_) };
}

/** The message for a correction naming no field an import fills. */
const notAField = (said: string) =>
  `"${said.trim()}" is not a field you can import. Fields: ${FIELDS.filter((f) => IMPORTABLE.includes(f.key))
    .map((f) => f.header)
    .join(', ')}, or extra.`;

/** A corrected mapping: every column no field takes is an extra; what nothing said is left out. */
function correctedMap(
  m: ConfirmedMap & Required<Pick<ConfirmedMap, 'fillDown' | 'columnDateOrders' | 'stageTypes'>>,
): ConfirmedMap {
  const used = new Set(Object.values(m.columns));
  const extras = [];
  for (let c = 0; c < m.width; c++) if (!used.has(c)) extras.push(c);
  return {
    columns: m.columns,
    extras,
    width: m.width,
    ...(m.dateOrder ? { dateOrder: m.dateOrder } : {}),
    ...(Object.keys(m.columnDateOrders).length ? { columnDateOrders: m.columnDateOrders } : {}),
    ...(m.amounts ? { amounts: m.amounts } : {}),
    ...(m.fillDown.length ? { fillDown: m.fillDown } : {}),
    ...(Object.keys(m.stageTypes).length ? { stageTypes: m.stageTypes } : {}),
    ...(m.currency ? { currency: m.currency } : {}),
  };
}

/**
 * A column mapping as the person confirmed it, with the order of day and month they said the numeric
 * dates use ("dates = day first"); none said, the file's own dates decide, then the locale.
 */
export interface ConfirmedMap extends HeaderMap {
  dateOrder?: DateOrder;
  /** Amounts in cents or as written, as the person said ("amounts = cents"): before the file's evidence. */
  amounts?: AmountUnits;
  /** Columns whose blanks take the value above ("A = fill down": merged cells, see mergedCells.ts). */
  fillDown?: number[];
  /** The order said for one column ("D = month first"), by 0-based column: before `dateOrder`. */
  columnDateOrders?: Record<number, DateOrder>;
  /** Stage types said ("stage Closed = Lost"), by the value's loose key: before its words. */
  stageTypes?: SaidStageTypes;
  /** The currency a CRM with no deals yet is to count in, as the person said ("currency = CNY"). */
  currency?: string;
}

/** How one date column's numeric dates are read, and what decided it. */
export interface ColumnDateOrder {
  order: DateOrder;
  from: DateOrderSource;
}

/**
 * The export's date columns (mapped to a date field, or "Date entered" columns) by column, each with
 * the order its numeric dates are read in: decided over the whole file (dateOrdersOf).
 */
export function importDateOrders(
  body: readonly (readonly CellValue[])[],
  map: ConfirmedMap,
  stageEntered: readonly { column: number }[],
  locale: string,
): Map<number, ColumnDateOrder> {
  const kinds = new Set(['date', 'timestamp']);
  const columns = [
    ...new Set([
      ...(Object.entries(map.columns) as [FieldKey, number][])
        .filter(([k]) => kinds.has(FIELD_BY_KEY[k].kind))
        .map(([, c]) => c),
      ...stageEntered.map((e) => e.column),
    ]),
  ].sort((a, b) => a - b);
  const orders = dateOrdersOf(
    columns.map((c) => body.map((r) => r[c] ?? '')),
    locale,
    map.dateOrder,
  );
  return new Map(
    columns.map((c, i) => {
      const said = map.columnDateOrders?.[c];
      return [c, said ? { order: said, from: 'person' } : orders[i]];
    }),
  );
}

/** Options of one conversion. */
export interface ConvertOptions {
  settings: Settings;
  timeZone: string;
  locale: string;
  /** The reference year for two-digit years (this year, in the spreadsheet's zone). */
  year: number;
  newId: () => string;
  /** The stage each imported stage value becomes (from stage adoption), by its loose spelling. */
  stageOf: ReadonlyMap<string, string>;
  /** The lost reason a stage value names ("Closed Lost to Competition"), by its loose spelling. */
  reasonOf?: ReadonlyMap<string, string>;
}

/** A stage change read from a per-stage "Date entered" column, for History. */
export interface ImportedMove {
  /** Index of the row in `rows`. */
  row: number;
  time: Date;
  stage: string;
  /** The stage it left, when the export says it and no earlier move of the row does. */
  from?: string;
}

export interface ConversionResult {
  header: string[];
  rows: CellValue[][];
  /** Rows above the header row (titles, notes): left in the backup only. */
  rowsAbove: number;
  /** Values that could not be read as their column's kind and were kept as written. */
  keptAsWritten: number;
  /** Stage values rewritten to a stage name ("closed won" -> "Won"). */
  stagesNormalised: number;
  /** Rows given the lost reason their stage named ("Closed Lost to Competition"). */
  reasonsFromStages: number;
  /** Rows at an open stage made Won or Lost by a won or lost date (see datedClose). */
  closedByDate: { Won: number; Lost: number };
  /** Stage moves from "Date entered <stage>" columns, oldest first per row. */
  moves: ImportedMove[];
  /** The sheet's totals row, left out (null: none). */
  totals: TotalsRow | null;
  /** Placeholders ("n/a", "-") in amount, date and number columns, read as empty. */
  placeholders: { cells: number; examples: string[] };
  /** The Amount column's numbers were in cents, divided by 100 (null: read as written). */
  cents: CentsFinding | null;
  /** The unit the Amount column's header gave ("($k)", "(EUR)"), applied to its numbers. */
  unit: (HeaderUnit & { column: number }) | null;
  /** Deals repeated once per contact, merged; rows sharing a Deal ID that differ. */
  repeated: RepeatedDeals;
}

type Reader = (v: CellValue) => { value: CellValue; kept: boolean; stage: boolean };

/**
 * A reader for one mapped column, with the conventions its own values decide (numeric dates: in
 * `dateOrder`, decided over the file).
 */
function readerFor(
  key: FieldKey,
  values: readonly CellValue[],
  o: ConvertOptions,
  dateOrder: ColumnDateOrder | undefined,
): Reader {
  const kind = FIELD_BY_KEY[key].kind;
  // An owner written with their email ("Jane Cole (jane@acme.com)") is the name on the deal; the email
  // goes to CRM Settings > Owners with it (ownerAdoption.ts).
  if (key === 'owner')
    return (v) => {
      const u = unbracketed(v);
      const o = ownerWithEmail(u);
      return { value: o ? o.name : u, kept: false, stage: false };
    };
  // A placeholder where a value of the kind would be ("n/a", "-", "TBD", a zero date) is empty (the
  // preview says so).
  if (TYPED_KINDS.has(kind)) {
    const read = typedReader(key, kind, values, o, dateOrder);
    return (v) => (isPlaceholder(v, kind, o.timeZone) ? { value: '', kept: false, stage: false } : read(v));
  }
  return typedReader(key, kind, values, o, dateOrder);
}

/** readerFor's reader by the field's kind. */
function typedReader(
  key: FieldKey,
  kind: string,
  values: readonly CellValue[],
  o: ConvertOptions,
  dateOrder: ColumnDateOrder | undefined,
): Reader {
  const same = (v: CellValue) => ({ value: v, kept: false, stage: false });
  const from =
    <T extends CellValue>(read: (v: CellValue) => Parsed<T>) =>
    (v: CellValue) => {
      const p = read(v);
      return p.kind === 'ok'
        ? { value: p.value as CellValue, kept: false, stage: false }
        : { value: v, kept: p.kind === 'bad', stage: false };
    };
  switch (kind) {
    case 'stage':
      return (v) => {
        if (display(v) === '') return same(v);
        const name = stageNameOf(v, o);
        if (!name) return { value: v, kept: true, stage: false };
        return { value: name, kept: false, stage: name !== v };
      };
    case 'money': {
      const mark = decimalMarkOf(values, o.locale);
      return from((v) => readAmount(v, mark));
    }
    case 'integer': {
      const mark = decimalMarkOf(values, o.locale);
      return from((v) => {
        const p = readAmount(v, mark);
        return p.kind === 'ok' && !(Number.isInteger(p.value) && p.value >= 0)
          ? { kind: 'bad', raw: String(v) }
          : p;
      });
    }
    case 'date':
    case 'timestamp': {
      // A date-only field (Close date, not Created) stamped at midnight is the day written.
      // A month, quarter or half in a date-only field is its last day (quarters and halves only when the
      // fiscal year is the calendar one).
      const column = {
        ...(dateOrder ?? dateOrdersOf([values], o.locale)[0]),
        dayOnly: kind === 'date',
        calendarYear: o.settings.general.fiscalYearStartMonth === 1,
      };
      // Dates Sheets read in the locale's order, the file's being the other (sheetMisreadDates).
      const swap = sheetMisreadDates(values, column.order, o.locale, o.timeZone);
      return from((v) =>
        readDate(swap && isDate(v) ? swappedDayMonth(v, o.timeZone) : v, o.timeZone, column, o.year),
      );
    }
    case 'percent': {
      const points = probabilityInPoints(values);
      return from((v) => readProbability(v, points));
    }
    default:
      return same;
  }
}

/** Names for the export's extra columns: never a CRM field's name (those get "(imported)"), each once. */
function extraColumnNames(source: readonly CellValue[], extras: readonly number[]): string[] {
  const taken = new Set(FIELDS.flatMap((f) => [looseKey(f.header), ...f.synonyms]));
  const used = new Set<string>();
  return extras.map((c) => {
    let name = display(source[c]) || `Column ${columnName(c + 1)}`;
    if (taken.has(looseKey(name)) || namesComputedColumn(name)) name = `${name} (imported)`;
    for (let i = 2; used.has(looseKey(name)); i++)
      name = `${display(source[c]) || `Column ${columnName(c + 1)}`} (${i})`;
    used.add(looseKey(name));
    return name;
  });
}

const STAGE = FIELDS.findIndex((f) => f.key === 'stage');
const LOST_REASON = FIELDS.findIndex((f) => f.key === 'lostReason');

/**
 * Gives a converted row the lost reason its stage value names ("Closed Lost to Competition"), when it
 * took the stage that value stands for and has no reason of its own; true when it did.
 */
function reasonFromStage(
  src: readonly CellValue[],
  out: CellValue[],
  map: ConfirmedMap,
  o: ConvertOptions,
): boolean {
  const c = map.columns.stage;
  if (!o.reasonOf?.size || c === undefined) return false;
  const key = looseKey(src[c]);
  const reason = o.reasonOf.get(key);
  if (!reason || out[STAGE] !== o.stageOf.get(key) || display(out[LOST_REASON]) !== '') return false;
  out[LOST_REASON] = reason;
  return true;
}

/** What names stages in a conversion: the stage adoption's names, and CRM Settings' stages. */
type StageNaming = Pick<ConvertOptions, 'stageOf'> & { settings: Pick<Settings, 'stages'> };

/** The stage of CRM Settings a stage value becomes: as stage adoption said, else its obvious spelling. */
function stageNameOf(v: CellValue, o: StageNaming): string | undefined {
  return o.stageOf.get(looseKey(v)) ?? findStageLoosely(v, o.settings.stages)?.name;
}

/**
 * With no status column, a row at an open stage whose won or lost date says it closed ("Won time",
 * "Lost time": closedAtColumns.ts) takes the Won or Lost stage, leaving the stage it was at for
 * History's move; undefined for any other row. The preview counts them with it.
 */
export function datedClose(
  source: readonly CellValue[],
  mapping: Pick<ImportMapping, 'statusColumn'> & { map: ConfirmedMap },
  o: StageNaming,
): (src: readonly CellValue[]) => { type: 'Won' | 'Lost'; stage: string; from: string } | undefined {
  const columns = mapping.statusColumn === null ? closedAtColumns(source, mapping.map) : [];
  const stageCol = mapping.map.columns.stage;
  const won = closedStageOf(o.settings.stages, 'Won')?.name;
  const lost = closedStageOf(o.settings.stages, 'Lost')?.name;
  if (!columns.some((c) => c.kind !== 'Closed') || !won || !lost) return () => undefined;
  return (src) => {
    const type = closedByDates(src, columns);
    if (!type) return undefined;
    const v = stageCol === undefined ? '' : src[stageCol];
    const own = stageNameOf(v, o);
    const ownType = o.settings.stages.find((s) => s.name === own)?.type;
    if (ownType && ownType !== 'Open') return undefined;
    return { type, stage: type === 'Won' ? won : lost, from: own ?? '' };
  };
}

type StatusMapping = Pick<ImportMapping, 'map' | 'statusColumn' | 'statusKind' | 'closedColumn' | 'words'>;

/**
 * The stage a row's status column gives it: a closed status (Pipedrive's won / lost beside the
 * pipeline stage, a Won or Closed flag) is the deal's stage, unless its own stage is already of that
 * type ("Contract Signed", won, keeps its name); an archived deal (Active false) is lost unless its
 * stage says it was won. Undefined when the row keeps its stage.
 */
function statusStage(
  src: readonly CellValue[],
  mapping: StatusMapping,
  o: ConvertOptions,
): string | undefined {
  const status = rowStatus(mapping, src);
  if (status !== 'Won' && status !== 'Lost') return undefined;
  const stageCol = mapping.map.columns.stage;
  if (stageCol !== undefined) {
    const v = src[stageCol];
    const name = stageNameOf(v, o);
    const own = o.settings.stages.find((s) => s.name === name)?.type;
    if (own === status || (status === 'Lost' && mapping.statusKind === 'active' && own === 'Won'))
      return undefined;
  }
  return closedStageOf(o.settings.stages, status)?.name;
}

/**
 * A row's amount when it is in another currency than the CRM's, as text with its currency (from its
 * own symbol or code, or the export's currency column); null when it is read as usual.
 */
function amountInCurrency(
  header: readonly CellValue[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  crmCurrency: string,
): (row: readonly CellValue[]) => string | null {
  const amount = map.columns.amount;
  const codes = currencyColumnOf(header, body, map);
  return (row) => {
    if (amount === undefined) return null;
    const raw = row[amount] ?? '';
    if (PLACEHOLDER.test(display(raw))) return null;
    if (inOtherCurrency(raw, crmCurrency)) return String(raw).trim();
    return codes === null ? null : inItsCurrency(raw, row[codes], crmCurrency);
  };
}

/** What an export writes where it has no amount, date or number: read as empty, and counted. */
const PLACEHOLDER = /^(-+|–|—|\?|n\/?a|#n\/a|null|none|nan|nat|nil|tbd|tbc|unknown)$/i;

/**
 * A date a database or a spreadsheet writes for none: epoch zero (1970-01-01), 1900-01-01, and a
 * spreadsheet's day zero (1899-12-30), at midnight if with a time. No deal was made or closed then.
 */
const ZERO_DAYS = new Set(['1970-01-01', '1900-01-01', '1899-12-30']);
const ZERO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?\s*(?:Z|UTC|[+-]00(?::?00)?)?)?$/i;

/** Whether a cell of a typed field holds a placeholder for no value (see PLACEHOLDER, ZERO_DAYS). */
function isPlaceholder(v: CellValue, kind: string, timeZone: string): boolean {
  if (PLACEHOLDER.test(display(v))) return true;
  if (kind !== 'date' && kind !== 'timestamp') return false;
  if (isDate(v)) return ZERO_DAYS.has(isoDay(v, timeZone));
  const m = ZERO_DATE.exec(display(v));
  return !!m && ZERO_DAYS.has(m[1]);
}
/** Field kinds a placeholder cannot be a value of (in text fields it is kept as written). */
const TYPED_KINDS: ReadonlySet<string> = new Set(['money', 'integer', 'date', 'timestamp', 'percent']);

/** The placeholders in an export's amount, date and number columns: how many, the first three. */
export function placeholdersIn(
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  timeZone: string,
): { cells: number; examples: string[] } {
  const columns = (Object.entries(map.columns) as [FieldKey, number][])
    .filter(([k]) => TYPED_KINDS.has(FIELD_BY_KEY[k].kind))
    .map(([k, c]) => [c, FIELD_BY_KEY[k].kind] as const);
  const out = { cells: 0, examples: [] as string[] };
  for (const r of body)
    for (const [c, kind] of columns) {
      if (!isPlaceholder(r[c], kind, timeZone)) continue;
      const v = display(r[c]);
      out.cells++;
      if (out.examples.length < 3 && !out.examples.some((e) => e.toLowerCase() === v.toLowerCase()))
        out.examples.push(v);
    }
  return out;
}

/** The preview's and the summary's words on placeholders read as empty, or ''. */
export function placeholdersSaid(p: { cells: number; examples: readonly string[] }): string {
  if (!p.cells) return '';
  const quoted = p.examples.map((e) => `"${e}"`).join(', ');
  return `${p.cells} ${p.cells === 1 ? 'cell' : 'cells'} of amounts, dates or numbers held a placeholder (${quoted}): read as empty.`;
}

/** A home-made sheet's totals row: its 1-based sheet row, its name and its amount as written. */
export interface TotalsRow {
  row: number;
  name: string;
  amount: string;
}

/**
 * The totals row a home-made sheet ends with, or null: its last non-empty row, named as a total
 * ("Total", "Grand total", "Summe"…) in the deal's name, or in its first cell when it has no deal name
 * (a sheet whose first column holds the companies), with no stage, and an amount that is the sum of
 * the amounts above it. A deal named Total (with a stage, or another amount) is a deal, and so is one
 * of a company named Total.
 */
export function totalsRowOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
  locale: string,
): TotalsRow | null {
  const body = values.slice(headerRow + 1);
  let last = body.length - 1;
  while (last >= 0 && body[last].every((v) => display(v) === '')) last--;
  const [nameCol, stageCol, amountCol] = [map.columns.deal ?? 0, map.columns.stage, map.columns.amount];
  if (last < 1 || amountCol === undefined) return null;
  const row = body[last];
  const first = row.findIndex((v) => display(v) !== '');
  const name = display(row[nameCol]) || display(row[first]);
  if (!TOTAL_LABEL.test(name) || (stageCol !== undefined && display(row[stageCol]) !== '')) return null;
  const column = body.map((r) => r[amountCol] ?? '');
  const mark = decimalMarkOf(column, locale);
  const total = readAmount(row[amountCol] ?? '', mark);
  if (total.kind !== 'ok') return null;
  let sum = 0;
  for (const v of column.slice(0, last)) {
    const a = readAmount(v, mark);
    if (a.kind === 'ok') sum += a.value;
  }
  if (Math.abs(sum - total.value) > 0.005) return null;
  return { row: headerRow + 2 + last, name, amount: display(row[amountCol]) };
}

/**
 * A converted row's stage moves from its "Date entered" columns, oldest first (a closed deal whose
 * dates stop before it closed entered its closed stage on its close date); sets the row's Stage
 * entered from them when the export has no such column.
 */
function enteredMoves(
  src: readonly CellValue[],
  out: CellValue[],
  row: number,
  readers: readonly { column: number; stage: string; read: Reader }[],
  stages: Settings['stages'],
  map: HeaderMap,
): ImportedMove[] {
  const at = (k: FieldKey) => FIELDS.findIndex((f) => f.key === k);
  const entered = readers
    .map((e) => ({ stage: e.stage, read: e.read(src[e.column] ?? '') }))
    .filter((e) => isDate(e.read.value))
    .map((e) => ({ row, time: e.read.value as Date, stage: e.stage }))
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  if (!entered.length) return entered;
  const stage = display(out[at('stage')]);
  const last = entered[entered.length - 1];
  const close = out[at('closeDate')];
  const closedType = stages.find((st) => st.name === stage)?.type;
  if (closedType && closedType !== 'Open' && last.stage !== stage && isDate(close) && close >= last.time)
    entered.push({ row, time: close, stage });
  const current = [...entered].reverse().find((e) => e.stage === stage);
  if (current && map.columns.stageEntered === undefined) out[at('stageEntered')] = current.time;
  return entered;
}

/**
 * The readers of a converted row's stage moves: its "Date entered" columns, then, for a row on a
 * closed stage, the first column dating deals of that stage ("Closed date", "Won time":
 * closedAtColumns.ts), unless a "Date entered" column dates that stage.
 */
function moveReaders(
  source: readonly CellValue[],
  body: readonly (readonly CellValue[])[],
  mapping: Pick<ImportMapping, 'stageEntered'> & { map: ConfirmedMap },
  o: ConvertOptions,
  dates: ReadonlyMap<number, ColumnDateOrder>,
): (out: readonly CellValue[]) => { column: number; stage: string; read: Reader }[] {
  const reader = (column: number) =>
    readerFor(
      'created',
      body.map((r) => r[column] ?? ''),
      o,
      dates.get(column),
    );
  const entered = mapping.stageEntered.map(({ column, stage }) => ({
    column,
    stage: stageNameOf(stage, o) ?? stage,
    read: reader(column),
  }));
  const closedAt = closedAtColumns(source, mapping.map).map((c) => ({ ...c, read: reader(c.column) }));
  if (!closedAt.length) return () => entered;
  const stageCol = FIELDS.findIndex((f) => f.key === 'stage');
  return (out) => {
    const stage = display(out[stageCol]);
    const type = o.settings.stages.find((s) => s.name === stage)?.type;
    const mine = closedAt.find((c) => datesType(c.kind, type));
    if (!mine || entered.some((e) => e.stage === stage)) return entered;
    return [...entered, { column: mine.column, stage, read: mine.read }];
  };
}

/**
 * An export's values as the conversion reads them: the Amount column in units (amountColumn.ts), the
 * blanks the person said to fill down filled (mergedCells.ts), and a deal repeated once per contact
 * merged into one row (repeatedDeals.ts).
 */
function preparedValues(
  written: readonly (readonly CellValue[])[],
  headerRow: number,
  map: ConfirmedMap,
  o: ConvertOptions,
) {
  const amounts = amountColumnRead(written, headerRow, map, {
    locale: o.locale,
    currency: o.settings.general.currency,
  });
  const filled = filledDown(amounts.values, headerRow, map.fillDown ?? []);
  const { values, repeated } = mergeRepeatedDeals(filled, headerRow, map);
  return { values, cents: amounts.cents, unit: amounts.unit, repeated };
}

/** Each mapped field's reader, decided over its whole column. */
function fieldReaders(
  map: ConfirmedMap,
  body: readonly (readonly CellValue[])[],
  o: ConvertOptions,
  dates: ReadonlyMap<number, ColumnDateOrder>,
): Map<FieldKey, Reader> {
  const readers = new Map<FieldKey, Reader>();
  for (const [k, c] of Object.entries(map.columns) as [FieldKey, number][])
    readers.set(
      k,
      readerFor(
        k,
        body.map((r) => r[c] ?? ''),
        o,
        dates.get(c),
      ),
    );
  return readers;
}

/** Builds the Deals grid (header and rows) from an export's values and its mapping. */
export function convertValues(
  written: readonly (readonly CellValue[])[],
  mapping: Pick<ImportMapping, 'headerRow' | 'statusColumn' | 'statusKind' | 'words' | 'stageEntered'> & {
    map: ConfirmedMap;
  },
  o: ConvertOptions,
): ConversionResult {
  const { headerRow, map } = mapping;
  // Amounts in cents read in units from here on (see amountCents.ts).
  const { values, cents, unit, repeated } = preparedValues(written, headerRow, map, o);
  const source = values[headerRow] ?? [];
  const body = values.slice(headerRow + 1);
  const extraNames = extraColumnNames(source, map.extras);
  const header = [...FIELDS.map((f) => f.header), ...extraNames];
  const dates = importDateOrders(
    body,
    map,
    [...mapping.stageEntered, ...closedAtColumns(source, map)],
    o.locale,
  );
  const amountIn = amountInCurrency(source, body, map, o.settings.general.currency);
  const readers = fieldReaders(map, body, o, dates);
  const movesOf = moveReaders(source, body, mapping, o, dates);
  let keptAsWritten = 0;
  let stagesNormalised = 0;
  let reasonsFromStages = 0;
  const moves: ImportedMove[] = [];
  const idCol = FIELDS.findIndex((f) => f.key === 'dealId');
  const rows: CellValue[][] = [];
  const totals = totalsRowOf(values, headerRow, map, o.locale);
  const byDates = datedClose(source, mapping, o);
  const closedByDate = { Won: 0, Lost: 0 };
  for (const [i, src] of body.entries()) {
    if (src.every((v) => display(v) === '') || (totals && i === totals.row - headerRow - 2)) continue;
    const dated = byDates(src);
    if (dated) closedByDate[dated.type]++;
    const closed = statusStage(src, mapping, o) ?? dated?.stage;
    const out: CellValue[] = FIELDS.map((f) => {
      if (f.key === 'stage' && closed) return closed;
      const c = map.columns[f.key];
      if (c === undefined) return '';
      const foreign = f.key === 'amount' ? amountIn(src) : null;
      if (foreign !== null) return foreign;
      const n = readers.get(f.key)!(src[c] ?? '');
      if (n.kept) keptAsWritten++;
      if (n.stage) stagesNormalised++;
      return n.value;
    });
    for (const c of map.extras) out.push(src[c] ?? '');
    if (display(out[idCol]) === '') out[idCol] = o.newId();
    if (reasonFromStage(src, out, map, o)) reasonsFromStages++;
    const made = enteredMoves(src, out, rows.length, movesOf(out), o.settings.stages, map);
    // The close a won or lost date made: from the stage the deal was at (see datedClose).
    const close = dated && made.find((m) => m.stage === dated.stage);
    if (close) close.from = dated.from;
    pushAll(moves, made);
    rows.push(out);
  }
  const placeholders = placeholdersIn(body, map, o.timeZone);
  return {
    header,
    rows,
    rowsAbove: Math.max(0, headerRow),
    keptAsWritten,
    stagesNormalised,
    reasonsFromStages,
    closedByDate,
    moves,
    totals,
    placeholders,
    cents,
    unit,
    repeated,
  };
}
