// Converting an existing deals sheet: describe and correct the proposed column mapping, then build the
// Deals grid. Every data row is kept; every value lands in its mapped column (normalised when it is
// clearly readable, otherwise kept exactly as it was) or in a kept extra column.
import { FIELD_BY_KEY, FIELDS, type FieldKey } from '../../shared/fields';
import { columnName } from '../../shared/columns';
import type { Settings } from '../../shared/settings';
import { parseAmount, parseCount, parseDate, parsePercent, type Parsed } from '../values/cellParsing';
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { findStageLoosely } from '../settings/stageLookup';
import { looseKey } from '../values/text';

export interface ConversionResult {
  header: string[];
  rows: CellValue[][];
  /** Rows above the header row (titles, notes): left in the backup only. */
  rowsAbove: number;
  /** Values that could not be read as their column's kind and were kept as written. */
  keptAsWritten: number;
  /** Stage values rewritten to a stage name ("closed won" -> "Won"). */
  stagesNormalised: number;
}

const display = (v: unknown) => String(v ?? '').trim();

/** One line per source column: where it goes. */
export function describeMapping(header: readonly unknown[], map: HeaderMap): string[] {
  const fieldOf = new Map<number, FieldKey>();
  for (const [k, c] of Object.entries(map.columns) as [FieldKey, number][]) fieldOf.set(c, k);
  const lines: string[] = [];
  for (let c = 0; c < map.width; c++) {
    const name = display(header[c]) || '(no header)';
    const key = fieldOf.get(c);
    lines.push(
      `${columnName(c + 1)} "${name}" → ${key ? FIELD_BY_KEY[key].header : 'kept as an extra column'}`,
    );
  }
  return lines;
}

/**
 * Applies corrections typed as "C = Amount" or "F = extra" (column letter or header text, then a field
 * name or "extra"), separated by new lines or semicolons. Returns the new map or a message.
 */
export function applyCorrections(
  header: readonly unknown[],
  map: HeaderMap,
  text: string,
): { map: HeaderMap } | { error: string } {
  const columns = { ...map.columns };
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*(?:=|->|→)\s*(.+)$/.exec(part);
    if (!m) return { error: `"${part}" is not a correction. Write it as: C = Amount` };
    const who = m[1].trim();
    let col = /^[A-Z]{1,3}$/i.test(who)
      ? who
          .toUpperCase()
          .split('')
          .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      : -1;
    if (col < 0 || col >= map.width)
      col = header.findIndex((h, i) => i < map.width && looseKey(h) === looseKey(who));
    if (col < 0) return { error: `There is no column "${who}". Use the column letter, such as C.` };
    const target = looseKey(m[2]);
    for (const k of Object.keys(columns) as FieldKey[]) if (columns[k] === col) delete columns[k];
    if (target === 'extra' || target === 'ignore' || target === 'keep') continue;
    const field = FIELDS.find((f) => looseKey(f.header) === target || f.synonyms.includes(target));
    if (!field)
      return {
        error: `"${m[2].trim()}" is not a field. Fields: ${FIELDS.filter(
          (f) => f.key !== 'lastSeen' && f.key !== 'check',
        )
          .map((f) => f.header)
          .join(', ')}, or extra.`,
      };
    columns[field.key] = col;
  }
  const used = new Set(Object.values(columns));
  const extras = [];
  for (let c = 0; c < map.width; c++) if (!used.has(c)) extras.push(c);
  return { map: { columns, extras, width: map.width } };
}

/** Normalises one value for a field; unreadable values come back unchanged with `kept` set. */
function normalise(
  key: FieldKey,
  v: CellValue,
  settings: Settings,
  timeZone: string,
  locale: string,
): { value: CellValue; kept: boolean; stage: boolean } {
  const from = <T extends CellValue>(p: Parsed<T>) =>
    p.kind === 'ok'
      ? { value: p.value as CellValue, kept: false, stage: false }
      : { value: v, kept: p.kind === 'bad', stage: false };
  switch (FIELD_BY_KEY[key].kind) {
    case 'stage': {
      if (display(v) === '') return { value: v, kept: false, stage: false };
      const stage = findStageLoosely(v, settings.stages);
      if (!stage) return { value: v, kept: true, stage: false };
      return { value: stage.name, kept: false, stage: stage.name !== v };
    }
    case 'money':
      return from(parseAmount(v));
    case 'date':
    case 'timestamp':
      return from(parseDate(v, timeZone, locale));
    case 'percent':
      return from(parsePercent(v));
    case 'integer':
      return from(parseCount(v));
    default:
      return { value: v, kept: false, stage: false };
  }
}

/** Builds the Deals grid (header and rows) from a sheet's values and a mapping. */
export function convertValues(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
  settings: Settings,
  timeZone: string,
  locale: string,
  newId: () => string,
): ConversionResult {
  const source = values[headerRow] ?? [];
  const taken = new Set(FIELDS.flatMap((f) => [looseKey(f.header), ...f.synonyms]));
  const extraNames = map.extras.map((c) => {
    const name = display(source[c]) || `Column ${columnName(c + 1)}`;
    return taken.has(looseKey(name)) ? `${name} (imported)` : name;
  });
  const header = [...FIELDS.map((f) => f.header), ...extraNames];
  let keptAsWritten = 0;
  let stagesNormalised = 0;
  const rows = values.slice(headerRow + 1).map((src) => {
    const out: CellValue[] = FIELDS.map((f) => {
      const c = map.columns[f.key];
      if (c === undefined) return '';
      const n = normalise(f.key, src[c] ?? '', settings, timeZone, locale);
      if (n.kept) keptAsWritten++;
      if (n.stage) stagesNormalised++;
      return n.value;
    });
    for (const c of map.extras) out.push(src[c] ?? '');
    const blank = src.every((v) => display(v) === '');
    const idCol = FIELDS.findIndex((f) => f.key === 'dealId');
    if (!blank && display(out[idCol]) === '') out[idCol] = newId();
    return out;
  });
  return { header, rows, rowsAbove: headerRow, keptAsWritten, stagesNormalised };
}
