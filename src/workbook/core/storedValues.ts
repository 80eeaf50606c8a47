// The rules every record Sheets CRM keeps in document properties follows: a value stays under 4 KB
// (Google allows 9 KB a value and 500 KB a store; half leaves room for a team's other scripts), is
// parsed by a schema when read, and a value that is unreadable, malformed or too large reads as
// absent, so its owner rebuilds it instead of failing for good.
import * as z from 'zod/mini';

/** The most a stored value of ours may hold, in bytes of UTF-8 (as Google counts a property). */
export const MAX_STORED_BYTES = 4000;

/** Bytes of a text in UTF-8. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Whether a value fits the limit above. */
export function fitsStored(json: string): boolean {
  return utf8Bytes(json) <= MAX_STORED_BYTES;
}

/** A stored value read through its schema: null when absent, unreadable, malformed or oversized. */
export function parseStored<T>(raw: string | null | undefined, schema: z.ZodMiniType<T>): T | null {
  if (!raw || !fitsStored(raw)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
