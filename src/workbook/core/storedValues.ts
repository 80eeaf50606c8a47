// The rules every record Sheets CRM keeps in document properties follows: a value stays under 4 KB
// (Google allows 9 KB a value and 500 KB a store; half leaves room for a team's other scripts), is
// parsed by a schema when read, and a value that is unreadable, malformed or too large reads as
// absent, so its owner rebuilds it instead of failing for good.
import * as z from '../../shared/schema';
import { textHash } from '../../domain/values/text';

/** The most a stored value of ours may hold, in bytes of UTF-8 (as Google counts a property). */
const MAX_STORED_BYTES = 4000;

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

/**
 * A stored value read through its schema: null when absent, unreadable, malformed or oversized (over
 * `maxBytes`: one value's limit, or a record's split over several by chunkedProperties).
 */
export function parseStored<T>(
  raw: string | null | undefined,
  schema: z.ZodMiniType<T>,
  maxBytes = MAX_STORED_BYTES,
): T | null {
  if (!raw || utf8Bytes(raw) > maxBytes) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** 1,300 UTF-16 units are at most 3,900 bytes of UTF-8: a chunk always fits. */
const CHUNK_CHARS = 1300;

/**
 * A record too large for one value, as properties to write in one call: the value itself when it
 * fits, else `{"chunks":n}` under `key` and the text split over `key.1` … `key.n`.
 */
export function chunkedProperties(key: string, json: string): Record<string, string> {
  if (fitsStored(json)) return { [key]: json };
  const values: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < json.length; i += CHUNK_CHARS) values[`${key}.${++n}`] = json.slice(i, i + CHUNK_CHARS);
  values[key] = JSON.stringify({ chunks: n });
  return values;
}

/** A record written by chunkedProperties, joined again (null when absent or a chunk is missing). */
export function readChunked(all: Record<string, string>, key: string): string | null {
  const head = all[key];
  if (!head) return null;
  const chunks = /^\{"chunks":(\d+)\}$/.exec(head);
  if (!chunks) return head;
  const parts = Array.from({ length: Number(chunks[1]) }, (_, i) => all[`${key}.${i + 1}`]);
  return parts.every((p) => typeof p === 'string') ? parts.join('') : null;
}

/** The keys a chunked record occupies (its head and its chunks). */
export function chunkKeys(all: Record<string, string>, key: string): string[] {
  return Object.keys(all).filter(
    (k) => k === key || (k.startsWith(`${key}.`) && /^\d+$/.test(k.slice(key.length + 1))),
  );
}

/** Texts longer than this are kept by a print, so that a record stays small. */
const MAX_KEPT_TEXT = 60;

/**
 * A text as a stored record keeps it to compare with later: itself when short, else its length and a
 * 32-bit FNV-1a print (a cell may hold 50,000 characters; a property 9 KB).
 */
export function textPrint(text: string): string {
  return text.length <= MAX_KEPT_TEXT ? text : `\u0000${text.length}:${textHash(text)}`;
}
