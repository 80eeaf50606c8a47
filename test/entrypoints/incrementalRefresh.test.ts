// A refresh reads History from where the last one stopped (through the History index) and writes
// only the report rows that changed. Whatever people did in between, with or without an edit event,
// it must leave the reports a full refresh leaves: each step is checked against a copy of the
// workbook that forgets everything the last refresh recorded and is refreshed from scratch.
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import { Range, RangeList } from '../../local/emulator/range';
import { fillDemo } from '../support/demoWorkbook';
import { DIST, loadedEmulator } from '../support/emulator';
import { a1, columnOf, REPORT_TABS } from '../support/crm';
import {
  forgetful,
  fromScratch,
  measured,
  recordedAsBefore,
  reportTabs,
  storedRecord,
} from '../support/reportTabs';
import { indexTrails, writeTrailsAsJson } from '../support/indexCells';
import { savedBySidebar } from '../support/dealWriters';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };

/** Set-up CRMs with demo deals, refreshed once, by their number of deals: each made once. */
const refreshedDemos = new Map<number, ReturnType<Emulator['save']>>();
/** A set-up CRM with `count` demo deals, refreshed once (a copy of its own). */
function refreshedDemo(count: number): Emulator {
  let saved = refreshedDemos.get(count);
  if (!saved) {
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    fillDemo(emu, count);
    emu.run('menuRefresh');
    refreshedDemos.set(count, (saved = emu.save()));
  }
  return Emulator.fromSaved(saved, OPTS).load(DIST);
}

/** A list tab's rows, the sheet row its first listed deal is on, and how many deals it lists. */
function listBody(emu: Emulator, tab: string) {
  const listed = emu.values(tab);
  const body = listed.findIndex((r) => r[0] === 'Row') + 2;
  return { listed, body, count: listed.length - body + 1 };
}

/** Cells `run` writes to `tab`, whole blocks (setValues) and cells set by value (RangeList) alike. */
function cellsWrittenTo(emu: Emulator, tab: string, run: () => void): number {
  const byBlock = jest.spyOn(Range.prototype, 'setValues');
  const byValue = jest.spyOn(RangeList.prototype, 'setValue');
  run();
  const ranges = [...byBlock.mock.contexts, ...byValue.mock.contexts.flatMap((l) => l.getRanges())];
  byBlock.mockRestore();
  byValue.mockRestore();
  return ranges.filter((r) => r.sheet.name === tab).reduce((n, r) => n + r.box.numRows * r.box.numCols, 0);
}

/** Moves each deal of `ids` to another open stage, typed in Deals (one edit and its check each). */
function moveToAnotherStage(emu: Emulator, ids: readonly string[]): void {
  // Deals read once: each deal is edited once, and an edit changes its own row only.
  const grid = emu.values('Deals');
  const rowOf = new Map(grid.map((r, i) => [String(r[0]), i + 1]));
  const stageCol = columnOf(emu, 'Stage') - 1;
  for (const id of ids) {
    const row = rowOf.get(id)!;
    const now = String(grid[row - 1][stageCol]);
    emu.userEdit('Deals', a1(emu, 'Stage', row), now === 'Negotiation' ? 'Quote sent' : 'Negotiation');
  }
}

/**
 * A 12,000-deal CRM an hour after its refresh, with a deal in every sixtieth row of Segment B moved to
 * another stage in Deals (every chunk of the list changes, in its Stage and Probability columns), and
 * the workbook saved before the next refresh: made once, each test getting its own copy.
 */
let moved:
  { saved: ReturnType<Emulator['save']>; ids: string[]; listed: unknown[][]; body: number } | undefined;
function everySixtiethMoved() {
  if (!moved) {
    const emu = refreshedDemo(12000);
    emu.env.nowMs += 3_600_000;
    const { listed, body, count } = listBody(emu, 'Segment B');
    const ids = Array.from({ length: Math.floor(count / 60) }, (_, i) =>
      String(listed[body - 1 + i * 60][1]),
    );
    moveToAnotherStage(emu, ids);
    moved = { saved: emu.save(), ids, listed, body };
  }
  return { ...moved, emu: Emulator.fromSaved(moved.saved, OPTS).load(DIST) };
}

