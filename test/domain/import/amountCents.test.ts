// Amounts in cents: found from another column holding the same amounts in units on every row where both
// can be read, or from the header; never from a column that agrees on some rows only. Expected values
// come from the generator (units drawn first, cents written as units × 100), not from the reader.
import fc from 'fast-check';
import { amountCentsOf, amountsInUnits } from '../../../src/domain/import/amountCents';
import type { HeaderMap } from '../../../src/domain/deals/headerMap';

const MAP: HeaderMap = { columns: { deal: 0, amount: 1 }, extras: [2], width: 3 };

/** Dollars and cents written as an export's formatted column would: "$12,500.50". */
const formatted = (cents: number) =>
  `$${Math.floor(cents / 100).toLocaleString('en-US')}${cents % 100 ? `.${String(cents % 100).padStart(2, '0')}` : ''}`;

describe('amountCentsOf', () => {
  it('finds cents beside the same amounts in units, whatever the rows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cents: fc.integer({ min: 1, max: 50_000_000 }),
            // a row may lack one of the two, or hold a value the other column cannot read
            shape: fc.constantFrom('both', 'both', 'both', 'noUnits', 'noCents', 'unitsText'),
            asNumber: fc.boolean(),
          }),
          { minLength: 2, maxLength: 30 },
        ),
        fc.nat(),
        (rows, pick) => {
          const values = [
            ['Name', 'value', 'value_formatted'],
            ...rows.map((r, i) => [
              `Deal ${i}`,
              r.shape === 'noCents' ? '' : r.asNumber ? r.cents : String(r.cents),
              r.shape === 'noUnits'
                ? ''
                : r.shape === 'unitsText'
                  ? `${formatted(r.cents)}/mo`
                  : formatted(r.cents),
            ]),
          ];
          const pairs = rows.filter((r) => r.shape === 'both').length;
          const amounts = rows.filter((r) => r.shape !== 'noCents').length;
          const found = amountCentsOf(values, 0, MAP, 'en_US');
          // Two rows with both at least (one when only one row has an amount) show it.
          const expected = pairs >= Math.min(2, amounts) && pairs > 0;
          expect(found !== null).toBe(expected);
          if (found) {
            expect(found.from.kind).toBe('column');
            const units = amountsInUnits(values, 0, found);
            rows.forEach((r, i) => {
              if (r.shape !== 'noCents') expect(units[i + 1][1]).toBeCloseTo(r.cents / 100, 9);
            });
          }
          // One row where the other column says otherwise: not cents.
          const both = rows.map((r, i) => (r.shape === 'both' ? i : -1)).filter((i) => i >= 0);
          if (both.length) {
            const i = both[pick % both.length] + 1;
            const off = values.map((r) => [...r]);
            off[i][2] = formatted(rows[i - 1].cents + 100);
            expect(amountCentsOf(off, 0, MAP, 'en_US')).toBeNull();
          }
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('reads a header that says cents, and nothing else into it', () => {
    const values = [
      ['Name', 'amount_cents', 'Region'],
      ['Acme', '1250000', 'EMEA'],
    ];
    expect(amountCentsOf(values, 0, MAP, 'en_US')?.from).toEqual({ kind: 'header' });
    // An amount beside an expected revenue (amount × probability) or a probability is as written.
    const expected = [
      ['Name', 'Amount', 'Expected revenue', 'Probability'],
      ['Acme', '12500', '125', '1'],
      ['Globex', '8000', '4000', '50'],
    ];
    expect(
      amountCentsOf(
        expected,
        0,
        { columns: { deal: 0, amount: 1, probability: 3 }, extras: [2], width: 4 },
        'en_US',
      ),
    ).toBeNull();
    // Written with a decimal mark or a sign, amounts are not cents whatever the other column says.
    const decimals = [
      ['Name', 'Amount', 'Amount (k)'],
      ['Acme', '12500.00', '125'],
      ['Globex', '$8000', '80'],
    ];
    expect(amountCentsOf(decimals, 0, MAP, 'en_US')).toBeNull();
    // What the person said comes first.
    expect(amountCentsOf(values, 0, MAP, 'en_US', 'units')).toBeNull();
    expect(amountCentsOf(decimals, 0, MAP, 'en_US', 'cents')?.from).toEqual({ kind: 'said' });
  });
});
