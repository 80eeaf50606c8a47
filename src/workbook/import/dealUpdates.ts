// Writing an import into a Deals tab that already holds deals: matched deals get the cells that
// changed, new ones are appended, and columns the tab lacks are added at its end.
import { FIELDS, type FieldKey } from '../../shared/fields';
import type { CellValue } from '../../domain/deals/deal';
import { mapHeaders } from '../../domain/deals/headerMap';
import { planReimport, type ReimportPlan } from '../../domain/import/reimport';
import { writeGrid } from '../core/writeGrid';
import { readHeader } from '../deals/dealsTab';
import { writeCells } from '../guard/writeGuard';
import type { Sheet } from '../core/sheetTypes';

/**
 * Re-import into a Deals tab that holds deals: columns it lacks are added at its end, new deals are
 * appended, and changed cells of existing deals are written column by column.
 */
export function updateDeals(
  deals: Sheet,
  header: string[],
  rows: CellValue[][],
  mapped: FieldKey[],
): ReimportPlan {
  const current = readHeader(deals).map((h) => String(h));
  const target = mapHeaders(current);
  const columns = current.slice(0, target.width);
  // Fields go where the Deals tab keeps them (whatever it calls them); extras under the same header
  // text among its own extra columns; anything it lacks is added at its end.
  const position = header.map((h, i) => {
    const field = FIELDS[i];
    if (field) return target.columns[field.key] ?? -1;
    return target.extras.find((c) => columns[c] === h) ?? -1;
  });
  const missing = header.filter((_, i) => position[i] < 0);
  if (missing.length) {
    const need = columns.length + missing.length - deals.getMaxColumns();
    if (need > 0) deals.insertColumnsAfter(deals.getMaxColumns(), need);
    writeGrid(deals.getRange(1, columns.length + 1, 1, missing.length), [missing]);
    header.forEach((_, i) => {
      if (position[i] < 0) position[i] = columns.push(header[i]) - 1;
    });
  }
  const width = columns.length;
  const readAt = Date.now();
  const lastRow = deals.getLastRow();
  const data = lastRow > 1 ? (deals.getRange(2, 1, lastRow - 1, width).getValues() as CellValue[][]) : [];
  const fieldColumns = new Map(FIELDS.map((f, i) => [f.key, i] as const));
  const plan = planReimport(header, rows, fieldColumns, mapped, data, mapHeaders(columns), (h) => {
    const i = header.indexOf(h);
    return i >= 0 ? position[i] : undefined;
  });
  // Changed cells, through the write guard: a sort meanwhile must not put them on other deals.
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const u of plan.updated)
    for (const ch of u.changes) {
      const m = byColumn.get(ch.column) ?? new Map<number, CellValue>();
      m.set(u.row, ch.value);
      byColumn.set(ch.column, m);
    }
  writeCells({ deals, map: mapHeaders(columns), rows: data, readAt, changes: byColumn });
  if (plan.added.length) {
    const block = plan.added.map((r) => {
      const out: CellValue[] = columns.map(() => '');
      r.forEach((v, i) => (out[position[i]] = v));
      return out;
    });
    const first = lastRow + 1;
    const need = first + block.length - 1 - deals.getMaxRows();
    if (need > 0) deals.insertRowsAfter(deals.getMaxRows(), need);
    writeGrid(deals.getRange(first, 1, block.length, width), block);
  }
  return plan;
}
