// A multi-currency Salesforce org's export (test/fixtures/exports/salesforce-multicurrency.csv) writes
// each amount in its deal's currency and converted into the company's dollars. Converted, the euro and
// pound deals keep their currency and count at the rates the file gives (1,080 / 1,000 and 3,810 /
// 3,000, worked out here), added to CRM Settings > Exchange rates, instead of waiting flagged.
import { crm, records } from '../support/crm';
import { convertedFixtures } from '../support/exports';

function convert() {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  return { emu, shown: convertedFixtures(emu, ['salesforce-multicurrency.csv']) };
}

describe('a multi-currency export with its amounts converted into the CRM’s currency', () => {
  it('adds the rates its rows give to CRM Settings, saying so, and flags none of its deals', () => {
    const { emu, shown } = convert();
    expect(shown[0]).toContain(
      'Exchange rates from G "Amount (converted)", the amounts converted into USD: EUR 1.08, GBP 1.27 (what one unit is worth in USD), for CRM Settings > Exchange rates.',
    );
    expect(shown.at(-1)).toContain(
      'Exchange rates added to CRM Settings from the export’s converted amounts: EUR 1.08, GBP 1.27.',
    );
    // CRM Settings' Exchange rates block: its code and value columns, below their header row.
    const settings = emu.values('CRM Settings');
    const c = settings[1].indexOf('Value in CRM currency') - 1;
    const listed = settings.slice(2).flatMap((r) => (r[c] === '' ? [] : [[r[c], r[c + 1]]]));
    expect(listed).toEqual([
      ['EUR', 1.08],
      ['GBP', 1.27],
    ]);
    expect(records(emu).map((r) => [r['Deal'], r['Amount'], r['Check']])).toEqual([
      ['A', 'EUR 1,000.00', ''],
      ['B', 2000, ''],
      ['C', 'GBP 3,000.00', ''],
    ]);
  });
});
