// Rows as CSV text (RFC 4180): fields holding a comma, a quote, a line break or edge spaces are quoted,
// quotes doubled, lines ended with CRLF. Values are written as they are: a CSV holds no formulas.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvText(rows: readonly (readonly string[])[]): string {
  return rows
    .map((r) => r.map((v) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
    .join('\r\n')
    .concat('\r\n');
}
