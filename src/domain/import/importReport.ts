// The words of the Convert dialog: each key field with the column it will use and the values behind
// the guess, or "not found" in words; what else is kept; and the stages the import brings into CRM
// Settings. Shown before anything is written.
import { FIELD_BY_KEY, type FieldKey } from '../../shared/fields';
import { centsSaid } from './amountCents';
import { thousandsSaid } from './amountsMisread';
import { amountColumnRead } from './amountColumn';
import { unitSaid } from './amountUnit';
import { closedAtColumns, closedAtSaid, closedByDatesSaid, type ClosedAtColumn } from './closedAtColumns';
import { mergeRepeatedDeals, repeatedSaid } from './repeatedDeals';
import { mergedColumnsOf, mergedSaid } from './mergedCells';
import { amountPeriodSaid, amountPeriodsOf } from './amountPeriod';
import { pipelinesOf, pipelinesSaid } from './pipelineColumn';
import { twinRowsOf, twinsSaid } from './twinRows';
import { columnName } from '../../shared/columns';
import type { CellValue } from '../deals/deal';
import {
  eitherWayDay,
  fullYear,
  ORDER_WORDS,
  orderShown,
  otherOrder,
  probabilityInPoints,
  readProbability,
  sheetMisreadDates,
  swappedDayMonth,
  type DateOrder,
} from '../values/columnConventions';
import { clipped, counted, looseKey } from '../values/text';
import { periodEnd } from '../values/periodDates';
import { isDate, isoDay, pad2 } from '../../shared/zonedTime';
import {
  datedClose,
  importDateOrders,
  placeholdersIn,
  placeholdersSaid,
  totalsRowOf,
  type ColumnDateOrder,
  type ConfirmedMap,
} from './conversion';
import { currencyLines } from './currencyColumn';
import { KEY_FIELDS, type ImportMapping } from './importMapping';
import {
  closedTypeOf,
  rowStatus,
  type SeenStage,
  type StageProposal,
  type UnsureStage,
} from './stageAdoption';
import { pushAll } from '../../shared/manyValues';

const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim());

/** The stage values an export uses, in order of appearance, with the probabilities its rows carry. */
export function seenStages(
  values: readonly (readonly CellValue[])[],
  mapping: Pick<
    ImportMapping,
    'headerRow' | 'map' | 'statusColumn' | 'statusKind' | 'closedColumn' | 'words' | 'stageEntered'
  >,
): SeenStage[] {
  const { map, headerRow, words } = mapping;
  const stageCol = map.columns.stage;
  const probCol = map.columns.probability;
  const reasonCol = map.columns.lostReason;
  const out = new Map<string, SeenStage>();
  const add = (value: string, p: number | null, row?: readonly CellValue[], open?: boolean) => {
    const k = looseKey(value);
    if (!k) return;
    const s = out.get(k) ?? { value, probabilities: [], rows: 0, lostReasons: 0 };
    if (p !== null) s.probabilities.push(p);
    if (row) {
      s.rows = (s.rows ?? 0) + 1;
      if (reasonCol !== undefined && text(row[reasonCol]) !== '') s.lostReasons = (s.lostReasons ?? 0) + 1;
    }
    if (open) s.statusOpen = true;
    out.set(k, s);
  };
  const body = values.slice(headerRow + 1);
  const points = probCol !== undefined && probabilityInPoints(body.map((r) => r[probCol]));
  for (const r of body) {
    if (stageCol === undefined) break;
    // A closed row's stage is no pipeline stage, unless its name says the same ("Contract Signed", won).
    const status = rowStatus(mapping, r);
    if (status !== null && status !== 'Open' && closedTypeOf(r[stageCol], words) !== status) continue;
    const p = probCol === undefined ? null : readProbability(r[probCol], points);
    add(text(r[stageCol]), p && p.kind === 'ok' ? p.value : null, r, status === 'Open');
  }
  for (const { stage } of mapping.stageEntered) add(stage, null);
  return [...out.values()];
}

const quote = (s: string) => `"${s}"`;

/** The first date written as text in `order` among the date columns, as the preview quotes it. */
function textDateIn(
  body: readonly (readonly CellValue[])[],
  orders: readonly (readonly [number, unknown])[],
  order: DateOrder,
  name: (c: number) => string,
): string {
  for (const [c] of orders) {
    const v = body.find((r) => orderShown(r[c]) === order)?.[c];
    if (v !== undefined) return `${quote(text(v))} in ${name(c)}`;
  }
  return '';
}

