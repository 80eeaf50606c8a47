// Amounts as reps type them in the sidebar: currency signs, the locale's grouping, "k"/"m", a
// message for negatives and for a separator the locale cannot settle. Expected numbers are written by
// hand, or produced by Intl.NumberFormat (not by the product) for the properties.
import fc from 'fast-check';
import {
  amountText,
  decimalMarkOf,
  readAmount,
  readTypedAmount,
  type DecimalMark,
} from '../../src/shared/amountReading';

const value = (text: string, mark: DecimalMark) => {
  const r = readTypedAmount(text, mark);
  if (!r.ok) throw new Error(`"${text}" refused: ${r.message}`);
  return r.value;
};
const message = (text: string, mark: DecimalMark) => {
  const r = readTypedAmount(text, mark);
  if (r.ok) throw new Error(`"${text}" accepted as ${r.value}`);
  return r.message;
};

describe('an amount typed in a decimal-point locale', () => {
  it.each([
    ['12500', 12500],
    ['12k', 12000],
    ['12.5k', 12500],
    ['$12,000', 12000],
    ['USD 12,000.50', 12000.5],
    ['1.234,50', 1234.5],
    ['2m', 2000000],
    [' 900 ', 900],
    ['', ''],
  ])('reads %j as %j', (text, expected) => expect(value(text, '.')).toBe(expected));

  it('refuses a negative amount with its own message', () => {
    expect(message('-500', '.')).toBe('Amount cannot be negative (-500); write what the deal is worth');
    expect(message('(300)', '.')).toContain('cannot be negative');
  });

  it('asks which number "1.200" means instead of reading 1.2', () => {
    expect(message('1.200', '.')).toBe('"1.200" could mean 1.2 or 1200; type the one you mean');
  });

  it('says how to write what it cannot read', () => {
    expect(message('twelve', '.')).toBe('"twelve" is not an amount; write it like 12500, 12,500.50 or 12k');
    expect(message('12..5', '.')).toContain('is not an amount');
  });
});

describe('an amount typed in a decimal-comma locale', () => {
  it.each([
    ['1.234,50', 1234.5],
    ['12.500', 12500],
    ['12,5k', 12500],
    ['€ 12.000', 12000],
    ['99,9', 99.9],
  ])('reads %j as %j', (text, expected) => expect(value(text, ',')).toBe(expected));

  it('asks about "1,200"', () => {
    expect(message('1,200', ',')).toBe('"1,200" could mean 1,2 or 1200; type the one you mean');
  });

  it('asks which number "1.5" means: the point is not its decimal mark, nor a grouping', () => {
    expect(message('1.5', ',')).toBe('"1.5" could mean 1,5 or 15; type the one you mean');
  });
});

