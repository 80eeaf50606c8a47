// A Pipedrive export without its Status column (test/fixtures/exports/pipedrive-no-status.csv): its
// "Lost time" and "Won time" say which deals closed. Deals dated there but left at an open stage are
// won or lost, not open pipeline: their stage becomes Won or Lost, and History keeps the stage they
// were at and when they closed. Expected values are written out by hand from the file; times are read
// in the spreadsheet's zone (America/New_York, computed with Luxon).
import { DateTime } from 'luxon';
import type { Emulator } from '../../local/emulator';
import { crm, records } from '../support/crm';
import { convertedFixtures } from '../support/exports';

const ZONE = 'America/New_York';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const ms = (v: unknown) =>
  v instanceof Date
    ? v.getTime()
    : Object.prototype.toString.call(v) === '[object Date]'
      ? (v as Date).getTime()
      : v;

function convert(): { emu: Emulator; shown: string; done: string } {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  const dialogs = convertedFixtures(emu, ['pipedrive-no-status.csv']);
  return { emu, shown: dialogs[0] ?? '', done: dialogs.at(-1) ?? '' };
}

describe('won and lost dates beside an open stage, with no status column', () => {
  // One conversion for every check below (each reads what it left).
  let done: ReturnType<typeof convert>;
  beforeAll(() => (done = convert()));

  it('makes a deal with a lost date Lost and one with a won date Won; the rest stay open', () => {
    const { emu } = done;
    const byDeal = Object.fromEntries(
      records(emu).map((r) => [String(r['Deal']), [r['Stage'], r['Lost reason'], ms(r['Stage entered'])]]),
    );
    expect(byDeal).toEqual({
      Alpha: ['Proposal made', '', ''],
      Beta: ['Lost', 'Price', at('2026-09-25T10:00:00')],
      Gamma: ['Won', '', at('2026-10-02T11:00:00')],
      Delta: ['Lost', 'No budget', at('2026-08-03T09:00:00')],
      Eps: ['Contact made', '', ''],
    });
  });

  it('logs each close in History from the stage the deal was at', () => {
    const { emu } = done;
    const idOf = Object.fromEntries(records(emu).map((r) => [String(r['Deal ID']), String(r['Deal'])]));
    const moves = records(emu, 'History').map((h) => [
      idOf[String(h['Deal ID'])],
      ms(h['Time']),
      h['From'],
      h['To'],
    ]);
    expect(moves).toEqual([
      ['Beta', at('2026-09-25T10:00:00'), 'Proposal made', 'Lost'],
      ['Gamma', at('2026-10-02T11:00:00'), 'Negotiations started', 'Won'],
      ['Delta', at('2026-08-03T09:00:00'), 'Qualified', 'Lost'],
    ]);
  });

  it('says so before converting, and after', () => {
    const { shown, done: summary } = done;
    expect(shown).toContain(
      '3 deals at an open stage have a date in H "Lost time" or I "Won time": 2 become Lost and 1 Won, the stage each was at kept in History.',
    );
    expect(summary).toContain('3 deals at an open stage with a won or lost date made Won or Lost.');
  });
});
