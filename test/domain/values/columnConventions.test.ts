// Reading imported values with per-column conventions, on examples worked out by hand.
import { decimalMarkOf, readAmount } from '../../../src/shared/amountReading';
import { dayFirst, parseDate } from '../../../src/domain/values/cellParsing';
import { readTypedDate } from '../../../src/shared/typedDate';
import {
  dateOrderOf,
  dateOrdersOf,
  fullYear,
  probabilityInPoints,
  readDate,
  readProbability,
} from '../../../src/domain/values/columnConventions';

const column = (values: string[], locale = 'en_US') => decimalMarkOf(values, locale);
const amount = (v: string, values: string[], locale = 'en_US') => readAmount(v, column(values, locale));
const value = <T>(p: { kind: string; value?: T }) => (p.kind === 'ok' ? p.value : p.kind);

describe('amounts', () => {
  it.each([
    ['$12,500.00', ['$12,500.00'], 12500],
    ['€1.200', ['€1.200', '€3.400,50'], 1200],
    ['€1.200', ['€1.200', '€12.50'], 1.2],
    ['1.234.567', ['1.234.567'], 1234567],
    ['1,5', ['1,5'], 1.5],
    ['12k', ['12k'], 12000],
    ['(300)', ['(300)'], -300],
    ['-500', ['-500'], -500],
    ['USD 2,000', ['USD 2,000'], 2000],
    ["CHF 1'250.50", ["CHF 1'250.50"], 1250.5],
  ] as const)('reads %s in a column of %j as %s', (v, values, expected) => {
    expect(value(amount(v, [...values]))).toBe(expected);
  });

  it('keeps "€1.200" as written when nothing in the column or the locale settles the point', () => {
    expect(amount('€1.200', ['€1.200', '€950'])).toEqual({ kind: 'bad', raw: '€1.200' });
  });

  it('uses the locale when the column does not say: a German sheet reads "1.200" as 1200', () => {
    expect(value(amount('1.200', ['1.200'], 'de_DE'))).toBe(1200);
    expect(value(amount('1,200', ['1,200'], 'en_US'))).toBe(1200);
  });

  it('keeps values whose separators contradict each other', () => {
    expect(amount('1,23.4', ['1,23.4']).kind).toBe('bad');
    expect(amount('about 5k', ['about 5k']).kind).toBe('bad');
  });
});

