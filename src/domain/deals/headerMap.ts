// Finds the Deals tab's columns by header, never by position: maps a header row to fields through
// exact names and synonyms, and keeps unknown columns as extras. (Imports map headers by meaning in
// domain/import.)
import { FIELDS, type FieldKey } from '../../shared/fields';
import { looseKey, textHash } from '../values/text';

export interface HeaderMap {
  /** 0-based column of each field found. */
  columns: Partial<Record<FieldKey, number>>;
  /** 0-based columns that map to no field (kept untouched). */
  extras: number[];
  /** Number of columns in the header row (up to its last non-empty cell). */
  width: number;
  /**
   * Extra columns named as a field that another column holds (the first is read): [field, column].
   * Absent on maps an import builds by meaning.
   */
  doubles?: [field: FieldKey, column: number][];
}

/**
 * Maps a header row to fields: exact header names first, then synonyms; the first column wins (a later
 * one of the same name is an extra, listed in `doubles`).
 */
export function mapHeaders(header: readonly unknown[]): HeaderMap {
  const keys = header.map(looseKey);
  let width = keys.length;
  while (width > 0 && keys[width - 1] === '') width--;
  const columns: Partial<Record<FieldKey, number>> = {};
  const taken = new Set<number>();
  const claim = (match: (k: string, field: (typeof FIELDS)[number]) => boolean) => {
    for (const field of FIELDS) {
      if (columns[field.key] !== undefined) continue;
      const c = keys.findIndex((k, i) => i < width && !taken.has(i) && k !== '' && match(k, field));
      if (c >= 0) {
        columns[field.key] = c;
        taken.add(c);
      }
    }
  };
  claim((k, field) => k === looseKey(field.header));
  claim((k, field) => field.synonyms.includes(k));
  const extras = [];
  for (let i = 0; i < width; i++) if (!taken.has(i)) extras.push(i);
  const doubles: [FieldKey, number][] = [];
  for (const c of extras) {
    const field = FIELDS.find((f) => keys[c] === looseKey(f.header) || f.synonyms.includes(keys[c]));
    if (field && columns[field.key] !== undefined) doubles.push([field.key, c]);
  }
  return { columns, extras, width, doubles };
}

/**
 * A print of where Deals' header row puts each field, its width and the columns named twice: a header
 * changed with no edit event (a script) makes the next refresh full, which says what it now means, and
 * the Deals store, kept by position, is trusted only under the header it was written with.
 */
export function headerPrint(map: HeaderMap): string {
  return textHash(JSON.stringify([map.columns, map.width, map.doubles ?? []]));
}
