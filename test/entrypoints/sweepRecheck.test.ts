// The sweep reads the cells it is about to write again only when another writer may have changed
// Deals since its read: every writer but a sweep stamps its change under the document lock (and a run
// that died leaves its journal). With the stamp still the one it saw before reading, a refresh skips
// that read; a typed edit made between its read and its writes (stamped then) makes it read them again
// and leave the edited row to the edit's own check, as a refresh that never skipped would.
import type { Emulator } from '../../local/emulator';
import { demoWorkbook } from '../support/demoWorkbook';
import { a1, records } from '../support/crm';
import { fresh } from '../support/races';

const DAY = 86_400_000;
const OPEN = ['Qualified', 'Quote sent', 'Negotiation'];

/** A refresh a day after `emu`'s clock, with the calls it made by method. */
function dayLater(emu: Emulator, meanwhile?: () => void): Record<string, number> {
  emu.env.nowMs += DAY;
  if (meanwhile) emu.acc.beforeNext('LockService.getDocumentLock', meanwhile);
  const before = emu.acc.snapshot();
  emu.run('menuRefresh');
  const after = emu.acc.snapshot();
  return Object.fromEntries(
    Object.entries(after.byMethod).map(([m, n]) => [m, n - (before.byMethod[m] ?? 0)] as const),
  );
}

describe('The sweep reads its cells again only when someone may have changed them', () => {
  it('skips the read when nothing was stamped since; reads again, and leaves a row typed meanwhile to its check, when something was', () => {
    const start = demoWorkbook(300);
    start.run('menuRefresh');
    const saved = start.save();
    // Which rows the day's sweep writes (their Check changes): one that is open, to type a stage in.
    const twin = fresh(saved);
    const before = records(twin);
    const plain = dayLater(twin);
    const after = records(twin);
    const row =
      2 +
      after.findIndex(
        (r, i) => r.Check !== before[i].Check && OPEN.includes(String(r.Stage)) && String(r.Check) !== '',
      );
    expect(row).toBeGreaterThan(1);
    const stage = OPEN[(OPEN.indexOf(String(after[row - 2].Stage)) + 1) % 3];
    // The twin's rep types the new stage once its refresh is done (the clock stands still meanwhile).
    twin.userEdit('Deals', a1(twin, 'Stage', row), stage);

    // Here the rep types it after the refresh read Deals, before its writes.
    const emu = fresh(saved);
    dayLater(emu, () => emu.userEdit('Deals', a1(emu, 'Stage', row), stage));
    // The same refresh after a change stamped just before it (a note typed again as it was, at the
    // same instant as the refresh's read): the stamp it saw before reading vouches for its read, so
    // it reads nothing again.
    const stamped = fresh(saved);
    stamped.env.nowMs += DAY;
    stamped.userEdit('Deals', a1(stamped, 'Notes', 2), String(records(stamped)[0].Notes ?? ''));
    stamped.env.nowMs -= DAY;
    expect(dayLater(stamped)['Range.getValues']).toBe(plain['Range.getValues']);
    // A stamp of the form an earlier version wrote (a time alone, which another writer may share) that
    // close to the read: it reads the written cells and the IDs again, two reads.
    const older = fresh(saved);
    const props = older.properties.document.data as Record<string, string>;
    props['sheetsCrm.changedAt'] = String(older.env.nowMs + DAY);
    expect(dayLater(older)['Range.getValues']).toBe(plain['Range.getValues'] + 2);
    // Both end alike: the row as the rep's check left it, History logging the stage once.
    expect(records(emu)).toEqual(records(twin));
    const logged = (e: Emulator) =>
      e
        .values('History')
        .filter((r) => r[2] === 'Stage' && r[4] === stage && r[1] === after[row - 2]['Deal ID']);
    expect(logged(emu)).toHaveLength(1);
    expect(logged(twin)).toHaveLength(1);
  }, 60_000);

  it('puts right what a sort between its read and its writes moved, with nothing stamped (a sort fires no check)', () => {
    const start = demoWorkbook(300);
    start.run('menuRefresh');
    const saved = start.save();
    const twin = fresh(saved);
    dayLater(twin);
    const emu = fresh(saved);
    dayLater(emu, () => {
      const tab = emu.sheet('Deals');
      tab.rangeAt(2, 1, tab.lastRowIndex() - 1, tab.maxColumns).sort({ column: 7, ascending: false });
    });
    // No deal holds another's values, wherever the sort put it: each holds what the twin's refresh (no
    // sort) wrote on it, or for the Check column possibly what it held before (a row the sort moved
    // may be left for the next refresh).
    const before = new Map(records(fresh(saved)).map((r) => [String(r['Deal ID']), r]));
    const theirs = new Map(records(twin).map((r) => [String(r['Deal ID']), r]));
    const wrong = records(emu).flatMap((r) => {
      const id = String(r['Deal ID']);
      const t = theirs.get(id)!;
      return Object.keys(r).filter(
        (k) =>
          JSON.stringify(r[k]) !== JSON.stringify(t[k]) && !(k === 'Check' && r[k] === before.get(id)![k]),
      );
    });
    expect(wrong).toEqual([]);
    expect(records(emu).map((r) => r['Deal ID'])).not.toEqual(records(twin).map((r) => r['Deal ID']));
    // The next refresh (nothing else happening) leaves every deal as the twin's next one does.
    const sorted = (e: Emulator) =>
      records(e)
        .map((r) => JSON.stringify(r))
        .sort();
    emu.env.nowMs += 60_000;
    twin.env.nowMs += 60_000;
    emu.run('menuRefresh', [], {});
    twin.run('menuRefresh', [], {});
    expect(sorted(emu)).toEqual(sorted(twin));
  }, 60_000);
});