describe('a lone separator that is not the locale’s decimal mark', () => {
  // en_GB writes 1.5; "1,5" is either a decimal comma typed by habit or a mistyped 15: asked, never
  // saved as 1.50 (issue 29).
  it.each([
    ['1,5', '"1,5" could mean 1.5 or 15; type the one you mean'],
    ['12,50', '"12,50" could mean 12.5 or 1250; type the one you mean'],
    ['€ 0,75', '"€ 0,75" could mean 0.75 or 75; type the one you mean'],
  ])('refuses %j in a decimal-point locale', (text, said) => expect(message(text, '.')).toBe(said));

  it('is kept as written (bad) when typed into the grid, where the locale alone sets the mark', () => {
    expect(readAmount('1,5', { mark: '.', fromValues: false })).toEqual({ kind: 'bad', raw: '1,5' });
    expect(readAmount('1.5', { mark: ',', fromValues: false })).toEqual({ kind: 'bad', raw: '1.5' });
  });

  it('is read with the mark a column’s own values settle (an import)', () => {
    expect(readAmount('1,5', { mark: ',', fromValues: true })).toEqual({ kind: 'ok', value: 1.5 });
    expect(readAmount('1,5', decimalMarkOf(['1,5', '2,25', '1.234,50'], 'en_US'))).toEqual({
      kind: 'ok',
      value: 1.5,
    });
  });

  it('holds for any number with one or two decimals written with the other mark (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), (int, cents) => {
        const frac = String(cents).padStart(2, '0').replace(/0$/, '');
        expect(readTypedAmount(`${int},${frac}`, '.').ok).toBe(false);
        expect(readTypedAmount(`${int}.${frac}`, ',').ok).toBe(false);
        // Written with the locale's own mark it reads as the number (checked against Number()).
        expect(value(`${int}.${frac}`, '.')).toBe(Number(`${int}.${frac}`));
        expect(value(`${int},${frac}`, ',')).toBe(Number(`${int}.${frac}`));
      }),
    );
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: 0, max: 10_000_000_000 }).map((c) => c / 100);
  const marks = fc.constantFrom<DecimalMark>('.', ',');

  it('what the form shows of a stored amount reads back as the same number', () => {
    fc.assert(
      fc.property(fc.oneof(cents, fc.double({ min: 0, max: 1e25, noNaN: true })), marks, (n, mark) => {
        expect(value(amountText(n, mark), mark)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('amounts grouped the way the locale writes them (by Intl) read as the number', () => {
    const formats: Record<DecimalMark, Intl.NumberFormat[]> = {
      '.': [
        new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
        new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2 }),
        // Indian grouping: lakh and crore (12,50,000 is 1,250,000)
        new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }),
      ],
      ',': [
        new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
        new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2 }),
      ],
    };
    fc.assert(
      fc.property(cents, marks, fc.nat(2), (n, mark, which) => {
        const text = formats[mark][which % formats[mark].length].format(n);
        expect(value(text, mark)).toBeCloseTo(n, 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads Indian grouping, which no other grouping writes', () => {
    expect(value('12,50,000', '.')).toBe(1250000);
    expect(value('₹1,23,45,678.50', '.')).toBe(12345678.5);
    expect(readAmount('10,00,000', { mark: null, fromValues: false })).toEqual({
      kind: 'ok',
      value: 1000000,
    });
    // Groups of two must end in one of three: "1,23,4" is no amount.
    expect(readAmount('1,23,4', { mark: '.', fromValues: false }).kind).toBe('bad');
  });

  it('a negative number is always refused, never saved', () => {
    fc.assert(
      fc.property(
        cents.filter((n) => n > 0),
        marks,
        (n, mark) => {
          expect(readTypedAmount(`-${amountText(n, mark)}`, mark).ok).toBe(false);
        },
      ),
    );
  });
});

describe('an amount written in another currency than the CRM’s', () => {
  // A typed £ or EUR is not dropped to store the number as dollars (issue 29): the rep is asked to
  // write it in the CRM's currency.
  it.each([
    [
      '£1,200',
      '.',
      'USD',
      '"£1,200" is in GBP, and this CRM counts in USD: write the amount in USD, or list the currency under Exchange rates in CRM Settings',
    ],
    [
      '1200 EUR',
      '.',
      'USD',
      '"1200 EUR" is in EUR, and this CRM counts in USD: write the amount in USD, or list the currency under Exchange rates in CRM Settings',
    ],
    [
      '€ 900',
      ',',
      'GBP',
      '"€ 900" is in EUR, and this CRM counts in GBP: write the amount in GBP, or list the currency under Exchange rates in CRM Settings',
    ],
    [
      '$500',
      '.',
      'EUR',
      '"$500" is in dollars or pesos, and this CRM counts in EUR: write the amount in EUR, or list the currency under Exchange rates in CRM Settings',
    ],
  ] as const)('refuses %j (mark %j) in a %s CRM', (text, mark, currency, said) =>
    expect(message3(text, mark, currency)).toBe(said),
  );

  it.each([
    ['$1,200', '.', 'USD', 1200],
    ['$1,200', '.', 'CAD', 1200],
    ['€ 900', ',', 'EUR', 900],
    ['GBP 1200', '.', 'GBP', 1200],
    ['1200', '.', 'JPY', 1200],
  ] as const)('reads %j (mark %j) in a %s CRM', (text, mark, currency, expected) => {
    expect(readTypedAmount(text, mark, currency)).toEqual({ ok: true, value: expected });
  });

  it('is kept as written (bad) in the grid', () => {
    const column = { mark: '.' as const, fromValues: false, currency: 'USD' };
    expect(readAmount('£1,200', column)).toEqual({ kind: 'bad', raw: '£1,200' });
    expect(readAmount('$1,200', column)).toEqual({ kind: 'ok', value: 1200 });
  });
});

function message3(text: string, mark: DecimalMark, currency: string): string {
  const r = readTypedAmount(text, mark, currency);
  if (r.ok) throw new Error(`"${text}" accepted as ${r.value}`);
  return r.message;
}

describe('an amount in a currency CRM Settings lists under Exchange rates', () => {
  const rates = { EUR: 1.08, GBP: 1.27, CAD: 0.73 };
  const code = fc.constantFrom(...(Object.keys(rates) as (keyof typeof rates)[]));
  const symbol = { EUR: '€', GBP: '£' } as const;

  it('reads as its value in the CRM currency, to the cent, whichever way it is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), code, fc.nat(3), (cents, c, how) => {
        // Written by Intl (en-US grouping), with the code before or after, or the symbol.
        const shown = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(cents / 100);
        const forms = [`${c} ${shown}`, `${shown} ${c}`, `${c}${shown}`];
        if (c !== 'CAD') forms.push(`${symbol[c]}${shown}`);
        const text = forms[how % forms.length];
        const column = { mark: '.' as const, fromValues: false, currency: 'USD', rates };
        // The expected value in whole cents, computed here: (cents × rate) rounded.
        const expected = Math.round((cents / 100) * rates[c] * 100) / 100;
        expect(readAmount(text, column)).toEqual({ kind: 'ok', value: expected });
        // The form keeps it as written (the deal keeps its currency); without rates it is refused.
        expect(readTypedAmount(text, '.', 'USD', rates)).toEqual({ ok: true, value: text });
        expect(readTypedAmount(text, '.', 'USD').ok).toBe(false);
      }),
    );
  });

  it('asks which dollar a $ is when two are listed, and takes it when one is', () => {
    expect(readTypedAmount('$500', '.', 'EUR', { USD: 0.92, CAD: 0.68 })).toEqual({
      ok: false,
      message: '"$500" could be USD or CAD: write the code, like 1200 USD',
    });
    expect(readTypedAmount('$500', '.', 'EUR', { USD: 0.92 })).toEqual({ ok: true, value: '$500' });
    expect(
      readAmount('$500', { mark: '.', fromValues: false, currency: 'EUR', rates: { USD: 0.92 } }),
    ).toEqual({
      kind: 'ok',
      value: 460,
    });
    // The CRM's own currency is never converted; a negative is refused as always.
    expect(readTypedAmount('€900', ',', 'EUR', rates)).toEqual({ ok: true, value: 900 });
    expect(readTypedAmount('-€900', '.', 'USD', rates).ok).toBe(false);
  });
});

