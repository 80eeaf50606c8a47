// Conformance: data validation, conditional format rules, protections and charts.
import { Emulator, PROTECTED_MESSAGE, UserEditRejected } from '../../local/emulator';

function setup() {
  const emu = new Emulator({ timeZone: 'Europe/London' });
  const app = emu.spreadsheetApp;
  const ss = app.getActiveSpreadsheet()!;
  return { emu, app, ss, sheet: ss.getSheets()[0] };
}

describe('data validation', () => {
  it('warns only by default (allowInvalid is true)', () => {
    const { app } = setup();
    expect(app.newDataValidation().requireValueInList(['a']).build().getAllowInvalid()).toBe(true);
  });

  it('refuses a list of more than 500 items with the documented message', () => {
    const { app } = setup();
    const items = Array.from({ length: 501 }, (_, i) => `item ${i}`);
    expect(() => app.newDataValidation().requireValueInList(items)).toThrow(
      'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
    );
  });

  it('rejects an invalid typed value when allowInvalid is false, showing the help text', () => {
    const { emu, app, sheet } = setup();
    sheet.getRange('A1:A2').setValues([['Open'], ['Won']]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(sheet.getRange('A1:A2'))
      .setAllowInvalid(false)
      .setHelpText('Pick a stage')
      .build();
    sheet.getRange('B1').setDataValidation(rule);
    expect(() => emu.userEdit('Sheet1', 'B1', 'Wonn')).toThrow(new UserEditRejected('Pick a stage'));
    expect(sheet.getRange('B1').getValue()).toBe('');
    emu.userEdit('Sheet1', 'B1', 'Won');
    expect(sheet.getRange('B1').getValue()).toBe('Won');
  });

  it('never checks script writes against validation', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInList(['x']).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('not in list');
    expect(sheet.getRange('A1').getValue()).toBe('not in list');
  });

  it('lets a one-cell paste past the rule, and replaces the cell’s rule and number format with the source’s', () => {
    // A plain paste brings the source's validation and format along (Sheets Help, "Copy and paste");
    // the emulator's source has neither (the stricter reading), so the cell loses its own.
    const { emu, app, sheet } = setup();
    const cell = sheet.getRange('C1');
    cell.setDataValidation(
      app.newDataValidation().requireValueInList(['Won']).setAllowInvalid(false).build(),
    );
    cell.setNumberFormat('0.0%');
    expect([cell.getDataValidation() === null, cell.getNumberFormats()]).toEqual([false, [['0.0%']]]);
    emu.userEdit('Sheet1', 'C1', 'Maybe', { kind: 'paste' });
    expect([cell.getValue(), cell.getDataValidation(), cell.getNumberFormats()]).toEqual([
      'Maybe',
      null,
      [['General']],
    ]);
    // Typed, the same value is refused by the rule the paste did not touch.
    const typed = sheet.getRange('C2');
    typed.setDataValidation(
      app.newDataValidation().requireValueInList(['Won']).setAllowInvalid(false).build(),
    );
    expect(() => emu.userEdit('Sheet1', 'C2', 'Maybe')).toThrow(UserEditRejected);
  });

  it('lets a multi-cell paste carry invalid values in', () => {
    const { emu, app, sheet } = setup();
    sheet
      .getRange('A1:A2')
      .setDataValidation(app.newDataValidation().requireValueInList(['x']).setAllowInvalid(false).build());
    emu.userEdit('Sheet1', 'A1:A2', [['bad'], ['x']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['bad'], ['x']]);
  });

  it('checks numbers and dates', () => {
    const { emu, app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).setAllowInvalid(false).build());
    sheet
      .getRange('B1')
      .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    expect(() => emu.userEdit('Sheet1', 'A1', '2')).toThrow(UserEditRejected);
    expect(() => emu.userEdit('Sheet1', 'B1', 'soon')).toThrow(UserEditRejected);
    emu.userEdit('Sheet1', 'B1', '2026-04-01');
    expect(sheet.getRange('B1').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('A1').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
  });
});