/** The export's date columns with the order each is read in (importDateOrders), as a list. */
type DateOrders = [number, ColumnDateOrder][];

/**
 * The preview's words on numeric dates that read differently day first and month first (01/04/2027):
 * how they will be read and what decided it (the file's other dates, the spreadsheet's locale, the
 * person), and, when it is the locale, how to say otherwise. None when no date is in doubt.
 */
function datesLines(
  body: readonly (readonly CellValue[])[],
  orders: DateOrders,
  name: (c: number) => string,
  o: { locale: string; year: number },
): string[] {
  const shownIn = (order: DateOrder) => textDateIn(body, orders, order, name);
  for (const [c, { order, from }] of orders) {
    const v = body.find((r) => eitherWayDay(r[c], order, o.year) !== null)?.[c];
    if (v === undefined || from === 'column') continue;
    const read = `Dates such as ${quote(text(v))} (${name(c)}) are read ${ORDER_WORDS[order]} (${eitherWayDay(v, order, o.year)})`;
    if (from === 'person') return ['', `${read}: your correction.`];
    const other = otherOrder(order);
    if (from === 'file')
      return [
        '',
        `${read}, as the file’s other dates are written (${shownIn(order)}). If ${columnName(c + 1)}’s are ${ORDER_WORDS[other]}, correct with "${columnName(c + 1)} = ${ORDER_WORDS[other]}".`,
      ];
    const why =
      from === 'conflict'
        ? `the file’s dates disagree on which comes first (${shownIn('DMY')}, ${shownIn('MDY')})`
        : 'nothing in the file says which comes first';
    return [
      '',
      `${read}, as this spreadsheet’s locale (${o.locale}) writes dates: ${why}. If they are ${ORDER_WORDS[other]}, answer No and correct with "dates = ${ORDER_WORDS[other]}".`,
    ];
  }
  return [];
}

/**
 * The preview's words on dates Sheets read in the locale's order when the file writes the other
 * (sheetMisreadDates): how they are read, what says so, and how to keep Sheets' reading. One line,
 * for the first such column.
 */
function misreadLines(
  body: readonly (readonly CellValue[])[],
  orders: DateOrders,
  name: (c: number) => string,
  o: { locale: string; timeZone: string },
): string[] {
  for (const [c, { order, from }] of orders) {
    const values = body.map((r) => r[c] ?? '');
    if (!sheetMisreadDates(values, order, o.locale, o.timeZone)) continue;
    const date = values.find(isDate) as Date;
    const read = `Dates Sheets read ${ORDER_WORDS[otherOrder(order)]} when the file was imported (${isoDay(date, o.timeZone)} in ${name(c)}) are read ${ORDER_WORDS[order]} (${isoDay(swappedDayMonth(date, o.timeZone), o.timeZone)})`;
    if (from === 'person') return ['', `${read}: your correction.`];
    return [
      '',
      `${read}, as the file’s dates written as text are (${textDateIn(body, orders, order, name)}). If Sheets read them right, answer No and correct with "dates = ${ORDER_WORDS[otherOrder(order)]}".`,
    ];
  }
  return [];
}

/** Values not made stages that the preview names one by one. */
const MAX_NEW_SHOWN = 40;

