// A refresh when nothing changed (issue 30; src/workbook/refresh/quietRefresh.ts): every writer of Deals
// but the refresh says it changed something; a refresh the same day with nothing said, the same
// settings and the same Deal IDs reads only the IDs and a window of rows, writes nothing, and says the
// reports are current. Each way Deals changes must make the next refresh a full one, and a change made
// with no event at all must be found by the windows within the promised number of refreshes.
import { Accountant, type Emulator } from '../../local/emulator';
import { Range } from '../../local/emulator/range';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import { demoWorkbook } from '../support/demoWorkbook';
import { a1, cell, columnOf, records, settingsA1, type } from '../support/crm';
import { fresh } from '../support/races';
import { reimported, savedBySidebar } from '../support/dealWriters';

const DEALS = 2000;
/** A window is a twenty-fourth of the tab, at least 500 rows: 4 windows at 2,000 deals. */
const WINDOW = 500;
const QUIET = 'Nothing changed in Deals or CRM Settings since the last refresh';
/** Times of one day (New York): 11:00 plus `m` minutes (Set up ran at 10:00). */
const minute = (m: number) =>
  `2026-03-10T${String(16 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`;

function refresh(
  emu: Emulator,
  at: string,
): { message: string; read: number; written: number; calls: number } {
  const before = emu.acc.snapshot();
  emu.run('menuRefresh', [], { at });
  const used = Accountant.diff(before, emu.acc.snapshot());
  return {
    message: emu.ui.dialogs.at(-1)!.message,
    read: used.cellsRead,
    written: used.cellsWritten,
    calls: used.serviceCalls,
  };
}

