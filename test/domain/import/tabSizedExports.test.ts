// Convert's readers on an export as long as a CRM gets (200,000 rows): a reader that spread the rows
// into a call (`Math.max(0, ...rows.map(...))`) overflowed the stack there, and Convert of such an
// export failed with "Maximum call stack size exceeded" (a lint rule now bans the spread in src/).
import { amountCentsOf } from '../../../src/domain/import/amountCents';
import { mergeRepeatedDeals } from '../../../src/domain/import/repeatedDeals';
import type { HeaderMap } from '../../../src/domain/deals/headerMap';

const ROWS = 200_000;

describe('an export of 200,000 rows', () => {
  const values = [
    ['Deal ID', 'Deal', 'value', 'value_formatted'],
    ...Array.from({ length: ROWS }, (_, i) => [`X-${i}`, `Deal ${i}`, 100 * (i + 1), `$${i + 1}`]),
  ];
  const map: HeaderMap = { columns: { dealId: 0, deal: 1, amount: 2 }, extras: [3], width: 4 };

  it('is read for cents beside units', () => {
    expect(amountCentsOf(values, 0, map, 'en_US')).toEqual({
      column: 2,
      from: expect.objectContaining({ kind: 'column', column: 3 }),
    });
  });

  it('has its repeated Deal IDs merged (none here)', () => {
    const { repeated } = mergeRepeatedDeals(values, 0, map);
    expect(repeated).toEqual({ merged: [], joined: [], conflicts: [] });
  });
});
