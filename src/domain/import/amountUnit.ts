// An amount column whose header gives its unit: "Amount (EUR)", "Value [€]", "Deal size ($k)",
// "Revenue ('000)", "TCV in millions". Read as plain numbers, "12.5" under "Deal size ($k)" was $12.50
// and "12500" under "Amount (EUR)" was counted in the CRM's dollars; "Deal size ($k)" was not even
// recognised as an amount. The header's unit is read here: the header without it is matched to a field,
// and the column's plain numbers are multiplied by its scale and given its currency ("EUR 12500"), as
// a Currency column gives one, so the CRM's currency rules apply to them (a fresh CRM counts in it).
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { writtenCurrency } from '../../shared/amountReading';
import { decimalMarkOf, readAmount } from '../values/columnConventions';

/** What a header says of its amounts' unit. */
export interface HeaderUnit {
  /** the header without its unit ("Deal size") */
  stripped: string;
  /** the one currency it names (ISO code), or null (none, or "$", which is several) */
  currency: string | null;
  /** what each number stands for: 1, 1000 or 1,000,000 */
  scale: number;
  /** the unit as written ("$k") */
  written: string;
}

const SCALES: Record<string, number> = {
  k: 1000,
  '000': 1000,
  '000s': 1000,
  "'000": 1000,
  thousand: 1000,
  thousands: 1000,
  m: 1_000_000,
  mm: 1_000_000,
  mn: 1_000_000,
  million: 1_000_000,
  millions: 1_000_000,
};

/** The unit tokens of a unit text ("$k" → $, k; "USD, thousands" → USD, thousands), or null. */
function unitOf(unit: string): { currency: string | null; scale: number } | null {
  const tokens = unit
    .toLowerCase()
    .replace(/^in\s+/, '')
    .replace(/([$€£¥₹])/g, ' $1 ')
    .split(/[\s,/]+/)
    .filter(Boolean);
  if (!tokens.length) return null;
  let currency: string | null = null;
  let named = false;
  let scale = 1;
  for (const t of tokens) {
    if (SCALES[t] !== undefined && scale === 1) scale = SCALES[t];
    else if (!named && writtenCurrency(t.toUpperCase())?.codes.length && t.length <= 3) {
      const w = writtenCurrency(t.toUpperCase())!;
      currency = w.codes.length === 1 ? w.codes[0] : null;
      named = true;
    } else return null;
  }
  return { currency, scale };
}

/**
 * The unit a header ends with, in brackets ("Amount (EUR)", "Deal size [$k]") or as its last words
 * ("Amount EUR", "Revenue in thousands"), or null when it ends with none (or with other words, such as
 * "Amount (incl. VAT)").
 */
export function headerUnit(header: unknown): HeaderUnit | null {
  const h = String(header ?? '').trim();
  const bracket = /^(.*\S)\s*[([]([^)\]]+)[)\]]$/.exec(h);
  const trailing =
    /^(.*?\S)\s+((?:in\s+)?(?:[$€£¥₹]\s*)?(?:k|m|mm|thousands?|millions?|[A-Za-z]{3})(?:\s*[$€£¥₹])?)$/i.exec(
      h,
    );
  for (const m of [bracket, trailing]) {
    if (!m) continue;
    const unit = unitOf(m[2]);
    if (unit && (unit.scale !== 1 || unit.currency !== null || /[$€£¥₹]/.test(m[2])))
      return { stripped: m[1].trim(), ...unit, written: m[2].trim() };
  }
  return null;
}

/**
 * The export's values with the Amount column's plain numbers in units of money: multiplied by the
 * header's scale, and written with its currency when that is not the CRM's ("EUR 12500"). An amount
 * that names its own currency, or cannot be read, stays as written.
 */
export function amountsWithUnit(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
  locale: string,
  crmCurrency: string,
): { values: readonly (readonly CellValue[])[]; unit: HeaderUnit | null; column: number } {
  const column = map.columns.amount ?? -1;
  const unit = column < 0 ? null : headerUnit(values[headerRow]?.[column]);
  if (!unit) return { values, unit: null, column };
  const mark = decimalMarkOf(
    values.slice(headerRow + 1).map((r) => r[column] ?? ''),
    locale,
  );
  const other = unit.currency !== null && unit.currency !== crmCurrency.toUpperCase() ? unit.currency : null;
  const out = values.map((row, i) => {
    const v = row[column];
    if (i <= headerRow || (typeof v === 'string' && writtenCurrency(v.trim()))) return row;
    const a = readAmount(v ?? '', mark);
    if (a.kind !== 'ok') return row;
    const n = Math.round(a.value * unit.scale * 100) / 100;
    const copy = [...row];
    copy[column] = other ? `${other} ${n}` : n;
    return copy;
  });
  return { values: out, unit, column };
}

/** The preview's words on an amount column's unit, or ''. `name` names a column. */
export function unitSaid(
  unit: HeaderUnit | null,
  column: number,
  example: CellValue | undefined,
  read: CellValue | undefined,
  name: (c: number) => string,
): string {
  if (!unit) return '';
  const scale = unit.scale === 1000 ? 'thousands' : unit.scale === 1_000_000 ? 'millions' : '';
  const what = [unit.currency, scale].filter(Boolean).join(', in ');
  const n = typeof read === 'number' ? read : Number(String(read ?? '').replace(/^[A-Z]{3}\s+/, ''));
  const shown =
    example !== undefined && Number.isFinite(n) && String(read ?? '') !== ''
      ? `: "${String(example).trim()}" is read as ${unit.currency ? `${unit.currency} ` : ''}${n.toLocaleString('en-US')}`
      : '';
  return `${name(column)} gives its amounts' unit (${what || unit.written})${shown}.`;
}
