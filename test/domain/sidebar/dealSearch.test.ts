// The search rules on their own: words, owners by name, rows held by every word, and reading rows in
// runs. Properties over random row sets, checked against plain set arithmetic written here.
import fc from 'fast-check';
import {
  holdsEvery,
  holdsWord,
  ownersNamed,
  rankedRows,
  rowRuns,
  searchWords,
  typoPattern,
} from '../../../src/domain/sidebar/dealSearch';
import { holdsWithinOneEdit } from '../../support/typos';

describe('search rules', () => {
  it('splits a query into distinct lowercase words, longest first', () => {
    expect(searchWords('  Acme  acme Renewal 2026 ')).toEqual(['renewal', 'acme', '2026']);
    expect(searchWords('')).toEqual([]);
  });

  it('finds owners by any part of their name', () => {
    const owners = [
      { name: 'Dana Scully', email: 'd.s@x.com' },
      { name: 'Fox Mulder', email: 'fox@x.com' },
    ];
    expect(ownersNamed(owners, 'scul')).toEqual(['d.s@x.com']);
    expect(
      holdsEvery(
        { id: 'D-1', deal: 'Pilot', company: 'Acme', owner: 'd.s@x.com' },
        ['dana', 'pilot'],
        owners,
      ),
    ).toBe(true);
    expect(
      holdsEvery({ id: 'D-1', deal: 'Pilot', company: 'Acme', owner: 'fox@x.com' }, ['dana'], owners),
    ).toBe(false);
  });

  const rowSet = fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { maxLength: 40 });

  it('keeps exactly the rows every set holds, the best found first, ties in sheet order', () => {
    const weighted = fc.array(fc.tuple(fc.integer({ min: 2, max: 60 }), fc.constantFrom(1, 1.5, 2, 4, 8)), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.array(weighted, { minLength: 1, maxLength: 4 }), (words) => {
        const maps = words.map((w) => new Map(w));
        const expected: [number, number][] = [];
        for (let r = 2; r <= 60; r++)
          if (maps.every((m) => m.has(r))) expected.push([r, maps.reduce((a, m) => a + m.get(r)!, 0)]);
        expected.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        expect(rankedRows(maps)).toEqual(expected.map(([r]) => r));
      }),
    );
  });

  it('forgives one typo in a word of four letters or more: a letter wrong, missing, extra or swapped', () => {
    const letters = fc.stringMatching(/^[a-z0-9]{4,9}$/);
    fc.assert(
      fc.property(
        letters,
        fc.stringMatching(/^[a-z .-]{0,12}$/),
        fc.nat(),
        fc.nat(4),
        (word, around, at, kind) => {
          // A cell holding the word with one random edit, among other text.
          const w = [...word];
          const i = at % w.length;
          const edited =
            kind === 0
              ? [...w.slice(0, i), 'x', ...w.slice(i + 1)]
              : kind === 1
                ? [...w.slice(0, i), ...w.slice(i + 1)]
                : kind === 2
                  ? [...w.slice(0, i), 'q', ...w.slice(i)]
                  : kind === 3 && i + 1 < w.length
                    ? [...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)]
                    : w;
          const hay = `${around.slice(0, 6)}${edited.join('')}${around.slice(6)}`;
          expect(new RegExp(typoPattern(word), 'iu').test(hay)).toBe(true);
          expect(holdsWord(hay, word)).toBe(true);
        },
      ),
    );
    // And nothing further: the pattern matches exactly where a piece of the text is within one edit.
    fc.assert(
      fc.property(letters, fc.stringMatching(/^[a-z]{0,10}$/), (word, hay) => {
        expect(new RegExp(typoPattern(word), 'iu').test(hay)).toBe(holdsWithinOneEdit(hay, word));
      }),
      { numRuns: 300 },
    );
    expect(holdsWord('umbrella corp', 'umb')).toBe(true);
    expect(holdsWord('umbrella corp', 'umx')).toBe(false);
    // Signs in a word are matched as themselves, not as the finder's operators.
    expect(new RegExp(typoPattern('a.b(c)'), 'iu').test('azbzc')).toBe(false);
    expect(new RegExp(typoPattern('a.b(c)'), 'iu').test('a.b(c')).toBe(true);
  });

  it('groups rows into runs that cover each row once and never join rows with a gap', () => {
    fc.assert(
      fc.property(rowSet, (rows) => {
        const runs = rowRuns(rows);
        const covered = runs.flatMap(([first, count]) => Array.from({ length: count }, (_, i) => first + i));
        expect(covered).toEqual([...new Set(rows)].sort((a, b) => a - b));
        for (let i = 1; i < runs.length; i++)
          expect(runs[i][0]).toBeGreaterThan(runs[i - 1][0] + runs[i - 1][1]);
      }),
    );
  });
});