const KINDS = [
  'stage',
  'amount',
  'closeLater',
  'deleteDeal',
  'sortDeals',
  'save',
  'historyEdit',
  'historyDelete',
  'newDeal',
  'sortReport',
  'trimReport',
  'editReport',
  'nextDay',
] as const;
interface Step {
  kind: (typeof KINDS)[number];
  at: number;
}

function apply(emu: Emulator, step: Step): void {
  const deals = emu.sheet('Deals');
  const dealRows = deals.lastRowIndex() - 1;
  const row = 2 + (step.at % Math.max(1, dealRows));
  switch (step.kind) {
    case 'stage':
      emu.userEdit(
        'Deals',
        a1(emu, 'Stage', row),
        ['Qualified', 'Quote sent', 'Negotiation', 'Won'][step.at % 4],
      );
      break;
    case 'amount':
      emu.userEdit('Deals', a1(emu, 'Amount', row), String(1000 + step.at * 7));
      break;
    case 'closeLater':
      emu.userEdit('Deals', a1(emu, 'Close date', row), `2027-0${1 + (step.at % 9)}-15`);
      break;
    case 'newDeal': {
      const at = deals.lastRowIndex() + 1;
      if (at > deals.maxRows) deals.insertRowsAfter(deals.maxRows, 1);
      emu.userEdit('Deals', `${a1(emu, 'Deal', at)}:${a1(emu, 'Company', at)}`, [
        [`New deal ${step.at}`, `Company ${step.at}`],
      ]);
      break;
    }
    case 'deleteDeal':
      deals.deleteRows(row, 1); // no edit event
      break;
    case 'save':
      // from the sidebar, on a deal with an ID
      if (String(emu.values('Deals')[row - 1][0]).trim())
        savedBySidebar(emu, row, { nextStep: `Call ${step.at}`, stage: 'Negotiation' }, 'rep@example.com');
      break;
    case 'sortDeals':
      // by Company, one way or the other (a sort fires no edit event)
      deals
        .rangeAt(2, 1, dealRows, deals.maxColumns)
        .sort({ column: columnOf(emu, 'Company'), ascending: step.at % 2 === 0 });
      break;
    case 'historyEdit': {
      const history = emu.sheet('History');
      const r = 2 + (step.at % Math.max(1, history.lastRowIndex() - 1));
      emu.userEdit('History', `E${r}`, 'Negotiation');
      break;
    }
    case 'historyDelete': {
      const history = emu.sheet('History');
      history.deleteRows(2 + (step.at % Math.max(1, history.lastRowIndex() - 1)), 1); // no edit event
      break;
    }
    case 'sortReport': {
      const tab = emu.sheet(['Segment A', 'Segment B', 'Data issues'][step.at % 3]);
      const first = tab.name === 'Data issues' ? 5 : 8;
      if (tab.lastRowIndex() > first)
        tab.rangeAt(first, 1, tab.lastRowIndex() - first + 1, tab.lastColumnIndex()).sort({ column: 4 }); // no event
      break;
    }
    case 'trimReport': {
      const tab = emu.sheet(['Segment C', 'Data issues'][step.at % 2]);
      if (tab.lastRowIndex() > 10) tab.deleteRows(9, 2); // no event
      break;
    }
    case 'editReport':
      emu.userEdit(['Segment A', 'Unsegmented'][step.at % 2], 'C9', 'typed over');
      break;
    case 'nextDay':
      emu.env.nowMs += 86_400_000;
      break;
  }
}

const step: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom(...KINDS), at: fc.nat(10_000) });

