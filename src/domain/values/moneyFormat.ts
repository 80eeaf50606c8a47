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
