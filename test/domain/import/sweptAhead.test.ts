// Converted rows with the sweep's outcomes worked out before they are written: the sweep that Set up
// runs after, reading them back, finds nothing left to write (the point: one write, not two), whatever
// the rows hold (demo deals, then cells replaced at random by text, numbers, dates and blanks), and
// only the cells the sweep writes differ from the rows given.
import fc from 'fast-check';
import { sweptAhead } from '../../../src/domain/import/sweptAhead';
import { sweepRows } from '../../../src/domain/edits/editEffects';
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import type { CellValue } from '../../../src/domain/deals/deal';
import { demoData, DEMO_OWNERS } from '../../../local/playground/demoData';
import { defaultSettings } from '../../../src/shared/defaultSettings';

const NOW = new Date('2026-03-10T15:00:00Z');
const settings = { ...defaultSettings('you@example.com'), owners: DEMO_OWNERS.map((o) => ({ ...o })) };
const ctx = {
  settings,
  timeZone: 'America/New_York',
  locale: 'en_US',
  user: 'you@example.com',
  now: NOW,
  newId: (() => {
    let n = 0;
    return () => `D-NEW${++n}`;
  })(),
};
const COMPUTED = ['Check', 'Last seen (CRM)', 'Segment', 'Updated'];

describe('sweptAhead', () => {
  it('leaves the sweep that reads the rows back nothing to write, changing only what the sweep writes', () => {
    const d = demoData(100, NOW, 7);
    const map = mapHeaders(d.header);
    const keyAt = new Map(Object.entries(map.columns).map(([k, c]) => [c, k]));
    const blank = new Set(COMPUTED.map((h) => d.header.indexOf(h)));
    const exported: CellValue[][] = d.deals.map((r) => r.map((v, c) => (blank.has(c) ? '' : v)));
    const cellArb = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -5, max: 200000 }),
      fc.date({ min: new Date('2024-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
      fc.constantFrom('Won', 'Lost', 'Qualified', 'Negotiation', 'Ana Ortiz', 'Price'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(99), fc.nat(d.header.length - 1), cellArb), { maxLength: 60 }),
        (changes) => {
          const rows = exported.map((r) => [...r]);
          for (const [r, c, v] of changes) rows[r][c] = v;
          const given = rows.map((r) => [...r]);
          const ahead = sweptAhead(d.header, rows, ctx);
          expect(rows).toEqual(given);
          const before = sweepRows(given, 2, { ...ctx, map });
          const after = sweepRows(ahead, 2, { ...ctx, map });
          expect(after.filter((o) => Object.keys(o.writes).length)).toEqual([]);
          // Only the cells the sweep would have written differ, and they hold what it would write
          // (a new Deal ID aside: each run draws its own).
          ahead.forEach((row, r) =>
            row.forEach((v, c) => {
              const key = keyAt.get(c);
              const written =
                key === undefined ? undefined : (before[r].writes as Record<string, CellValue>)[key];
              if (written === undefined) expect(v).toEqual(given[r][c]);
              else if (key !== 'dealId') expect(v).toEqual(written);
            }),
          );
          expect(after.map((o) => o.history)).toEqual(before.map(() => []));
        },
      ),
      { numRuns: 20 },
    );
  });
});
