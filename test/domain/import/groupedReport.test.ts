// A report exported as shown: group rows, deals, subtotals; and what is not one.
import { groupedReportOf, ungrouped } from '../../../src/domain/import/groupedReport';

describe('groupedReportOf', () => {
  const REPORT = [
    ['Owner', 'Deal', 'Amount'],
    ['Sum Kim', '', ''],
    ['', 'A', '10'],
    ['Jo', '', ''],
    ['', 'B', '5'],
    ['Subtotal', '', '5'],
    ['Grand Totals (2 records)', '', ''],
  ];

  it('tells a group named like a total from a total row, and checks subtotals per group', () => {
    expect(groupedReportOf(REPORT, 0, 'en_US')).toEqual({
      column: 0,
      fill: true,
      groups: [
        { row: 2, value: 'Sum Kim' },
        { row: 4, value: 'Jo' },
      ],
      totals: [6, 7],
    });
    expect(ungrouped(REPORT, 0, 'en_US').values.filter((r) => r.some((v) => v !== ''))).toEqual([
      ['Owner', 'Deal', 'Amount'],
      ['Sum Kim', 'A', '10'],
      ['Jo', 'B', '5'],
    ]);
  });

  it('reads nothing into a sheet that is not laid out so', () => {
    // A deal named like a total, whose amount is no sum: rows as they are.
    const named = REPORT.map((r, i) => (i === 5 ? ['Total Wine', '', '7'] : r));
    expect(groupedReportOf(named, 0, 'en_US')).toBeNull();
    // A row with the owner beside a deal: not a grouped report.
    expect(groupedReportOf([...REPORT.slice(0, 3), ['Jo', 'C', '4']], 0, 'en_US')).toBeNull();
    // A plain list whose first row is a whole deal.
    expect(
      groupedReportOf(
        [
          ['Owner', 'Deal'],
          ['Jo', 'A'],
          ['', 'B'],
        ],
        0,
        'en_US',
      ),
    ).toBeNull();
  });
});
