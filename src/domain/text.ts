// Normalising and protecting text: comparing labels loosely, and keeping user text from ever being
// read as a formula or a number when written back to a sheet.

/** Lower-case, punctuation folded to spaces, single-spaced: "Closed-Won " -> "closed won". */
export function looseKey(s: unknown): string {
  return String(s ?? '')
    .toLowerCase()
    .replace(/[%]/g, ' % ')
    .replace(/[^a-z0-9%@]+/g, ' ')
    .trim();
}

/**
 * Prefixes an apostrophe when Sheets would otherwise parse the text (a formula, a number, a date, a
 * boolean, or text starting with + - @ or an apostrophe), so what the user typed is stored as typed.
 */
export function asText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@']/.test(s)) return `'${s}`;
  const t = s.trim();
  if (/^[+-]?[\d.,]+%?$/.test(t) && /\d/.test(t)) return `'${s}`;
  if (/^(true|false)$/i.test(t)) return `'${s}`;
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(t)) return `'${s}`;
  return s;
}
