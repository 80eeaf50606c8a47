// Converted rows as the sweep after Set up will leave them. Convert writes the export's rows, then Set up
// sweeps the tab: it reads every row back and writes what the row rules decide (Segment, Probability,
// the Check column, Last seen…), at 100,000 deals ~33 s of writes after ~78 s writing the rows. Working
// the rules out on the rows before they are written puts both in one write, and the sweep, reading
// them back, finds its own outcomes there and writes nothing. The sweep stays the judge: where the
// stored values or the settings it reads differ from this guess, it writes the difference.
import type { CellValue } from '../deals/deal';
import { mapHeaders } from '../deals/headerMap';
import { sweepRows, withWrites, type EditContext } from '../edits/editEffects';

/** The rows with the sweep's writes in them (the rows given are not changed). */
export function sweptAhead(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  ctx: Omit<EditContext, 'map'>,
): CellValue[][] {
  const map = mapHeaders(header);
  const outcomes = sweepRows(rows, 2, { ...ctx, map });
  return rows.map((row, i) => withWrites(row, map, outcomes[i].writes));
}
