// A sidebar save's cells that landed on another deal. The save reads one row, writes it, and reads it
// back (landedOn): a sort or a row inserted in between puts another deal there, and Sheets has no
// compare-and-set. If the writes landed on the deal before it moved, the deal holds them on its new row
// (rowHolding); otherwise the cells written on the other deal are marked with a note (what they held is
// gone from the sheet: a save reads one row, not the tab) and the rep is told (misplacedWords).
import { sameCell, type CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { columnRuns } from '../../domain/deals/writeBlocks';
import { stamp } from '../../domain/reports/reportSet';
import { FIELD_BY_KEY, type FieldKey } from '../../shared/fields';
import { PRODUCT } from '../../shared/names';
import { readRows, rowsOfDeal } from '../deals/dealLookup';
import { asRead, type PlannedWrites } from '../deals/dealRows';
import { COMPUTED_FIELDS } from '../../domain/edits/editEffects';
import type { Sheet } from '../core/sheetTypes';
import { maxOf, minOf } from '../../shared/manyValues';

/** A save's cells that landed on another deal's row (a sort or an inserted row moved it there). */
export interface Misplaced {
  row: number;
  deal: string;
  fields: string[];
}

/** The row's Deal ID and name when it no longer holds the deal written; null when it does. */
export function landedOn(
  sheet: Sheet,
  rowNumber: number,
  map: HeaderMap,
  after: readonly CellValue[],
): { id: string; name: string } | null {
  const idCol = map.columns.dealId;
  if (idCol === undefined) return null;
  const now = sheet.getRange(rowNumber, 1, 1, map.width).getValues()[0] as CellValue[];
  const at = (k: 'dealId' | 'deal') =>
    map.columns[k] === undefined ? '' : String(now[map.columns[k]!]).trim();
  return at('dealId') !== String(after[idCol]).trim() ? { id: at('dealId'), name: at('deal') } : null;
}

/**
 * The deal's row as it is now when it holds every cell the save wrote (its writes went out before a
 * sort moved it; they go out together, so they are all there or none is); null otherwise.
 */
export function rowHolding(
  sheet: Sheet,
  map: HeaderMap,
  id: string,
  after: readonly CellValue[],
  changed: ReadonlySet<number>,
): { row: number; values: CellValue[] } | null {
  const [row] = rowsOfDeal(sheet, map, id);
  if (row === undefined) return null;
  const values = readRows(sheet, [row], 1, map.width).get(row)!;
  return [...changed].every((col) => sameCell(values[col], after[col])) ? { row, values } : null;
}

/**
 * Marks the cells (`noted`, all it wrote unless said) a save or an edit's check (`by`) wrote on another
 * deal's row with a note saying so (the value they replaced is in the version history), and blanks that
 * deal's Last seen if it was written (so that the next sweep adopts the row as it is instead of logging
 * the other deal's stage as its own).
 */
export function markMisplaced(
  sheet: Sheet,
  map: HeaderMap,
  rowNumber: number,
  changed: ReadonlySet<number>,
  landed: { id: string; name: string },
  after: readonly CellValue[],
  timeZone: string,
  by = 'a sidebar save',
  noted: ReadonlySet<number> = changed,
): Misplaced {
  const fields = [...noted].sort((a, b) => a - b);
  const saved = map.columns.deal === undefined ? 'another deal' : String(after[map.columns.deal]);
  const note = `${PRODUCT}: written by ${by} of ${saved} while Deals was being sorted (${stamp(new Date(), timeZone)}). The value it replaced is in File > Version history.`;
  for (const [from, to] of columnRuns(noted, new Set()))
    sheet.getRange(rowNumber, from + 1, 1, to - from + 1).setNote(note);
  const seen = map.columns.lastSeen;
  if (seen !== undefined && changed.has(seen)) sheet.getRange(rowNumber, seen + 1).setValue('');
  return {
    row: rowNumber,
    deal: landed.name || landed.id || 'a deal',
    fields: fields.map((col) => headerAt(map, col)),
  };
}

/** The field's header at a column (0-based), or the column's number when it holds no field. */
export function headerAt(map: HeaderMap, col: number): string {
  const key = (Object.keys(map.columns) as FieldKey[]).find((k) => map.columns[k] === col);
  return key ? FIELD_BY_KEY[key].header : `column ${col + 1}`;
}

/** What the rep is told after a save that was tried again. */
export function misplacedWords(list: readonly Misplaced[]): string {
  return list
    .map(
      (m) =>
        `Deals was sorted while this saved: ${m.fields.join(', ')} of ${m.deal} (row ${m.row}) were written with this deal's values first. Those cells carry a note; check them (File > Version history has what they held).`,
    )
    .join(' ');
}

/**
 * An edit check's writes that landed on other deals: a sort between its read and its writes put
 * another deal on a written row. Reads the written rows back (one call, which sends the writes out)
 * and marks each such row's people's cells written there (markMisplaced). Returns how many rows.
 */
export function markEditsMisplaced(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
  timeZone: string,
): number {
  const idCol = map.columns.dealId;
  if (idCol === undefined || !planned.blocks.length) return 0;
  const top = minOf(planned.blocks.map((b) => b.top));
  const bottom = maxOf(planned.blocks.map((b) => b.bottom));
  const now = sheet.getRange(first + top, 1, bottom - top + 1, map.width).getValues() as CellValue[][];
  const written = (r: number, c: number) =>
    planned.blocks.some((b) => c >= b.c1 && c <= b.c2 && r >= b.top && r <= b.bottom);
  const computed = new Set(COMPUTED_FIELDS.map((k) => map.columns[k]));
  let marked = 0;
  now.forEach((line, i) => {
    const r = top + i;
    const meant = asRead(written(r, idCol) ? planned.cell(r, idCol) : (rows[r][idCol] ?? ''));
    if (sameCell(line[idCol] ?? '', meant)) return;
    const changed = new Set<number>();
    for (let c = 0; c < map.width; c++) if (written(r, c)) changed.add(c);
    const people = new Set([...changed].filter((c) => !computed.has(c)));
    const deal = map.columns.deal === undefined ? '' : String(line[map.columns.deal] ?? '');
    const landed = { id: String(line[idCol] ?? ''), name: deal };
    markMisplaced(sheet, map, first + r, changed, landed, rows[r], timeZone, 'the check of an edit', people);
    marked++;
  });
  return marked;
}
