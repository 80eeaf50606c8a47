// Headers that date closed deals, as CRMs write them; a planned close date is not one of them.
import { closedAtColumns, closedKindOf } from '../../../src/domain/import/closedAtColumns';

describe('closedKindOf', () => {
  it('reads won, lost and closed dates in the forms exports write them', () => {
    const kinds = [
      'Deal - Won time',
      'Deal - Lost time',
      'Deal - Deal closed on',
      'Closed date',
      'Date Won',
      'closed_at',
      'Actual Close Date',
      'Close Date',
      'Expected close date',
      'Deal - Expected close date',
      'Closed',
    ].map(closedKindOf);
    expect(kinds).toEqual([
      'Won',
      'Lost',
      'Closed',
      'Closed',
      'Won',
      'Closed',
      'Closed',
      null,
      null,
      null,
      null,
    ]);
  });

  it('takes only columns kept as extras, and only beside a mapped Close date', () => {
    const header = ['Deal', 'Expected close date', 'Closed date', 'Won time'];
    const map = { columns: { deal: 0, closeDate: 1 }, extras: [2, 3], width: 4 };
    expect(closedAtColumns(header, map)).toEqual([
      { column: 2, kind: 'Closed' },
      { column: 3, kind: 'Won' },
    ]);
    // Closed date mapped as the Close date itself: it keeps that meaning.
    expect(closedAtColumns(header, { columns: { deal: 0, closeDate: 2 }, extras: [1, 3], width: 4 })).toEqual(
      [{ column: 3, kind: 'Won' }],
    );
    expect(closedAtColumns(header, { columns: { deal: 0 }, extras: [1, 2, 3], width: 4 })).toEqual([]);
  });
});
