// Conformance: Range and Sheet behave as apps-script-facts.md documents ("Range and Sheet behaviour").
import { Accountant, Emulator } from '../../local/emulator';

function setup() {
  const emu = new Emulator({ timeZone: 'America/New_York' });
  const ss = emu.spreadsheetApp.getActiveSpreadsheet()!;
  const sheet = ss.getSheets()[0];
  return { emu, ss, sheet };
}

describe('values', () => {
  it('parses script-written text as widely as Sheets may (the stricter, unconfirmed reading)', () => {
    const { sheet } = setup();
    const inputs = [
      '1-10',
      'Jan 5',
      '1/2',
      '$1,200',
      '(500)',
      '1e5',
      '  +call',
      '\t-discount',
      ' =1+1',
      "'1-10",
      ' -5',
    ];
    sheet.getRange(1, 1, inputs.length, 1).setValues(inputs.map((v) => [v]));
    const range = sheet.getRange(1, 1, inputs.length, 1);
    const values = range.getValues().map((r) => r[0]);
    const formulas = range.getFormulas().map((r) => r[0]);
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(5, 10) : v);
    expect(values.slice(0, 6).map(day)).toEqual(['01-10', '01-05', '01-02', 1200, -500, 100000]);
    expect(formulas.slice(6, 9)).toEqual(['=+call', '=-discount', '=1+1']);
    expect(values.slice(9)).toEqual(['1-10', -5]);
  });

  it('returns an empty cell as the empty string', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('gives back numbers, booleans, strings and Dates as written', () => {
    const { sheet } = setup();
    const d = new Date('2026-01-05T10:00:00Z');
    sheet.getRange('A1:D1').setValues([[12.5, true, 'text', d]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row.slice(0, 3)).toEqual([12.5, true, 'text']);
    expect(row[3]).toBeInstanceOf(Date);
    expect((row[3] as Date).getTime()).toBe(d.getTime());
  });

  it('parses a written string as if typed: a leading = makes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=SUM(1,2)');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(1,2)');
  });

  it('keeps text after a leading apostrophe, without the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'=SUM(1,2)", "'00123", "'+44 20"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=SUM(1,2)', '00123', '+44 20']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('parses typed numbers, percentages, booleans and dates in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['1,200', '40%', 'TRUE', '2026-01-01', '-5']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row.slice(0, 3)).toEqual([1200, 0.4, true]);
    expect((row[3] as Date).toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(row[4]).toBe(-5);
  });

  it('treats a leading + or - before text as a formula (the reason user text needs an apostrophe)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('-call back');
    expect(sheet.getRange('A1').getFormula()).toBe('=-call back');
  });

  it('throws the documented message when setValues gets the wrong number of rows or columns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1], [2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('holds at most 50,000 characters a cell: longer text is refused whole, by every way in (Google Drive limits page)', () => {
    const { emu, sheet } = setup();
    const limit = 'x'.repeat(50000);
    const over = `${limit}y`;
    const message = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    sheet.getRange('A1').setValue(limit);
    expect(sheet.getRange('A1').getValue()).toBe(limit);
    expect(() => sheet.getRange('A2:B2').setValues([['kept?', over]])).toThrow(message);
    expect(() => sheet.getRange('A3').setValue(over)).toThrow(message);
    expect(() => sheet.getRange('A4').setFormula(`="${over}"`)).toThrow(message);
    expect(() => sheet.appendRow(['a', over])).toThrow(message);
    // Nothing of a refused write landed, not even its short cells.
    expect(sheet.getRange('A2:A5').getValues()).toEqual([[''], [''], [''], ['']]);
    expect(() => emu.userEdit(sheet.getName(), 'C1', over)).toThrow(message);
    expect(sheet.getRange('C1').getValue()).toBe('');
  });

  it('gives a formula’s value to getValues, following references, as Sheets does', () => {
    const { sheet, ss } = setup();
    sheet.getRange('A1:C1').setValues([[3, 250, '=A1*B1']]);
    sheet.getRange('D1').setFormula('=HYPERLINK("#gid=0","See it")');
    sheet.getRange('E1').setFormula('=1/0');
    sheet.getRange('F1').setFormula('=SUM(A1:C1)');
    sheet.getRange('G1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    const other = ss.insertSheet('Prices');
    other.getRange('A1').setValue(7);
    sheet.getRange('H1').setFormula('=Prices!A1*2');
    // Sheets-only functions the evaluator lacks are not modelled: they read as ''.
    expect(sheet.getRange('A1:H1').getValues()).toEqual([[3, 250, 750, 'See it', '#DIV/0!', 1003, '', 14]]);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1*B1');
    sheet.getRange('A1').setValue(4);
    expect(sheet.getRange('C1').getValue()).toBe(1000);
  });

  it('reads a HYPERLINK as its label with the label’s type: a number stays a number, as in Sheets', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:C1')
      .setFormulas([
        ['=HYPERLINK("#gid=0&range=A12",12)', '=HYPERLINK("#gid=0&range=A7", 2.5)', '=HYPERLINK("#gid=0")'],
      ]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[12, 2.5, '#gid=0']]);
    sheet.getRange('D1').setFormula('=HYPERLINK("#gid=0",A1*2)');
    expect(sheet.getRange('D1').getValue()).toBe(24);
  });

  it('gives a spreadsheet’s first tab id 0 and each inserted tab a distinct nine- or ten-digit id, as Sheets does', () => {
    const { ss, sheet } = setup();
    expect(sheet.getSheetId()).toBe(0);
    const ids = Array.from({ length: 30 }, (_, i) => ss.insertSheet(`Tab ${i}`).getSheetId());
    expect(new Set([0, ...ids]).size).toBe(31);
    for (const id of ids) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(100_000_000);
      expect(id).toBeLessThan(2 ** 31);
    }
  });

  it('returns display values formatted by number format in the spreadsheet locale', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1234.5, 0.25, new Date('2026-02-03T15:00:00Z')]]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1,234.50', '25%', '2026-02-03']]);
  });
});