describe('dates', () => {
  const tz = 'America/New_York';
  const iso = (p: ReturnType<typeof readDate>) => (p.kind === 'ok' ? p.value.toISOString() : p.kind);

  it('decides day-first or month-first per column from its values, else from the locale', () => {
    expect(dateOrderOf(['13/01/2026', '05/02/2026'], 'en_US').order).toBe('DMY');
    expect(dateOrderOf(['12/31/2026', '05/02/2026'], 'en_GB').order).toBe('MDY');
    expect(dateOrderOf(['05/02/2026'], 'en_GB')).toEqual({ order: 'DMY', fromValues: false });
    expect(dateOrderOf(['13/01/2026', '12/31/2026'], 'en_US').order).toBeNull();
  });

  it('decides a file’s undecided date columns from its other date columns before the locale', () => {
    // An export writes all its dates one way: 25/03/2026 in one column says how 01/04/2027 in another reads.
    const close = ['01/04/2027', '05/06/2027'];
    expect(dateOrdersOf([close, ['25/03/2026']], 'en_US')).toEqual([
      { order: 'DMY', from: 'file' },
      { order: 'DMY', from: 'column' },
    ]);
    expect(dateOrdersOf([close, ['12/25/2026']], 'en_GB')[0]).toEqual({ order: 'MDY', from: 'file' });
    // Dots between day, month and year are day first wherever they are written (01.04.2027).
    expect(dateOrdersOf([['01.04.2027', '05.06.2027']], 'en_US')).toEqual([{ order: 'DMY', from: 'column' }]);
    expect(dateOrdersOf([close, ['02.03.2026']], 'en_US')[0]).toEqual({ order: 'DMY', from: 'file' });
    // Nothing in the file says: the locale, and it says so.
    expect(dateOrdersOf([close, ['2026-03-25']], 'en_US')[0]).toEqual({ order: 'MDY', from: 'locale' });
    expect(dateOrdersOf([close], 'de_DE')[0]).toEqual({ order: 'DMY', from: 'locale' });
    // Columns that disagree: a column keeps its own evidence, an undecided one takes the locale's
    // order (as the grid reads a date typed as text), and the source says why.
    expect(dateOrdersOf([close, ['25/03/2026'], ['12/25/2026']], 'en_US')).toEqual([
      { order: 'MDY', from: 'conflict' },
      { order: 'DMY', from: 'column' },
      { order: 'MDY', from: 'column' },
    ]);
    expect(dateOrdersOf([[...close, '25/03/2026', '12/25/2026']], 'en_GB')).toEqual([
      { order: 'DMY', from: 'conflict' },
    ]);
    // The person's word decides every column's ambiguous dates (a date only one way still reads so).
    expect(dateOrdersOf([close, ['12/25/2026']], 'en_US', 'DMY')).toEqual([
      { order: 'DMY', from: 'person' },
      { order: 'DMY', from: 'person' },
    ]);
  });

  it('reads a date stored as a timestamp at midnight as the day written, in any zone; other instants as instants', () => {
    // A warehouse or an API writes a date-only field (a close date) as midnight UTC: 2027-04-01, not
    // 31 March in New York. Expected instants written by hand (New York is UTC-4 in April).
    const day = { order: 'MDY' as const, dayOnly: true };
    for (const v of [
      '2027-04-01T00:00:00Z',
      '2027-04-01T00:00:00.000Z',
      '2027-04-01 00:00:00+00',
      '2027-04-01 00:00:00 UTC',
      '2027-04-01T00:00:00+02:00',
      '2027-04-01 00:00',
    ])
      expect([v, iso(readDate(v, tz, day, 2026))]).toEqual([v, '2027-04-01T04:00:00.000Z']);
    // Epoch milliseconds (HubSpot's API), as text or as a number, at midnight UTC: the day written.
    expect(iso(readDate('1806537600000', tz, day, 2026))).toBe('2027-04-01T04:00:00.000Z');
    expect(iso(readDate(1806537600000, tz, day, 2026))).toBe('2027-04-01T04:00:00.000Z');
    // A time of day is an instant, kept as one (its day is then the spreadsheet's: 31 March here).
    expect(iso(readDate('2027-04-01T02:30:00Z', tz, day, 2026))).toBe('2027-04-01T02:30:00.000Z');
    const instant = { order: 'MDY' as const };
    expect(iso(readDate('2027-04-01T00:00:00Z', tz, instant, 2026))).toBe('2027-04-01T00:00:00.000Z');
    expect(iso(readDate('2026-03-12 08:00:00+00', tz, instant, 2026))).toBe('2026-03-12T08:00:00.000Z');
    expect(iso(readDate('1806537600000', tz, instant, 2026))).toBe('2027-04-01T00:00:00.000Z');
    // No such day or time: not a date (never rolled into March).
    expect(readDate('2027-02-30T10:00:00Z', tz, instant, 2026).kind).toBe('bad');
    expect(readDate('2027-02-28T25:00:00+00', tz, instant, 2026).kind).toBe('bad');
    // Not a plausible epoch (a phone number, an ID): not a date.
    expect(readDate('4155550123', tz, day, 2026).kind).toBe('bad');
    // Epoch seconds (Stripe's, Intercom's and many APIs' form) from 2000 to 2040, as text or a number.
    expect(iso(readDate('1767361500', tz, instant, 2026))).toBe('2026-01-02T13:45:00.000Z');
    expect(iso(readDate(1767361500, tz, instant, 2026))).toBe('2026-01-02T13:45:00.000Z');
    expect(iso(readDate('1806537600', tz, day, 2026))).toBe('2027-04-01T04:00:00.000Z');
    expect(readDate('0946684799', tz, instant, 2026).kind).toBe('bad');
  });

  it('reads a month-name date with a time of day (Notion, Airtable, email headers) as that instant', () => {
    // New York is UTC-5 in January, UTC-4 in April; instants written by hand.
    const instant = { order: 'MDY' as const };
    for (const [v, want] of [
      ['January 2, 2026 10:30 AM', '2026-01-02T15:30:00.000Z'],
      ['January 2, 2026 10:30 PM', '2026-01-03T03:30:00.000Z'],
      ['Jan 2, 2026, 12:05 am', '2026-01-02T05:05:00.000Z'],
      ['Jan 2, 2026 at 12:05 PM', '2026-01-02T17:05:00.000Z'],
      ['2 January 2026 14:05', '2026-01-02T19:05:00.000Z'],
      ['2 Jan 2026 14:05:09', '2026-01-02T19:05:09.000Z'],
      ['Thu, 01 Apr 2027 10:30:00 GMT', '2027-04-01T10:30:00.000Z'],
      ['1 April 2027 10:30 +02:00', '2027-04-01T08:30:00.000Z'],
      ['April 1, 2027 9:00 a.m.', '2027-04-01T13:00:00.000Z'],
    ])
      expect([v, iso(readDate(v, tz, instant, 2026))]).toEqual([v, want]);
    // No such time, or no month: not a date.
    expect(readDate('January 2, 2026 25:30', tz, instant, 2026).kind).toBe('bad');
    expect(readDate('January 2, 2026 13:30 PM', tz, instant, 2026).kind).toBe('bad');
    expect(readDate('Blue 2, 2026 10:30 AM', tz, instant, 2026).kind).toBe('bad');
  });

  it('reads 05/02/2026 as 5 February in a day-first column and as 2 May in a month-first one', () => {
    expect(iso(readDate('05/02/2026', tz, { order: 'DMY' }, 2026))).toBe('2026-02-05T05:00:00.000Z');
    expect(iso(readDate('05/02/2026', tz, { order: 'MDY' }, 2026))).toBe('2026-05-02T04:00:00.000Z');
  });

  it('keeps an ambiguous date of a mixed column as written, and refuses impossible ones', () => {
    expect(readDate('05/02/2026', tz, { order: null }, 2026).kind).toBe('bad');
    expect(readDate('31/02/2026', tz, { order: 'DMY' }, 2026).kind).toBe('bad');
  });

  it('puts two-digit years within twenty years ahead of the reference year', () => {
    expect([fullYear(99, 2026), fullYear(26, 2026), fullYear(46, 2026), fullYear(47, 2026)]).toEqual([
      1999, 2026, 2046, 1947,
    ]);
    expect(iso(readDate('12/31/99', tz, { order: 'MDY' }, 2026))).toBe('1999-12-31T05:00:00.000Z');
  });
});

