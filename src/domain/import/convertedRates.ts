// Exchange rates an export gives. A multi-currency Salesforce org writes each amount twice: in the
// deal's currency ("Amount Currency", "Amount") and converted into the company's ("Amount (converted)
// Currency", "Amount (converted)"); some exports name that currency in the header ("Amount (USD)").
// When the converted amounts are in the CRM's currency, each other currency's rate is what its rows
// agree on (converted ÷ amount, within half a percent: dated rates that differ give none), so the
// amounts Convert keeps in their currency ("EUR 1000") count from the start instead of being flagged
// until someone looks the rates up. Rates CRM Settings already lists are left as they are.
import { decimalMarkOf, readAmount } from '../../shared/amountReading';
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { currencyColumnOf, CURRENCY_CODE } from './currencyColumn';
import { normaliseHeader } from './headerVocabulary';

/** Rows of a currency whose ratios differ by more than this share give no rate. */
const AGREE = 0.005;
/** "Amount (converted)", "Converted amount", "Amount in company currency" (its currency said apart). */
const CONVERTED =
  /^(amount |value |deal value )?(converted|in company currency|in corporate currency)( amount)?$/;

/** A column's amounts as numbers, read with the column's own decimal mark (null where not one). */
function numbers(body: readonly (readonly CellValue[])[], c: number, locale: string): (number | null)[] {
  const column = body.map((r) => r[c] ?? '');
  const mark = decimalMarkOf(column, locale);
  return column.map((v) => {
    const p = readAmount(v, mark);
    return p.kind === 'ok' ? p.value : null;
  });
}

/**
 * The column of converted amounts in `crm` currency, by its own currency column (every code the CRM's)
 * or its header's code ("Amount (USD)"); null when there is none or its currency is not said.
 */
function convertedColumn(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  crm: string,
): number | null {
  const code = crm.toLowerCase();
  for (const c of map.extras) {
    const h = normaliseHeader(header[c]);
    if (h === `amount ${code}` || h === `value ${code}` || h === `converted amount ${code}`) return c;
    if (!CONVERTED.test(h)) continue;
    const own = header.findIndex((x) => normaliseHeader(x) === `${h} currency`);
    const codes = own < 0 ? [] : body.map((r) => String(r[own] ?? '').trim()).filter(Boolean);
    if (codes.length && codes.every((v) => v.toUpperCase() === crm.toUpperCase())) return c;
  }
  return null;
}

/** The rates an export's converted amounts give (see the file comment), or null when it gives none. */
export function ratesFromConverted(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  crm: string,
  known: Readonly<Record<string, number>>,
  locale = 'en_US',
): { column: number; rates: Record<string, number> } | null {
  const amount = map.columns.amount;
  const codes = currencyColumnOf(header, body, map);
  const column = convertedColumn(header, body, map, crm);
  if (amount === undefined || codes === null || column === null) return null;
  const [own, converted] = [numbers(body, amount, locale), numbers(body, column, locale)];
  const ratios = new Map<string, number[]>();
  body.forEach((r, i) => {
    const code = String(r[codes] ?? '')
      .trim()
      .toUpperCase();
    const [a, b] = [own[i], converted[i]];
    if (!CURRENCY_CODE.test(code) || code === crm.toUpperCase() || code in known || !a || !b) return;
    ratios.set(code, [...(ratios.get(code) ?? []), b / a]);
  });
  const rates: Record<string, number> = {};
  for (const [code, list] of ratios) {
    const sorted = [...list].sort((x, y) => x - y);
    const mid = sorted[Math.floor(sorted.length / 2)];
    if (sorted.every((x) => Math.abs(x - mid) <= AGREE * mid)) rates[code] = Number(mid.toPrecision(6));
  }
  return Object.keys(rates).length ? { column, rates } : null;
}
