// Dates as reps type them in the sidebar. Expected days are written by hand, or come from
// Intl.DateTimeFormat and a leap-year rule written here (not from the product) in the properties.
import fc from 'fast-check';
import { dayInWords, isoOf, readTypedDate } from '../../src/shared/typedDate';

const day = (text: string, dayFirst: boolean) => {
  const r = readTypedDate(text, dayFirst);
  if (!r.ok) throw new Error(`"${text}" refused: ${r.message}`);
  return r.value === '' ? '' : isoOf(r.value);
};
const refusal = (text: string, dayFirst: boolean) => {
  const r = readTypedDate(text, dayFirst);
  if (r.ok) throw new Error(`"${text}" accepted as ${JSON.stringify(r.value)}`);
  return r.message;
};

describe('a date typed in the sidebar', () => {
  it.each([
    ['13/01/2026', true, '2026-01-13'],
    ['13.1.2026', true, '2026-01-13'],
    ['01/13/2026', false, '2026-01-13'],
    ['1-13-26', false, '2026-01-13'],
    ['2026-01-13', true, '2026-01-13'],
    ['2026-01-13', false, '2026-01-13'],
    ['13 Jan 2026', false, '2026-01-13'],
    ['Jan 13, 2026', true, '2026-01-13'],
    ['29 February 2028', true, '2028-02-29'],
    // Month names in the languages the CRM reads stages in, and as databases and reports write them.
    ['1 avril 2027', false, '2027-04-01'],
    ['1er avril 2027', false, '2027-04-01'],
    ['14 juil. 2027', false, '2027-07-14'],
    ['3 juin 2027', false, '2027-06-03'],
    ['1. Mai 2027', false, '2027-05-01'],
    ['2. März 2027', false, '2027-03-02'],
    ['1 abr 2027', false, '2027-04-01'],
    ['15 de agosto de 2027', false, '2027-08-15'],
    ['5 gennaio 2027', false, '2027-01-05'],
    ['9 mei 2027', false, '2027-05-09'],
    ['1 maj 2027', false, '2027-05-01'],
    ['31 okt. 2027', false, '2027-10-31'],
    ['agosto 15, 2027', false, '2027-08-15'],
    ['01-APR-2027', false, '2027-04-01'],
    ['1-Apr-27', true, '2027-04-01'],
    ['Thu, 01 Apr 2027', false, '2027-04-01'],
    // A long date as spreadsheets write one: the weekday before the month's name.
    ['Friday, January 15, 2027', false, '2027-01-15'],
    ['Fri Jan 15 2027', true, '2027-01-15'],
    // A warehouse's compact form, and a report's month name with a two-digit year.
    ['20270115', true, '2027-01-15'],
    ['20270115', false, '2027-01-15'],
    ['15 Jan 27', false, '2027-01-15'],
    ['Jan 15, 27', true, '2027-01-15'],
    // Russian month names (amoCRM, Bitrix24 reports), in the genitive a date takes; Japanese, Chinese
    // and Korean year-month-day.
    ['15 января 2027', true, '2027-01-15'],
    ['1 мая 2027', true, '2027-05-01'],
    ['3 марта 2027', true, '2027-03-03'],
    ['9 сент. 2027', true, '2027-09-09'],
    ['15 января 2027 г.', true, '2027-01-15'],
    ['2027年3月4日', false, '2027-03-04'],
    ['2027年12月31日', true, '2027-12-31'],
    ['2027년 3월 4일', false, '2027-03-04'],
    ['', true, ''],
  ])('reads %j (day first: %s) as %s', (text, dayFirst, iso) => expect(day(text, dayFirst)).toBe(iso));

  it('refuses what cannot be a date, saying why', () => {
    expect(refusal('13/01/2026', false)).toBe(
      '"13/01/2026" has no month 13; this spreadsheet writes dates as MM/DD/YYYY',
    );
    expect(refusal('02/31/2026', false)).toBe('"02/31/2026": February 2026 has 28 days');
    expect(refusal('31/04/2026', true)).toBe('"31/04/2026": April 2026 has 30 days');
    expect(refusal('next week', true)).toBe(
      '"next week" is not a date; write it like DD/MM/YYYY or YYYY-MM-DD',
    );
    expect(refusal('13 Janvember 2026', true)).toBe('"Janvember" is not a month');
    expect(refusal('20271301', true)).toMatch(/^"20271301"/);
    // Too short to say which month (juin or juillet).
    expect(refusal('3 jui 2027', true)).toBe('"jui" is not a month');
  });

  it('echoes the day in words', () => {
    expect(dayInWords({ y: 2026, m: 1, d: 13 })).toBe('Tue 13 Jan 2026');
    expect(dayInWords({ y: 2026, m: 5, d: 31 })).toBe('Sun 31 May 2026');
  });
});

describe('properties', () => {
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthLength = (y: number, m: number) =>
    [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  const days = fc
    .record({
      y: fc.integer({ min: 1950, max: 2150 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => d <= monthLength(y, m));
  const two = (n: number) => String(n).padStart(2, '0');

  it('every real day, written in any of the ways people write it, reads as that day', () => {
    const en = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    const gb = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
    });
    fc.assert(
      fc.property(days, fc.boolean(), fc.constantFrom('/', '.', '-'), ({ y, m, d }, dayFirst, sep) => {
        const iso = `${y}-${two(m)}-${two(d)}`;
        const utc = new Date(Date.UTC(y, m - 1, d));
        // Dots are written day first wherever (13.01.2026); / and - in the spreadsheet's order.
        const numeric =
          dayFirst || sep === '.' ? `${d}${sep}${two(m)}${sep}${y}` : `${two(m)}${sep}${d}${sep}${y}`;
        for (const text of [iso, numeric, en.format(utc), gb.format(utc)])
          expect(day(text, dayFirst)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('a day past the end of its month is refused, never rolled into the next month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (y, m, dayFirst) => {
          const d = monthLength(y, m) + 1;
          if (d > 31) return;
          const text = dayFirst ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
          expect(readTypedDate(text, dayFirst).ok).toBe(false);
        },
      ),
    );
  });
});
