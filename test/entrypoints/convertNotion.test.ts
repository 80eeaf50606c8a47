// A Notion database exported as CSV (test/fixtures/exports/notion-deals.csv): dates written with the
// month's name and a time ("January 2, 2026 10:30 AM"), stages with emoji. Created holds the instant
// written, in the spreadsheet's zone (America/New_York; expected instants computed with Luxon); a
// Created no date can be read from is kept as written and flagged, as the summary says.
import { DateTime } from 'luxon';
import { crm, records } from '../support/crm';
import { importFixture } from '../support/exports';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const ms = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v;

function convert() {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  importFixture(emu, 'notion-deals.csv');
  const seen = emu.ui.dialogs.length;
  emu.ui.answers.push({ button: 'YES' });
  emu.run('menuConvert');
  return { emu, done: emu.ui.dialogs.slice(seen).at(-1)?.message ?? '' };
}

describe('a Notion export', () => {
  it('reads Created written with the month’s name and a time as that instant', () => {
    const { emu } = convert();
    const created = Object.fromEntries(records(emu).map((r) => [String(r['Deal']), ms(r['Created'])]));
    expect(created).toEqual({
      'Acme rollout': at('2026-01-02T10:30'),
      'Globex trial': at('2025-12-12T16:05'),
      'Initech deal': at('2026-10-01T09:00'),
      Umbrella: at('2026-11-02T13:00'),
      Hooli: 'early 2026',
    });
  });

  it('flags a Created it cannot read in the Check column, as the summary says', () => {
    const { emu, done } = convert();
    expect(done).toContain('1 value could not be read for sure');
    const check = Object.fromEntries(records(emu).map((r) => [String(r['Deal']), String(r['Check'])]));
    expect(check['Hooli']).toContain('Created "early 2026" is not a valid date');
    expect(check['Initech deal']).not.toContain('Created');
  });
});
