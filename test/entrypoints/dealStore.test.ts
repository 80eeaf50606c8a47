// The Deals store: a refresh after edits reads the rows the writers left in it instead of all of Deals.
// Whatever people did (typed, pasted, saved from the sidebar, a day passing, a change with no event),
// each refresh must leave what a refresh from scratch leaves (a copy that forgot the store and every
// record), while reading only a part of Deals when it can, and all of it when the store cannot stand.
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import { Range } from '../../local/emulator/range';
import { fillDemo } from '../support/demoWorkbook';
import { DIST, loadedEmulator } from '../support/emulator';
import { a1, columnOf } from '../support/crm';
import { fromScratch, reportTabs } from '../support/reportTabs';
import { savedBySidebar } from '../support/dealWriters';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const DEALS = 2100;
const STORE = 'Deals store (CRM)';

let saved: ReturnType<Emulator['save']>;
beforeAll(() => {
  const emu = loadedEmulator(OPTS);
  emu.run('menuSetUp');
  fillDemo(emu, DEALS);
  // The first refresh reads Deals whole (the owners written to CRM Settings since Set up: not the
  // refresh right after it) and writes the store; the second reads the store.
  emu.run('menuRefresh');
  emu.env.nowMs += 60_000;
  emu.userEdit('Deals', a1(emu, 'Stage', 3), 'Negotiation');
  emu.run('menuRefresh');
  saved = emu.save();
}, 120_000);

const fresh = () => Emulator.fromSaved(saved, OPTS).load(DIST);

/** Cells read from Deals by `run` (every getValues on the tab). */
function dealsCellsRead(run: () => void): number {
  const spy = jest.spyOn(Range.prototype, 'getValues');
  run();
  const read = spy.mock.contexts.filter((r) => r.sheet.name === 'Deals');
  spy.mockRestore();
  return read.reduce((n, r) => n + r.box.numRows * r.box.numCols, 0);
}

/** Refreshes from the menu, checks it against a refresh from scratch; the Deals cells it read. */
function refreshMatches(emu: Emulator): number {
  const before = emu.save();
  const read = dealsCellsRead(() => emu.run('menuRefresh'));
  expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  const full = fromScratch(before, OPTS);
  expect(reportTabs(emu)).toEqual(reportTabs(full));
  expect(emu.values('Deals')).toEqual(full.values('Deals'));
  expect(emu.values('History')).toEqual(full.values('History'));
  return read;
}

/** Google refusing every `method` call on the store's tab (until the spy is restored). */
function refusedOnStore(method: 'getValues' | 'setValues') {
  const real = Range.prototype[method] as (this: Range, ...a: unknown[]) => unknown;
  return jest.spyOn(Range.prototype, method).mockImplementation(function (this: Range, ...args: unknown[]) {
    if (this.sheet.name === STORE) throw new Error('Service Spreadsheets failed while accessing document');
    return real.apply(this, args);
  } as never);
}

/** New deals pasted below the last, deal and company (a paste: no e.value), the tab's rows made first. */
function pasteBelow(emu: Emulator, deals: readonly string[][]): void {
  const sheet = emu.sheet('Deals');
  const at = emu.values('Deals').length + 1;
  if (at + deals.length > sheet.maxRows) sheet.insertRowsAfter(sheet.maxRows, deals.length + 5);
  emu.userEdit('Deals', `${a1(emu, 'Deal', at)}:${a1(emu, 'Company', at + deals.length - 1)}`, deals);
}

const dealsCells = (emu: Emulator) => emu.values('Deals').length * emu.values('Deals')[0].length;
const STAGES = ['Qualified', 'Quote sent', 'Negotiation', 'Won', 'Lost'];

type Change =
  { kind: 'stage' | 'amount' | 'note' | 'save' | 'paste'; row: number; n: number } | { kind: 'nextDay' };