describe('a refresh that reads and writes only what changed', () => {
  it('leaves the reports a full refresh leaves, whatever people did since the last one', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), (rounds) => {
        const emu = refreshedDemo(120);
        for (const round of rounds) {
          for (const s of round) apply(emu, s);
          const saved = emu.save();
          emu.run('menuRefresh');
          expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
          const full = fromScratch(saved, OPTS);
          expect(reportTabs(emu)).toEqual(reportTabs(full));
          expect(emu.values('Deals')).toEqual(full.values('Deals'));
          expect(emu.values('History')).toEqual(full.values('History'));
        }
      }),
      { numRuns: 15, seed: 20261123 },
    );
  }, 240_000);

  it.each([
    [
      'History rows deleted from the middle (no edit event)',
      (emu: Emulator) => emu.sheet('History').deleteRows(40, 60),
    ],
    ['a History cell a person typed over', (emu: Emulator) => emu.userEdit('History', 'E30', 'Won')],
    ['a list cell a person typed over', (emu: Emulator) => emu.userEdit('Segment B', 'C9', 'typed over')],
    [
      'a list sorted (no edit event)',
      (emu: Emulator) => {
        const tab = emu.sheet('Segment B');
        tab.rangeAt(8, 1, tab.lastRowIndex() - 7, tab.lastColumnIndex()).sort({ column: 3 });
      },
    ],
    ['list rows deleted (no edit event)', (emu: Emulator) => emu.sheet('Data issues').deleteRows(9, 20)],
    ['list rows inserted (no edit event)', (emu: Emulator) => emu.sheet('Segment A').insertRowsAfter(9, 5)],
  ])('puts right %s', (_, change) => {
    const emu = refreshedDemo(150);
    change(emu);
    const saved = emu.save();
    emu.run('menuRefresh');
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(saved, OPTS)));
  });

  it('saves an index whose every cell holds the stage moves History holds for that deal, those the sweep just logged included', () => {
    const emu = refreshedDemo(200);
    emu.userEdit('Deals', a1(emu, 'Stage', 5), 'Negotiation'); // typed: logged by onEdit
    const deals = emu.sheet('Deals');
    const stage = emu.values('Deals')[0].indexOf('Stage') + 1;
    deals.cellAt(9, stage).v = 'Won'; // no edit event: the refresh's sweep logs it
    emu.run('menuRefresh');
    // Read here without the product's parsers: History's Stage rows per deal, and each index cell.
    const fromHistory = new Map<string, string[]>();
    for (const r of emu.values('History').slice(1))
      if (r[2] === 'Stage' && r[4] !== '')
        fromHistory.set(String(r[1]), [
          ...(fromHistory.get(String(r[1])) ?? []),
          `${(r[0] as Date).getTime()} ${String(r[4])}`,
        ]);
    // A deal's last index row is its trail (changed trails are appended below the others).
    const fromIndex = new Map<string, string[]>();
    for (const [id, { moves }] of indexTrails(emu)) {
      if (moves.length)
        fromIndex.set(
          String(id),
          moves.map(([t, s]) => `${t} ${s}`),
        );
    }
    const sorted = (m: Map<string, string[]>) => [...m].map(([k, v]) => [k, [...v].sort()]).sort();
    expect(sorted(fromIndex)).toEqual(sorted(fromHistory));
    const wonId = String(emu.values('Deals')[8][0]);
    expect(fromIndex.get(wonId)?.some((m) => m.endsWith(' Won'))).toBe(true);
  });

  it('appends the trails of deals moved all over the tab, leaving the other index rows as they were, until History is read in full again, which writes one row per deal', () => {
    const emu = refreshedDemo(300);
    const index = () => emu.values('History index (CRM)').filter((r) => r[0] !== '');
    const before = index();
    const moved = [3, 60, 150, 240, 299].map((row) => String(emu.values('Deals')[row - 1][0]));
    const stageNow = (row: number) =>
      String(emu.values('Deals')[row - 1][emu.values('Deals')[0].indexOf('Stage')]);
    for (const row of [3, 60, 150, 240, 299])
      emu.userEdit(
        'Deals',
        a1(emu, 'Stage', row),
        stageNow(row) === 'Negotiation' ? 'Quote sent' : 'Negotiation',
      );
    emu.run('menuRefresh');
    const after = index();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(
      after
        .slice(before.length)
        .map((r) => String(r[0]))
        .sort(),
    ).toEqual([...moved].sort());
    // The next morning's check reads a part of History only: the index keeps its appended rows.
    emu.run('scheduledRefresh', [], { at: new Date(emu.env.nowMs + 86_400_000) });
    expect(index().length).toBe(after.length);
    // A person types in History: the next refresh reads all of it and writes the index compactly.
    emu.userEdit('History', 'C2', String(emu.values('History')[1][2]));
    emu.run('menuRefresh');
    const compact = index().map((r) => String(r[0]));
    expect(compact.length).toBe(new Set(compact).size);
    expect(new Set(compact)).toEqual(new Set(before.map((r) => String(r[0]))));
  });

  it('keeps trails as compact text with the list of stage names, and reads an index written as JSON before without reading History again', () => {
    const emu = refreshedDemo(400);
    const cells = () =>
      emu
        .values('History index (CRM)')
        .slice(1)
        .filter((r) => r[0] !== '');
    // Compact: every trail cell, and under a third of the characters JSON takes.
    expect(cells().every((r) => String(r[1]).startsWith('~'))).toBe(true);
    const asJson = indexTrails(emu).reduce((n, [, t]) => n + JSON.stringify([t.moves, t.pushes]).length, 0);
    expect(cells().reduce((n, r) => n + String(r[1]).length, 0)).toBeLessThan(asJson / 3);
    // The index as a version before compact text wrote it: JSON trails, no list in the header.
    writeTrailsAsJson(emu);
    const historyCells = emu.sheet('History').lastRowIndex() * 6;
    for (const row of [5, 200, 390])
      emu.userEdit('Deals', a1(emu, 'Stage', row), row === 200 ? 'Quote sent' : 'Negotiation');
    const scratch = forgetful(emu.save(), OPTS);
    const read = measured(emu, () => emu.run('menuRefresh'));
    const fromNothing = measured(scratch, () => scratch.run('menuRefresh'));
    expect(reportTabs(emu)).toEqual(reportTabs(scratch));
    // History was not read again (only its last rows), and the index's trails are History's.
    expect(fromNothing.cellsRead - read.cellsRead).toBeGreaterThan(historyCells * 0.75);
    const moved = new Map(indexTrails(emu));
    expect(moved).toEqual(new Map(indexTrails(scratch)));
    // The trails that changed went in compactly below the JSON ones, with the list of names.
    const rows = cells();
    expect(rows.slice(0, 400).every((r) => String(r[1]).startsWith('['))).toBe(true);
    expect(rows.length).toBeGreaterThan(400);
    expect(rows.slice(400).every((r) => String(r[1]).startsWith('~'))).toBe(true);
  }, 60_000);

  it('reads only the History rows added since, and writes far less than a full refresh', () => {
    const emu = refreshedDemo(3000);
    const historyCells = emu.sheet('History').lastRowIndex() * 6;
    emu.userEdit('Deals', a1(emu, 'Stage', 40), 'Negotiation');
    const scratch = forgetful(emu.save(), OPTS);
    const incremental = measured(emu, () => emu.run('menuRefresh'));
    const fromNothing = measured(scratch, () => scratch.run('menuRefresh'));
    expect(reportTabs(emu)).toEqual(reportTabs(scratch));
    // All of History is read from scratch; since the last refresh, only its last rows and the index.
    expect(fromNothing.cellsRead - incremental.cellsRead).toBeGreaterThan(historyCells * 0.75);
    // One deal moved: a few chunks of the lists, and the small tabs whole.
    expect(incremental.cellsWritten).toBeLessThan(fromNothing.cellsWritten / 3);
  }, 120_000);

  it('stays within 60 service calls a day later, after stage changes all over the Deals tab', () => {
    const emu = refreshedDemo(1000);
    emu.env.nowMs += 86_400_000;
    for (let i = 0; i < 40; i++)
      emu.userEdit(
        'Deals',
        a1(emu, 'Stage', 2 + i * 25),
        ['Qualified', 'Quote sent', 'Negotiation', 'Won'][i % 4],
      );
    const d = measured(emu, () => emu.run('menuRefresh'));
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(d.serviceCalls).toBeLessThanOrEqual(60);
  }, 60_000);

  it('writes, in a list, only the columns that changed: stage edits spread over it leave its other columns alone', () => {
    const emu = refreshedDemo(1000);
    emu.env.nowMs += 86_400_000;
    const list = emu.sheet('Segment B');
    const header = emu.values('Segment B')[6].map(String);
    const [company, stage] = [header.indexOf('Company') + 1, header.indexOf('Stage') + 1];
    const first = 8;
    const last = list.lastRowIndex();
    // A mark in the Company cell of every tenth listed deal, put there with no edit event: a
    // refresh that writes that column writes over it.
    const marked: number[] = [];
    for (let r = first; r <= last; r += 10) {
      list.cellAt(r, company).v = 'untouched';
      marked.push(r);
    }
    // Stage changes at every 25th deal, all over the Deals tab.
    const changed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const row = 2 + i * 25;
      const next = ['Qualified', 'Quote sent', 'Negotiation', 'Won'][i % 4];
      emu.userEdit('Deals', a1(emu, 'Stage', row), next);
      changed.push(String(emu.values('Deals')[row - 1][0]));
    }
    const d = measured(emu, () => emu.run('menuRefresh'));
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    const rows = emu.values('Segment B');
    const listedChanged = rows.slice(first - 1).filter((r) => changed.includes(String(r[1])));
    expect(listedChanged.length).toBeGreaterThan(5);
    // Every changed deal listed shows its new stage, as on the Deals tab ...
    const stageOf = new Map(emu.values('Deals').map((r) => [String(r[0]), r[columnOf(emu, 'Stage') - 1]]));
    for (const r of listedChanged) expect(r[stage - 1]).toBe(stageOf.get(String(r[1])));
    // ... and the Company column, which no edit changed, was not written where the changes lie.
    const kept = marked.filter((r) => rows[r - 1][company - 1] === 'untouched');
    expect(kept.length).toBeGreaterThan(marked.length * 0.9);
    expect(d.serviceCalls).toBeLessThanOrEqual(60);
  }, 60_000);

  it('writes, in a list, only the chunks of rows a day’s few stage edits changed, however far apart', () => {
    const emu = refreshedDemo(12000);
    emu.env.nowMs += 86_400_000;
    const { listed, body, count } = listBody(emu, 'Segment B');
    // Eight deals listed in Segment B, spread over it, moved to another open stage in Deals.
    const ids = Array.from({ length: 8 }, (_, i) =>
      String(listed[body - 1 + Math.floor((i * count) / 8)][1]),
    );
    moveToAnotherStage(emu, ids);
    const cells = cellsWrittenTo(emu, 'Segment B', () => emu.run('menuRefresh'));
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    // The rows above the list (its subtotals changed), and per edit one chunk of rows (as the refresh's
    // record cuts the list) in the columns that changed (Stage, Probability) and at most the two
    // between them, which a block may write across rather than make one more call.
    const chunk = storedRecord(emu).extents['Segment B'].chunk!;
    const width = listed[body - 2].length;
    expect(count).toBeGreaterThan(2 * ids.length * chunk);
    expect(cells).toBeLessThanOrEqual((body - 1) * width + ids.length * chunk * 4);
  }, 60_000);

  it('writes, in a list, only the cells many stage edits spread over it changed (read back first, set by value)', () => {
    const { emu, ids, listed, body } = everySixtiethMoved();
    const cells = cellsWrittenTo(emu, 'Segment B', () => emu.run('menuRefresh'));
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    // The rows above the list (its subtotals changed) and, per edit, the cells that changed: Stage and
    // Probability, and the weighted amount and forecast category where the stage changes them.
    const width = listed[body - 2].length;
    expect(ids.length).toBeGreaterThan(100);
    expect(cells).toBeLessThanOrEqual((body - 1) * width + ids.length * 4);
    // What the list shows is each deal as it now is in Deals.
    const stageCol = columnOf(emu, 'Stage') - 1;
    const stages = new Map(emu.values('Deals').map((r) => [String(r[0]), r[stageCol]]));
    const after = emu.values('Segment B');
    const listStage = after[body - 2].indexOf('Stage');
    for (const r of after.slice(body - 1)) expect(r[listStage]).toBe(stages.get(String(r[1])));
  }, 120_000);

  it('leaves the lists a full refresh leaves when setting their cells by value fails part-way', () => {
    // Every chunk of the list changes: its changed cells are set by value, and the third of those
    // calls fails (Google refuses one now and then): the tab is then measured and written again in full.
    const { emu, saved } = everySixtiethMoved();
    const byValue = jest.spyOn(RangeList.prototype, 'setValue');
    emu.acc.injectFault({ method: 'RangeList.setValue', after: 2, times: 1 });
    emu.run('menuRefresh');
    emu.acc.clearFaults();
    const failed = byValue.mock.results.filter((r) => r.type === 'throw').length;
    byValue.mockRestore();
    expect(failed).toBe(1);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(saved, OPTS)));
  }, 120_000);

  it('writes a list’s changed blocks whole when reading one back is refused, and completes', () => {
    const { emu, saved } = everySixtiethMoved();
    // The first read back of a large block of Segment B (its Stage column; not the key column, read
    // first to see the list is intact) is refused.
    const read = Range.prototype.getValues;
    let refused = 0;
    const spy = jest.spyOn(Range.prototype, 'getValues').mockImplementation(function (this: Range) {
      if (!refused && this.sheet.name === 'Segment B' && this.box.col > 2 && this.box.numRows >= 2000) {
        refused++;
        throw new Error('Service Spreadsheets failed while accessing document.');
      }
      return read.call(this);
    });
    emu.run('menuRefresh');
    spy.mockRestore();
    expect(refused).toBe(1);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(saved, OPTS)));
  }, 120_000);

  it('compares lists with prints an earlier version recorded (numbers by their text) once, writing no more than any refresh, then records the new ones', () => {
    const emu = refreshedDemo(3000);
    const plain = Emulator.fromSaved(emu.save(), OPTS).load(DIST); // its record as this version leaves it
    // The record as an earlier version left it: each list's column prints made from its cells' texts.
    const lists = recordedAsBefore(emu);
    expect(lists).toEqual(expect.arrayContaining(['Segment A', 'Segment B']));
    // The same edit in both, an hour later: the refresh writes as much to Segment B in each.
    const written = [emu, plain].map((e) => {
      e.env.nowMs += 3_600_000;
      const { listed, body } = listBody(e, 'Segment B');
      moveToAnotherStage(e, [String(listed[body - 1 + 40][1])]);
      return cellsWrittenTo(e, 'Segment B', () => e.run('menuRefresh'));
    });
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(written[0]).toBe(written[1]);
    expect(written[0]).toBeLessThan(listBody(emu, 'Segment B').count); // not the whole list
    expect(reportTabs(emu)).toEqual(reportTabs(plain));
    const after = storedRecord(emu) as unknown as { extents: Record<string, { columns?: string[] }> };
    for (const tab of lists) expect(after.extents[tab].columns![0]).toMatch(/^b:/);
  });

  it('reads before it writes, so its writes are sent out early only a few times', () => {
    // A read after writes sends them out first (~0.4 s each time; the emulator counts it as a flush).
    // Before the refresh grouped its reads: 20 on the first refresh, 3 a day later, 2 on the daily check.
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    fillDemo(emu, 300);
    const first = measured(emu, () => emu.run('menuRefresh'));
    expect(first.flushes).toBeLessThanOrEqual(7);
    expect(REPORT_TABS.every((t) => emu.sheet(t).lastRowIndex() > 1)).toBe(true);
    expect(emu.sheet('Forecast history').charts).toHaveLength(1);
    emu.env.nowMs += 86_400_000;
    emu.userEdit('Deals', a1(emu, 'Stage', 5), 'Negotiation');
    const next = measured(emu, () => emu.run('menuRefresh'));
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(next.flushes).toBeLessThanOrEqual(2);
    emu.env.nowMs += 3_600_000;
    const daily = measured(emu, () => emu.run('scheduledRefresh'));
    expect(daily.flushes).toBeLessThanOrEqual(1);
  }, 60_000);

  it('records every tab at the size it has after the daily check, asking only the sizes a person may change', () => {
    const emu = refreshedDemo(300);
    /** The sizes the last refresh recorded (the cell count), by sheet id. */
    const recorded = () => storedRecord(emu).sizes;
    const actual = () =>
      Object.fromEntries(emu.ss.sheets.map((s) => [String(s.id), [s.maxRows, s.maxColumns]]));
    // The tabs whose columns the refresh is asked for (the CRM's own it sizes itself, but on a full one).
    const asked = new Set<string>();
    for (const sheet of emu.ss.sheets) {
      const columns = sheet.getMaxColumns.bind(sheet);
      sheet.getMaxColumns = () => (asked.add(sheet.name), columns());
    }
    // A person grows a tab of their own and Deals; a week of days, each with its daily check.
    emu.sheet('Sheet1').insertColumnsAfter(26, 4);
    emu.sheet('Deals').insertRowsAfter(emu.sheet('Deals').maxRows, 50);
    for (let day = 0; day < 7; day++) {
      emu.env.nowMs += 86_400_000;
      emu.userEdit('Deals', a1(emu, 'Stage', 3 + day), day % 2 ? 'Negotiation' : 'Qualified');
      emu.run('scheduledRefresh');
      expect(recorded()).toEqual(actual());
      expect([...asked].sort()).toEqual(['CRM Settings', 'Deals', 'History', 'Sheet1']);
      asked.clear();
    }
  }, 60_000);

  it('looks charts up only on the daily check, which puts back a chart a person deleted, within 60 calls', () => {
    const emu = refreshedDemo(300);
    emu.sheet('Funnel').charts.splice(0);
    const menu = measured(emu, () => emu.run('menuRefresh'));
    expect(menu.byMethod['Sheet.getCharts']).toBeUndefined();
    expect(emu.sheet('Funnel').charts).toHaveLength(0);
    emu.env.nowMs += 21 * 3_600_000;
    const daily = measured(emu, () => emu.run('scheduledRefresh'));
    expect(emu.sheet('Funnel').charts.map((c) => c.spec.options.title)).toEqual([
      'Deals reaching each stage',
    ]);
    expect(daily.serviceCalls).toBeLessThanOrEqual(60);
    // It checks a part of History, not all of it.
    expect(daily.cellsRead - menu.cellsRead).toBeLessThan((emu.sheet('History').lastRowIndex() * 6) / 2);
  }, 60_000);
});

