// Deals in other currencies (issue 29): with a rate under Exchange rates in CRM Settings, an amount
// written "€1,000" keeps its currency in the cell, the Check column has nothing to say, and the
// Forecast counts it converted (and says at what rate). Without a rate it is flagged, never counted as
// dollars. Expected figures are worked out here from the rates typed in.
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { cell, crm, tableUnder, type } from '../support/crm';
import { newDeal, saved } from '../support/sidebar';
import type { Emulator } from '../../local/emulator';

/** Types `rows` into the Exchange rates block of CRM Settings, from its first item row. */
function typeRates(emu: Emulator, rows: [string, string][]) {
  const header = emu.values('CRM Settings')[1].map(String);
  const col = header.indexOf('Value in CRM currency');
  expect(header[col - 1]).toBe('Currency');
  // A1 letters of a 0-based column, written here.
  const letter = (c: number): string =>
    (c >= 26 ? letter(Math.floor(c / 26) - 1) : '') + String.fromCharCode(65 + (c % 26));
  rows.forEach(([code, rate], i) => {
    emu.userEdit('CRM Settings', `${letter(col - 1)}${3 + i}`, code);
    emu.userEdit('CRM Settings', `${letter(col)}${3 + i}`, rate);
  });
}

function deal(emu: Emulator, row: number, name: string, amount: string) {
  type(emu, 'Deal', row, name);
  type(emu, 'Stage', row, 'Qualified');
  type(emu, 'Close date', row, '2026-04-20');
  type(emu, 'Amount', row, amount);
}

describe('exchange rates', () => {
  it('counts an amount in a listed currency converted, keeps it as written, and flags one not listed', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    typeRates(emu, [
      ['EUR', '1.1'],
      ['GBP', '1.25'],
    ]);
    deal(emu, 2, 'Euro deal', '€1,000');
    deal(emu, 3, 'Pound deal', '2000 GBP');
    deal(emu, 4, 'Dollar deal', '300');
    deal(emu, 5, 'Yen deal', '¥50,000');
    // As written: the cell keeps its currency.
    expect(cell(emu, 'Amount', 2)).toBe('€1,000');
    expect(String(cell(emu, 'Check', 2))).not.toMatch(/Amount/);
    expect(String(cell(emu, 'Check', 3))).not.toMatch(/Amount/);
    expect(String(cell(emu, 'Check', 5))).toMatch(/Amount "¥50,000" is in yen or yuan/);
    emu.run('menuRefresh');
    const months = tableUnder(emu, 'Forecast', 'Period');
    const open = months.find((r) => String(r.Period).startsWith('Open pipeline'))!;
    expect(open.Pipeline).toBeCloseTo(1000 * 1.1 + 2000 * 1.25 + 300, 6);
    expect(String(emu.values('Forecast')[0][0])).toBe(
      'Forecast (USD; amounts converted at 1 EUR = 1.1 USD, 1 GBP = 1.25 USD)',
    );
  });

  it('lets the sidebar save an amount in a listed currency as written, and refuses one not listed', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    typeRates(emu, [['EUR', '1.1']]);
    const save = (amount: string) => emu.run<SaveResult>('saveDeal', [newDeal({ deal: 'Sidebar', amount })]);
    // "€1,5" in a decimal-point locale: refused as ambiguous, whatever the currency.
    expect(save('€1,5')).toMatchObject({ status: 'invalid' });
    const id = saved(save('EUR 2,500.50')).deal.id;
    expect(cell(emu, 'Amount', 2)).toBe('EUR 2,500.50');
    expect(String(cell(emu, 'Check', 2))).not.toMatch(/Amount/);
    expect(emu.run<DealRecord>('getDeal', [id]).deal.amount).toBe('EUR 2,500.50');
    expect(save('900 SEK')).toMatchObject({
      status: 'invalid',
      errors: {
        amount:
          '"900 SEK" is in SEK, and this CRM counts in USD: write the amount in USD, or list the currency under Exchange rates in CRM Settings',
      },
    });
  });

  it('flags a deal whose currency loses its rate, and says what is wrong in a rate row', () => {
    const emu = crm({ now: '2026-03-10T15:00:00Z' });
    typeRates(emu, [['EUR', '1.1']]);
    deal(emu, 2, 'Euro deal', '€1,000');
    expect(String(cell(emu, 'Check', 2))).not.toMatch(/Amount/);
    typeRates(emu, [['', '']]);
    emu.run('menuRefresh');
    expect(String(cell(emu, 'Check', 2))).toMatch(/Amount "€1,000" is in EUR/);
    typeRates(emu, [['EUR', 'lots']]);
    expect(emu.ss.toasts.at(-1)?.message).toMatch(/The rate for EUR must be a number above 0/);
  });
});