function apply(emu: Emulator, c: Change): void {
  if (c.kind === 'nextDay') {
    emu.env.nowMs += 86_400_000;
    return;
  }
  const rows = emu.values('Deals').length;
  const row = 2 + (c.row % (rows - 1));
  switch (c.kind) {
    case 'stage':
      emu.userEdit('Deals', a1(emu, 'Stage', row), STAGES[c.n % STAGES.length]);
      break;
    case 'amount':
      emu.userEdit('Deals', a1(emu, 'Amount', row), String(1000 + c.n * 13));
      break;
    case 'note':
      emu.userEdit('Deals', a1(emu, 'Notes', row), `note ${c.n}`);
      break;
    case 'save':
      savedBySidebar(emu, row, { nextStep: `Call ${c.n}`, stage: 'Negotiation' }, 'rep@example.com');
      break;
    case 'paste':
      pasteBelow(
        emu,
        Array.from({ length: 1 + (c.n % 3) }, (_, i) => [`Pasted ${c.n}-${i}`, `Pasted Co ${c.n}`]),
      );
      break;
  }
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('stage', 'amount', 'note', 'save', 'paste'),
    row: fc.nat(100_000),
    n: fc.nat(1000),
  }) as fc.Arbitrary<Change>,
  fc.constant({ kind: 'nextDay' } as Change),
);

