// Months and quarters written where a close date goes, read as the period's last day. Expected days
// come from luxon's calendar, not from the reader.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { periodEnd } from '../../../src/domain/values/periodDates';

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const NAMES = [
  'January',
  'Feb',
  'März',
  'avril',
  'May',
  'Jun.',
  'julio',
  'Aug',
  'Sept',
  'oct',
  'novembre',
  'Dec',
];

describe('periodEnd', () => {
  it('reads a month in the forms sheets write it as its last day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(5),
        (y, m, form) => {
          const mm = String(m).padStart(2, '0');
          const written = [
            `${NAMES[m - 1]} ${y}`,
            `${NAMES[m - 1]}-${String(y).slice(2)}`,
            `${y}-${mm}`,
            `${mm}/${y}`,
            `${y} ${NAMES[m - 1]}`,
            `${m}.${y}`,
          ][form];
          const end = DateTime.fromObject({ year: y, month: m }).endOf('month');
          expect(periodEnd(written, year, false)).toEqual({ y, m, d: end.day, period: 'month' });
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('reads a calendar quarter or half only when asked, and nothing that is not a period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        const end = DateTime.fromObject({ year: y, month: q * 3 }).endOf('quarter');
        for (const w of [`Q${q} ${y}`, `q${q}-${String(y).slice(2)}`, `${y} Q${q}`]) {
          expect(periodEnd(w, year, true)).toEqual({ y, m: end.month, d: end.day, period: 'quarter' });
          expect(periodEnd(w, year, false)).toBeNull();
        }
      }),
      { numRuns: 100, seed: 20261207 },
    );
    expect(periodEnd('H2 2027', year, true)).toEqual({ y: 2027, m: 12, d: 31, period: 'half' });
    expect(periodEnd('2027 h1', year, true)).toEqual({ y: 2027, m: 6, d: 30, period: 'half' });
    expect(periodEnd('H1-27', year, false)).toBeNull();
    for (const w of [
      '2027-13',
      '13/2027',
      'Jui 2027',
      'Q5 2027',
      'H3 2027',
      'next month',
      '2027',
      'March',
      'Acme 2027',
    ])
      expect(periodEnd(w, year, true)).toBeNull();
  });
});
