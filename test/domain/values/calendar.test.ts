// Month keys and fiscal quarters, checked against Date.UTC arithmetic and examples worked by hand.
import fc from 'fast-check';
import {
  addMonths,
  fiscalQuarter,
  fiscalYearStart,
  monthLabel,
  monthOf,
} from '../../../src/domain/values/calendar';

describe('calendar', () => {
  it('adds months across year ends like Date.UTC does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -300, max: 300 }),
        (y, m, n) => {
          const d = new Date(Date.UTC(y, m - 1 + n, 1));
          const expected = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
          expect(addMonths(`${y}-${String(m).padStart(2, '0')}`, n)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("buckets an instant by the month in the spreadsheet's zone, not UTC's", () => {
    const newYearInTokyo = new Date('2026-12-31T15:30:00Z');
    expect(monthOf(newYearInTokyo, 'Asia/Tokyo')).toBe('2027-01');
    expect(monthOf(newYearInTokyo, 'America/Los_Angeles')).toBe('2026-12');
  });

  it('names months for people', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(monthLabel('2027-12')).toBe('Dec 2027');
  });

  it.each([
    ['2026-01', 1, 'FY2026 Q1', '2026-01'],
    ['2026-12', 1, 'FY2026 Q4', '2026-01'],
    ['2026-02', 2, 'FY2027 Q1', '2026-02'],
    ['2026-01', 2, 'FY2026 Q4', '2025-02'],
    ['2026-07', 4, 'FY2027 Q2', '2026-04'],
    ['2026-03', 4, 'FY2026 Q4', '2025-04'],
  ] as const)('puts %s in %s when the fiscal year starts in month %i', (month, start, label, yearStart) => {
    expect(fiscalQuarter(month, start).label).toBe(label);
    expect(fiscalYearStart(month, start)).toBe(yearStart);
  });
});
