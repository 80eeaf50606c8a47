// A refresh's sweep writes in parts, each under its own hold of the document lock, so that a person's
// typed edit or sidebar save waits for one part (they wait 20 s at most). Checked with people working
// between two parts of a refresh that sweeps 20,000 imported deals: their changes land once each, and
// every other row is what the same refresh writes with nobody working (a twin workbook).
import type { Emulator } from '../../local/emulator';
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { demoWorkbook } from '../support/demoWorkbook';
import { records, type } from '../support/crm';

const DEALS = 20000;
const OPEN = ['Qualified', 'Quote sent', 'Negotiation'];

/**
 * A row from `from` on (of `rows`, a refreshed workbook's) whose deal is open and stale (its Check names the
 * days its stage allows: a stage change clears that, so a part writing the Check it planned before
 * the change would show), and another open stage for it.
 */
function staleDeal(
  rows: Record<string, unknown>[],
  from: number,
): { row: number; id: string; stage: string } {
  for (let row = from; ; row++) {
    const r = rows[row - 2];
    const stage = String(r.Stage);
    if (OPEN.includes(stage) && String(r.Check).includes('allows'))
      return { row, id: String(r['Deal ID']), stage: OPEN[(OPEN.indexOf(stage) + 1) % 3] };
  }
}

/** A sidebar save of `d`'s new stage, and typed edits of the others' stages. */
function work(emu: Emulator, saved: Picked, typed: Picked[]): SaveResult {
  const form = emu.run<DealRecord>('getDeal', [saved.id], { user: 'rep@example.com' });
  const result = emu.run<SaveResult>('saveDeal', [{ ...form.deal, stage: saved.stage }, form.deal], {
    user: 'rep@example.com',
  });
  for (const d of typed) type(emu, 'Stage', d.row, d.stage);
  return result;
}
type Picked = ReturnType<typeof staleDeal>;

/** History as it is now, read once: how many of its rows log `stage` for deal `id`. */
const logged = (emu: Emulator) => {
  const history = emu.values('History');
  return (id: string, stage: string) =>
    history.filter((r) => r[1] === id && r[2] === 'Stage' && r[4] === stage).length;
};

describe('A refresh writes its sweep in parts', () => {
  it('lets a sidebar save and typed edits through between two parts, each landing once; the other rows as a refresh alone writes them', () => {
    const twin = demoWorkbook(DEALS);
    twin.run('menuRefresh');
    // Deals in the last part (not yet written when people work) and in the first (already written).
    const refreshed = records(twin);
    const savedDeal = staleDeal(refreshed, DEALS - 2000);
    const typedLate = staleDeal(refreshed, savedDeal.row + 1);
    const typedEarly = staleDeal(refreshed, 50);
    // The twin: the same work once its refresh is over (the clock stands still: the same times).
    expect(work(twin, savedDeal, [typedLate, typedEarly]).status).toBe('saved');
    const emu = demoWorkbook(DEALS);
    let saved: SaveResult | null = null;
    let freeBetween = false;
    const holds = emu.acc.lockHolds().length;
    let heldByPeople = 0;
    // The refresh's second hold of the document lock: people work just before it.
    emu.acc.beforeNext('LockService.getDocumentLock', () =>
      emu.acc.beforeNext('LockService.getDocumentLock', () => {
        freeBetween = !emu.locks.isHeld('document') && emu.acc.lockHolds().length === holds + 1;
        const before = emu.acc.lockHolds().length;
        saved = work(emu, savedDeal, [typedLate, typedEarly]);
        heldByPeople = emu.acc.lockHolds().length - before;
      }),
    );
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(freeBetween).toBe(true);
    expect(saved!.status).toBe('saved');
    // The refresh held the lock more than once, and people's runs took it in between.
    expect(heldByPeople).toBeGreaterThanOrEqual(3);
    expect(emu.acc.lockHolds().length - holds - heldByPeople).toBeGreaterThanOrEqual(2);
    const after = records(emu);
    const loggedNow = logged(emu);
    for (const d of [savedDeal, typedLate, typedEarly]) {
      expect(after[d.row - 2]['Deal ID']).toBe(d.id);
      expect(after[d.row - 2].Stage).toBe(d.stage);
      expect(loggedNow(d.id, d.stage)).toBe(1);
    }
    // Every row as the twin's: the rows people changed as their own runs wrote them (the part after
    // left them alone), the others as the refresh wrote them.
    const mine = after;
    const theirs = records(twin);
    expect(mine.length).toBe(theirs.length);
    const differing = mine.flatMap((r, i) =>
      JSON.stringify(r) === JSON.stringify(theirs[i]) ? [] : [i + 2],
    );
    expect(differing).toEqual([]);
    // The next refresh (nobody working) writes nothing more for them, and logs nothing again.
    emu.run('menuRefresh');
    const loggedNext = logged(emu);
    for (const d of [savedDeal, typedLate, typedEarly]) expect(loggedNext(d.id, d.stage)).toBe(1);
  }, 120000);
});