describe('the Deals store', () => {
  it('stands for Deals after typed edits, pastes, sidebar saves and days passing, and a refresh then reads a part of Deals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(change, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        (rounds) => {
          const emu = fresh();
          for (const round of rounds) {
            for (const c of round) apply(emu, c);
            emu.env.nowMs += 60_000;
            const read = refreshMatches(emu);
            // The header, the Deal IDs, a window of 500 rows and the rows pasted: well under half.
            expect(read).toBeLessThan(dealsCells(emu) * 0.45);
          }
        },
      ),
      { numRuns: 3, seed: 20261207 },
    );
  }, 300_000);

  it("reads only the edits' slots since the last refresh: the rows of earlier ones are in the refresh's own", () => {
    const emu = fresh();
    const slotsRead = (run: () => void) => {
      const spy = jest.spyOn(Range.prototype, 'getValues');
      run();
      const read = spy.mock.contexts.filter((r) => r.sheet.name === STORE && r.box.col === 2);
      spy.mockRestore();
      return read.reduce((n, r) => n + r.box.numRows, 0);
    };
    for (const [round, edits] of [5, 2, 3].entries()) {
      for (let i = 0; i < edits; i++)
        emu.userEdit('Deals', a1(emu, 'Amount', 600 + 100 * round + i), String(2000 + i));
      emu.env.nowMs += 60_000;
      expect(slotsRead(() => emu.run('menuRefresh'))).toBe(edits);
    }
    // And the last refresh's rows hold the first round's edits: a refresh from scratch agrees.
    emu.userEdit('Deals', a1(emu, 'Amount', 50), '999');
    emu.env.nowMs += 60_000;
    refreshMatches(emu);
  });

  it('reads slots across the end of the ring: a paste whose rows take several slots, then edits past slot 4,096', () => {
    const emu = fresh();
    // The stamp's count just short of the ring's end, then a full read (a sort) writes the base there.
    const doc = emu.properties.document.data as Record<string, string>;
    doc['sheetsCrm.changedAt'] = `${emu.env.nowMs}#4093`;
    emu
      .sheet('Deals')
      .rangeAt(2, 1, DEALS, emu.sheet('Deals').maxColumns)
      .sort({ column: columnOf(emu, 'Company') });
    emu.env.nowMs += 60_000;
    refreshMatches(emu);
    // 400 deals pasted below the others (their rows take several slots), then typed edits.
    pasteBelow(
      emu,
      Array.from({ length: 400 }, (_, i) => [
        `Pasted across the ring ${i}`,
        `A company with a longer name ${i}`,
      ]),
    );
    for (let i = 0; i < 4; i++) emu.userEdit('Deals', a1(emu, 'Stage', 900 + i), STAGES[i]);
    const count = Number(doc['sheetsCrm.changedAt'].split('#')[1]);
    expect(count).toBeGreaterThanOrEqual(4096 + 4); // the paste took 4,094 to 4,096 at least
    emu.env.nowMs += 60_000;
    expect(refreshMatches(emu)).toBeLessThan(dealsCells(emu) * 0.6);
  });

  it("leaves an edit whole when Google refuses the store's slot: the next refresh reads Deals whole", () => {
    const emu = fresh();
    const refused = refusedOnStore('setValues');
    const history = emu.values('History').length;
    const doc = emu.properties.document.data as Record<string, string>;
    const stamp = doc['sheetsCrm.changedAt'];
    emu.userEdit('Deals', a1(emu, 'Stage', 1800), 'Won');
    refused.mockRestore();
    // The check went through: History logged, its journal closed, its change stamped.
    expect(emu.values('History').length).toBe(history + 1);
    expect(Object.entries(doc).filter(([k, v]) => k.startsWith('sheetsCrm.journal.') && v !== '')).toEqual(
      [],
    );
    expect(doc['sheetsCrm.changedAt']).not.toBe(stamp);
    emu.env.nowMs += 60_000;
    expect(refreshMatches(emu)).toBeGreaterThanOrEqual(dealsCells(emu) - DEALS);
  });

  it('reads Deals whole when Google refuses a read of the store, and the refresh completes', () => {
    const emu = fresh();
    emu.userEdit('Deals', a1(emu, 'Stage', 1700), 'Won');
    const refused = refusedOnStore('getValues');
    emu.env.nowMs += 60_000;
    const before = emu.save();
    emu.run('menuRefresh');
    refused.mockRestore();
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(before, OPTS)));
  });

  it('keeps what people type and save while a refresh that read the store writes: the next one agrees with one from scratch', () => {
    const emu = fresh();
    emu.userEdit('Deals', a1(emu, 'Stage', 100), 'Quote sent');
    emu.userEdit('Deals', a1(emu, 'Amount', 1000), '1111'); // its slot goes into the refresh's own rows
    emu.env.nowMs += 86_400_000; // a day later: the sweep writes the day's Check verdicts, in parts
    // Once the refresh has read (the store, the IDs, its window), before its first hold of the lock:
    // the same amount typed again (a later slot than the refresh's rows), a typed stage, a typed
    // amount elsewhere, a sidebar save.
    emu.acc.beforeNext('LockService.getDocumentLock', () => {
      emu.userEdit('Deals', a1(emu, 'Amount', 1000), '2222');
      emu.userEdit('Deals', a1(emu, 'Stage', 1500), 'Negotiation');
      emu.userEdit('Deals', a1(emu, 'Amount', 2050), '4242');
      savedBySidebar(emu, 1900, { nextStep: 'Call back', stage: 'Won' }, 'rep@example.com');
    });
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    emu.env.nowMs += 60_000;
    expect(refreshMatches(emu)).toBeLessThan(dealsCells(emu) * 0.45);
  });

  it('applies the rules again to a row a refresh left for the next (renamed by a script under its writes)', () => {
    const emu = fresh();
    const doc = emu.properties.document.data as Record<string, string>;
    // A row of the window the next refresh reads: a stage a script changed (no stamp) is found there.
    const next = (JSON.parse(doc['sheetsCrm.lastRefresh']) as { next: number }).next;
    const row = 2 + next + 10;
    const [stageCol, nameCol] = [columnOf(emu, 'Stage'), columnOf(emu, 'Deal')];
    const was = String(emu.values('Deals')[row - 1][stageCol - 1]);
    const to = was === 'Negotiation' ? 'Quote sent' : 'Negotiation';
    emu.sheet('Deals').cellAt(row, stageCol).v = to;
    emu.userEdit('Deals', a1(emu, 'Amount', 30), '3030');
    emu.env.nowMs += 60_000;
    // Under the refresh's writes, a person's edit elsewhere (stamped: the refresh checks its rows again)
    // and the script renaming the deal: the row is left for the next refresh, its move not logged.
    emu.acc.beforeNext('LockService.getDocumentLock', () => {
      emu.userEdit('Deals', a1(emu, 'Amount', 35), '3535');
      emu.sheet('Deals').cellAt(row, nameCol).v = 'Renamed by a script';
    });
    emu.run('menuRefresh');
    const record = JSON.parse(doc['sheetsCrm.dealStore']) as { settled?: { loose: number[] } };
    expect(record.settled?.loose).toEqual([row - 2]);
    // The next refresh (its window elsewhere) logs the move, as one from scratch does.
    emu.userEdit('Deals', a1(emu, 'Amount', 31), '3131');
    emu.env.nowMs += 60_000;
    refreshMatches(emu);
    const id = String(emu.values('Deals')[row - 1][0]);
    expect(emu.values('History').filter((r) => r[1] === id && r[3] === was && r[4] === to)).toHaveLength(1);
  });

  it("applies the rules to every row again once CRM Settings change (a stage's probability), as a refresh from scratch does", () => {
    const emu = fresh();
    const settings = emu.sheet('CRM Settings');
    const values = emu.values('CRM Settings');
    const r = values.findIndex((line) => line[0] === 'Negotiation');
    const c = values.findIndex((line) => line.includes('Probability'));
    const pc = values[c].indexOf('Probability');
    expect([r, c]).not.toContain(-1);
    settings.cellAt(r + 1, pc + 1).v = 0.55; // by a script: no edit event
    emu.userEdit('Deals', a1(emu, 'Amount', 40), '4040');
    emu.env.nowMs += 60_000;
    refreshMatches(emu);
    const deals = emu.values('Deals');
    const [stageCol, pCol] = [columnOf(emu, 'Stage') - 1, columnOf(emu, 'Probability') - 1];
    expect(deals.filter((d) => d[stageCol] === 'Negotiation').map((d) => d[pCol])).toContain(0.55);
  });

  it("reads Deals whole after a paste too large for the slots, even when that count's slot holds a dead run's rows", () => {
    const emu = fresh();
    const doc = emu.properties.document.data as Record<string, string>;
    const next = Number(doc['sheetsCrm.changedAt'].split('#')[1]) + 1;
    // A run that died after writing its slot for the next count, before stamping: row 5 as Lost.
    const row5 = emu
      .values('Deals')[4]
      .map((v, c) => (c === columnOf(emu, 'Stage') - 1 ? 'Lost' : v instanceof Date ? [v.getTime()] : v));
    emu.sheet(STORE).cellAt(2 + (next % 4096), 2).v = `~${next}:${next}:1|${JSON.stringify([[5, row5]])}`;
    // 2,500 deals pasted with long names: more text than sixteen slots hold.
    pasteBelow(
      emu,
      Array.from({ length: 2500 }, (_, i) => [`${'A very long deal name '.repeat(14)}${i}`, `Company ${i}`]),
    );
    expect(Number(doc['sheetsCrm.changedAt'].split('#')[1])).toBe(next);
    emu.env.nowMs += 60_000;
    expect(refreshMatches(emu)).toBeGreaterThanOrEqual(dealsCells(emu) - emu.values('Deals').length);
  });

  it("writes the base again once the refreshes' rows are listed a hundred times, so that the record stays a small property", () => {
    const emu = fresh();
    const doc = emu.properties.document.data as Record<string, string>;
    emu.userEdit('Deals', a1(emu, 'Amount', 700), '3333');
    emu.env.nowMs += 60_000;
    refreshMatches(emu); // the store read: its rows in column C, listed after the last refresh's
    const record = JSON.parse(doc['sheetsCrm.dealStore']) as { gen: string; refresh: number[][] };
    expect(record.refresh.length).toBeGreaterThan(0);
    // The last rows listed 100 times (applied again, they change nothing): as after 100 refreshes.
    record.refresh = Array.from({ length: 100 }, () => record.refresh.at(-1)!);
    doc['sheetsCrm.dealStore'] = JSON.stringify(record);
    emu.userEdit('Deals', a1(emu, 'Amount', 800), '4444');
    emu.env.nowMs += 60_000;
    refreshMatches(emu);
    const after = JSON.parse(doc['sheetsCrm.dealStore']) as { gen: string; refresh: number[][] };
    expect(after.gen).not.toBe(record.gen);
    expect(after.refresh).toEqual([]);
    expect(doc['sheetsCrm.dealStore'].length).toBeLessThan(9000);
  });

  it('finds a change made with no stamp (a script) within as many refreshes as Deals has windows', () => {
    const emu = fresh();
    const row = 1200; // in the third window of 500 rows
    const stageCol = columnOf(emu, 'Stage');
    const was = String(emu.values('Deals')[row - 1][stageCol - 1]);
    const to = was === 'Negotiation' ? 'Quote sent' : 'Negotiation';
    emu.sheet('Deals').cellAt(row, stageCol).v = to; // no edit event, no stamp
    const id = String(emu.values('Deals')[row - 1][0]);
    const logged = () => emu.values('History').filter((r) => r[1] === id && r[3] === was && r[4] === to);
    let found = 0;
    for (let n = 1; n <= 3 && !found; n++) {
      // An edit elsewhere each time, so that every refresh reads the store.
      emu.userEdit('Deals', a1(emu, 'Amount', 10 + n), String(5000 + n));
      emu.env.nowMs += 60_000;
      emu.run('menuRefresh');
      if (logged().length) found = n;
    }
    expect(found).toBeGreaterThan(0);
    expect(logged()).toHaveLength(1);
    // And the reports now hold it, as a refresh from scratch would.
    const before = emu.save();
    emu.userEdit('Deals', a1(emu, 'Amount', 20), '7777');
    refreshMatches(emu);
    expect(fromScratch(before, OPTS).values('Deals')[row - 1][stageCol - 1]).toBe(to);
  });

  it.each([
    [
      'Deals sorted (no edit event)',
      (emu: Emulator) =>
        emu
          .sheet('Deals')
          .rangeAt(2, 1, DEALS, emu.sheet('Deals').maxColumns)
          .sort({ column: columnOf(emu, 'Company') }),
    ],
    ['a row deleted in the middle (no edit event)', (emu: Emulator) => emu.sheet('Deals').deleteRows(700, 1)],
    [
      'two columns swapped, header and all (a script)',
      (emu: Emulator) => {
        const deals = emu.sheet('Deals');
        const [a, b] = [columnOf(emu, 'Lead source'), columnOf(emu, 'Industry')];
        const rows = deals.lastRowIndex();
        const left = deals.rangeAt(1, a, rows, 1).getValues();
        const right = deals.rangeAt(1, b, rows, 1).getValues();
        deals.rangeAt(1, a, rows, 1).setValues(right);
        deals.rangeAt(1, b, rows, 1).setValues(left);
      },
    ],
    [
      "a person's text typed into the store",
      (emu: Emulator) => {
        emu.sheet(STORE).cellAt(2, 1).v = 'oops';
      },
    ],
    [
      'a change stamped with no slot (a check that could not leave its rows)',
      (emu: Emulator) => {
        const doc = emu.properties.document.data as Record<string, string>;
        const [t, n] = doc['sheetsCrm.changedAt'].split('#');
        doc['sheetsCrm.changedAt'] = `${t}#${Number(n) + 1}`;
        emu.sheet('Deals').cellAt(900, columnOf(emu, 'Amount')).v = 4321;
      },
    ],
  ])('is not trusted after %s: Deals is read in full', (_, act) => {
    const emu = fresh();
    emu.userEdit('Deals', a1(emu, 'Stage', 1000), 'Won');
    act(emu);
    emu.env.nowMs += 60_000;
    expect(refreshMatches(emu)).toBeGreaterThanOrEqual(dealsCells(emu) - DEALS);
  });
});
