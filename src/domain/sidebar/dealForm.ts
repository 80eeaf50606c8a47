// Converting between a deal row and the sidebar's plain-data form: dates as YYYY-MM-DD in the
// spreadsheet's zone, amounts as text; and History rows as the sidebar lists them.
import { amountText, readTypedAmount, type DecimalMark } from '../../shared/amountReading';
import { readTypedDate } from '../../shared/typedDate';
import { EDITABLE, type DealInput, type EditableField, type HistoryItem } from '../../shared/dealDto';
import { FIELD_BY_KEY } from '../../shared/fields';
import { isDate, isoDay, zonedInstant } from '../../shared/zonedTime';
import { cellOf, type CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';

/** Where a form is read and shown: the spreadsheet's time zone, decimal mark and day/month order. */
export interface FormPlace {
  timeZone: string;
  mark: DecimalMark;
  dayFirst: boolean;
  /** The CRM's currency: an amount written in another is refused, unless `rates` lists it. */
  currency?: string;
  rates?: Record<string, number>;
}

/** How a cell shows in the form: dates as YYYY-MM-DD, numbers as plain digits, text as is. */
function formText(v: CellValue, timeZone: string, amountMark?: DecimalMark): string {
  if (isDate(v)) return isoDay(v, timeZone);
  if (typeof v === 'number' && amountMark) return amountText(v, amountMark);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v ?? '');
}

/** The form's view of a row. */
export function rowToInput(row: readonly CellValue[], map: HeaderMap, place: FormPlace): DealInput {
  const out: Record<string, string> = { id: formText(cellOf(row, map, 'dealId'), place.timeZone).trim() };
  for (const key of EDITABLE)
    out[key] = formText(
      cellOf(row, map, key),
      place.timeZone,
      FIELD_BY_KEY[key].kind === 'money' ? place.mark : undefined,
    );
  return out as unknown as DealInput;
}

/** The cell a form value becomes: numbers for amounts and counts, Dates for dates, text otherwise. */
export function inputToCell(key: EditableField, value: string, place: FormPlace): CellValue {
  const v = value.trim();
  if (v === '') return '';
  switch (FIELD_BY_KEY[key].kind) {
    case 'money': {
      const read = readTypedAmount(v, place.mark, place.currency, place.rates);
      if (!read.ok) throw new Error(`Amount: ${read.message}`); // validateDeal refuses these first
      return read.value;
    }
    case 'integer':
      return Number(v.replace(/,/g, ''));
    case 'date': {
      const read = readTypedDate(v, place.dayFirst);
      if (!read.ok || read.value === '') throw new Error(`Date: ${read.ok ? 'blank' : read.message}`); // refused first by validateDeal
      return zonedInstant(place.timeZone, read.value.y, read.value.m, read.value.d);
    }
    default:
      return value;
  }
}

/**
 * A form value as the form would show it once saved ("05/31/2026" and "2026-05-31" are the same date,
 * "12k" and "12000" the same amount), so the rep's changes and a teammate's are told apart by meaning.
 */
export function canonical(key: EditableField, value: string, place: FormPlace): string {
  try {
    return formText(
      inputToCell(key, value, place),
      place.timeZone,
      FIELD_BY_KEY[key].kind === 'money' ? place.mark : undefined,
    ).trim();
  } catch {
    return value.trim();
  }
}

/** History rows as the sidebar lists them (newest first). */
export function historyItems(rows: readonly (readonly CellValue[])[], timeZone: string): HistoryItem[] {
  return rows
    .filter((r) => isDate(r[0]))
    .map((r) => ({
      time: (r[0] as Date).toISOString(),
      field: String(r[2]),
      from: formText(r[3], timeZone),
      to: formText(r[4], timeZone),
      user: String(r[5] ?? ''),
    }))
    .reverse();
}