describe('coordinates', () => {
  it('is 1-based: row 0 throws the documented message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  it('refuses a range of zero rows with the documented message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('refuses a range beyond the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('reports getLastRow as the last row with content, 0 on an empty sheet', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B7').setValue('x');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(2);
  });

  it('appendRow writes below the last row and grows the sheet when full', () => {
    const { ss } = setup();
    const small = ss.insertSheet('Small');
    small.deleteRows(3, 998);
    small.getRange('A2').setValue('last');
    small.appendRow(['new', 1]);
    expect(small.getMaxRows()).toBe(3);
    expect(small.getRange('A3:B3').getValues()).toEqual([['new', 1]]);
  });

  it('inserting rows moves the cells below down, with their formats', () => {
    const { sheet } = setup();
    sheet.getRange('A2').setValue('moved').setBackground('#ff0000');
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getRange('A5').getValue()).toBe('moved');
    expect(sheet.getRange('A5').getBackground()).toBe('#ff0000');
    expect(sheet.getMaxRows()).toBe(1003);
  });

  it('sorts rows below the frozen header, empty cells last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['name', 'n'],
      ['b', 2],
      ['', 9],
      ['a', 1],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['name', 'n'],
      ['a', 1],
      ['b', 2],
      ['', 9],
    ]);
  });
});

describe('sheets', () => {
  it('refuses a taken sheet name with the documented message', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
  });

  it('refuses to delete the last sheet with the documented message', () => {
    const { ss } = setup();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('copies formats or data validation over a larger range, repeating the source (Range.copyTo)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('0%');
    sheet.getRange('A3:A4').setValues([[0.5], [0.25]]);
    sheet.getRange('A1').copyTo(sheet.getRange('A3:A4'), 'PASTE_FORMAT', false);
    expect(sheet.getRange('A3:A4').getNumberFormats()).toEqual([['0%'], ['0%']]);
    expect(sheet.getRange('A3:A4').getValues()).toEqual([[0.5], [0.25]]);
  });

  it('deletes columns, moving the content on their right, and refuses to delete them all', () => {
    // Sheet.deleteColumns(columnPosition, howMany) (Apps Script reference); a sheet keeps one column.
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    sheet.deleteColumns(2, 2);
    expect([sheet.getMaxColumns(), sheet.getRange('A1:B1').getValues()]).toEqual([24, [['a', 'd']]]);
    expect(() => sheet.deleteColumns(1, 24)).toThrow("You can't delete all the columns on the sheet.");
    expect(() => sheet.deleteColumns(20, 10)).toThrow('Those columns are out of bounds.');
  });

  it('keeps frozen rows, column widths, hidden state and tab colour', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Other');
    sheet.setFrozenRows(1).setColumnWidth(2, 240).setTabColor('#00ff00').hideSheet();
    expect([
      sheet.getFrozenRows(),
      sheet.getColumnWidth(2),
      sheet.getTabColor(),
      sheet.isSheetHidden(),
    ]).toEqual([1, 240, '#00ff00', true]);
  });

  it('keeps notes, backgrounds and font weights per cell', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setNotes([['n1', '']])
      .setBackgrounds([['#eeeeee', null]])
      .setFontWeights([['bold', 'normal']]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['n1', '']]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#eeeeee', '#ffffff']]);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'normal']]);
  });

  it('copies a sheet as "Copy of NAME" with its values', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue('kept');
    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Sheet1');
    expect(copy.getRange('A1').getValue()).toBe('kept');
  });

  it('keeps the spreadsheet time zone and locale', () => {
    const { ss } = setup();
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Asia/Tokyo', 'en_US']);
  });

  it('keeps developer metadata on the spreadsheet and on sheets', () => {
    const { ss, sheet } = setup();
    ss.addDeveloperMetadata('crm', 'v1');
    sheet.addDeveloperMetadata('tab', 'deals');
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['crm', 'v1']]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['tab']);
  });
});

describe('range lists', () => {
  it('set one value on every range of the list in one write call, as typed text would be read', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:C4').setValues([
      ['a', 1, 'x'],
      ['b', 2, 'y'],
      ['c', 3, 'z'],
      ['d', 4, 'w'],
    ]);
    const before = emu.acc.snapshot();
    const list = sheet.getRangeList(['B1', 'B3:B4', 'C2']);
    list.setValue('0.5');
    const calls = Accountant.diff(before, emu.acc.snapshot());
    expect(calls.serviceCalls).toBe(1);
    expect(calls.cellsWritten).toBe(4);
    expect(sheet.getRange('A1:C4').getValues()).toEqual([
      ['a', 0.5, 'x'],
      ['b', 2, 0.5],
      ['c', 0.5, 'z'],
      ['d', 0.5, 'w'],
    ]);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['B1', 'B3:B4', 'C2']);
  });

  it('refuse an empty list (a range list holds one or more ranges)', () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList([])).toThrow();
  });
});
