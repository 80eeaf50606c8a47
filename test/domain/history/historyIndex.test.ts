// The History index: folding History rows in any pieces, with rows folded again, gives the index that
// folding them once gives; its stage moves and close-date pushes are History's, worked out here
// independently from the rows (dates compared as instants, no product parser).
import fc from 'fast-check';
import {
  decodeTrail,
  encodeTrail,
  foldRows,
  movesOf,
  pushesOf,
  type TrailIndex,
} from '../../../src/domain/history/historyIndex';

const TZ = 'America/New_York';
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const row = fc.oneof(
  fc
    .tuple(
      fc.nat(50),
      fc.constantFrom('D1', 'D2', 'D3'),
      fc.constantFrom('Qualified', 'Won', 'Quote "sent"', ''),
    )
    .map(([t, id, to]) => [day(t), id, 'Stage', 'Before', to, 'ann@example.com']),
  fc
    .tuple(fc.nat(50), fc.constantFrom('D1', 'D2'), fc.nat(20), fc.nat(20))
    .map(([t, id, a, b]) => [day(t), id, 'Close date', day(100 + a), day(100 + b), 'bob@example.com']),
  fc.tuple(fc.nat(50), fc.constantFrom('D1', 'D3')).map(([t, id]) => [day(t), id, 'Amount', 100, 200, 'x']),
  fc.constant(['not a time', 'D1', 'Stage', '', 'Won', 'x']),
);

describe('the History index', () => {
  it('is the same however History is cut into pieces, and whatever is folded twice', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.nat(), fc.nat(), (rows, a, b) => {
        const once: TrailIndex = new Map();
        foldRows(once, rows, TZ);
        const cut = rows.length ? a % (rows.length + 1) : 0;
        const again = rows.length ? Math.min(cut, b % (rows.length + 1)) : 0;
        const pieces: TrailIndex = new Map();
        foldRows(pieces, rows.slice(0, cut), TZ);
        foldRows(pieces, rows.slice(again), TZ); // rows again..cut are folded twice
        expect(pieces).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('holds every stage move and every close date moved later, each once', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const index: TrailIndex = new Map();
        foldRows(index, rows, TZ);
        const seen = new Set<string>();
        const moves = rows.filter((r) => {
          if (!(r[0] instanceof Date) || r[2] !== 'Stage' || r[4] === '') return false;
          const k = `${r[1]}|${(r[0] as Date).getTime()}|${r[4]}`;
          return !seen.has(k) && !!seen.add(k);
        });
        const key = (m: { dealId: string; time: number; to?: string }) =>
          `${m.dealId}|${m.time}|${m.to ?? ''}`;
        expect(
          [...movesOf(index)]
            .flatMap(([dealId, ms]) => ms.map(([time, to]) => key({ dealId, time, to })))
            .sort(),
        ).toEqual(
          moves
            .map((r) => key({ dealId: r[1] as string, time: (r[0] as Date).getTime(), to: r[4] as string }))
            .sort(),
        );
        const pushed = new Set(
          rows
            .filter((r) => r[2] === 'Close date' && (r[4] as Date).getTime() > (r[3] as Date).getTime())
            .map((r) => `${r[1]}|${(r[0] as Date).getTime()}|`),
        );
        expect(
          pushesOf(index)
            .map((p) => key({ dealId: p.dealId, time: p.time.getTime() }))
            .sort(),
        ).toEqual([...pushed].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each trail through the text of its cell, and refuses a cell that is not one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.tuple(fc.nat(4_000_000_000_000), fc.string()),
            fc.tuple(fc.nat(4_000_000_000_000), fc.string(), fc.string()),
          ),
        ),
        fc.array(fc.nat(4_000_000_000_000)),
        (moves, pushes) => {
          const trail = { moves, pushes };
          expect(decodeTrail(encodeTrail(trail))).toEqual(trail);
        },
      ),
    );
    for (const bad of [
      '',
      'Won',
      '[1,2]',
      '[["zz"],[]]',
      '{"a":1}',
      '[[["x-1","Won"]],[]]',
      '[[[1,"Won",2]],[]]',
    ])
      expect(decodeTrail(bad)).toBeNull();
    // An index written with base-36 times (before they were plain numbers) is still read: k1 = 20·36+1.
    expect(decodeTrail('[[["k1","Won"]],["k2"]]')).toEqual({ moves: [[721, 'Won']], pushes: [722] });
  });

  it('hands the funnel each deal’s moves oldest first, whatever order History holds them in', () => {
    const index: TrailIndex = new Map([
      [
        'D-1',
        {
          moves: [
            [300, 'Won'],
            [100, 'Qualified'],
            [200, 'Proposal'],
          ],
          pushes: [],
        },
      ],
    ]);
    expect(
      movesOf(index)
        .get('D-1')!
        .map(([time, to]) => [time, to]),
    ).toEqual([
      [100, 'Qualified'],
      [200, 'Proposal'],
      [300, 'Won'],
    ]);
  });

  it('keeps the stage a move left only where the deal’s earlier moves do not say it (a history that starts late)', () => {
    const index: TrailIndex = new Map();
    const at = (n: number, id: string, from: string, to: string) => [day(n), id, 'Stage', from, to, 'x'];
    foldRows(
      index,
      [
        at(1, 'D1', 'Demo', 'Proposal'),
        at(2, 'D1', 'Proposal', 'Won'),
        at(3, 'D2', '', 'Discovery'),
        at(4, 'D2', 'Demo', 'Lost'),
      ],
      TZ,
    );
    expect(movesOf(index)).toEqual(
      new Map([
        [
          'D1',
          [
            [day(1).getTime(), 'Proposal', 'Demo'],
            [day(2).getTime(), 'Won'],
          ],
        ],
        [
          'D2',
          [
            [day(3).getTime(), 'Discovery'],
            [day(4).getTime(), 'Lost', 'Demo'],
          ],
        ],
      ]),
    );
  });
});
