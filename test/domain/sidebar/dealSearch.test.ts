// The search rules on their own: words, owners by name, rows held by every word, and reading rows in
// runs. Properties over random row sets, checked against plain set arithmetic written here.
import fc from 'fast-check';
import {
  holdsEvery,
  ownersNamed,
  rowRuns,
  rowsInAll,
  searchWords,
} from '../../../src/domain/sidebar/dealSearch';

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

  it('keeps exactly the rows every set holds, in sheet order', () => {
    fc.assert(
      fc.property(fc.array(rowSet, { minLength: 1, maxLength: 4 }), (sets) => {
        const expected = [];
        for (let r = 2; r <= 60; r++) if (sets.every((s) => s.includes(r))) expected.push(r);
        expect(rowsInAll(sets.map((s) => new Set(s)))).toEqual(expected);
      }),
    );
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