/** The dialog's lines for a proposed (or corrected) mapping and the stages it brings. */
export function describeImport(
  values: readonly (readonly CellValue[])[],
  mapping: Pick<
    ImportMapping,
    | 'headerRow'
    | 'map'
    | 'statusColumn'
    | 'statusKind'
    | 'closedColumn'
    | 'words'
    | 'stageEntered'
    | 'findings'
  >,
  map: ConfirmedMap,
  stages: StageProposal,
  o: {
    locale: string;
    timeZone: string;
    year: number;
    currency: string;
    rates?: Readonly<Record<string, number>>;
    fiscalYearStartMonth?: number;
    /** The CRM holds no deals yet (its currency may still be said: "currency = CNY"). */
    fresh?: boolean;
  },
): string[] {
  const header = values[mapping.headerRow] ?? [];
  const body = values.slice(mapping.headerRow + 1);
  const name = (c: number) => `${columnName(c + 1)} ${quote(text(header[c]) || '(no header)')}`;
  const samples = (c: number) =>
    [...new Set(body.map((r) => text(r[c])).filter(Boolean))].slice(0, 3).map(quote).join(', ');
  const lines = ['Key fields:', ...keyFieldLines(mapping.findings, map, name, samples)];
  const others = (Object.entries(map.columns) as [FieldKey, number][])
    .filter(([k]) => !(KEY_FIELDS as readonly string[]).includes(k))
    .sort((a, b) => a[1] - b[1])
    .map(([k, c]) => `${name(c)} → ${FIELD_BY_KEY[k].header}`);
  if (others.length) lines.push('', `Also: ${others.join('; ')}.`);
  if (map.extras.length)
    lines.push('', `Kept as extra columns under their own names: ${map.extras.map(name).join(', ')}.`);
  const status = statusSaid(mapping, name);
  if (status) lines.push('', status);
  if (mapping.stageEntered.length)
    lines.push('', `${mapping.stageEntered.length} "Date entered" columns become stage History.`);
  const closedAt = closedAtColumns(header, map);
  const closedSaid = [
    closedAtSaid(closedAt, map, name),
    closedByDatesLine(values, closedAt, { ...mapping, map }, stages, name),
  ]
    .filter(Boolean)
    .join(' ');
  if (closedSaid) lines.push('', closedSaid);
  // Each date column's order, decided once over the file for both lines.
  const orders = [...importDateOrders(body, map, [...mapping.stageEntered, ...closedAt], o.locale)];
  pushAll(lines, datesLines(body, orders, name, o));
  pushAll(lines, misreadLines(body, orders, name, o));
  pushAll(lines, periodLines(body, map, name, o));
  pushAll(lines, amountLines(values, mapping.headerRow, map, o, name));
  pushAll(lines, rowLines(values, mapping.headerRow, map, name));
  pushAll(lines, formulaErrorLines(values, mapping.headerRow, name));
  const placeholders = placeholdersSaid(placeholdersIn(body, map, o.timeZone));
  if (placeholders) lines.push('', placeholders);
  const totals = totalsRowOf(values, mapping.headerRow, map, o.locale);
  if (totals)
    lines.push(
      '',
      `Row ${totals.row} (${quote(totals.name)}, ${totals.amount}: the sum of the amounts above) is a totals row: it is not converted (the original keeps it).`,
    );
  pushAll(lines, stageLines(values, { ...mapping, map }, stages, name));
  return lines;
}

/**
 * The preview's lines on close dates written as a month or a quarter ("March 2027", "Q3 2027"): read
 * as the period's last day, or, for a quarter when the fiscal year does not start in January, kept.
 */
function periodLines(
  body: readonly (readonly CellValue[])[],
  map: ConfirmedMap,
  name: (c: number) => string,
  o: { year: number; fiscalYearStartMonth?: number },
): string[] {
  const out: string[] = [];
  const calendar = (o.fiscalYearStartMonth ?? 1) === 1;
  const year = (y: string) => (y.length === 2 ? fullYear(+y, o.year) : +y);
  for (const key of ['closeDate', 'nextStepDate'] as const) {
    const c = map.columns[key];
    if (c === undefined) continue;
    const label = FIELD_BY_KEY[key].header;
    for (const period of ['month', 'quarter', 'half'] as const) {
      const v = body.map((r) => text(r[c])).find((t) => periodEnd(t, year, true)?.period === period);
      const end = v ? periodEnd(v, year, true)! : null;
      if (!v || !end) continue;
      const day = `${end.y}-${pad2(end.m)}-${pad2(end.d)}`;
      out.push(
        '',
        period !== 'month' && !calendar
          ? `${label}s such as ${quote(v)} (${name(c)}) name a ${period}, which could be a fiscal one (CRM Settings' fiscal year starts in month ${o.fiscalYearStartMonth}): kept as written and flagged.`
          : `${label}s such as ${quote(v)} (${name(c)}) name a ${period}: read as its last day (${day}).`,
      );
    }
  }
  return out;
}

/** A formula's error as Sheets shows it (#N/A, a placeholder an export may write, is read as empty). */
const FORMULA_ERROR = /^#(ERROR!|NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!)$/;