describe('conditional format rules', () => {
  it('setConditionalFormatRules replaces all rules of the sheet', () => {
    const { app, sheet } = setup();
    const rule = (f: string) =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(f)
        .setBackground('#f00')
        .setRanges([sheet.getRange('A1:A9')])
        .build();
    sheet.setConditionalFormatRules([rule('=A1>1'), rule('=A1>2')]);
    sheet.setConditionalFormatRules([rule('=A1>3')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getBooleanCondition().getCriteriaValues()).toEqual(['=A1>3']);
    expect(rules[0].getRanges().map((r: any) => r.getA1Notation())).toEqual(['A1:A9']);
  });
});

describe('protection', () => {
  it('warning-only protection lets others edit', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').protect().setWarningOnly(true);
    emu.userEdit('Sheet1', 'A1', 'ok', { user: 'rep@example.com' });
    expect(sheet.getRange('A1').getValue()).toBe('ok');
  });

  it("a real protection makes other editors' writes fail with the documented message", () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').protect().setDescription('locked');
    expect(() => emu.userEdit('Sheet1', 'A1', 'no', { user: 'rep@example.com' })).toThrow(PROTECTED_MESSAGE);
    emu.env.activeUser = 'rep@example.com';
    expect(() => sheet.getRange('A1').setValue('script as rep')).toThrow(PROTECTED_MESSAGE);
    emu.env.activeUser = emu.ss.owner;
    sheet.getRange('A1').setValue('owner may');
    expect(sheet.getRange('A1').getValue()).toBe('owner may');
  });
});

describe('charts', () => {
  it('builds, inserts, modifies and reads back a chart spec', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Forecast')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    sheet.updateChart(inserted.modify().setOption('title', 'Forecast by month').build());
    const [updated] = sheet.getCharts();
    expect(updated.getOptions().get('title')).toBe('Forecast by month');
    expect(updated.getRanges().map((r: any) => r.getA1Notation())).toEqual(['A1:B5']);
    expect(updated.getContainerInfo().getAnchorColumn()).toBe(4);
    expect(updated.modify().getChartType()).toBe('COLUMN');
  });
});

describe('inserting and deleting rows and columns', () => {
  it('moves protections, conditional-format ranges and charts with the cells, as Sheets does', () => {
    const { app, sheet } = setup();
    sheet.getRange('C5:C9').protect().setWarningOnly(true);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=TRUE')
        .setBackground('#f00')
        .setRanges([sheet.getRange('A2:D10')])
        .build(),
    ]);
    sheet.insertChart(
      sheet.newChart().asColumnChart().addRange(sheet.getRange('A2:B6')).setPosition(3, 6, 0, 0).build(),
    );
    sheet.insertRowsBefore(1, 2); // everything moves down two rows
    sheet.insertColumnAfter(2); // a column inside A:D widens the rule, and pushes C to D
    expect(sheet.getProtections('RANGE')[0].getRange()).toMatchObject({
      box: { row: 7, col: 4, numRows: 5, numCols: 1 },
    });
    expect(
      sheet
        .getConditionalFormatRules()[0]
        .getRanges()
        .map((r: any) => r.getA1Notation()),
    ).toEqual(['A4:E12']);
    expect(
      sheet
        .getCharts()[0]
        .getRanges()
        .map((r: any) => r.getA1Notation()),
    ).toEqual(['A4:B8']); // a column added after its last one does not widen it
    expect(sheet.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(5);
  });

  it('removes a protection whose rows are all deleted, and shrinks one partly deleted', () => {
    const { sheet } = setup();
    sheet.getRange('A5:A6').protect().setDescription('gone');
    sheet.getRange('B4:B9').protect().setDescription('shrinks');
    sheet.deleteRows(5, 2);
    const left = sheet
      .getProtections('RANGE')
      .map((p) => [p.getDescription(), (p.getRange() as any).getA1Notation()]);
    expect(left).toEqual([['shrinks', 'B4:B7']]);
  });
});
