// Units written in an amount column's header, as exports and home-made sheets write them; anything
// else in brackets is not a unit.
import { headerUnit } from '../../../src/domain/import/amountUnit';
import { headerMeanings } from '../../../src/domain/import/headerVocabulary';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';

describe('headerUnit', () => {
  it('reads a currency, a scale or both, in brackets or as the last words', () => {
    const read = (h: string) => {
      const u = headerUnit(h);
      return u && [u.stripped, u.currency, u.scale];
    };
    expect(read('Amount (EUR)')).toEqual(['Amount', 'EUR', 1]);
    expect(read('Value [€]')).toEqual(['Value', 'EUR', 1]);
    expect(read('Deal size ($k)')).toEqual(['Deal size', null, 1000]);
    expect(read('ARR (k€)')).toEqual(['ARR', 'EUR', 1000]);
    expect(read("Revenue ('000)")).toEqual(['Revenue', null, 1000]);
    expect(read('Amount (USD, thousands)')).toEqual(['Amount', 'USD', 1000]);
    expect(read('TCV $M')).toEqual(['TCV', null, 1_000_000]);
    expect(read('Amount in thousands')).toEqual(['Amount', null, 1000]);
    expect(read('Amount GBP')).toEqual(['Amount', 'GBP', 1]);
    for (const h of [
      'Amount',
      'Amount (incl. VAT)',
      'Probability (%)',
      'Close date (UTC)',
      'Deal Won',
      'Notes (internal)',
    ])
      expect(headerUnit(h)).toBeNull();
  });

  it('lets the header without its unit name the amount, and nothing else', () => {
    expect(headerMeanings('Deal size ($k)', IMPORT_WORDS).has('amount')).toBe(true);
    expect(headerMeanings('Amount (EUR)', IMPORT_WORDS).has('amount')).toBe(true);
    expect([...headerMeanings('Employees (k)', IMPORT_WORDS).keys()]).toEqual([]);
  });
});