describe('an amount in scientific notation (a spreadsheet or database wrote it)', () => {
  it.each([
    ['1.25E+05', '.', 125000],
    ['1.25E+05', ',', 125000],
    ['8,5E4', ',', 85000],
    ['8,5E4', '.', 85000],
    ['1.250E+03', '.', 1250],
    ['1E5', '.', 100000],
    ['-2.5e3', '.', -2500],
    ['$1.2E+06', '.', 1200000],
    // A mantissa has one separator, its decimal mark: never thousands.
    ['1,000E3', '.', 1000],
  ] as const)('reads %s (mark %s) as %d, in imports and in typing alike', (text, mark, n) => {
    expect(readAmount(text, { mark, fromValues: true })).toEqual({ kind: 'ok', value: n });
    if (n >= 0) expect(value(text, mark)).toBe(n);
  });

  it.each(['1.5E-03', '12E', 'E5', '1.2.3E4', '1,000.5E3'])('leaves %s unread', (text) =>
    expect(readAmount(text, { mark: '.', fromValues: true }).kind).toBe('bad'),
  );

  it('does not let a column of such numbers decide its decimal mark', () =>
    expect(decimalMarkOf(['1.25E+05', '8.5E+04'], 'de_DE')).toEqual({ mark: ',', fromValues: false }));
});