describe('a refresh when nothing changed', () => {
  let saved: SavedWorkbook;
  beforeAll(() => {
    const emu = demoWorkbook(DEALS);
    emu.run('menuRefresh', [], { at: minute(0) });
    saved = emu.save();
  });

  it('reads the Deal IDs and one window of rows, writes nothing and says the reports are current', () => {
    const emu = fresh(saved);
    const tabs = () =>
      emu.ss.sheets.filter((s) => s.name !== 'Deals').map((s) => JSON.stringify(emu.values(s.name)));
    const before = tabs();
    const r = refresh(emu, minute(1));
    expect(r.message).toContain(QUIET);
    expect(r.message).toContain(`${WINDOW} rows of Deals were also checked`);
    // The header, the Deal IDs and one window of Deals, and CRM Settings (read by every refresh); each
    // list's key column, and Forecast and Funnel whole, values and formulas (a report tab changed with
    // no edit event).
    const width = emu.values('Deals')[0].length;
    const settings = emu.values('CRM Settings');
    const settingsCells = settings.length * settings[0].length;
    const lists = ['Segment A', 'Segment B', 'Segment C', 'Unsegmented', 'Data issues'];
    const keys = lists.reduce((n, t) => n + emu.sheet(t).lastRowIndex(), 0);
    const small = ['Forecast', 'Funnel'].reduce(
      (n, t) => n + 2 * emu.sheet(t).lastRowIndex() * emu.sheet(t).lastColumnIndex(),
      0,
    );
    // History's end: from its last complete block of rows (each block printed) to the tab's end.
    const pointer = JSON.parse(String(emu.properties.document.data['sheetsCrm.historyIndex'])) as {
      block: number;
    };
    const history = emu.sheet('History');
    const tail = (history.maxRows - history.lastRowIndex() + pointer.block) * 6;
    expect(r.read).toBeLessThanOrEqual(width + DEALS + WINDOW * width + settingsCells + keys + small + tail);
    expect(r.written).toBe(0);
    // Properties, locks, CRM Settings, the quiet check's six calls, the lists' keys (five), Forecast
    // and Funnel (two each), History's header and its end, the dialog.
    expect(r.calls).toBeLessThanOrEqual(27);
    expect(tabs()).toEqual(before);
  });

  it('stays quiet when Deals holds a deal pasted twice, and an edit elsewhere in its row keeps the flag', () => {
    // Row 6 made a copy of row 4 (but its Deal ID) with no event, before a full refresh flags both.
    const emu = fresh(saved);
    const same = ['Deal', 'Company', 'Owner', 'Stage', 'Amount', 'Close date'];
    for (const h of same) emu.sheet('Deals').cellAt(6, columnOf(emu, h)).v = cell(emu, h, 4);
    expect(refresh(emu, minute(2)).message).not.toContain(QUIET);
    const twinFlag = 'Same deal, company, owner, stage, amount and close date as row';
    expect(String(cell(emu, 'Check', 4))).toContain(`${twinFlag} 6`);
    expect(String(cell(emu, 'Check', 6))).toContain(`${twinFlag} 4`);
    // A minute later nothing changed: quiet (before, the window's one-row check dropped the flag, saw a
    // write to make and refreshed in full every time).
    const r = refresh(emu, minute(3));
    expect(r.message).toContain(QUIET);
    expect(r.written).toBe(0);
    // A next step typed in one of them: still the same deal twice, still said.
    type(emu, 'Next step', 6, 'Call them', { user: 'rep@example.com' });
    expect(String(cell(emu, 'Check', 6))).toContain(`${twinFlag} 4`);
    // Its stage typed: no longer alike, so the edited row's flag goes at once.
    type(emu, 'Stage', 6, cell(emu, 'Stage', 4) === 'Won' ? 'Lost' : 'Won', { user: 'rep@example.com' });
    expect(String(cell(emu, 'Check', 6))).not.toContain(twinFlag);
  });

  it('writes the two rows a typed stage made alike, not every row between them', () => {
    // Row 4's deal copied by a script onto row `other` but for its stage; then a rep types row 4's stage
    // there, and the next refresh flags both rows (writing their Check and Last seen).
    const rowsWritten = (other: number) => {
      const emu = fresh(saved);
      for (const h of ['Deal', 'Company', 'Owner', 'Amount', 'Close date'])
        emu.sheet('Deals').cellAt(other, columnOf(emu, h)).v = cell(emu, h, 4);
      const stage = String(cell(emu, 'Stage', 4));
      emu.sheet('Deals').cellAt(other, columnOf(emu, 'Stage')).v = stage === 'Won' ? 'Lost' : 'Won';
      refresh(emu, minute(2));
      type(emu, 'Stage', other, stage, { user: 'rep@example.com' });
      // The rows of Deals the refresh writes, seen at the emulator's Range.
      const spy = jest.spyOn(Range.prototype, 'setValues');
      refresh(emu, minute(4));
      const rows = new Set(
        spy.mock.contexts
          .filter((r) => r.sheet.name === 'Deals')
          .flatMap((r) => Array.from({ length: r.box.numRows }, (_, i) => r.box.row + i)),
      );
      spy.mockRestore();
      expect(String(cell(emu, 'Check', 4))).toContain(`as row ${other}`);
      expect(String(cell(emu, 'Check', other))).toContain('as row 4');
      return [...rows].sort((a, b) => a - b);
    };
    // Two rows close together: written as one block. Far apart: the two rows only (before, every row
    // from 4 to the other, ~4,000 cells of Check and Last seen).
    expect(rowsWritten(6)).toEqual([4, 5, 6]);
    expect(rowsWritten(DEALS - 10)).toEqual([4, DEALS - 10]);
  });

  it('refreshes in full after each way Deals, CRM Settings, History or a report changes', () => {
    const ways: [string, (emu: Emulator) => void][] = [
      ['a typed stage', (emu) => type(emu, 'Stage', 10, 'Negotiation', { user: 'rep@example.com' })],
      ['a typed next step', (emu) => type(emu, 'Next step', 10, 'Call', { user: 'rep@example.com' })],
      [
        'a paste',
        (emu) =>
          emu.userEdit('Deals', a1(emu, 'Amount', 12), [[4321]], { user: 'rep@example.com', kind: 'paste' }),
      ],
      ['a header renamed', (emu) => type(emu, 'Next step', 1, 'Next action', { user: 'rep@example.com' })],
      ['a sidebar save', (emu) => savedBySidebar(emu, 20, { nextStep: 'Demo' }, 'rep@example.com')],
      ['Set up again', (emu) => emu.run('menuSetUp')],
      ['a re-import (Convert of a later export)', (emu) => reimported(emu, 2, 'rep@example.com')],
      [
        'CRM Settings changed by a script (no edit event)',
        (emu) =>
          emu
            .sheet('CRM Settings')
            .getRange(settingsA1(emu, 'Qualified', 'Probability'))
            .setValue(0.3),
      ],
      [
        'History edited',
        (emu) => emu.userEdit('History', 'F5', 'someone@example.com', { user: 'rep@example.com' }),
      ],
      ['a report tab edited', (emu) => emu.userEdit('Forecast', 'A10', 'note', { user: 'rep@example.com' })],
      ['a deal deleted (no edit event)', (emu) => emu.sheet('Deals').deleteRow(30)],
      [
        'Deals sorted (no edit event): the lists link each deal to its row',
        (emu) => {
          const tab = emu.sheet('Deals');
          tab.rangeAt(2, 1, tab.lastRowIndex() - 1, tab.maxColumns).sort({ column: 3, ascending: false });
        },
      ],
      ['History rows deleted (no edit event)', (emu) => emu.sheet('History').deleteRows(40, 3)],
      [
        'a column named Stage again added by a script (no edit event)',
        (emu) => {
          const deals = emu.sheet('Deals');
          const width = emu.values('Deals')[0].length;
          deals.insertColumnAfter(width);
          deals.cellAt(1, width + 1).v = 'Stage';
        },
      ],
      [
        'a typed edit whose check failed',
        (emu) => {
          emu.acc.injectFault({ method: 'Range.getValues' });
          type(emu, 'Amount', 40, '777', { user: 'rep@example.com' });
          emu.acc.clearFaults();
        },
      ],
    ];
    const quiet: string[] = [];
    for (const [what, change] of ways) {
      const emu = fresh(saved);
      change(emu);
      if (refresh(emu, minute(2)).message.includes(QUIET)) quiet.push(what);
    }
    expect(quiet).toEqual([]);
  });

  it('after Deals is sorted with no edit event, links each listed deal to the row it is on now', () => {
    const emu = fresh(saved);
    const tab = emu.sheet('Deals');
    tab.rangeAt(2, 1, tab.lastRowIndex() - 1, tab.maxColumns).sort({ column: 3, ascending: false });
    refresh(emu, minute(2));
    const idAt = new Map(emu.values('Deals').map((r, i) => [i + 1, String(r[0])]));
    const wrong: string[] = [];
    for (const list of ['Segment A', 'Segment B', 'Segment C', 'Unsegmented']) {
      const sheet = emu.sheet(list);
      const formulas = sheet.rangeAt(1, 1, sheet.lastRowIndex(), 2).getFormulas();
      const values = sheet.rangeAt(1, 1, sheet.lastRowIndex(), 2).getValues();
      formulas.forEach(([f], i) => {
        const row = /range=A(\d+)"/.exec(String(f))?.[1];
        if (row && idAt.get(Number(row)) !== String(values[i][1])) wrong.push(`${list}!${i + 1}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('finds a stage changed with no edit event within as many refreshes as the tab has windows', () => {
    // Rows spread over the tab, each in another window; the change is made right after a refresh.
    const found: number[] = [];
    for (const row of [2, 700, 1400, DEALS + 1]) {
      const emu = fresh(saved);
      const was = String(cell(emu, 'Stage', row));
      const to = was === 'Negotiation' ? 'Qualified' : 'Negotiation';
      emu.sheet('Deals').cellAt(row, columnOf(emu, 'Stage')).v = to;
      const id = String(cell(emu, 'Deal ID', row));
      let n = 0;
      for (let h = 1; h <= 24; h++) {
        n = h;
        const r = refresh(emu, minute(h));
        if (!r.message.includes(QUIET)) break;
      }
      const logged = records(emu, 'History').filter(
        (x) => x['Deal ID'] === id && x['From'] === was && x['To'] === to,
      );
      expect(logged).toHaveLength(1);
      found.push(n);
    }
    // Windows of 500 rows from the top, one a refresh: row 2 in the first, row 2,001 in the fourth.
    expect(found).toEqual([1, 2, 3, 4]);
    expect(Math.max(...found)).toBeLessThanOrEqual(Math.ceil(DEALS / WINDOW));
  });

  it('is never quiet on another day, after a failed refresh, or when asked for a full one', () => {
    const nextDay = fresh(saved);
    expect(refresh(nextDay, '2026-03-11T15:00:00Z').message).not.toContain(QUIET);
    // A change, then a refresh that fails writing the reports: the next one, with no change since, is full.
    const failed = fresh(saved);
    type(failed, 'Stage', 10, 'Negotiation', { user: 'rep@example.com' });
    failed.acc.injectFault({ method: 'Range.setValues' });
    failed.run('menuRefresh', [], { at: minute(1) });
    failed.acc.clearFaults();
    expect(failed.ui.dialogs.at(-1)!.title).not.toBe('Sheets CRM: reports refreshed');
    expect(refresh(failed, minute(2)).message).not.toContain(QUIET);
    // Asked for in full (the board workbook made or updated): never quiet.
    const board = fresh(saved);
    board.run('menuUpdateBoard', [], { at: minute(1) });
    expect(board.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: board workbook created');
  });
});
