// Text a script writes (or File > Import with text conversion on) is read as typed input, in the
// spreadsheet's locale: a US spreadsheet takes 03/04/2027 for 4 March and 1.200 for 1.2, a German one
// for 3 April and 1200. Expected values are written here by hand (New York and Berlin midnights).
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import { parseTyped, readTyped } from '../../local/emulator/cellValues';

function written(locale: string, texts: string[]): unknown[] {
  const emu = new Emulator({ timeZone: 'UTC', now: '2026-11-23T12:00:00Z' });
  emu.ss.locale = locale;
  const sheet = emu.ss.addSheet('T', undefined, 10, 10);
  const range = emu.spreadsheetApp
    .getActiveSpreadsheet()!
    .getSheetByName(sheet.name)!
    .getRange(1, 1, 1, texts.length);
  range.setValues([texts]);
  return range.getValues()[0].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
}

describe('text written into a cell, read in the spreadsheet’s locale', () => {
  const texts = [
    '03/04/2027',
    '31/12/2026',
    '12/31/2026',
    '1.200',
    '1,200',
    '1.200,50',
    '1,200.50',
    '03.04.2027',
    '50%',
  ];

  it('en_US: month first, a decimal point', () => {
    expect(written('en_US', texts)).toEqual([
      '2027-03-04',
      '31/12/2026',
      '2026-12-31',
      1.2,
      1200,
      '1.200,50',
      1200.5,
      '03.04.2027',
      0.5,
    ]);
  });

  it('en_GB: day first, a decimal point', () => {
    expect(written('en_GB', texts)).toEqual([
      '2027-04-03',
      '2026-12-31',
      '12/31/2026',
      1.2,
      1200,
      '1.200,50',
      1200.5,
      '03.04.2027',
      0.5,
    ]);
  });

  it('de_DE: day first with dots too, a decimal comma', () => {
    expect(written('de_DE', texts)).toEqual([
      '2027-04-03',
      '2026-12-31',
      '12/31/2026',
      1200,
      1.2,
      1200.5,
      '1,200.50',
      '2027-04-03',
      0.5,
    ]);
  });
});

describe('the shortcut for plain words', () => {
  it('reads every text as the full reading does (random texts of the characters that matter)', () => {
    // Letters, digits, spaces (a no-break space too), the marks that start a formula or keep text,
    // and the pieces of booleans, numbers and dates.
    const piece = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\t',
      '\u00a0',
      "'",
      '=',
      '+',
      '-',
      '$',
      '(',
      ')',
      '.',
      ',',
      '/',
      '%',
      'e',
      'E',
      '1',
      '9',
      'true',
      'FALSE',
      'Jan',
      'march',
      'é',
    );
    let plain = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom('en_US', 'de_DE'), (pieces, locale) => {
        const text = pieces.join('');
        const full = readTyped(text, 'UTC', 2026, locale);
        if (full.value === text && !full.formula) plain++;
        expect(parseTyped(text, 'UTC', 2026, locale)).toEqual(full);
      }),
      { numRuns: 5000 },
    );
    // Both kinds were tried: texts kept as written and texts read as something else.
    expect(plain).toBeGreaterThan(500);
    expect(plain).toBeLessThan(4500);
  });
});