describe('probabilities', () => {
  it('reads whole numbers as points and fractions as fractions, per column', () => {
    expect(probabilityInPoints([0, 1])).toBe(true);
    expect(probabilityInPoints([0, 1, 40])).toBe(true);
    expect(probabilityInPoints([0.25, 1])).toBe(false);
    // "90%" imported with text conversion on is the number 0.9 under a header that says %: fractions.
    expect(probabilityInPoints([0.9, 0.75, 1, 0.1])).toBe(false);
    expect(probabilityInPoints([90, 75, 100, 10])).toBe(true);
    expect(probabilityInPoints(['90%', '75%'])).toBe(true);
    expect(value(readProbability(40, true))).toBe(0.4);
    expect(value(readProbability('40%'))).toBe(0.4);
    expect(value(readProbability(0.25))).toBe(0.25);
    expect(readProbability(140, true).kind).toBe('bad');
  });
});

describe('dotted dates, day first wherever they are written', () => {
  // "03.04.2026" is 3 April in every locale, in the grid, the sidebar and Convert alike (issue 28:
  // the three must never read one date two ways). Expected day written by hand.
  it.each(['en_US', 'en_GB', 'de_DE', 'fr_CA'])('reads 03.04.2026 in %s as 3 April everywhere', (locale) => {
    const tz = 'UTC';
    const typed = parseDate('03.04.2026', tz, locale);
    const converted = readDate('03.04.2026', tz, dateOrdersOf([['03.04.2026']], locale)[0], 2026);
    const sidebar = readTypedDate('03.04.2026', dayFirst(locale));
    expect(typed.kind === 'ok' && typed.value.toISOString().slice(0, 10)).toBe('2026-04-03');
    expect(converted.kind === 'ok' && converted.value.toISOString().slice(0, 10)).toBe('2026-04-03');
    expect(sidebar.ok && sidebar.value).toEqual({ y: 2026, m: 4, d: 3 });
  });
});

describe('one order of day and month per locale', () => {
  // The sidebar and the grid read "03/04/2026" as Convert does (issue 28: fr_CA gave 4 March in the
  // sidebar and 3 April in Convert). Expected days written by hand.
  it.each([
    ['en_US', '2026-03-04'],
    ['en_CA', '2026-03-04'],
    ['en_PH', '2026-03-04'],
    ['es_US', '2026-03-04'],
    ['fr_CA', '2026-04-03'],
    ['en_GB', '2026-04-03'],
    ['de_DE', '2026-04-03'],
    ['pt_BR', '2026-04-03'],
  ])('reads 03/04/2026 in %s as %s, typed or converted', (locale, day) => {
    const tz = 'UTC';
    const typed = parseDate('03/04/2026', tz, locale);
    const converted = readDate('03/04/2026', tz, dateOrderOf(['03/04/2026'], locale), 2026);
    expect(typed.kind === 'ok' && typed.value.toISOString().slice(0, 10)).toBe(day);
    expect(converted.kind === 'ok' && converted.value.toISOString().slice(0, 10)).toBe(day);
    expect(dayFirst(locale)).toBe(day.endsWith('-03'));
  });
});
