// Normalising and protecting text: comparing labels loosely, and keeping user text from ever being
// read as a formula or a number when written back to a sheet.

/** An email address as the CRM accepts one everywhere: name@domain.tld, no spaces. */
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const looseKeys = new Map<string, string>();

/**
 * Lower-case, punctuation folded to spaces, single-spaced: "Closed-Won " -> "closed won". Letters of
 * every script are kept ("Переговоры", "受注"): folded away, names in Cyrillic or Japanese were all the
 * same empty key.
 */
export function looseKey(s: unknown): string {
  const raw = String(s ?? '');
  let key = looseKeys.get(raw);
  if (key === undefined) {
    key = raw
      .toLowerCase()
      .replace(/[%]/g, ' % ')
      .replace(/[^\p{L}\p{M}\p{N}%@]+/gu, ' ')
      .trim();
    // The same few labels (stages, industries) repeat across thousands of rows; keep the cache bounded.
    if (looseKeys.size > 5000) looseKeys.clear();
    looseKeys.set(raw, key);
  }
  return key;
}

/**
 * A text without its combining marks ("Gagné" → "Gagne", "フェーズ" → "フェース"), composed again after
 * (Korean syllables come apart into letters under NFD and must be whole to be compared).
 */
export const withoutMarks = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** The loose key of a value with its accents taken off first ("Gagné" would otherwise read "gagné"). */
export const foldedKey = (value: unknown): string => looseKey(withoutMarks(String(value ?? '')));

/** Text Sheets would parse: a digit anywhere, a leading = + - @ or ', or a boolean. */
const NEEDS_QUOTE = /\d|^\s*[=+\-@']|^\s*(?:true|false)\s*$/i;

/**
 * Prefixes an apostrophe to text Sheets might parse when a script writes it: anything with a digit
 * (numbers, dates such as "1-10" or "Jan 5", "$1,200", "(500)", "1e5"), anything starting, even after
 * spaces or a tab, with = + - @ or an apostrophe, and the booleans. The apostrophe is not part of the
 * stored text, so what the person typed is stored exactly as typed.
 */
export function asText(s: string): string {
  if (s === '') return s;
  if (NEEDS_QUOTE.test(s)) return `'${s}`;
  return s;
}

/** "1 deal", "3 deals": a count with its noun (plural with an s unless given). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The first `max` texts, joined "a, b, c", then ", …" when there are more. */
export function firstOf(items: readonly (string | number)[], max: number): string {
  return items.slice(0, max).join(', ') + (items.length > max ? ', …' : '');
}

/** "row 3", "rows 3, 5, 9, …": sheet rows a message names, the first `max` of them. */
export function rowsNamed(rows: readonly number[], max: number): string {
  return `${rows.length === 1 ? 'row' : 'rows'} ${firstOf(rows, max)}`;
}

/** The most characters a cell holds in Google Sheets. */
export const CELL_TEXT_LIMIT = 50000;

/** A text cut to `max` characters, the cut marked with "…" (for texts the CRM composes, never user data). */
export function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A 32-bit FNV-1a print of a text, in base 36 (to tell long texts apart without keeping them). */
export function textHash(text: string): string {
  return textHashNumber(text).toString(36);
}

/** textHash as its unsigned 32-bit number (for sums of prints, without writing and reading base 36). */
export function textHashNumber(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
