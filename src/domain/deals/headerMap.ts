// Finds columns by header, never by position: maps a header row to fields through exact names and
// synonyms, keeps unknown columns as extras, and for conversion also finds the header row and sniffs
// values (emails, stage names) in columns whose header says nothing.
import { FIELDS, type FieldKey } from '../../shared/fields';
import type { StageDef } from '../../shared/settings';
import { findStageLoosely } from '../settings/stageLookup';
import { looseKey } from '../values/text';

export interface HeaderMap {
  /** 0-based column of each field found. */
  columns: Partial<Record<FieldKey, number>>;
  /** 0-based columns that map to no field (kept untouched). */
  extras: number[];
  /** Number of columns in the header row (up to its last non-empty cell). */
  width: number;
}

/** Maps a header row to fields: exact header names first, then synonyms; the first column wins. */
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
  return { columns, extras, width };
}

/** Index of the header row among the first rows: the one naming the most fields (at least two). */
export function findHeaderRow(values: readonly (readonly unknown[])[]): number {
  let best = -1;
  let bestCount = 1;
  for (let r = 0; r < Math.min(values.length, 10); r++) {
    const n = Object.keys(mapHeaders(values[r]).columns).length;
    if (n > bestCount) {
      best = r;
      bestCount = n;
    }
  }
  if (best >= 0) return best;
  const firstFilled = values.findIndex((row) => row.some((v) => String(v ?? '').trim() !== ''));
  return Math.max(0, firstFilled);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Proposes a mapping for a sheet being converted: headers first, then value sniffing for columns the
 * headers did not place (mostly emails -> Email, mostly stage names -> Stage).
 */
export function proposeMapping(
  values: readonly (readonly unknown[])[],
  stages: readonly StageDef[],
): { headerRow: number; map: HeaderMap } {
  const headerRow = findHeaderRow(values);
  const map = mapHeaders(values[headerRow] ?? []);
  const body = values.slice(headerRow + 1, headerRow + 201);
  const mostly = (col: number, test: (v: unknown) => boolean) => {
    const filled = body.map((r) => r[col]).filter((v) => String(v ?? '').trim() !== '');
    return filled.length > 0 && filled.filter(test).length / filled.length >= 0.8;
  };
  const sniff = (field: FieldKey, test: (v: unknown) => boolean) => {
    if (map.columns[field] !== undefined) return;
    const col = map.extras.find((c) => mostly(c, test));
    if (col === undefined) return;
    map.columns[field] = col;
    map.extras = map.extras.filter((c) => c !== col);
  };
  sniff('email', (v) => EMAIL.test(String(v).trim()));
  sniff('stage', (v) => findStageLoosely(v, stages) !== null);
  return { headerRow, map };
}
