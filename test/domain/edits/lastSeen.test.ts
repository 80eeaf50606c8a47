// Last seen brought to what History last logged (a run that logged and died before writing Last seen),
// and Last seen as its cell's text (the array form, and the object form an earlier version wrote).
import fc from 'fast-check';
import {
  parseLastSeen,
  sameSeen,
  seenAsLogged,
  seenText,
  type LastSeen,
} from '../../../src/domain/edits/lastSeen';

const SEEN: LastSeen = { s: 'Qualified', a: 1000, c: '2026-09-30', p: 0.2, k: 'Pipeline' };

describe('seenAsLogged', () => {
  it('takes the stage, amount and close date History logged, and keeps what History does not name', () => {
    // 2026-11-01 02:30 UTC is still October 31 in New York.
    const logged = new Map<string, string | number | Date>([
      ['Stage', ' Quote sent '],
      ['Amount', 2500],
      ['Close date', new Date(Date.UTC(2026, 10, 1, 2, 30))],
    ]);
    expect(seenAsLogged(SEEN, logged, 'America/New_York')).toEqual({
      s: 'Quote sent',
      a: 2500,
      c: '2026-10-31',
      p: 0.2,
      k: 'Pipeline',
    });
    expect(seenAsLogged(SEEN, new Map([['Next step', 'Call']]), 'UTC')).toEqual(SEEN);
  });

  it('reads an emptied amount or close date as none, and keeps a text History holds as text', () => {
    const out = seenAsLogged(
      SEEN,
      new Map<string, string>([
        ['Amount', ''],
        ['Close date', 'next spring'],
      ]),
      'UTC',
    );
    expect(out.a).toBeNull();
    expect(out.c).toBe('next spring');
    expect(seenAsLogged(SEEN, new Map([['Amount', 'about 5k']]), 'UTC').a).toBe('about 5k');
  });
});

describe('Last seen as its cell text', () => {
  const seenArb: fc.Arbitrary<LastSeen> = fc
    .record({
      s: fc.string({ maxLength: 40 }),
      a: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 20 }),
        fc.constant(null),
      ),
      c: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null)),
      p: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null)),
      k: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null)),
      d: fc.option(
        fc.record({ id: fc.string({ maxLength: 12 }), rows: fc.array(fc.nat(100000), { maxLength: 5 }) }),
        {
          nil: undefined,
        },
      ),
      t: fc.option(
        fc.record({ key: fc.string({ maxLength: 8 }), rows: fc.array(fc.nat(100000), { maxLength: 5 }) }),
        { nil: undefined },
      ),
    })
    .map(({ d, t, ...base }) => ({ ...base, ...(d ? { d } : {}), ...(t ? { t } : {}) }));

  it('gives every Last seen back through its text, and reads the object form an earlier version wrote as the same', () => {
    fc.assert(
      fc.property(seenArb, (seen) => {
        const text = seenText(seen);
        // -0 comes back as 0 through JSON, as a cell keeps it.
        const back = parseLastSeen(text)!;
        expect(sameSeen(back, JSON.parse(JSON.stringify(seen)) as LastSeen)).toBe(true);
        // The array form read here without the product: stage first, the rest in order.
        const arr = JSON.parse(text) as unknown[];
        expect(arr.slice(0, 5)).toEqual(JSON.parse(JSON.stringify([seen.s, seen.a, seen.c, seen.p, seen.k])));
        // The Deal ID shared (or two nulls), then the same deal's print and rows, only when there are.
        const tail = seen.t ? [seen.d?.id ?? null, seen.d?.rows ?? null, seen.t.key, seen.t.rows] : [];
        expect(arr.slice(5)).toEqual(seen.d && !seen.t ? [seen.d.id, seen.d.rows] : tail);
        // The object form was written before rows alike were kept: read as the same without them.
        const old = JSON.stringify({ ...seen, t: undefined });
        expect(sameSeen(parseLastSeen(old), { ...back, t: undefined })).toBe(true);
        // Shorter than an object form of the same.
        expect(text.length).toBeLessThan(JSON.stringify(seen).length);
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart Last seen that say different things, and refuses text it did not write', () => {
    expect(sameSeen({ ...SEEN }, SEEN)).toBe(true);
    expect(sameSeen({ ...SEEN, s: 'Won' }, SEEN)).toBe(false);
    expect(sameSeen({ ...SEEN, a: '1000' }, SEEN)).toBe(false);
    expect(sameSeen({ ...SEEN, d: { id: 'D-1', rows: [3] } }, SEEN)).toBe(false);
    expect(sameSeen({ ...SEEN, d: { id: 'D-1', rows: [3] } }, { ...SEEN, d: { id: 'D-1', rows: [4] } })).toBe(
      false,
    );
    const twins = { key: 'k1', rows: [7] };
    expect(sameSeen({ ...SEEN, t: twins }, SEEN)).toBe(false);
    expect(sameSeen({ ...SEEN, t: twins }, { ...SEEN, t: { ...twins, key: 'k2' } })).toBe(false);
    expect(sameSeen({ ...SEEN, t: twins }, { ...SEEN, t: { ...twins, rows: [8] } })).toBe(false);
    expect(sameSeen({ ...SEEN, t: twins }, { ...SEEN, t: { key: 'k1', rows: [7] } })).toBe(true);
    expect(sameSeen(null, SEEN)).toBe(false);
    for (const bad of [
      '',
      'Won',
      '[1,2]',
      '["a",1,null,null,null,5,[1]]',
      '["a",1,null,null,null,null,null,"k",["7"]]',
      '["a",1,null,null,null,"D-1",null,"k",[7]]',
      '[oops',
    ])
      expect(parseLastSeen(bad)).toBeNull();
  });
});
