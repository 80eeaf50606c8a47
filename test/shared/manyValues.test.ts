// maxOf, minOf and pushAll: what Math.max(...xs), Math.min(...xs) and list.push(...xs) give, at any
// length (a spread of ~120,000 elements overflows the stack).
import fc from 'fast-check';
import { maxOf, minOf, pushAll, sharedKeys } from '../../src/shared/manyValues';

describe('maxOf, minOf, pushAll', () => {
  it('give what the spread gives on short arrays (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 50 }),
        fc.array(fc.integer()),
        (xs, list) => {
          expect(maxOf(xs)).toBe(Math.max(...xs));
          expect(minOf(xs)).toBe(Math.min(...xs));
          const spread = [...list];
          spread.push(...xs);
          expect(pushAll([...list], xs)).toEqual(spread);
        },
      ),
    );
  });

  it('take arrays as long as a tab', () => {
    const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_007);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(maxOf(xs)).toBe(xs.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(xs)).toBe(0);
    expect(pushAll([1], xs)).toHaveLength(300_001);
    expect(maxOf([], 0)).toBe(0);
  });
});

describe('sharedKeys', () => {
  it('groups the indexes of every key more than one item has, in order, and no other (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null })), (keys) => {
        // Expected: every index grouped by key (written out plainly), then keys seen once dropped.
        const all: Record<string, number[]> = {};
        keys.forEach((k, i) => {
          if (k !== null) (all[k] ??= []).push(i);
        });
        const expected = Object.entries(all).filter(([, list]) => list.length > 1);
        expect(Object.fromEntries(sharedKeys(keys.length, (i) => keys[i]))).toEqual(
          Object.fromEntries(expected),
        );
      }),
    );
  });
});
