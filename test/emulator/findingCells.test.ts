// Finding cells on Google’s side: TextFinder and getNextDataCell.
// Conformance: TextFinder as Google's reference describes it (Class TextFinder: case-insensitive,
// partial matches by default, displayed values, matchEntireCell, matchCase, useRegularExpression,
// matchFormulaText, ignoreDiacritics, findAll/findNext/findPrevious). Where the reference is silent the
// emulator is stricter (no wrap-around, empty search text refused); see local/emulator/textFinder.ts.
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import { Accountant } from '../../local/emulator/accounting';
import type { Sheet } from '../../local/emulator/sheet';

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

describe('getLastRow and getLastColumn', () => {
  // The emulator remembers how far down content can be (see Sheet.contentBound); whatever changes
  // the tab, both must equal what a read of the whole grid shows.
  type Step =
    | { kind: 'set'; row: number; col: number; value: string }
    | { kind: 'clear'; row: number; col: number }
    | { kind: 'format'; row: number }
    | { kind: 'insert' | 'delete'; row: number }
    | { kind: 'sort' | 'paste' | 'reload'; row: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('set' as const),
      row: fc.integer({ min: 1, max: 40 }),
      col: fc.integer({ min: 1, max: 6 }),
      value: fc.constantFrom('x', '=1+1', '7'),
    }),
    fc.record({
      kind: fc.constant('clear' as const),
      row: fc.integer({ min: 1, max: 40 }),
      col: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({
      kind: fc.constantFrom('format', 'insert', 'delete', 'sort', 'paste', 'reload') as fc.Arbitrary<
        'format' | 'insert' | 'delete' | 'sort' | 'paste' | 'reload'
      >,
      row: fc.integer({ min: 1, max: 40 }),
    }),
  );

  /** The last filled row and column, from a read of every cell (not from the emulator's scan). */
  function lastFilled(sheet: Sheet) {
    const r = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    const values = r.getValues();
    const formulas = r.getFormulas();
    let row = 0;
    let col = 0;
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== '' || formulas[i][j] !== '') {
          row = Math.max(row, i + 1);
          col = Math.max(col, j + 1);
        }
      }),
    );
    return [row, col];
  }

  it('follow every change to the tab: typed, cleared, formatted, rows inserted, deleted, sorted, pasted, reloaded', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let emu = new Emulator({ timeZone: 'America/New_York' });
        const sheetOf = () => emu.spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
        sheetOf().getRange(1, 1, 50, 6).setNumberFormat('0.00'); // every row stored, few filled
        for (const s of steps) {
          const sheet = sheetOf();
          const rows = sheet.getMaxRows();
          if (s.kind === 'set') sheet.getRange(Math.min(s.row, rows), s.col).setValue(s.value);
          if (s.kind === 'clear') sheet.getRange(Math.min(s.row, rows), s.col).clearContent();
          if (s.kind === 'format') sheet.getRange(Math.min(s.row, rows), 1, 1, 6).setBackground('#eeeeee');
          if (s.kind === 'insert') sheet.insertRowsBefore(Math.min(s.row, rows), 3);
          if (s.kind === 'delete' && rows > 5) sheet.deleteRows(Math.min(s.row, rows - 2), 2);
          if (s.kind === 'sort')
            sheet.getRange(1, 1, Math.min(s.row, rows), 6).sort({ column: 2, ascending: false });
          if (s.kind === 'paste')
            emu.userEdit(sheet.getName(), `C${Math.min(s.row, rows)}`, 'pasted', { kind: 'paste' });
          if (s.kind === 'reload') emu = Emulator.fromSaved(emu.save());
          const now = sheetOf();
          expect([now.getLastRow(), now.getLastColumn()]).toEqual(lastFilled(now));
        }
      }),
      { numRuns: 300 },
    );
  });
});
