// Exports that write each amount twice, in its own currency and converted into the company's
// (Salesforce's "Amount (converted)" with its currency column), give the exchange rates CRM Settings
// needs to count the amounts in other currencies. Rates here are worked out by hand from the rows.
import { ratesFromConverted } from '../../../src/domain/import/convertedRates';
import { mapHeaders } from '../../../src/domain/deals/headerMap';

const HEADER = [
  'Opportunity Name',
  'Stage',
  'Amount Currency',
  'Amount',
  'Amount (converted) Currency',
  'Amount (converted)',
];
// The mapping Convert proposes: the name, stage and amount (the rest are extra columns).
const map = { ...mapHeaders(['Deal', 'Stage', '', 'Amount']), extras: [2, 4, 5] };

describe('exchange rates from amounts an export also writes in the company’s currency', () => {
  it('gives one rate per currency when every row of it agrees, in the CRM’s currency', () => {
    const body = [
      ['A', 'Open', 'EUR', '1,000.00', 'USD', '1,080.00'],
      ['B', 'Open', 'EUR', '2,500.00', 'USD', '2,700.00'],
      ['C', 'Open', 'GBP', '3,000.00', 'USD', '3,810.00'],
      ['D', 'Open', 'USD', '500.00', 'USD', '500.00'],
    ];
    expect(ratesFromConverted(HEADER, body, map, 'USD', {})).toEqual({
      column: 5,
      rates: { EUR: 1.08, GBP: 1.27 },
    });
  });

  it('gives none for a currency whose rows disagree (dated rates), one CRM Settings has, or another currency', () => {
    const body = [
      ['A', 'Open', 'EUR', 1000, 'USD', 1080],
      ['B', 'Open', 'EUR', 1000, 'USD', 1120],
      ['C', 'Open', 'GBP', 3000, 'USD', 3810],
      ['D', 'Open', 'JPY', 100000, 'USD', 670],
    ];
    expect(ratesFromConverted(HEADER, body, map, 'USD', { GBP: 1.25 })).toEqual({
      column: 5,
      rates: { JPY: 0.0067 },
    });
    // Converted into euros, not the CRM's dollars: no rate to dollars can be read.
    const euros = body.map((r) => [...r.slice(0, 4), 'EUR', r[5]]);
    expect(ratesFromConverted(HEADER, euros, map, 'USD', {})).toBeNull();
  });

  it('needs to know the converted amounts’ currency: a header naming it will do', () => {
    const header = ['Opportunity Name', 'Stage', 'Amount Currency', 'Amount', 'Amount (USD)'];
    const body = [['A', 'Open', 'EUR', '1000', '1080']];
    expect(ratesFromConverted(header, body, map, 'USD', {})).toEqual({ column: 4, rates: { EUR: 1.08 } });
    const unknown = ['Opportunity Name', 'Stage', 'Amount Currency', 'Amount', 'Amount in company currency'];
    expect(ratesFromConverted(unknown, body, map, 'USD', {})).toBeNull();
  });
});
