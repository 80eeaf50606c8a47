// "currency = CNY" among the Convert dialog's corrections: the currency a CRM with no deals yet counts
// in. A column headed Currency is still corrected as a column ("Currency = extra").
import { applyCorrections } from '../../../src/domain/import/conversion';

const header = ['Deal', 'Amount', 'Currency'];
const map = { columns: { deal: 0, amount: 1 }, extras: [2], width: 3 };

describe('the currency correction', () => {
  it('takes a currency code the CRM knows, in any case', () => {
    const out = applyCorrections(header, map, 'currency = cny');
    expect('map' in out && out.map.currency).toBe('CNY');
  });

  it('leaves a column headed Currency to column corrections', () => {
    const out = applyCorrections(header, map, 'Currency = extra');
    expect('map' in out && out.map.currency).toBe(undefined);
    expect('error' in applyCorrections(header, map, 'Currency = yuan')).toBe(true);
  });
});
