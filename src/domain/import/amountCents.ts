// Amounts in cents. Some exports write money as whole cents (Close's "value": 1250000 for $12,500,
// beside "value_formatted" "$12,500"; a warehouse's amount_cents). Read as written, every deal is
// worth a hundred times its amount and the forecast is confidently wrong. A mapped Amount column is
// in cents when its header says so, or when another column of the export holds the same amounts in
// units on every row where both can be read (each is a hundredth of it). Convert then divides by
// 100, and the preview says so with the evidence; "amounts = as written" (or "= cents") corrects it.
import { cellText } from './valueSniffing';
import type { CellValue } from '../deals/deal';
import { decimalMarkOf, readAmount } from '../values/columnConventions';
import { normaliseHeader } from './headerVocabulary';
import type { HeaderMap } from '../deals/headerMap';
import { maxOf } from '../../shared/manyValues';

/** How amounts are read, as a person corrected it. */
export type AmountUnits = 'cents' | 'units';

/** The evidence that the Amount column is in cents. */
export interface CentsFinding {
  /** the Amount column (0-based) */
  column: number;
  /** why: its header, another column holding the amounts in units, or the person's correction */
  from:
    { kind: 'header' } | { kind: 'column'; column: number; cents: string; units: string } | { kind: 'said' };
}

const text = cellText;

/**
 * How many rows show `amounts` in cents beside `other` in units, the first such pair, and whether a
 * row shows they are not. The other column's decimal mark is worked out over all its values only for
 * a column whose first 50 rows agree (where the amounts have any): most columns differ there at once.
 */
function centsAgainst(
  amounts: readonly CellValue[],
  other: readonly CellValue[],
  locale: string,
): { agree: number; first: [string, string] | null; differ: boolean } {
  if (other.length > 50) {
    // A column must show it in its first 50 rows: most differ there, or hold no amount at all.
    const head = centsAgainst(amounts.slice(0, 50), other.slice(0, 50), locale);
    if (head.differ || (!head.agree && amounts.slice(0, 50).some((v) => text(v) !== '')))
      return { agree: 0, first: null, differ: true };
  }
  const mark = decimalMarkOf(other, locale);
  let agree = 0;
  let first: [string, string] | null = null;
  for (let i = 0; i < amounts.length; i++) {
    const a = readAmount(amounts[i], { mark: '.', fromValues: false });
    const u = readAmount(other[i] ?? '', mark);
    if (a.kind !== 'ok' || u.kind !== 'ok') continue;
    // A whole number of cents, its hundredth the other's amount to the cent.
    if (!Number.isInteger(a.value) || Math.abs(a.value / 100 - u.value) > 0.005)
      return { agree: 0, first: null, differ: true };
    if (a.value !== 0) agree++;
    first ??= [text(amounts[i]), text(other[i])];
  }
  return { agree, first, differ: false };
}

/**
 * Whether the export's Amount column (in `map`) is in cents: said by the person (`said`), by its
 * header ("amount_cents", "Value (cents)"), or shown by another column holding the same amounts in
 * units on every row where both read as amounts, two rows at least (one when only one has an amount).
 */
export function amountCentsOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
  locale: string,
  said?: AmountUnits,
): CentsFinding | null {
  const column = map.columns.amount;
  if (column === undefined || said === 'units') return null;
  if (said === 'cents') return { column, from: { kind: 'said' } };
  const header = values[headerRow] ?? [];
  if (/\bcents?\b/.test(normaliseHeader(header[column]))) return { column, from: { kind: 'header' } };
  const body = values.slice(headerRow + 1);
  const amounts = body.map((r) => r[column] ?? '');
  // Amounts written with a decimal mark or a currency sign are not cents.
  if (amounts.some((v) => typeof v === 'string' && /[^\d\s-]/.test(v.trim()))) return null;
  const filled = amounts.filter((v) => text(v) !== '').length;
  const width = Math.max(0, maxOf(body.map((r) => r.length)));
  for (let c = 0; c < width; c++) {
    if (c === column) continue;
    const { agree, first } = centsAgainst(
      amounts,
      body.map((r) => r[c] ?? ''),
      locale,
    );
    if (first && agree >= Math.min(2, filled))
      return { column, from: { kind: 'column', column: c, cents: first[0], units: first[1] } };
  }
  return null;
}

/** The export's values with the Amount column's numbers in units (a hundredth); text stays as written. */
export function amountsInUnits(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  cents: CentsFinding | null,
): readonly (readonly CellValue[])[] {
  if (!cents) return values;
  const c = cents.column;
  return values.map((row, i) => {
    if (i <= headerRow) return row;
    const v = row[c];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : null;
    if (n === null) return row;
    const out = [...row];
    out[c] = Math.round(n) / 100;
    return out;
  });
}

/** The preview's words on amounts read as cents, or ''. `name` names a column ("H "value""). */
export function centsSaid(cents: CentsFinding | null, name: (c: number) => string): string {
  if (!cents) return '';
  const why =
    cents.from.kind === 'header'
      ? 'its header says so'
      : cents.from.kind === 'said'
        ? 'as you said'
        : `each is 100 times the amount in ${name(cents.from.column)}, as "${cents.from.cents}" and "${cents.from.units}"`;
  const fix = cents.from.kind === 'said' ? '' : ' If they are not, correct with "amounts = as written".';
  return `Amounts in ${name(cents.column)} are in cents (${why}): they are divided by 100.${fix}`;
}
