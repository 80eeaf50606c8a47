// The re-check before a sweep writes: a refresh reads Deals, works for a while, then writes; meanwhile
// people type, paste and sort (their edits take no lock). Just before writing, the cells about to be
// written and each row's Deal ID and deal name are read again, by column runs over the rows that
// change: a constant number of calls. A row where any of them differs from the first read was changed
// or moved (a sort) meanwhile: it is left alone. The fresh values replace the first read in `rows`, so
// that cells a block passes over are written back as they are now.
import { sameCell, type CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import type { RowOutcome } from '../../domain/edits/editEffects';
import { columnRuns } from '../../domain/deals/writeBlocks';
import type { FieldKey } from '../../shared/fields';
import type { Sheet } from '../core/sheetTypes';

/** Indexes (into `rows`) of the rows to leave alone; `rows` is updated with what the sheet holds now. */
export function recheckRows(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: CellValue[][],
  outcomes: readonly RowOutcome[],
): Set<number> {
  const conflicts = new Set<number>();
  const columns = new Set<number>();
  let top = -1;
  let bottom = -1;
  outcomes.forEach((o, r) => {
    const keys = Object.keys(o.writes) as FieldKey[];
    if (!keys.length) return;
    if (top < 0) top = r;
    bottom = r;
    for (const k of keys) columns.add(map.columns[k]!);
  });
  if (top < 0) return conflicts;
  for (const k of ['dealId', 'deal'] as const) if (map.columns[k] !== undefined) columns.add(map.columns[k]!);
  for (const [c1, c2] of columnRuns(columns, new Set())) {
    const fresh = sheet
      .getRange(first + top, c1 + 1, bottom - top + 1, c2 - c1 + 1)
      .getValues() as CellValue[][];
    fresh.forEach((line, i) => {
      const row = rows[top + i];
      line.forEach((v, j) => {
        if (!sameCell(row[c1 + j] ?? '', v)) {
          if (Object.keys(outcomes[top + i].writes).length) conflicts.add(top + i);
          row[c1 + j] = v;
        }
      });
    });
  }
  return conflicts;
}
