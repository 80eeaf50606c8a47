// An export's currency column (HubSpot's "Currency", Salesforce's "Opportunity Currency"…): each row's
// amount is in that row's currency. An amount is never turned into a bare number in the CRM's currency
// when it is in another: it keeps its currency as text ("EUR 1000", "£500"), which the CRM reads at
// CRM Settings' exchange rate, or flags until a rate is listed.
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import {
  localeCurrency,
  localeCurrencyAmong,
  otherCurrency,
  writtenCurrency,
} from '../../shared/amountReading';
import { normaliseHeader } from './headerVocabulary';

const HEADERS = new Set(
  [
    'currency',
    'currency code',
    'currency iso code',
    'deal currency',
    'deal currency code',
    'opportunity currency',
    'amount currency',
    'currency of value',
    'wahrung',
    'devise',
    'moneda',
    'moeda',
    'valuta',
    'divisa',
    'валюта',
    'валюта сделки',
    '通貨',
    '通貨コード',
    '货币',
    '币种',
  ].map(normaliseHeader),
);
/** A currency's three-letter code (EUR). */
export const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const CODE = CURRENCY_CODE;

/** The 0-based column naming each row's currency (a header so named, every value a code), or null. */
export function currencyColumnOf(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
): number | null {
  const used = new Set(Object.values(map.columns));
  for (let c = 0; c < header.length; c++) {
    if (used.has(c) || !HEADERS.has(normaliseHeader(header[c]))) continue;
    const codes = body.map((r) => String(r[c] ?? '').trim()).filter(Boolean);
    if (codes.length && codes.every((v) => CODE.test(v))) return c;
  }
  return null;
}

/**
 * An amount as the CRM should hold it: with its row's currency code when that is not the CRM's and the
 * amount names none itself ("1000" in EUR: "EUR 1000"). Null when it stays as read.
 */
export function inItsCurrency(amount: CellValue, code: unknown, crmCurrency: string): string | null {
  const c = String(code ?? '')
    .trim()
    .toUpperCase();
  const raw = String(amount ?? '').trim();
  if (!raw || !CODE.test(c) || c === crmCurrency.toUpperCase() || writtenCurrency(raw)) return null;
  return `${c} ${raw}`;
}

/** Whether an amount as written names another currency than the CRM's ("£500" in a USD CRM). */
export const inOtherCurrency = (amount: CellValue, crmCurrency: string): boolean =>
  typeof amount === 'string' && otherCurrency(amount, crmCurrency) !== null;

/**
 * The preview's words on amounts in other currencies than the CRM's: that they keep their currency
 * (and where it comes from), and which currencies still need a rate in CRM Settings. None when every
 * amount is in the CRM's currency.
 */
export function currencyLines(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  o: { currency: string; rates?: Readonly<Record<string, number>>; fresh?: boolean },
  name: (c: number) => string,
): string[] {
  const amount = map.columns.amount;
  if (amount === undefined) return [];
  const codes = currencyColumnOf(header, body, map);
  const examples: string[] = [];
  const currencies = new Set<string>();
  /** Signs that stand for several currencies ("¥": yen or yuan) by their name, with those currencies. */
  const unsure = new Map<string, readonly string[]>();
  for (const r of body) {
    const raw = r[amount] ?? '';
    const kept = inOtherCurrency(raw, o.currency)
      ? String(raw).trim()
      : codes === null
        ? null
        : inItsCurrency(raw, r[codes], o.currency);
    if (kept === null) continue;
    const written = writtenCurrency(kept);
    if (written && !written.codes.some((c) => o.rates?.[c])) currencies.add(written.name);
    if (written && written.codes.length > 1) unsure.set(written.name, written.codes);
    if (examples.length < 2 && !examples.includes(kept)) examples.push(kept);
  }
  if (!examples.length) return [];
  const from = codes === null ? '' : `${name(codes)} gives it: `;
  const said = `Amounts in other currencies than ${o.currency} (the CRM’s) keep their currency (${from}${examples.map((e) => `"${e}"`).join(', ')})`;
  // A sign that may be several currencies is not settled here: the team says which, in CRM Settings.
  const which = [...unsure].map(([, codes]) =>
    o.fresh
      ? ` If this CRM should count in the one they are in, answer No and correct with "currency = ${codes[0]}" (or ${codes.slice(1).join(', ')}): they then count as written.`
      : ` If they are in this CRM’s own currency, set CRM Settings > General > Currency to ${codes.join(' or ')}, whichever they are in: they then count as written.`,
  );
  return [
    '',
    (currencies.size
      ? `${said}: they count once CRM Settings > Exchange rates lists a rate for each (${[...currencies].join(', ')}); until then they are flagged.`
      : `${said}: they count at CRM Settings’ exchange rates.`) + which.join(''),
  ];
}

/**
 * The one currency an export's amounts name (by symbol, code or the currency column; a sign several
 * currencies share by the spreadsheet's `locale`) when it is not the CRM's and no amount names the
 * CRM's: the currency a CRM with no deals yet should count in, so that a team whose export is all in
 * EUR is not told every deal is "in EUR". Null otherwise (a mix, "$" that could be several dollars
 * the locale does not choose among, or nothing named).
 */
export function importCurrency(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  crmCurrency: string,
  locale = '',
): string | null {
  const amount = map.columns.amount;
  if (amount === undefined) return null;
  const codes = currencyColumnOf(header, body, map);
  const named = new Set<string>();
  for (const r of body) {
    const raw = String(r[amount] ?? '').trim();
    if (!raw) continue;
    const own = writtenCurrency(raw);
    const code =
      codes === null
        ? ''
        : String(r[codes] ?? '')
            .trim()
            .toUpperCase();
    // A sign several currencies share (¥, $, kr.): the CRM's own if it is one of them, else the one
    // the spreadsheet's country uses (¥ in a Chinese spreadsheet: CNY), else not known.
    if (own)
      named.add(
        own.codes.length === 1
          ? own.codes[0]
          : own.codes.includes(crmCurrency)
            ? crmCurrency
            : (localeCurrencyAmong(own.codes, locale) ?? '?'),
      );
    else if (CODE.test(code)) named.add(code);
  }
  const [only] = named;
  return named.size === 1 && only !== '?' && only !== crmCurrency.toUpperCase() ? only : null;
}

/**
 * For a CRM with no deals yet: when no amount names a currency (no sign, no code, no currency column)
 * and the spreadsheet's country counts in another than the CRM's, the preview's words saying which
 * currency the amounts are counted in and how to say otherwise (a team in Russia whose export writes
 * "120000" is not told its deals are dollars without a word). None otherwise.
 */
export function plainAmountsLines(
  header: readonly unknown[],
  body: readonly (readonly CellValue[])[],
  map: HeaderMap,
  o: { currency: string; locale: string },
): string[] {
  const amount = map.columns.amount;
  const local = localeCurrency(o.locale);
  if (amount === undefined || !local || local === o.currency.toUpperCase()) return [];
  if (currencyColumnOf(header, body, map) !== null) return [];
  const amounts = body.map((r) => String(r[amount] ?? '').trim()).filter(Boolean);
  if (!amounts.length || amounts.some((a) => writtenCurrency(a))) return [];
  return [
    '',
    `Amounts name no currency: they are counted in ${o.currency}, this CRM’s currency. If they are in ${local} (the spreadsheet’s country’s), set CRM Settings > General > Currency to ${local}.`,
  ];
}
