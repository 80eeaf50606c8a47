// Wall-clock parts of an instant in a zone, checked against Intl read directly (the test's own
// oracle), over random instants and around daylight-saving changes, in zones with odd offsets.
import fc from 'fast-check';
import { localDayNumber, zonedParts } from '../../src/shared/zonedTime';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a half-hour DST shift
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Sao_Paulo', // DST abolished in 2019
  'UTC',
];

function intlParts(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 11, 31) });

describe('zoned time', () => {
  it('follows a change of offset that falls inside a quarter hour (St John’s changed at 00:01 until 2011)', () => {
    // 2006-10-29 00:01 NDT (02:31 UTC) became 2006-10-28 23:01 NST; found by the property below.
    for (const ms of [
      Date.UTC(2006, 9, 29, 2, 30, 59),
      Date.UTC(2006, 9, 29, 2, 31),
      Date.UTC(2006, 9, 29, 2, 44),
    ])
      expect(zonedParts(ms, 'America/St_Johns')).toEqual(intlParts(ms, 'America/St_Johns'));
  });

  it('gives the wall clock Intl gives, at any instant, in zones with odd offsets', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        expect(zonedParts(ms, zone)).toEqual(intlParts(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the wall clock Intl gives far from today too (years of one to three digits)', () => {
    // From the second day of year 1 (before it Intl names an era) to 9999.
    const far = fc.integer({ min: Date.parse('0001-01-02T00:00:00Z'), max: Date.UTC(9999, 11, 31) });
    fc.assert(
      fc.property(far, fc.constantFrom(...ZONES), (ms, zone) => {
        expect(zonedParts(ms, zone)).toEqual(intlParts(ms, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('is right on the days the clocks change, minute by minute around the change', () => {
    // 2026 changes: New York 8 March and 1 November, London 29 March, Lord Howe 5 April.
    const days = [
      ['America/New_York', Date.UTC(2026, 2, 8)],
      ['America/New_York', Date.UTC(2026, 10, 1)],
      ['Europe/London', Date.UTC(2026, 2, 29)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4)],
    ] as const;
    for (const [zone, day] of days)
      for (let ms = day - 86_400_000; ms < day + 2 * 86_400_000; ms += 7 * 60_000) {
        const wall = intlParts(ms, zone);
        expect([zone, ms, zonedParts(ms, zone)]).toEqual([zone, ms, wall]);
        expect(localDayNumber(ms, zone)).toBe(Date.UTC(wall.year, wall.month - 1, wall.day) / 86_400_000);
      }
  });
});
