// Rows alike in every cell, in an export with no Deal ID: found (each group once, in order), and said.
import { twinRowsOf, twinsSaid } from '../../../src/domain/import/twinRows';
import type { HeaderMap } from '../../../src/domain/deals/headerMap';

const map: HeaderMap = { columns: { deal: 0, stage: 1, amount: 2 }, extras: [], width: 3 };
const rows = [
  ['Deal', 'Stage', 'Amount'],
  ['Globex platform', 'Proposal', '48000'],
  ['Initech pilot', 'Negotiation', '12500'],
  [' Globex platform', 'Proposal', '48000', ''],
  ['Initech pilot', 'Negotiation', '12600'],
  ['Hooli', '', ''],
  ['Hooli', '', ''],
];

describe('rows alike in every cell', () => {
  it('groups the rows that agree in every cell (spaces aside), not rows of one cell, and says so', () => {
    expect(twinRowsOf(rows, 0, map)).toEqual([[2, 4]]);
    expect(twinsSaid([[2, 4]])).toBe(
      'rows 2 and 4 are the same in every cell, and there is no Deal ID to tell them apart: each becomes a deal of its own, so the forecast counts that deal more than once. If a row was pasted twice, answer Cancel, delete the repeat, and convert again.',
    );
    expect(twinsSaid([])).toBe('');
  });

  it('leaves rows with a Deal ID column to the merging of repeated deals', () => {
    expect(twinRowsOf(rows, 0, { ...map, columns: { ...map.columns, dealId: 3 } })).toEqual([]);
  });
});
