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

/** A Sheets number format showing amounts in `currency`. */
export function moneyFormat(currency: string): string {
  const symbol = SYMBOLS[currency];
  return symbol ? `"${symbol}"#,##0.00` : `"${currency} "#,##0.00`;
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
