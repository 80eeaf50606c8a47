// Set up CRM through dist/Code.js: tabs, dropdowns, formats, highlights, protections; idempotent; and a
// broken Settings tab stops everything with a message naming the cell.
import { loadedEmulator } from '../support/emulator';
import { crm, a1, cell, settingsA1, type, TABS_SET_UP_MAKES } from '../support/crm';

function setUp() {
  const emu = loadedEmulator();
  emu.open();
  emu.run('menuSetUp');
  return emu;
}

describe('Set up CRM on a blank spreadsheet', () => {
  it('creates the Deals, CRM Settings and History tabs, and the tabs a refresh fills', () => {
    const emu = setUp();
    expect(emu.ss.sheets.map((s) => s.name)).toEqual([
      'Deals',
      'Sheet1',
      'CRM Settings',
      'History',
      ...TABS_SET_UP_MAKES,
    ]);
    expect(emu.ui.dialogs.at(-1)?.title).toBe('Sheets CRM is ready');
  });

  it('gives Stage a dropdown from the Settings stages that rejects invalid typed values', () => {
    const emu = setUp();
    const rule = emu
      .sheet('Deals')
      .getRange(a1(emu, 'Stage', 2))
      .getDataValidation()!;
    expect(rule.getAllowInvalid()).toBe(false);
    const source = rule.getCriteriaValues()[0] as {
      getSheet(): { getName(): string };
      getA1Notation(): string;
    };
    expect(source.getSheet().getName()).toBe('CRM Settings');
    expect(source.getA1Notation()).toBe('A3:A1000');
    expect(() => type(emu, 'Stage', 2, 'Quote snt')).toThrow(/Choose a stage/);
    type(emu, 'Stage', 2, 'Quote sent');
    expect(cell(emu, 'Stage', 2)).toBe('Quote sent');
  });

  it('takes every dropdown from a range of the Settings tab, so no 500-item limit applies', () => {
    const emu = setUp();
    const deals = emu.sheet('Deals');
    const header = emu.values('Deals')[0];
    for (const name of ['Stage', 'Lost reason', 'Owner', 'Lead source', 'Forecast category', 'Industry']) {
      const rule = deals.rangeAt(5, header.indexOf(name) + 1).getDataValidation();
      expect([name, rule?.getCriteriaType()]).toEqual([name, 'VALUE_IN_RANGE']);
    }
  });

  it('formats amounts, dates and probabilities, and freezes the header', () => {
    const emu = setUp();
    const deals = emu.sheet('Deals');
    expect(deals.frozenRows).toBe(1);
    const formatOf = (h: string) => deals.getRange(a1(emu, h, 2)).getNumberFormats()[0][0];
    expect(['Amount', 'Close date', 'Probability'].map(formatOf)).toEqual([
      '"$"#,##0.00',
      'yyyy-mm-dd',
      '0%',
    ]);
    deals.getRange(a1(emu, 'Amount', 2)).setValue(12500);
    expect(deals.getRange(a1(emu, 'Amount', 2)).getDisplayValue()).toBe('$12,500.00');
  });

  // A team in Germany, Japan or Russia counts in its own currency from the start (CRM Settings says it
  // and can be changed); a locale naming no country, or one the CRM knows no currency of, keeps USD.
  it.each([
    ['de_DE', 'EUR', '"€"#,##0.00'],
    // Yen have no cents: shown whole.
    ['ja_JP', 'JPY', '"¥"#,##0'],
    ['ru_RU', 'RUB', '"RUB "#,##0.00'],
    ['en_GB', 'GBP', '"£"#,##0.00'],
    ['en_US', 'USD', '"$"#,##0.00'],
    ['en', 'USD', '"$"#,##0.00'],
  ])('in a %s spreadsheet, counts in %s and formats amounts so', (locale, currency, format) => {
    const emu = loadedEmulator();
    emu.ss.setSpreadsheetLocale(locale);
    emu.open();
    emu.run('menuSetUp');
    const at = settingsA1(emu, 'Currency', 'Value');
    expect(emu.sheet('CRM Settings').getRange(at).getValue()).toBe(currency);
    expect(
      emu
        .sheet('Deals')
        .getRange(a1(emu, 'Amount', 2))
        .getNumberFormats()[0][0],
    ).toBe(format);
  });

  it('adds highlight rules for rule-breaking, stale and overdue rows', () => {
    const emu = setUp();
    const formulas = emu.sheet('Deals').conditionalRules.map((r) => String(r.spec.condition.values[0]));
    expect(formulas).toHaveLength(3);
    expect(formulas[0]).toContain('sheets-crm:overdue');
    expect(formulas[1]).toContain('sheets-crm:stale');
    expect(formulas[2]).toBe(`=AND(N("sheets-crm:check")=0,$${a1(emu, 'Check', 2)}<>"")`);
  });

  it('protects computed columns with a warning only', () => {
    const emu = setUp();
    const protections = emu.sheet('Deals').protections.map((p) => [p.spec.description, p.spec.warningOnly]);
    expect(protections.map(([d]) => d)).toEqual(
      [
        'Deal ID',
        'Probability',
        'Segment',
        'Created',
        'Stage entered',
        'Updated',
        'Close date pushes',
        'Check',
        'Last seen (CRM)',
      ].map((h) => `Sheets CRM: computed column (${h})`),
    );
    expect(protections.every(([, w]) => w === true)).toBe(true);
  });

  it('leaves the saved workbook identical when run a second time, but for the change stamp', () => {
    // Set up says it changed Deals (for the next refresh to read it); each stamp is new, even with the
    // clock standing still (documentState.ts changedNow), and the record of what its sweep left names
    // it (core/sweptState.ts): both are compared apart.
    const [STAMP, SWEPT] = ['sheetsCrm.changedAt', 'sheetsCrm.swept'];
    const emu = setUp();
    const saved = () => {
      const w = emu.save();
      const [stamp, swept] = [w.properties.document[STAMP], w.properties.document[SWEPT]];
      delete w.properties.document[STAMP];
      delete w.properties.document[SWEPT];
      return { workbook: JSON.stringify(w), stamp, swept };
    };
    const first = saved();
    emu.run('menuSetUp');
    const second = saved();
    expect(second.workbook).toBe(first.workbook);
    expect(second.stamp).not.toBe(first.stamp);
    expect((JSON.parse(second.swept) as { stamp: string }).stamp).toBe(second.stamp);
  });
});

