// The number format for amounts in the Settings currency: its symbol when it has a common one
// ("$"#,##0.00), else its code ("SEK "#,##0.00).

const SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
};

/** Currencies written without a minor unit (ISO 4217's zero-decimal ones teams sell in). */
const WHOLE = new Set(['JPY', 'KRW', 'CLP', 'VND', 'ISK']);

/** A Sheets number format showing amounts in `currency` (whole for the yen and the like). */
export function moneyFormat(currency: string): string {
  const symbol = SYMBOLS[currency];
  const digits = WHOLE.has(currency) ? '#,##0' : '#,##0.00';
  return symbol ? `"${symbol}"${digits}` : `"${currency} "${digits}`;
}

/**
 * How a report names its money: the CRM's currency, and the rates amounts written in other
 * currencies were converted at ("USD; 1 EUR = 1.08 USD, 1 GBP = 1.27 USD converted").
 */
export function moneyLabel(currency: string, rates?: Readonly<Record<string, number>>): string {
  const listed = Object.entries(rates ?? {});
  if (!listed.length) return currency;
  return `${currency}; amounts converted at ${listed.map(([c, r]) => `1 ${c} = ${r} ${currency}`).join(', ')}`;
}
