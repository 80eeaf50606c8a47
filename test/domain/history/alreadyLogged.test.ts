// History is idempotent: logging what notYetLogged returns, then asking again, logs nothing more; and a
// change is held back only when the latest row for its deal and field records the same move.
import fc from 'fast-check';
import { notYetLogged } from '../../../src/domain/history/alreadyLogged';
import type { HistoryEntry } from '../../../src/domain/history/historyEntry';

const entry = fc.record({
  dealId: fc.constantFrom('D-1', 'D-2', 'D-3'),
  field: fc.constantFrom('Stage', 'Amount'),
  from: fc.constantFrom('', 'A', 'B', 'C'),
  to: fc.constantFrom('A', 'B', 'C'),
});
const asRow = (e: Pick<HistoryEntry, 'dealId' | 'field' | 'from' | 'to'>) => [
  new Date(0),
  e.dealId,
  e.field,
  e.from,
  e.to,
  'someone',
];
const asEntry = (e: { dealId: string; field: string; from: string; to: string }): HistoryEntry => ({
  ...e,
  time: new Date(1),
  user: 'me',
});

describe('notYetLogged', () => {
  it('logs nothing twice: what it lets through, once appended, is held back the next time', () => {
    fc.assert(
      fc.property(
        fc.array(entry),
        fc.uniqueArray(entry, { selector: (e) => `${e.dealId}/${e.field}` }),
        (history, found) => {
          const rows = history.map(asRow);
          const first = notYetLogged(found.map(asEntry), rows);
          const again = notYetLogged(found.map(asEntry), [...rows, ...first.map((e) => asRow(e))]);
          expect(again).toEqual([]);
        },
      ),
    );
  });

  it('holds a change back exactly when the latest row for its deal and field records the same move', () => {
    fc.assert(
      fc.property(fc.array(entry), entry, (history, change) => {
        const latest = [...history]
          .reverse()
          .find((h) => h.dealId === change.dealId && h.field === change.field);
        const held = latest !== undefined && latest.from === change.from && latest.to === change.to;
        expect(notYetLogged([asEntry(change)], history.map(asRow))).toHaveLength(held ? 0 : 1);
      }),
    );
  });

  it('compares dates by instant, so a close date read back from History counts as the same move', () => {
    const d = (s: string) => new Date(s);
    const rows = [[d('2026-01-01'), 'D-1', 'Close date', d('2026-06-30'), d('2026-07-31'), 'x']];
    const change: HistoryEntry = {
      time: d('2026-02-01'),
      dealId: 'D-1',
      field: 'Close date',
      from: d('2026-06-30'),
      to: d('2026-07-31'),
      user: 'me',
    };
    expect(notYetLogged([change], rows)).toEqual([]);
  });
});