describe('Set up CRM on a spreadsheet with user data', () => {
  it('keeps every existing value, column and user rule, adding only missing columns', () => {
    const emu = loadedEmulator();
    const deals = emu.ss.addSheet('Deals');
    deals.rangeAt(1, 1, 3, 4).setValues([
      ['Deal', 'My notes', 'Stage', 'Amount'],
      ['Acme', '=keep me', 'Qualified', 5000],
      ['Globex', 'call Tue', 'Won', 1200],
    ]);
    deals.rangeAt(2, 2).setValue("'=keep me");
    const userRule = emu.spreadsheetApp
      .newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setBackground('#000')
      .setRanges([deals.rangeAt(1, 1)])
      .build();
    deals.setConditionalFormatRules([userRule]);
    emu.run('menuSetUp');
    const values = emu.values('Deals');
    expect(values[0].slice(0, 5)).toEqual(['Deal', 'My notes', 'Stage', 'Amount', 'Deal ID']);
    expect(values[1].slice(0, 4)).toEqual(['Acme', '=keep me', 'Qualified', 5000]);
    expect(values[2].slice(0, 4)).toEqual(['Globex', 'call Tue', 'Won', 1200]);
    expect(deals.rangeAt(2, 2).getFormula()).toBe('');
    expect(deals.conditionalRules[0].spec.condition.type).toBe('TEXT_EQUAL_TO');
    expect(values[1][4]).toMatch(/^D-[0-9A-Z]{8}$/);
  });
});

describe('a broken Settings tab', () => {
  const cases: [string, (emu: ReturnType<typeof loadedEmulator>) => void, RegExp][] = [
    [
      'a duplicate stage name',
      (emu) => emu.sheet('CRM Settings').rangeAt(4, 1).setValue('Opportunity identified'),
      /CRM Settings!A4: The stage "Opportunity identified" is listed twice/,
    ],
    [
      'a probability of 150%',
      (emu) => emu.sheet('CRM Settings').rangeAt(5, 3).setValue(1.5),
      /CRM Settings!C5: Probability must be between 0% and 100%/,
    ],
    [
      'an empty stage list',
      (emu) => emu.sheet('CRM Settings').rangeAt(3, 1, 7, 6).clearContent(),
      /CRM Settings!A3: There are no stages/,
    ],
  ];
  it.each(cases)(
    'with %s stops setup with a message naming the cell, and changes nothing else',
    (_name, breakIt, message) => {
      const emu = crm();
      emu.sheet('Deals').rangeAt(2, 2).setValue('Acme');
      breakIt(emu);
      const before = JSON.stringify(emu.save());
      emu.run('menuSetUp');
      expect(emu.ui.dialogs.at(-1)?.message).toMatch(message);
      expect(JSON.stringify(emu.save())).toBe(before);
    },
  );
});

describe('the Owner dropdown', () => {
  it('lists the owners’ emails from CRM Settings, the same value the sidebar writes', () => {
    const emu = crm();
    const header = emu.values('Deals')[0];
    const rule = emu
      .sheet('Deals')
      .rangeAt(2, header.indexOf('Owner') + 1)
      .getDataValidation()!;
    const source = rule.getCriteriaValues()[0] as { peekValues(): unknown[][] };
    expect(source.peekValues().flat().filter(Boolean)).toEqual(['owner@example.com']);
  });
});

describe('segment rules', () => {
  it('refuse a segment other than A, B or C, naming the cell (its deals would have no tab)', () => {
    const emu = crm();
    const cellOf = settingsA1(emu, 'C', 'Segment');
    emu.userEdit('CRM Settings', cellOf, 'D');
    expect(emu.ss.toasts.at(-1)?.message).toContain(`CRM Settings!${cellOf}: Segment must be A, B or C`);
  });
});
