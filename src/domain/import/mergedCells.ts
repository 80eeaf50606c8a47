// A column written once per group, on the group's first deal (merged cells of a spreadsheet export,
// a report that prints its grouping field once): the deals below it are blank there. Read as written,
// those deals have no owner (or stage, company…), which may be what a blank means elsewhere, so the
// CRM does not guess: the preview names such a column and offers "A = fill down", which gives each
// blank the value above it.
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import type { FieldKey } from '../../shared/fields';
import { firstOf, looseKey } from '../values/text';
import { cellText } from './valueSniffing';

/** Fields a report groups deals by. */
const GROUPING: readonly FieldKey[] = [
  'owner',
  'stage',
  'company',
  'industry',
  'leadSource',
  'forecastCategory',
];

/** A column that looks written once per group: its blank rows (1-based sheet rows). */
export interface MergedColumn {
  column: number;
  blanks: number[];
}

/**
 * Mapped grouping columns that look written once per group: the first deal has a value, each value
 * appears once (a group's first row), and at least two deals and a third of them are blank.
 */
export function mergedColumnsOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
): MergedColumn[] {
  const rows = values
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i > headerRow && r.some((v) => cellText(v) !== ''));
  if (rows.length < 3) return [];
  const out: MergedColumn[] = [];
  for (const key of GROUPING) {
    const c = map.columns[key];
    if (c === undefined || cellText(rows[0].r[c]) === '') continue;
    const blanks = rows.filter(({ r }) => cellText(r[c]) === '').map(({ i }) => i + 1);
    if (blanks.length < 2 || blanks.length * 3 < rows.length) continue;
    const filled = rows.filter(({ r }) => cellText(r[c]) !== '').map(({ r }) => looseKey(r[c]));
    if (new Set(filled).size === filled.length) out.push({ column: c, blanks });
  }
  return out;
}

/** The values with each blank of `columns` given the value of the deal above it. */
export function filledDown(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly number[],
): readonly (readonly CellValue[])[] {
  if (!columns.length) return values;
  const last = new Map<number, CellValue>();
  return values.map((row, i) => {
    if (i <= headerRow || !row.some((v) => cellText(v) !== '')) return row;
    let out: CellValue[] | null = null;
    for (const c of columns) {
      if (cellText(row[c]) !== '') last.set(c, row[c]);
      else if (last.has(c)) (out ??= [...row])[c] = last.get(c)!;
    }
    return out ?? row;
  });
}

/** The preview's words on columns written once per group, or ''. `name` names a column. */
export function mergedSaid(
  merged: readonly MergedColumn[],
  fillDown: readonly number[],
  name: (c: number) => string,
  letter: (c: number) => string,
): string[] {
  const out: string[] = [];
  for (const c of fillDown)
    out.push('', `${name(c)}: each blank takes the value above it (your correction).`);
  for (const m of merged.filter((x) => !fillDown.includes(x.column))) {
    const rows = firstOf(m.blanks, 6);
    out.push(
      '',
      `${name(m.column)} is blank on ${m.blanks.length} rows (${rows}) and names each value once, as merged cells or a report grouped by it leave it: those deals are read with no value there. If each belongs with the row above, correct with "${letter(m.column)} = fill down".`,
    );
  }
  return out;
}