/**
 * The preview's words on cells holding a formula's error (#NAME?, #ERROR!): a file imported with text
 * conversion on has its text beginning with =, + or - read as formulas ("-Call CFO"), and the text is
 * gone from the tab; converted, the cells keep the error. Where, and how to import the file instead.
 */
function formulaErrorLines(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  name: (c: number) => string,
): string[] {
  const counts = new Map<number, number>();
  for (const row of values.slice(headerRow + 1))
    row.forEach((v, c) => {
      if (typeof v === 'string' && FORMULA_ERROR.test(v)) counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  if (!counts.size) return [];
  const where = [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([c, n]) => `${name(c)} (${counted(n, 'cell')})`)
    .join(', ');
  return [
    '',
    `Formula errors where the file had text: ${where}. Sheets read text beginning with =, + or - as a formula when the file was imported, and the text is gone. To keep it, import the file again (File > Import) with "Convert text to numbers, dates, and formulas" unticked, then convert that tab.`,
  ];
}

/**
 * The preview's lines on rows that are not one deal each: a column written once per group (merged
 * cells), and a deal repeated once per contact.
 */
function rowLines(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: ConfirmedMap,
  name: (c: number) => string,
): string[] {
  const merged = mergedSaid(mergedColumnsOf(values, headerRow, map), map.fillDown ?? [], name, (c) =>
    columnName(c + 1),
  );
  const repeated = repeatedSaid(mergeRepeatedDeals(values, headerRow, map).repeated, name);
  const twins = twinsSaid(twinRowsOf(values, headerRow, map));
  return [...merged, ...(repeated ? ['', repeated] : []), ...(twins ? ['', twins] : [])];
}

/**
 * The preview's lines on amounts as Convert will hold them (amountColumn.ts): the header's unit, other
 * currencies kept as written, cents divided.
 */
function amountLines(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: ConfirmedMap,
  o: { locale: string; currency: string; rates?: Readonly<Record<string, number>>; fresh?: boolean },
  name: (c: number) => string,
): string[] {
  const lines: string[] = [];
  const header = values[headerRow] ?? [];
  const body = values.slice(headerRow + 1);
  const read = amountColumnRead(values, headerRow, map, o);
  const amountCol = map.columns.amount ?? -1;
  const at = body.findIndex((r) => text(r[amountCol]) !== '');
  const unit = unitSaid(
    read.unit,
    amountCol,
    body[at]?.[amountCol],
    read.values[headerRow + 1 + at]?.[amountCol],
    name,
  );
  if (unit) lines.push('', unit);
  pushAll(lines, currencyLines(header, read.values.slice(headerRow + 1), map, o, name));
  const thousands = thousandsSaid(read.thousands, body, name);
  if (thousands) lines.push('', thousands);
  const cents = centsSaid(read.cents, name);
  if (cents) lines.push('', cents);
  const period = amountPeriodSaid(amountPeriodsOf(values, headerRow, map), name);
  if (period) lines.push('', period);
  return lines;
}

/** The preview's line for each key field: its column and how it was found, with samples, or why not. */
function keyFieldLines(
  findings: ImportMapping['findings'],
  map: ConfirmedMap,
  name: (c: number) => string,
  samples: (c: number) => string,
): string[] {
  return KEY_FIELDS.map((field) => {
    const label = FIELD_BY_KEY[field].header;
    const c = map.columns[field];
    const doubt = findings.find((f) => f.field === field)?.candidates;
    if (c === undefined)
      return doubt
        ? `• ${label}: which column? ${doubt.map(name).join(' and ')} could each hold it; correct with "${columnName(doubt[0] + 1)} = ${label}" for the one that does.`
        : `• ${label}: not found. No column's header or values look like it; correct with "C = ${label}" if one holds it.`;
    const found = findings.find((f) => f.field === field);
    const how =
      found?.column === c
        ? found.how === 'values'
          ? 'from its values'
          : 'from its header'
        : 'your correction';
    return `• ${label} ← ${name(c)} (${how}), e.g. ${samples(c) || '(empty)'}`;
  });
}

/**
 * How many deals at an open stage a won or lost date closes (conversion.ts datedClose, with the
 * stages the import brings), in words, or '' (a status column says instead).
 */
function closedByDatesLine(
  values: readonly (readonly CellValue[])[],
  closedAt: readonly ClosedAtColumn[],
  mapping: Pick<ImportMapping, 'statusColumn' | 'headerRow'> & { map: ConfirmedMap },
  stages: StageProposal,
  name: (c: number) => string,
): string {
  const close = datedClose(values[mapping.headerRow] ?? [], mapping, {
    stageOf: stages.stageOf,
    settings: { stages: stages.stages },
  });
  const turned = { Won: 0, Lost: 0 };
  for (const r of values.slice(mapping.headerRow + 1)) {
    const dated = close(r);
    if (dated) turned[dated.type]++;
  }
  return closedByDatesSaid(turned, closedAt, name);
}

/**
 * The preview's lines on stages: several pipelines merged into one list, the stages added to CRM
 * Settings, those not made stages, those renamed.
 */
/**
 * The question on new stages whose names say closed but not won or lost ("Closed"), each with its
 * deals and the type it is read as, and how to say otherwise (a deals export's or a stage history's).
 */
export function unsureStagesSaid(unsure: readonly UnsureStage[]): string {
  const [first] = unsure;
  return `Stages whose names say closed but not won or lost: ${unsure
    .map((u) => `"${u.name}" (${counted(u.rows, 'deal')}) read as ${u.type}`)
    .join(
      '; ',
    )}. If that is wrong, answer No and correct with "stage ${first.name} = ${first.type === 'Won' ? 'Lost' : 'Won'}".`;
}

function stageLines(
  values: readonly (readonly CellValue[])[],
  mapping: Parameters<typeof seenStages>[1],
  stages: StageProposal,
  name: (c: number) => string,
): string[] {
  const out: string[] = [];
  const pipelines = pipelinesSaid(pipelinesOf(values, mapping.headerRow, mapping.map), name);
  if (pipelines) out.push('', pipelines);
  if (stages.added.length) {
    const pct = (p: number) => `${Math.round(p * 100)}%`;
    out.push(
      '',
      `New stages for CRM Settings, in pipeline order: ${stages.added
        .map((s) => `${s.name} (${s.type === 'Open' ? `Open, ${pct(s.probability)}` : s.type})`)
        .join(', ')}.`,
    );
  }
  if (stages.unsure.length) out.push('', unsureStagesSaid(stages.unsure));
  if (stages.notAdopted.length)
    out.push(
      '',
      `Not made stages: ${stages.notAdopted.length > MAX_NEW_SHOWN ? `${stages.notAdopted.length} values, too many to be a pipeline (is this the stage column?)` : stages.notAdopted.map((n) => `"${clipped(n, 40)}"`).join(', ')}. Stage names are at most 100 characters on one line; the deals keep these as written, flagged in the Check column.`,
    );
  const renamed = seenStages(values, mapping)
    .map((seen) => [seen.value, stages.stageOf.get(looseKey(seen.value))] as const)
    .filter(([raw, name]) => name !== undefined && name !== raw);
  if (renamed.length)
    out.push(
      '',
      `Written as stages of CRM Settings: ${renamed
        .slice(0, 8)
        .map(([raw, name]) => {
          const reason = stages.reasonOf.get(looseKey(raw));
          return `"${raw}" → ${name}${reason ? ` (lost reason: ${reason})` : ''}`;
        })
        .join('; ')}.`,
    );
  return out;
}

/** What the preview says of a status column (or a Won flag with its Closed flag), or null with none. */
function statusSaid(
  mapping: Pick<ImportMapping, 'statusColumn' | 'statusKind' | 'closedColumn' | 'closedIsLost'>,
  name: (c: number) => string,
): string | null {
  const { statusColumn: c, statusKind: kind, closedColumn: closed } = mapping;
  if (c === null) return null;
  if (kind === 'lost') return `${name(c)} says which deals were lost: those take the Lost stage.`;
  if (closed != null && mapping.closedIsLost)
    return `${name(c)} says which deals were won and ${name(closed)} which were lost: won deals take a Won stage, lost ones a Lost stage, and the others keep theirs.`;
  if (kind === 'active')
    return `${name(c)} says which deals were archived (false): those not won take the Lost stage.`;
  if (kind === 'status')
    return `${name(c)} says which deals are won or lost: those take the Won or Lost stage.`;
  return closed != null
    ? `${name(c)} says which deals were won and ${name(closed)} which were closed: won deals take a Won stage, closed ones not won a Lost stage, and the others keep theirs.`
    : `${name(c)} says which deals were won: those take a Won stage.`;
}
