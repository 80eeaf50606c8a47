// Normalising and protecting text: comparing labels loosely, and keeping user text from ever being
// read as a formula or a number when written back to a sheet.

const looseKeys = new Map<string, string>();

/** Lower-case, punctuation folded to spaces, single-spaced: "Closed-Won " -> "closed won". */
export function looseKey(s: unknown): string {
  const raw = String(s ?? '');
  let key = looseKeys.get(raw);
  if (key === undefined) {
    key = raw
      .toLowerCase()
      .replace(/[%]/g, ' % ')
      .replace(/[^a-z0-9%@]+/g, ' ')
      .trim();
    // The same few labels (stages, industries) repeat across thousands of rows; keep the cache bounded.
    if (looseKeys.size > 5000) looseKeys.clear();
    looseKeys.set(raw, key);
  }
  return key;
}

/**
 * Prefixes an apostrophe when Sheets would otherwise parse the text (a formula, a number, a date, a
 * boolean, or text starting with + - @ or an apostrophe), so what the user typed is stored as typed.
 */
export function asText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@']/.test(s)) return `'${s}`;
  // Most text (names, notes) has no digit and is no boolean: nothing Sheets would parse.
  if (!/\d/.test(s) && !/^\s*(true|false)\s*$/i.test(s)) return s;
  const t = s.trim();
  if (/^[+-]?[\d.,]+%?$/.test(t) && /\d/.test(t)) return `'${s}`;
  if (/^(true|false)$/i.test(t)) return `'${s}`;
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(t)) return `'${s}`;
  return s;
}

/** "1 deal", "3 deals": a count with its noun (plural with an s unless given). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
