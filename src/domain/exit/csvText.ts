// Rows as CSV text (RFC 4180): fields holding a comma, a quote, a line break or edge spaces are quoted,
// quotes doubled, lines ended with CRLF. Values are written as they are: a CSV holds no formulas. A big
// file goes in parts, each with the header: at most the rows the importer takes from one file
// (exitFiles.ts ROWS_PER_FILE), and each part far below the 50 MB an Apps Script blob holds.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const line = (r: readonly string[]) =>
  r.map((v) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\r\n';

/** Bytes of a text in UTF-8. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const PART_LIMITS = { rows: 50_000, bytes: 20 * 1024 * 1024 };

/**
 * A file (header row first) as CSV text in parts of at most `rows` data rows and `bytes` bytes (a row
 * longer than that alone makes a part of its own): one part keeps the name; more are name-part1.csv,
 * name-part2.csv… in order.
 */
export function csvParts(
  name: string,
  rows: readonly (readonly string[])[],
  limits = PART_LIMITS,
): { name: string; text: string }[] {
  const [header, ...body] = rows;
  const head = line(header ?? []);
  const parts: string[][] = [];
  let current: string[] = [];
  let bytes = utf8Bytes(head);
  for (const r of body) {
    const text = line(r);
    const size = utf8Bytes(text);
    if (current.length && (current.length >= limits.rows || bytes + size > limits.bytes)) {
      parts.push(current);
      current = [];
      bytes = utf8Bytes(head);
    }
    current.push(text);
    bytes += size;
  }
  if (current.length || !parts.length) parts.push(current);
  const stem = name.replace(/\.csv$/, '');
  return parts.map((p, i) => ({
    name: parts.length === 1 ? name : `${stem}-part${i + 1}.csv`,
    text: head + p.join(''),
  }));
}
