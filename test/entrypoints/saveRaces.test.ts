// Probe: a sidebar save while someone sorts Deals. The sort is made just before each call of the save
// in turn (the emulator's beforeCall hook; the save's unflushed writes land afterwards by position, as
// in Sheets). Sheets has no conditional write: cells written after a sort land on whichever deal the
// sort put on the row. The save must notice (it reads the row back), put the rep's changes on their
// deal, and mark every cell it wrote on another deal with a note saying so.
import { Emulator } from '../../local/emulator';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import type { DealInput, DealRecord, SaveResult } from '../../src/shared/dealDto';
import { columnOf, records } from '../support/crm';
import { fresh, twelveDeals } from '../support/races';

const STAGES = ['Qualified', 'Quote sent', 'Negotiation', 'Opportunity identified'];

function startingPoint(): SavedWorkbook {
  const emu = twelveDeals(STAGES);
  emu.run('menuRefresh');
  return emu.save();
}

/** The rep's change: a field of the form and the value typed. */
const CHANGES: [keyof DealInput, string, string][] = [
  ['nextStep', 'Next step', 'Call back'],
  ['stage', 'Stage', 'Qualified'],
  ['amount', 'Amount', '4321'],
];

describe('a sidebar save while someone sorts Deals', () => {
  const saved = startingPoint();

  it('always lands the rep’s change on its deal, and never leaves a cell it wrote on another deal unmarked', () => {
    let races = 0;
    let marked = 0;
    const lost: string[] = [];
    const unmarked: string[] = [];
    for (const deal of ['Deal B', 'Deal D', 'Deal G', 'Deal I', 'Deal J', 'Deal L'])
      for (const [key, header, typed] of CHANGES) {
        // The calls this save makes, to race before each.
        const trial = fresh(saved);
        const idOf = (e: Emulator) => String(records(e).find((r) => r['Deal'] === deal)!['Deal ID']);
        const open = (e: Emulator) => e.run<DealRecord>('getDeal', [idOf(e)]);
        const form = open(trial);
        const start = trial.acc.snapshot().total;
        trial.run<SaveResult>('saveDeal', [{ ...form.deal, [key]: typed }, form.deal]);
        const calls = trial.acc.snapshot().total - start;
        for (let k = 1; k <= calls; k++) {
          const emu = fresh(saved);
          const before = new Map(records(emu).map((r) => [String(r['Deal ID']), r]));
          const sortBy = columnOf(emu, 'Company');
          const loaded = open(emu);
          emu.acc.beforeCall(k, () => {
            races++;
            const tab = emu.sheet('Deals');
            tab.rangeAt(2, 1, 12, tab.maxColumns).sort({ column: sortBy, ascending: k % 2 === 0 });
          });
          const result = emu.run<SaveResult>('saveDeal', [{ ...loaded.deal, [key]: typed }, loaded.deal]);
          expect(result.status).toBe('saved');
          const tab = emu.sheet('Deals');
          const markedBefore = marked;
          const rows = records(emu);
          const headers = Object.keys(rows[0]);
          rows.forEach((row, i) => {
            if (row['Deal'] === deal) {
              if (String(row[header]) !== typed) lost.push(`${deal}'s ${header} at call ${k}`);
              return;
            }
            // Another deal: every cell that differs from what it held must carry the save's note.
            const was = before.get(String(row['Deal ID']))!;
            headers.forEach((h, c) => {
              if (String(was[h]) === String(row[h])) return;
              const note = tab.cellAt(i + 2, c + 1).note ?? '';
              // Marked, with the time as the spreadsheet's clock shows it (not UTC's ISO form).
              if (note.includes(`written by a sidebar save of ${deal}`)) {
                expect(note).toMatch(/sorted \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/);
                marked++;
              } else
                unmarked.push(`${String(row['Deal'])}'s ${h} at call ${k} of saving ${deal}'s ${header}`);
            });
          });
          // The rep is told, in the save's message, whenever another deal's cells were written.
          if (result.status === 'saved' && marked > markedBefore)
            expect(result.message).toContain('Deals was sorted while this saved');
        }
      }
    console.log(`save races: ${races}; cells written on another deal and marked: ${marked}`);
    expect(races).toBeGreaterThanOrEqual(500);
    expect(lost).toEqual([]);
    expect(unmarked).toEqual([]);
  }, 300_000);

  it('opens the deal asked for, whichever call of opening it the sort lands before', () => {
    const wrong: string[] = [];
    let races = 0;
    for (const deal of ['Deal B', 'Deal G', 'Deal L']) {
      const trial = fresh(saved);
      const id = String(records(trial).find((r) => r['Deal'] === deal)!['Deal ID']);
      const start = trial.acc.snapshot().total;
      trial.run<DealRecord>('getDeal', [id]);
      const calls = trial.acc.snapshot().total - start;
      for (let k = 1; k <= calls; k++) {
        const emu = fresh(saved);
        const sortBy = columnOf(emu, 'Company');
        emu.acc.beforeCall(k, () => {
          races++;
          const tab = emu.sheet('Deals');
          tab.rangeAt(2, 1, 12, tab.maxColumns).sort({ column: sortBy, ascending: false });
        });
        const opened = emu.run<DealRecord>('getDeal', [id]);
        if (opened.deal.id !== id || opened.deal.deal !== deal) wrong.push(`${deal} at call ${k}`);
      }
    }
    expect(races).toBeGreaterThanOrEqual(20);
    expect(wrong).toEqual([]);
  });
});
