// A list block read first and written cell by cell (src/workbook/reports/reportTab.ts, writeBlocksOf),
// run on the emulator's sheet: only the cells that differ are written, one RangeList call per value,
// and the tab ends as a whole write would leave it; a block with a formula, or with too many values to
// write, goes out whole.
import { Accountant, Emulator } from '../../local/emulator';
import { ReportGrid } from '../../src/domain/core/reportGrid';
import { writeBlocksOf } from '../../src/workbook/reports/reportTab';

const STAGES = ['Lead', 'Qualified', 'Demo', 'Negotiation', 'Won', 'Lost'];

/** A list like a segment tab's: a title and header, then rows of a link, a name, a stage and an amount. */
function list(stageOf: (i: number) => string, amountOf: (i: number) => number): ReportGrid {
  const g = new ReportGrid();
  g.title('Segment X');
  g.header(['Row', 'Deal', 'Stage', 'Amount']);
  g.body(['', '', '', '#,##0'], 1);
  for (let i = 0; i < 300; i++)
    g.line([
      { formula: `=HYPERLINK("#gid=1&range=A${i + 2}","Row ${i + 2}")` },
      `Deal ${i}`,
      stageOf(i),
      amountOf(i),
    ]);
  return g;
}

function written(grid: ReportGrid) {
  const emu = new Emulator({ timeZone: 'America/New_York' });
  const sheet = emu.spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
  const all = { r1: 0, r2: grid.rows.length, c1: 0, c2: 3 };
  writeBlocksOf(sheet as never, grid, 2, [all], Infinity);
  return { emu, sheet };
}

const values = (sheet: {
  getRange(r: number, c: number, n: number, m: number): { getValues(): unknown[][] };
}) => sheet.getRange(3, 2, 300, 3).getValues();

describe('a list block read first', () => {
  it('writes only the cells that changed, one call per value, and ends as a whole write would', () => {
    const before = list(
      (i) => STAGES[i % 4],
      (i) => 1000 + i,
    );
    const { emu, sheet } = written(before);
    // Stage changes spread over the list, to three stages.
    const moved = new Map([
      [5, 'Won'],
      [77, 'Won'],
      [150, 'Lost'],
      [151, 'Lost'],
      [299, 'Lead'],
    ]);
    const after = list(
      (i) => moved.get(i) ?? STAGES[i % 4],
      (i) => 1000 + i,
    );
    const d0 = emu.acc.snapshot();
    writeBlocksOf(sheet as never, after, 2, [{ r1: 2, r2: 302, c1: 2, c2: 2 }], 1);
    const d = Accountant.diff(d0, emu.acc.snapshot());
    // One read, then one call per value to write: Won, Lost, Lead (151 follows 150: one range).
    expect(d.serviceCalls).toBe(4);
    expect(d.byMethod['RangeList.setValue']).toBe(3);
    expect(d.cellsWritten).toBe(moved.size);
    expect([...moved].every(([i, s]) => STAGES[i % 4] !== s)).toBe(true);
    expect(values(sheet)).toEqual(values(written(after).sheet));
  });

  it('writes a block whole when it holds a formula, or when more values than allowed are to go out', () => {
    const before = list(
      (i) => STAGES[i % 4],
      (i) => 1000 + i,
    );
    const { emu, sheet } = written(before);
    // Every amount changes, each to a value of its own: far more than a call each is worth.
    const after = list(
      (i) => STAGES[i % 4],
      (i) => 2000 + i,
    );
    let d0 = emu.acc.snapshot();
    writeBlocksOf(sheet as never, after, 2, [{ r1: 2, r2: 302, c1: 3, c2: 3 }], 1);
    let d = Accountant.diff(d0, emu.acc.snapshot());
    expect(d.byMethod['Range.setValues']).toBe(1);
    expect(d.byMethod['RangeList.setValue']).toBeUndefined();
    expect(values(sheet)).toEqual(values(written(after).sheet));
    // The link column holds formulas: never read first, written whole.
    d0 = emu.acc.snapshot();
    writeBlocksOf(sheet as never, after, 2, [{ r1: 2, r2: 302, c1: 0, c2: 2 }], 1);
    d = Accountant.diff(d0, emu.acc.snapshot());
    expect(d.byMethod['Range.getValues']).toBeUndefined();
    expect(d.byMethod['Range.setValues']).toBe(1);
  });
});
