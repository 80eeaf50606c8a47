// Finding cells on Google’s side: TextFinder and getNextDataCell.
// Conformance: TextFinder as Google's reference describes it (Class TextFinder: case-insensitive,
// partial matches by default, displayed values, matchEntireCell, matchCase, useRegularExpression,
// matchFormulaText, ignoreDiacritics, findAll/findNext/findPrevious). Where the reference is silent the
// emulator is stricter (no wrap-around, empty search text refused); see local/emulator/textFinder.ts.
import { Emulator } from '../../local/emulator';
import { Accountant } from '../../local/emulator/accounting';

function setup() {
  const emu = new Emulator({ timeZone: 'America/New_York' });
  const ss = emu.spreadsheetApp.getActiveSpreadsheet()!;
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:C4').setValues([
    ['Deal ID', 'Deal', 'Owner'],
    ['D-1', 'Acme renewal', 'ana@x.com'],
    ['D-10', 'Café Olé pilot', 'ben@x.com'],
    ['D-2', 'acme expansion', 'ana@x.com'],
  ]);
  return { emu, ss, sheet };
}
const where = (ranges: { getA1Notation(): string }[]) => ranges.map((r) => r.getA1Notation());

describe('TextFinder', () => {
  it('matches part of a cell, ignoring case, row by row and left to right', () => {
    const { sheet } = setup();
    expect(where(sheet.createTextFinder('ACME').findAll())).toEqual(['B2', 'B4']);
    expect(where(sheet.createTextFinder('ana').findAll())).toEqual(['C2', 'C4']);
  });

  it('matches the entire cell only when asked, and case only when asked', () => {
    const { sheet } = setup();
    expect(where(sheet.createTextFinder('D-1').findAll())).toEqual(['A2', 'A3']);
    expect(where(sheet.createTextFinder('D-1').matchEntireCell(true).findAll())).toEqual(['A2']);
    expect(where(sheet.createTextFinder('acme').matchCase(true).findAll())).toEqual(['B4']);
  });

  it('searches only the range it was created on', () => {
    const { sheet } = setup();
    expect(where(sheet.getRange('A1:A4').createTextFinder('acme').findAll())).toEqual([]);
    expect(where(sheet.getRange('B3:C4').createTextFinder('a').findAll())).toEqual(['B3', 'B4', 'C4']);
  });

  it('treats the text as plain unless regular expressions are on', () => {
    const { sheet } = setup();
    expect(sheet.createTextFinder('D-.').findAll()).toEqual([]);
    expect(where(sheet.createTextFinder('^D-\\d$').useRegularExpression(true).findAll())).toEqual([
      'A2',
      'A4',
    ]);
  });

  it('counts accents unless ignoreDiacritics is set', () => {
    const { sheet } = setup();
    expect(sheet.createTextFinder('cafe').findAll()).toEqual([]);
    expect(where(sheet.createTextFinder('cafe ole').ignoreDiacritics(true).findAll())).toEqual(['B3']);
  });

  it('compares displayed values, and formula text only with matchFormulaText', () => {
    const { sheet } = setup();
    sheet.getRange('D2').setValue(1234.5).setNumberFormat('#,##0.00');
    sheet.getRange('D3').setFormula('=SUM(D2)');
    expect(where(sheet.createTextFinder('1,234.50').findAll())).toEqual(['D2']);
    expect(sheet.createTextFinder('SUM').findAll()).toEqual([]);
    expect(where(sheet.createTextFinder('SUM').matchFormulaText(true).findAll())).toEqual(['D3']);
  });

  it('steps with findNext and findPrevious, returning null past either end (no wrap-around)', () => {
    const { sheet } = setup();
    const finder = sheet.createTextFinder('acme');
    expect(finder.findNext()!.getA1Notation()).toBe('B2');
    expect(finder.findNext()!.getA1Notation()).toBe('B4');
    expect(finder.findNext()).toBeNull();
    expect(finder.getCurrentMatch()!.getA1Notation()).toBe('B4');
    expect(finder.findPrevious()!.getA1Notation()).toBe('B2');
    expect(finder.findPrevious()).toBeNull();
    const after = sheet.createTextFinder('acme').startFrom(sheet.getRange('B2'));
    expect(after.findNext()!.getA1Notation()).toBe('B4');
  });

  it('searches every sheet from the spreadsheet, and refuses an empty search text', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Other').getRange('A5').setValue('acme again');
    expect(
      ss
        .createTextFinder('acme')
        .findAll()
        .map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    ).toEqual([`${sheet.getName()}!B2`, `${sheet.getName()}!B4`, 'Other!A5']);
    expect(() => sheet.createTextFinder('')).toThrow(/findText/);
  });

  it('is one service call that charges the cells it scans far below reading them', () => {
    const { emu, sheet } = setup();
    sheet.insertRowsAfter(1000, 19004);
    sheet
      .getRange(5, 1, 20000, 3)
      .setValues(Array.from({ length: 20000 }, (_, i) => [`D-${i + 100}`, 'x', 'y']));
    const t0 = emu.acc.estimatedMillis();
    const before = emu.acc.snapshot();
    const found = sheet.createTextFinder('D-20099').matchEntireCell(true).findAll();
    const spent = Accountant.diff(before, emu.acc.snapshot());
    const findMs = emu.acc.estimatedMillis() - t0;
    expect(where(found)).toEqual(['A20004']);
    expect(spent.serviceCalls).toBe(1);
    const t1 = emu.acc.estimatedMillis();
    sheet.getRange(1, 1, 20004, 3).getValues();
    expect(findMs).toBeLessThan((emu.acc.estimatedMillis() - t1) / 5);
  });
});

describe('getNextDataCell (Ctrl+arrow)', () => {
  it('from the bottom of a column goes up to its last filled cell, or to row 1 when it is empty', () => {
    const { emu, sheet } = setup();
    const up = emu.spreadsheetApp.Direction.UP;
    expect(sheet.getRange(1000, 1).getNextDataCell(up).getA1Notation()).toBe('A4');
    expect(sheet.getRange(1000, 5).getNextDataCell(up).getA1Notation()).toBe('E1');
    sheet.getRange('E900').setFormula('=A1');
    expect(sheet.getRange(1000, 5).getNextDataCell(up).getA1Notation()).toBe('E900');
  });

  it('from inside a run of data goes to the run’s far edge, and stays at the sheet’s edge', () => {
    const { emu, sheet } = setup();
    const { DOWN, NEXT, UP } = emu.spreadsheetApp.Direction;
    expect(sheet.getRange('A1').getNextDataCell(DOWN).getA1Notation()).toBe('A4');
    expect(sheet.getRange('A2').getNextDataCell(NEXT).getA1Notation()).toBe('C2');
    expect(sheet.getRange('A1').getNextDataCell(UP).getA1Notation()).toBe('A1');
    expect(sheet.getRange('A4').getNextDataCell(DOWN).getA1Notation()).toBe('A1000');
  });
});