/** Changes the stage a History row entered (the nearest Stage row at or after `at`), as a script would. */
function changeStageRow(emu: Emulator, at: number): number {
  const values = emu.values('History');
  let r = at;
  while (values[r - 1][2] !== 'Stage') r++;
  emu
    .sheet('History')
    .rangeAt(r, 5)
    .setValue(values[r - 1][4] === 'Lost' ? 'Won' : 'Lost');
  return r;
}

describe('the daily check (changes made without an edit event: another script, a restored version)', () => {
  const DAY = 86_400_000;

  it.each([
    [
      'a History row in the middle',
      (emu: Emulator) => changeStageRow(emu, emu.sheet('History').lastRowIndex() >> 1),
      1,
    ],
    [
      'a list cell',
      (emu: Emulator) => {
        const tab = emu.sheet('Segment B');
        tab.rangeAt(tab.lastRowIndex() >> 1, 3).setValue('changed by a script');
      },
      0,
    ],
  ])(
    'puts right %s within two weeks, reading all of History only when History changed',
    (_, change, fullReads) => {
      const emu = refreshedDemo(1200);
      const historyCells = emu.sheet('History').lastRowIndex() * 6;
      change(emu);
      const reads: number[] = [];
      for (let day = 1; day <= 14; day++) {
        emu.env.nowMs += DAY;
        reads.push(measured(emu, () => emu.run('scheduledRefresh')).cellsRead);
      }
      expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(emu.save(), OPTS)));
      // A day that read all of History read far more than the others (which read a fourteenth).
      const least = Math.min(...reads);
      expect(reads.filter((r) => r - least > historyCells / 2)).toHaveLength(fullReads);
    },
    240_000,
  );

  it('is not needed for the rows after the last complete block: every refresh checks those', () => {
    const emu = refreshedDemo(1200);
    changeStageRow(emu, emu.sheet('History').lastRowIndex() - 8);
    const saved = emu.save();
    emu.run('menuRefresh');
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(saved, OPTS)));
  }, 60_000);
});
