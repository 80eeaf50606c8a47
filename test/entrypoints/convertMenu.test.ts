// "Convert this sheet to CRM" through dist/Code.js: mapping shown and correctable, backup kept, values
// normalised only when clearly readable, and (property test) no value or row ever lost.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Emulator } from '../../local/emulator';
import { messySheet, type Truth } from '../support/messySheets';
import { loadedEmulator } from '../support/emulator';
import { crm, paste, records, TABS_SET_UP_MAKES, type } from '../support/crm';
import { day } from '../support/exports';

type V = string | number | boolean | Date;

/** Puts raw values into a tab as they would sit in a sheet (no parsing), and makes it active. */
function sheetWith(emu: Emulator, name: string, values: V[][]) {
  const sheet = emu.ss.addSheet(
    name,
    undefined,
    Math.max(1000, values.length + 5),
    Math.max(26, values[0]?.length ?? 0),
  );
  values.forEach((row, r) => row.forEach((v, c) => (sheet.cellAt(r + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  return sheet;
}

/**
 * A CRM set up, then `values` converted from a tab with `answers` to the dialogs (Yes by default) in a
 * spreadsheet of `locale`: the emulator, the dialogs' messages from the conversion on, and Deals.
 */
function converted(
  values: V[][],
  answers: { button?: string; text?: string }[] = [{ button: 'YES' }],
  locale = 'en_US',
) {
  const emu = crm();
  emu.ss.locale = locale;
  sheetWith(emu, 'Export', values);
  const seen = emu.ui.dialogs.length;
  emu.ui.answers.push(...answers);
  emu.run('menuConvert');
  const deals = emu.values('Deals');
  const col = (h: string) => deals[0].indexOf(h);
  return { emu, shown: emu.ui.dialogs.slice(seen).map((d) => d.message), deals, col };
}

/**
 * A CRM set up, then `values` converted as File > Import leaves them with text conversion on (each text
 * read as typed, in the spreadsheet's locale), answering `answer`: the emulator and the preview.
 */
function convertedAsImported(values: V[][], answer = 'YES') {
  const emu = crm();
  const sheet = sheetWith(emu, 'Export', []);
  emu.spreadsheetApp
    .getActiveSpreadsheet()!
    .getSheetByName(sheet.name)!
    .getRange(1, 1, values.length, values[0].length)
    .setValues(values);
  const seen = emu.ui.dialogs.length;
  emu.ui.answers.push({ button: answer });
  emu.run('menuConvert');
  return { emu, preview: emu.ui.dialogs[seen]?.message ?? '' };
}

const HUBSPOT: V[][] = [
  ['Pipeline export', '', '', '', '', '', ''],
  ['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Contact Email', 'Region'],
  ['Acme renewal', 'closed won', '$12,500', '2026-02-14', 'ann@example.com', 'bob@acme.test', 'EMEA'],
  ['Globex', 'Closed-Lost', '3k', '03/04/2026', 'ann@example.com', 'x@globex.test', 'NA'],
  [
    'Initech',
    'Qualified',
    'about 5k',
    'next month',
    'sam@example.com',
    'peter@initech.test',
    '=not a formula',
  ],
];

describe('converting a CRM export', () => {
  function convert(answers: { button?: string; text?: string }[] = []) {
    const emu = loadedEmulator();
    sheetWith(emu, 'HubSpot export', HUBSPOT);
    emu.ui.answers.push(...answers);
    emu.run('menuConvert');
    return emu;
  }

  it('shows the mapping before changing anything', () => {
    const emu = convert([{ button: 'CANCEL' }]);
    const shown = emu.ui.dialogs[0].message;
    expect(shown).toContain(
      '• Deal ← A "Deal Name" (from its header), e.g. "Acme renewal", "Globex", "Initech"',
    );
    expect(shown).toContain('• Stage ← B "Deal Stage" (from its header)');
    expect(shown).toContain('• Owner ← E "Deal owner" (from its header)');
    expect(shown).toContain('• Company: not found.');
    expect(shown).toContain('F "Contact Email" → Email');
    expect(shown).toContain('Kept as extra columns under their own names: G "Region"');
    expect(emu.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'HubSpot export', 'CRM Settings']);
    expect(emu.values('HubSpot export')).toEqual(HUBSPOT);
  });

  it('keeps a backup, normalises what it can read and keeps the rest as written', () => {
    const emu = convert();
    expect(emu.ss.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Deals',
      'CRM Settings',
      'HubSpot export (backup 2026-03-10)',
      'History',
      ...TABS_SET_UP_MAKES,
    ]);
    expect(emu.values('HubSpot export (backup 2026-03-10)')).toEqual(HUBSPOT);
    const deals = emu.values('Deals');
    const col = (h: string) => deals[0].indexOf(h);
    expect(
      deals.slice(1).map((r) => [r[col('Deal')], r[col('Stage')], r[col('Amount')], r[col('Region')]]),
    ).toEqual([
      ['Acme renewal', 'Won', 12500, 'EMEA'],
      ['Globex', 'Lost', 3000, 'NA'],
      ['Initech', 'Qualified', 'about 5k', '=not a formula'],
    ]);
    expect(deals[1][col('Close date')]).toEqual(new Date('2026-02-14T05:00:00Z'));
    expect(deals[2][col('Close date')]).toEqual(new Date('2026-03-04T05:00:00Z'));
    expect(deals[3][col('Close date')]).toBe('next month');
    expect(deals[3][col('Check')]).toContain('Amount "about 5k" is not a valid number');
    expect(emu.sheet('Deals').rangeAt(1, 1, 4, deals[0].length).getFormulas().flat().filter(Boolean)).toEqual(
      [],
    );
  });

  it('ends with a summary of rows converted and flagged, and where to look', () => {
    const emu = convert();
    const summary = emu.ui.dialogs.at(-1)!;
    expect(summary.title).toBe('Sheets CRM: conversion done');
    expect(summary.message).toContain(
      '3 deals converted into "Deals". The original is kept in "HubSpot export (backup 2026-03-10)".',
    );
    expect(summary.message).toContain('2 values could not be read');
    expect(summary.message).toContain('1 row above the header row not converted (they are in the backup).');
    expect(summary.message).toMatch(/3 deals checked; \d need attention/);
    expect(summary.message).toContain('Check column');
    // The report tabs Set up made say they are not filled yet: the next step is named.
    expect(emu.values('Forecast')[1][0]).toMatch(/^Not filled yet/);
    expect(summary.message).toMatch(
      /Next: Sheets CRM > Refresh reports fills the report tabs from these deals\.$/,
    );
  });

  it('lets the person correct the mapping before converting', () => {
    const emu = convert([
      { button: 'NO' },
      { button: 'OK', text: 'G = Industry; F = extra' },
      { button: 'YES' },
    ]);
    expect(emu.ui.dialogs[2].message).toContain('G "Region" → Industry');
    const deals = emu.values('Deals');
    expect(deals[1][deals[0].indexOf('Industry')]).toBe('EMEA');
    expect(deals[1][deals[0].indexOf('Contact Email (imported)')]).toBe('bob@acme.test');
  });

  it('adds the rows to a Deals tab that already has deals, leaving the source tab as it was', () => {
    const emu = crm();
    paste(emu, 2, { Deal: 'Existing deal', Company: 'Old Co' });
    sheetWith(emu, 'Second export', HUBSPOT);
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-2)!.message).toContain(
      'will update the deals of "Second export" that the Deals tab "Deals" already holds',
    );
    const deals = emu.values('Deals');
    expect(records(emu).map((r) => r['Deal'])).toEqual([
      'Existing deal',
      'Acme renewal',
      'Globex',
      'Initech',
    ]);
    expect(deals[0].slice(-2)).toEqual(['Notes', 'Region']);
    expect(deals[4][deals[0].indexOf('Region')]).toBe('=not a formula');
    expect(emu.values('Second export')).toEqual(HUBSPOT);
  });

  it('puts appended values under the Deals tab’s own column for each field, whatever it is called', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Existing deal');
    const header = emu.values('Deals')[0];
    emu
      .sheet('Deals')
      .rangeAt(1, header.indexOf('Close date') + 1)
      .setValue('Expected close');
    sheetWith(emu, 'Second export', HUBSPOT);
    emu.run('menuConvert');
    const after = emu.values('Deals');
    expect(after[0].filter((h) => h === 'Close date' || h === 'Expected close')).toEqual(['Expected close']);
    expect(after[2][after[0].indexOf('Expected close')]).toEqual(new Date('2026-02-14T05:00:00Z'));
  });

  it('replaces the empty Deals tab made by Set up, saying so first', () => {
    const emu = crm();
    sheetWith(emu, 'Old deals', HUBSPOT);
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-2)!.message).toContain(
      'The empty Deals tab made by Set up will be replaced by this one.',
    );
    expect(emu.ss.sheets.filter((s) => s.name === 'Deals')).toHaveLength(1);
    expect(emu.values('Deals')).toHaveLength(4);
  });
});

describe('converting with Convert’s code missing from the project', () => {
  it('says which file is missing and how to put it back, and changes nothing', () => {
    const emu = crm();
    const before = emu.values('Deals');
    delete emu.html.files['ConvertCode'];
    sheetWith(emu, 'Export', [
      ['Deal', 'Stage', 'Amount'],
      ['Acme', 'Won', '100'],
    ]);
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/ConvertCode\.html is missing.*Push the project again/);
    expect(emu.values('Deals')).toEqual(before);
  });
});

describe('converting a tab where two columns could each be a key field', () => {
  it('asks which, naming both, and takes neither until told', () => {
    const emu = crm();
    const people = ['Ana Diaz', 'Ben Okafor', 'Ana Diaz', 'Ben Okafor'];
    sheetWith(emu, 'Export', [
      ['Deal', 'Stage', 'Amount', 'Who', 'Buddy'],
      ...people.map((p, i) => [`Deal ${i}`, 'Won', '100', p, people[3 - i]]),
    ]);
    emu.ui.answers.push({ button: 'CANCEL' });
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    expect(emu.ui.dialogs[seen].message).toContain(
      '• Owner: which column? D "Who" and E "Buddy" could each hold it; correct with "D = Owner" for the one that does.',
    );
  });
});

describe('converting numeric dates that could be read day first or month first', () => {
  /** A UK-style export: Created says day first (25/03), Close Date's own values could be either. */
  const UK: V[][] = [
    ['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date'],
    ['One', 'Negotiation', '1200', '01/04/2027', '25/03/2026'],
    ['Two', 'Negotiation', '800', '05/06/2027', '14/02/2026'],
    ['Three', 'Negotiation', '5000', '02/03/2027', '28/01/2026'],
  ];
  /** Midnight of a day in the test spreadsheet's zone (America/New_York, winter and summer). */
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toJSDate();

  const convert = converted;

  it('reads a column the way the file’s other dates are written, whatever the locale, and says so', () => {
    const { shown, deals, col } = convert(UK, [{ button: 'YES' }]);
    expect(deals.slice(1).map((r) => r[col('Close date')])).toEqual([
      day('2027-04-01'),
      day('2027-06-05'),
      day('2027-03-02'),
    ]);
    expect(deals.slice(1).map((r) => r[col('Created')])).toEqual([
      day('2026-03-25'),
      day('2026-02-14'),
      day('2026-01-28'),
    ]);
    expect(shown[0]).toContain(
      'Dates such as "01/04/2027" (D "Close Date") are read day first (2027-04-01), as the file’s other dates are written ("25/03/2026" in E "Create Date"). If D’s are month first, correct with "D = month first".',
    );
  });

  it('when nothing in the file says, reads them as the locale writes dates, asks, and takes the person’s word', () => {
    const ambiguous = UK.map((r, i) => (i === 0 ? r : [...r.slice(0, 4), '2026-01-15']));
    const asked = convert(ambiguous, [{ button: 'CANCEL' }]).shown[0];
    expect(asked).toContain(
      'Dates such as "01/04/2027" (D "Close Date") are read month first (2027-01-04), as this spreadsheet’s locale (en_US) writes dates: nothing in the file says which comes first. If they are day first, answer No and correct with "dates = day first".',
    );
    const { shown, deals, col } = convert(ambiguous, [
      { button: 'NO' },
      { button: 'OK', text: 'dates = day first' },
      { button: 'YES' },
    ]);
    // shown[1] is the prompt for the correction; shown[2] the mapping again.
    expect(shown[2]).toContain(
      'Dates such as "01/04/2027" (D "Close Date") are read day first (2027-04-01): your correction.',
    );
    expect(deals.slice(1).map((r) => r[col('Close date')])).toEqual([
      day('2027-04-01'),
      day('2027-06-05'),
      day('2027-03-02'),
    ]);
    // A day-first locale reads them day first without being told.
    const german = convert(ambiguous, [{ button: 'YES' }], 'de_DE');
    expect(german.deals[1][german.col('Close date')]).toEqual(day('2027-04-01'));
  });

  it('when the file’s columns disagree, reads the undecided ones as the locale writes dates, and asks', () => {
    const mixed = UK.map((r, i) => (i === 0 ? [...r, 'Next Step Date'] : [...r, '12/31/2026']));
    const { shown, deals, col } = convert(mixed, [{ button: 'YES' }]);
    expect(shown[0]).toContain(
      'Dates such as "01/04/2027" (D "Close Date") are read month first (2027-01-04), as this spreadsheet’s locale (en_US) writes dates: the file’s dates disagree on which comes first ("25/03/2026" in E "Create Date", "12/31/2026" in F "Next Step Date"). If they are day first, answer No and correct with "dates = day first".',
    );
    expect(deals[1][col('Close date')]).toEqual(day('2027-01-04'));
    expect(deals[1][col('Created')]).toEqual(day('2026-03-25'));
    expect(deals[1][col('Next step date')]).toEqual(day('2026-12-31'));
    // One column's order said by the person; the others keep theirs.
    const told = convert(mixed, [
      { button: 'NO' },
      { button: 'OK', text: 'Close Date = dd/mm' },
      { button: 'YES' },
    ]);
    expect(told.shown[2]).toContain(
      'Dates such as "01/04/2027" (D "Close Date") are read day first (2027-04-01): your correction.',
    );
    expect(told.deals.slice(1).map((r) => r[told.col('Close date')])).toEqual([
      day('2027-04-01'),
      day('2027-06-05'),
      day('2027-03-02'),
    ]);
    expect(told.deals[2][told.col('Created')]).toEqual(day('2026-02-14'));
    expect(told.deals[1][told.col('Next step date')]).toEqual(day('2026-12-31'));
  });

  it('says what is wrong with a correction of the order: no such column, or no order', () => {
    const { shown } = convert(UK, [
      { button: 'NO' },
      { button: 'OK', text: 'Q = day first' },
      { button: 'CANCEL' },
    ]);
    expect(shown[2]).toContain('There is no column "Q". Use the column letter, such as C.');
    const vague = convert(UK, [
      { button: 'NO' },
      { button: 'OK', text: 'dates = European' },
      { button: 'CANCEL' },
    ]);
    expect(vague.shown[2]).toContain(
      '"European" is not an order of day and month. Write: dates = day first, or dates = month first',
    );
  });
});

describe('converting lost deals with their reasons', () => {
  const LOST: V[][] = [
    ['Deal Name', 'Deal Stage', 'Amount', 'Lost Reason'],
    ['One', 'Closed Lost', '100', 'Too expensive'],
    ['Two', 'Closed Lost', '200', 'price'],
    ['Three', 'Closed Lost', '300', 'Bad timing'],
    ['Four', 'Closed Lost', '400', 'Too expensive'],
  ];

  const convert = (values: V[][]) => converted(values);
  const reasonsIn = (emu: Emulator) => {
    const v = emu.values('CRM Settings');
    const col = v[0].indexOf('Lost reasons');
    return v
      .slice(2)
      .map((r) => String(r[col]))
      .filter(Boolean);
  };

  it('proposes the export’s own reasons for CRM Settings, so the reasons report counts them', () => {
    const { emu, shown } = convert(LOST);
    expect(shown[0]).toContain('New lost reasons for CRM Settings: Too expensive, Bad timing.');
    expect(reasonsIn(emu).slice(-2)).toEqual(['Too expensive', 'Bad timing']);
    // "price" is the Price of CRM Settings (as the Check reads reasons: without case).
    expect(reasonsIn(emu)).toContain('Price');
    expect(reasonsIn(emu).filter((r) => r.toLowerCase() === 'price')).toHaveLength(1);
    expect(records(emu).map((r) => String(r['Check']))).not.toContainEqual(
      expect.stringContaining('is not in CRM Settings'),
    );
    expect(shown.at(-1)).toContain('2 lost reasons added to CRM Settings: Too expensive, Bad timing.');
  });

  it('leaves free text alone, saying so: too many different reasons to be a list', () => {
    const free = [
      LOST[0],
      ...Array.from({ length: 20 }, (_, i) => [`D${i}`, 'Closed Lost', '100', `They said ${i}`]),
    ];
    const { emu, shown } = convert(free);
    expect(shown[0]).toContain(
      'D "Lost Reason" holds 20 different texts, too many to be a list of reasons: they stay on their deals, flagged; add the ones you want to CRM Settings > Lost reasons.',
    );
    expect(reasonsIn(emu)).not.toContain('They said 0');
  });
});

describe('converting amounts in other currencies than the CRM’s', () => {
  const convert = (values: V[][], answers?: Parameters<typeof converted>[1]) => converted(values, answers);

  it('keeps each amount’s currency, from its symbol or the export’s currency column, never counting it as USD', () => {
    const { emu, shown, deals, col } = convert([
      ['Deal Name', 'Deal Stage', 'Amount', 'Currency', 'Close Date'],
      ['One', 'Negotiation', '1000', 'EUR', '2027-03-01'],
      ['Two', 'Negotiation', '2000', 'USD', '2027-03-02'],
      ['Three', 'Negotiation', '£500', 'GBP', '2027-03-03'],
      ['Four', 'Negotiation', '700', 'usd', '2027-03-04'],
    ]);
    expect(deals.slice(1).map((r) => r[col('Amount')])).toEqual(['EUR 1000', 2000, '£500', 700]);
    expect(deals[1][col('Currency')]).toBe('EUR');
    expect(shown[0]).toContain(
      'Amounts in other currencies than USD (the CRM’s) keep their currency (D "Currency" gives it: "EUR 1000", "£500"): they count once CRM Settings > Exchange rates lists a rate for each (EUR, GBP); until then they are flagged.',
    );
    expect(String(deals[1][col('Check')])).toContain('is in EUR, and this CRM counts in USD');
    // With a rate for EUR in CRM Settings, the next refresh counts 1000 EUR at it (1,100 USD).
    const settings = emu.values('CRM Settings');
    const rates = settings[0].indexOf('Exchange rates') + 1;
    emu
      .sheet('CRM Settings')
      .rangeAt(3, rates, 1, 2)
      .setValues([['EUR', 1.1]]);
    emu.env.nowMs += 60_000;
    emu.run('menuRefresh');
    const list = emu.values('Unsegmented');
    const head = list.findIndex((r) => r.includes('Deal') && r.includes('Amount'));
    const one = list.slice(head + 1).find((r) => r[list[head].indexOf('Deal')] === 'One')!;
    expect(one[list[head].indexOf('Amount')]).toBe(1100);
    expect(String(emu.values('Deals')[1][col('Check')])).not.toContain('EUR');
  });

  it('reads the unit an amount column’s header gives: its scale, and its currency as a currency column’s', () => {
    const thousands = convert([
      ['Deal Name', 'Deal Stage', 'Deal size ($k)', 'Close Date'],
      ['One', 'Negotiation', '12.5', '2027-03-01'],
      ['Two', 'Negotiation', '8', '2027-03-02'],
    ]);
    expect(thousands.shown[0]).toContain('• Amount ← C "Deal size ($k)" (from its header)');
    expect(thousands.shown[0]).toContain(
      'C "Deal size ($k)" gives its amounts\' unit (thousands): "12.5" is read as 12,500.',
    );
    expect(thousands.shown.at(-1)).toContain(
      'Amounts in column C were read in the unit their header gives ($k).',
    );
    expect(thousands.deals.slice(1).map((r) => r[thousands.col('Amount')])).toEqual([12500, 8000]);
    // "amounts = as written" reads them as written, unit and all.
    const written = convert(
      [
        ['Deal Name', 'Deal Stage', 'Deal size ($k)', 'Close Date'],
        ['One', 'Negotiation', '12.5', '2027-03-01'],
      ],
      [{ button: 'NO' }, { text: 'amounts = as written' }, { button: 'YES' }],
    );
    expect(written.deals.slice(1).map((r) => r[written.col('Amount')])).toEqual([12.5]);
    // Euros beside an amount written in dollars: each keeps its currency, the euros flagged until a rate.
    const euros = convert([
      ['Deal Name', 'Deal Stage', 'Amount (EUR)', 'Close Date'],
      ['One', 'Negotiation', '1000', '2027-03-01'],
      ['Two', 'Negotiation', 'USD 2000', '2027-03-02'],
    ]);
    expect(euros.deals.slice(1).map((r) => r[euros.col('Amount')])).toEqual(['EUR 1000', 2000]);
    expect(euros.shown[0]).toContain('keep their currency ("EUR 1000")');
    expect(String(euros.deals[1][euros.col('Check')])).toContain('is in EUR, and this CRM counts in USD');
  });

  it('makes a CRM with no deals yet count in the one currency an export’s amounts are all in, saying so', () => {
    const { emu, shown, deals, col } = convert([
      ['Deal Name', 'Deal Stage', 'Amount', 'Close Date'],
      ['One', 'Negotiation', '€1.200,50', '2027-03-01'],
      ['Two', 'Negotiation', '€300', '2027-03-02'],
    ]);
    expect(shown[0]).toContain(
      'Amounts are in EUR: this CRM will count in EUR (CRM Settings > General > Currency, USD until now).',
    );
    expect(deals.slice(1).map((r) => r[col('Amount')])).toEqual([1200.5, 300]);
    const settings = emu.values('CRM Settings');
    const general = settings[0].indexOf('General');
    expect(settings.find((r) => r[general] === 'Currency')![general + 1]).toBe('EUR');
    expect(shown.at(-1)).toContain('This CRM now counts in EUR');
    expect(records(emu).map((r) => String(r['Check']))).not.toContainEqual(expect.stringContaining('EUR'));
  });
});

describe('converting a home-made sheet’s probability column', () => {
  it.each(['Prob', 'Prob.', 'Prob %', 'Win chance', 'Chance of winning', 'Chance to win'])(
    'reads "%s" as each deal’s probability, not an extra column',
    (header) => {
      const { shown, deals, col } = converted([
        ['Deal', 'Stage', 'Amount', header],
        ['Acme', 'Negotiation', '1000', '30%'],
        ['Globex', 'Qualified', '2000', '65%'],
      ]);
      expect(shown[0]).toContain(`→ Probability`);
      expect(deals.slice(1).map((r) => r[col('Probability')])).toEqual([0.3, 0.65]);
      expect(deals[0]).not.toContain(header);
    },
  );
});

describe('converting a pipeline named by its percentages', () => {
  it('keeps the stage names Sheets shows ("10%"), not the numbers it holds, each at its probability', () => {
    // Typed or imported with text conversion on, "10%" is the number 0.1 shown as a percentage.
    const emu = crm();
    const sheet = sheetWith(emu, 'Export', [
      ['Deal', 'Stage', 'Amount', 'Close Date'],
      ['Acme', 0.1, '1000', '2027-03-01'],
      ['Globex', 0.5, '2000', '2027-03-02'],
      ['Initech', 1, '3000', '2026-11-02'],
      ['Hooli', 0, '4000', '2026-10-02'],
    ]);
    sheet.rangeAt(2, 2, 4, 1).setNumberFormat('0%');
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    const [preview] = emu.ui.dialogs.slice(seen).map((d) => d.message);
    expect(preview).toContain(
      'New stages for CRM Settings, in pipeline order: 10% (Open, 10%), 50% (Open, 50%), 100% (Won), 0% (Lost).',
    );
    expect(records(emu).map((r) => [r['Stage'], r['Probability']])).toEqual([
      ['10%', 0.1],
      ['50%', 0.5],
      ['100%', 1],
      ['0%', 0],
    ]);
  });
});

describe('converting dates Sheets read month first when a day-first file was imported', () => {
  // A UK export imported into a US spreadsheet with text conversion on: "03/04/2027" became 4 March
  // (a date), "31/12/2026" stayed text. Expected days are written here from the file's own text.
  const at = (y: number, m: number, d: number) =>
    DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'America/New_York' }).toJSDate();
  const FILE: V[][] = [
    ['Deal', 'Stage', 'Amount', 'Close Date', 'Created'],
    ['A', 'Qualified', 1000, at(2027, 3, 4), at(2026, 2, 1)], // 03/04/2027, 02/01/2026
    ['B', 'Qualified', 2000, '31/12/2026', '25/10/2026'],
    ['C', 'Negotiation', 3000, at(2027, 1, 2), at(2026, 5, 6)], // 01/02/2027, 05/06/2026
    ['D', 'Negotiation', 4000, '15/01/2027', '13/09/2026'],
  ];

  it('reads them day first, as the file’s dates written as text are, saying so', () => {
    const { shown, deals, col } = converted(FILE);
    expect(deals.slice(1).map((r) => [day(r[col('Close date')]), day(r[col('Created')])])).toEqual([
      ['2027-04-03', '2026-01-02'],
      ['2026-12-31', '2026-10-25'],
      ['2027-02-01', '2026-06-05'],
      ['2027-01-15', '2026-09-13'],
    ]);
    expect(shown[0]).toContain(
      'Dates Sheets read month first when the file was imported (2027-03-04 in D "Close Date") are read day first (2027-04-03), as the file’s dates written as text are ("31/12/2026" in D "Close Date"). If Sheets read them right, answer No and correct with "dates = month first".',
    );
  });

  it('reads them as Sheets did when told the dates are month first', () => {
    const { deals, col } = converted(FILE, [
      { button: 'NO' },
      { text: 'dates = month first' },
      { button: 'YES' },
    ]);
    // A date that reads only one way ("31/12/2026") still reads so.
    expect(deals.slice(1).map((r) => day(r[col('Close date')]))).toEqual([
      '2027-03-04',
      '2026-12-31',
      '2027-01-02',
      '2027-01-15',
    ]);
  });

  it('leaves dates typed in the grid alone: a day past the 12th cannot have been read month first', () => {
    const { deals, col } = converted([
      ['Deal', 'Stage', 'Amount', 'Close Date'],
      ['A', 'Qualified', 1000, at(2027, 3, 4)],
      ['B', 'Qualified', 2000, '31/12/2026'],
      ['C', 'Qualified', 3000, at(2027, 1, 25)],
    ]);
    expect(deals.slice(1).map((r) => day(r[col('Close date')]))).toEqual([
      '2027-03-04',
      '2026-12-31',
      '2027-01-25',
    ]);
  });
});

describe('converting dates written as a warehouse writes them', () => {
  it('reads 20270115 as text or as the number an import made of it, and a month name with a two-digit year', () => {
    const { deals, col } = converted([
      ['Deal', 'Stage', 'Amount', 'Close Date'],
      ['A', 'Qualified', '1000', '20270115'],
      ['B', 'Qualified', '2000', 20270220],
      ['C', 'Qualified', '3000', '31 Mar 27'],
      ['D', 'Qualified', '4000', '20271340'],
    ]);
    expect(deals.slice(1).map((r) => day(r[col('Close date')]))).toEqual([
      '2027-01-15',
      '2027-02-20',
      '2027-03-31',
      '20271340',
    ]);
    expect(String(deals[4][col('Check')])).toContain('Close date "20271340" is not a valid date');
  });
});

describe('converting a file whose text Sheets read as formulas when it was imported', () => {
  it('says which columns hold formula errors, and how to import the file so that their text is kept', () => {
    // Imported with text conversion on: "-Call CFO" and "+1 555 0100" are read as formulas, and
    // Sheets shows #NAME? and #ERROR! where the text was.
    const { preview } = convertedAsImported(
      [
        ['Deal', 'Stage', 'Amount', 'Next step', 'Notes'],
        ['Acme', 'Qualified', '1000', '-Call CFO', 'ok'],
        ['Globex', 'Qualified', '2000', 'Send quote', '+1 555 0100'],
        ['Initech', 'Qualified', '3000', '-Chase legal', '=see above'],
      ],
      'CANCEL',
    );
    expect(preview).toContain(
      'Formula errors where the file had text: D "Next step" (2 cells), E "Notes" (2 cells). Sheets read text beginning with =, + or - as a formula when the file was imported, and the text is gone. To keep it, import the file again (File > Import) with "Convert text to numbers, dates, and formulas" unticked, then convert that tab.',
    );
  });
});

describe('converting amounts Sheets read with a decimal point from a decimal-comma file', () => {
  it('reads them as the file wrote them, and says which whole amounts it cannot tell', () => {
    // A German export imported into a US spreadsheet with text conversion on: "1.200" became 1.2,
    // "12.500" 12.5, "1.200,50" and "2.345.678" stayed text; "500" is 500 (or was it "500.000"?).
    const { emu, preview } = convertedAsImported([
      ['Deal', 'Stage', 'Betrag', 'Abschlussdatum'],
      ['A', 'Qualified', '1.200', '2026-12-31'],
      ['B', 'Qualified', '12.500', '2026-12-31'],
      ['C', 'Qualified', '1.200,50', '2026-12-31'],
      ['D', 'Qualified', '500', '2026-12-31'],
      ['E', 'Qualified', '2.345.678', '2026-12-31'],
    ]);
    expect(preview).toContain(
      'Amounts in C "Betrag" are written with a decimal comma ("1.200,50"), but Sheets read them with a decimal point when the file was imported: 2 such as 1.2 are read as 1,200. 1 whole amount under 1,000 (such as 500) is kept as it is, though the file may have written thousands there: check them. To have every amount as the file wrote it, import it again (File > Import) with "Convert text to numbers, dates, and formulas" unticked, then convert that tab.',
    );
    expect(records(emu).map((r) => r['Amount'])).toEqual([1200, 12500, 1200.5, 500, 2345678]);
  });
});

describe('converting a home-made sheet that ends with its totals', () => {
  it('leaves the totals row out, saying so before and after, and keeps a deal that only looks like one', () => {
    const { shown, deals } = converted([
      ['Deal', 'Company', 'Stage', 'Amount', 'Close Date'],
      ['Alpha', 'A Co', 'Negotiation', '1000', '2027-03-01'],
      ['Total', 'TotalEnergies', 'Qualified', '2000', '2027-03-02'],
      ['Gamma', 'C Co', 'Negotiation', '3000', '2027-03-03'],
      ['', '', '', '', ''],
      ['Grand total', '', '', '6,000', ''],
    ]);
    expect(shown[0]).toContain(
      'Row 6 ("Grand total", 6,000: the sum of the amounts above) is a totals row: it is not converted (the original keeps it).',
    );
    expect(deals.slice(1).map((r) => r[1])).toEqual(['Alpha', 'Total', 'Gamma']);
    expect(shown.at(-1)).toContain('Row 6 ("Grand total") was a totals row: not converted.');
    // Not the sum, or with a stage: a deal.
    const kept = converted([
      ['Deal', 'Stage', 'Amount'],
      ['Alpha', 'Negotiation', '1000'],
      ['Total', '', '999'],
    ]);
    expect(kept.deals.slice(1).map((r) => r[1])).toEqual(['Alpha', 'Total']);
  });

  it('finds the total written in the first column when the deal names are in another', () => {
    // Company first, the deal's name second: "Total" stands under the companies, with the sum.
    const { shown, deals } = converted([
      ['Company', 'Opportunity', 'Stage', 'Value', 'Close'],
      ['Acme', 'Rollout', 'Negotiation', '12k', '2027-03-01'],
      ['Beta', 'Expansion', 'Qualified', '$8.5k', '2027-03-02'],
      ['Total', '', '', '20,500', ''],
    ]);
    expect(shown[0]).toContain(
      'Row 4 ("Total", 20,500: the sum of the amounts above) is a totals row: it is not converted (the original keeps it).',
    );
    expect(deals.slice(1).map((r) => r[1])).toEqual(['Rollout', 'Expansion']);
    // A company named Total with a deal's name is a deal, even when its amount matches.
    const kept = converted([
      ['Company', 'Opportunity', 'Value'],
      ['Acme', 'Rollout', '1000'],
      ['Total', 'Lubricants', '1000'],
    ]);
    expect(kept.deals.slice(1).map((r) => r[1])).toEqual(['Rollout', 'Lubricants']);
  });
});

describe('converting close dates written as a month or a quarter', () => {
  const PLANNED: V[][] = [
    ['Deal', 'Stage', 'Amount', 'Expected close'],
    ['Acme', 'Negotiation', '12500', 'March 2027'],
    ['Globex', 'Qualified', '8000', '2027-05'],
    ['Initech', 'Qualified', '3000', 'Q3 2027'],
    ['Hooli', 'Qualified', '4000', 'H2 2027'],
  ];

  it('reads each as its period’s last day, saying so', () => {
    const { shown, deals, col } = converted(PLANNED);
    expect(shown[0]).toContain(
      'Close dates such as "March 2027" (D "Expected close") name a month: read as its last day (2027-03-31).',
    );
    expect(shown[0]).toContain(
      'Close dates such as "Q3 2027" (D "Expected close") name a quarter: read as its last day (2027-09-30).',
    );
    expect(deals.slice(1).map((r) => day(r[col('Close date')]))).toEqual([
      '2027-03-31',
      '2027-05-31',
      '2027-09-30',
      '2027-12-31',
    ]);
    expect(shown[0]).toContain(
      'Close dates such as "H2 2027" (D "Expected close") name a half: read as its last day (2027-12-31).',
    );
    expect(deals.slice(1).map((r) => r[col('Check')])).toEqual(['', '', '', '']);
  });

  it('keeps a quarter as written when the fiscal year starts in another month than January', () => {
    const emu = crm();
    const settings = emu.values('CRM Settings');
    const general = settings[0].indexOf('General');
    const row = settings.findIndex((r) => String(r[general]).startsWith('Fiscal year starts'));
    emu
      .sheet('CRM Settings')
      .rangeAt(row + 1, general + 2, 1, 1)
      .setValues([[4]]);
    sheetWith(emu, 'Export', PLANNED);
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    expect(emu.ui.dialogs[seen].message).toContain(
      'Close dates such as "Q3 2027" (D "Expected close") name a quarter, which could be a fiscal one (CRM Settings\' fiscal year starts in month 4): kept as written and flagged.',
    );
    const deals = emu.values('Deals');
    const c = deals[0].indexOf('Close date');
    expect(deals.slice(1).map((r) => day(r[c]))).toEqual(['2027-03-31', '2027-05-31', 'Q3 2027', 'H2 2027']);
  });
});

describe('converting owners written with their email', () => {
  it('keeps each person once in CRM Settings, with the email, and their name on the deal', () => {
    const { emu, shown, deals, col } = converted([
      ['Deal Name', 'Deal Stage', 'Amount', 'Deal owner'],
      ['Acme', 'Qualified', '1000', 'Jane Cole (jane@acme.com)'],
      ['Globex', 'Qualified', '2000', 'Tom Park <tom@acme.com>'],
      ['Initech', 'Qualified', '3000', 'jane@acme.com'],
    ]);
    expect(shown.at(-1)).toContain('2 owners added to CRM Settings > Owners: Jane Cole, Tom Park.');
    expect(deals.slice(1).map((r) => r[col('Owner')])).toEqual(['Jane Cole', 'Tom Park', 'jane@acme.com']);
    const settings = emu.values('CRM Settings');
    const c = settings[1].indexOf('Owner');
    const owners = settings.slice(2).map((r) => [r[c], r[c + 1]]);
    expect(owners).toEqual(
      expect.arrayContaining([
        ['Jane Cole', 'jane@acme.com'],
        ['Tom Park', 'tom@acme.com'],
      ]),
    );
    for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/Owner/);
  });
});

describe('converting owners cells that name several people', () => {
  it('says a deal has one owner, keeps the cell as written and flags it, adding no such owner', () => {
    const { shown, deals, col } = converted([
      ['Deal Name', 'Deal Stage', 'Amount', 'Deal owner'],
      ['Acme', 'Qualified', '1000', 'Jane Cole, Tom Park'],
      ['Globex', 'Qualified', '2000', 'Tom Park'],
    ]);
    expect(shown[0]).toContain(
      '1 owner cell names several people ("Jane Cole, Tom Park"): a deal has one owner, so it is kept as written and flagged; write the one who owns it.',
    );
    expect(shown[0]).toContain('New owners for CRM Settings: Tom Park.');
    expect(deals[1][col('Owner')]).toBe('Jane Cole, Tom Park');
    expect(String(deals[1][col('Check')])).toContain('Jane Cole, Tom Park');
  });
});

describe('converting a column written once per group (merged cells)', () => {
  const MERGED: V[][] = [
    ['Owner', 'Deal', 'Stage', 'Amount'],
    ['Jane Cole', 'Acme', 'Negotiation', '100'],
    ['', 'Initech', 'Qualified', '200'],
    ['', 'Umbrella', 'Qualified', '250'],
    ['Tom Park', 'Globex', 'Negotiation', '300'],
    ['', 'Hooli', 'Qualified', '400'],
  ];

  it('asks before filling it down, and fills each blank from the row above when told to', () => {
    const asked = converted(MERGED);
    expect(asked.shown[0]).toContain(
      'A "Owner" is blank on 3 rows (3, 4, 6) and names each value once, as merged cells or a report grouped by it leave it: those deals are read with no value there. If each belongs with the row above, correct with "A = fill down".',
    );
    expect(asked.deals.slice(1).map((r) => r[asked.col('Owner')])).toEqual([
      'Jane Cole',
      '',
      '',
      'Tom Park',
      '',
    ]);
    const told = converted(MERGED, [{ button: 'NO' }, { text: 'A = fill down' }, { button: 'YES' }]);
    expect(told.shown.join('\n')).toContain(
      'A "Owner": each blank takes the value above it (your correction).',
    );
    expect(told.deals.slice(1).map((r) => r[told.col('Owner')])).toEqual([
      'Jane Cole',
      'Jane Cole',
      'Jane Cole',
      'Tom Park',
      'Tom Park',
    ]);
  });

  it('says nothing of a column whose values repeat, where a blank is just a blank', () => {
    const plain = converted(MERGED.map((r, i) => (i === 2 ? ['Jane Cole', ...r.slice(1)] : r)));
    expect(plain.shown[0]).not.toContain('fill down');
  });
});

describe('converting deals exported once per associated contact', () => {
  it('converts each deal once with its contacts joined, and keeps rows that differ in a deal field', () => {
    const { shown, deals, col } = converted([
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Associated Contact'],
      ['101', 'Acme renewal', 'Negotiation', '12500', '2027-04-01', 'Ann Lee'],
      ['101', 'Acme renewal', 'Negotiation', '12500', '2027-04-01', 'Bob Ray'],
      ['102', 'Globex pilot', 'Qualified', '8000', '2027-05-15', 'Cy Dee'],
      ['103', 'Initech expansion', 'Won', '30000', '2026-11-02', 'Di Eng'],
      ['103', 'Initech expansion', 'Won', '30000', '2026-11-02', ''],
      ['103', 'Initech expansion', 'Won', '30000', '2026-11-02', 'Ed Fox'],
      ['104', 'Hooli bid', 'Qualified', '5000', '2027-01-15', 'Flo Gu'],
      ['104', 'Hooli bid', 'Qualified', '7000', '2027-01-15', 'Gil Ho'],
    ]);
    expect(shown[0]).toContain(
      '5 rows repeat 2 deals with another contact or association (101 on rows 2, 3; 103 on rows 5, 6, 7): each deal is converted once, F "Associated Contact" joined.',
    );
    expect(shown[0]).toContain(
      '1 Deal ID is on rows that differ (104 on rows 8, 9, in D "Amount"): those rows are converted as they are and flagged as a duplicate Deal ID.',
    );
    expect(shown.at(-1)).toContain('each deal is converted once, column F joined.');
    expect(deals.slice(1).map((r) => [r[col('Deal ID')], r[col('Contact')], r[col('Amount')]])).toEqual([
      ['101', 'Ann Lee, Bob Ray', 12500],
      ['102', 'Cy Dee', 8000],
      ['103', 'Di Eng, Ed Fox', 30000],
      ['104', 'Flo Gu', 5000],
      ['104', 'Gil Ho', 7000],
    ]);
  });
});

describe('converting a report exported as shown (grouped by owner, with subtotals)', () => {
  const FORMATTED: V[][] = [
    ['Opportunity Owner', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date'],
    ['Jane Cole', '', '', '', '', ''],
    ['', 'Acme renewal', 'Acme Corp', 'Negotiation', '$12,500.00', '2027-04-01'],
    ['', 'Initech expansion', 'Initech', 'Closed Won', '$30,000.00', '2026-11-02'],
    ['Subtotal', '', '', '', '$42,500.00', ''],
    ['Tom Park', '', '', '', '', ''],
    ['', 'Globex pilot', 'Globex', 'Qualified', '$8,000.00', '2027-05-15'],
    ['Subtotal', '', '', '', '$8,000.00', ''],
    ['Grand Totals (3 records)', '', '', '', '$50,500.00', ''],
  ];

  it('gives each deal its group’s owner and leaves the group and total rows out, saying so', () => {
    const { shown, deals, col } = converted(FORMATTED);
    const said =
      'A "Opportunity Owner" is written once above each group of deals (row 2 "Jane Cole", row 6 "Tom Park"): each deal takes its group\'s. Those 2 rows and 3 total rows (rows 5, 8, 9, each the sum of the deals above it) are not converted (the original keeps them).';
    expect(shown[0]).toContain(said);
    expect(shown.at(-1)).toContain(said);
    expect(deals.slice(1).map((r) => [r[col('Deal')], r[col('Owner')], r[col('Amount')]])).toEqual([
      ['Acme renewal', 'Jane Cole', 12500],
      ['Initech expansion', 'Jane Cole', 30000],
      ['Globex pilot', 'Tom Park', 8000],
    ]);
    expect(shown.at(-1)).toContain('2 owners added to CRM Settings > Owners: Jane Cole, Tom Park.');
  });

  it('leaves out a home-made sheet’s section titles and subtotals, told by its sums', () => {
    const { shown, deals, col } = converted([
      ['Deal', 'Stage', 'Amount'],
      ['Q1 deals', '', ''],
      ['Acme', 'Negotiation', '100'],
      ['Globex', 'Qualified', '200'],
      ['Subtotal', '', '300'],
      ['Q2 deals', '', ''],
      ['Initech', 'Qualified', '50'],
      ['Subtotal', '', '50'],
      ['Total', '', '350'],
    ]);
    const said =
      '2 rows (row 2 "Q1 deals", row 6 "Q2 deals") title the sections of deals below them and 3 total rows (rows 5, 8, 9, each the sum of the deals above it): those rows are not converted (the original keeps them).';
    expect(shown[0]).toContain(said);
    expect(shown.at(-1)).toContain(said);
    expect(deals.slice(1).map((r) => [r[col('Deal')], r[col('Amount')]])).toEqual([
      ['Acme', 100],
      ['Globex', 200],
      ['Initech', 50],
    ]);
    // With no totals to vouch for them, one-cell rows may be deals with only a name: kept.
    const kept = converted([
      ['Deal', 'Stage', 'Amount'],
      ['New lead', '', ''],
      ['Acme', 'Negotiation', '100'],
    ]);
    expect(kept.deals.slice(1).map((r) => r[kept.col('Deal')])).toEqual(['New lead', 'Acme']);
  });

  it('reads it as rows when a total is not the sum of the deals above it', () => {
    const off = FORMATTED.map((r, i) => (i === 4 ? ['Subtotal', '', '', '', '$42,000.00', ''] : r));
    const { deals } = converted(off);
    expect(deals.length - 1).toBe(FORMATTED.length - 1);
  });
});

describe('converting an export with a planned close date and the day deals closed', () => {
  it('logs the move to Won or Lost on the day it closed, and flags a close date months from it', () => {
    const { emu, deals, col } = converted([
      ['Name', 'Deal stage', 'Deal value', 'Expected close date', 'Closed date'],
      ['Initech', 'Won', '30000', '2026-12-31', '2026-11-02'],
      ['Stark', 'Won', '9000', '2027-02-28', '2026-11-20'],
      ['Hooli', 'Lost', '18000', '2027-01-15', '2026-10-15'],
      ['Acme', 'Negotiation', '12500', '2027-04-01', ''],
    ]);
    expect(deals.slice(1).map((r) => day(r[col('Close date')]))).toEqual([
      '2026-12-31',
      '2027-02-28',
      '2027-01-15',
      '2027-04-01',
    ]);
    expect(records(emu, 'History').map((h) => [day(h['Time']), h['To']])).toEqual([
      ['2026-11-02', 'Won'],
      ['2026-11-20', 'Won'],
      ['2026-10-15', 'Lost'],
    ]);
    // 59, 100 and 92 days apart: each flagged, naming both days.
    expect(deals.slice(1).map((r) => r[col('Check')])).toEqual([
      'Close date 2026-12-31 is 59 days from when the deal was marked Won (2026-11-02)',
      'Close date 2027-02-28 is 100 days from when the deal was marked Won (2026-11-20)',
      'Lost needs a Lost reason; Close date 2027-01-15 is 92 days from when the deal was marked Lost (2026-10-15)',
      '',
    ]);
  });
});

describe('converting an export whose amounts are in cents', () => {
  // Close writes an opportunity's value in cents, beside value_formatted in dollars.
  const CLOSE: V[][] = [
    ['id', 'lead_name', 'status_label', 'value', 'value_formatted', 'user_name'],
    ['oppo_1', 'Acme Corp', 'Negotiation', '1250000', '$12,500', 'Jane Cole'],
    ['oppo_2', 'Globex', 'Qualified', '80000', '$800/mo', 'Tom Park'],
    ['oppo_3', 'Initech', 'Won', '3000050', '$30,000.50', 'Jane Cole'],
  ];

  it('says when some amounts are per month or year, keeping each as written', () => {
    const { shown, deals, col } = converted(
      CLOSE.map((r, i) => [...r, ['value_period', 'one_time', 'monthly', 'annual'][i]]),
    );
    expect(shown[0]).toContain(
      'G "value_period" says some amounts are per period (1 deal monthly, 1 deal annual): each amount counts once, as written (a monthly one as a month\'s worth). Put a year\'s worth in Amount where the forecast should count one; the column stays on each deal.',
    );
    expect(deals.slice(1).map((r) => r[col('value_period')])).toEqual(['one_time', 'monthly', 'annual']);
  });

  it('divides them by 100, saying why before and after; "amounts = as written" keeps them', () => {
    const { shown, deals, col } = converted(CLOSE);
    expect(shown[0]).toContain(
      'Amounts in D "value" are in cents (each is 100 times the amount in E "value_formatted", as "1250000" and "$12,500"): they are divided by 100. If they are not, correct with "amounts = as written".',
    );
    expect(shown.at(-1)).toContain('Amounts in column D were in cents: divided by 100.');
    expect(deals.slice(1).map((r) => r[col('Amount')])).toEqual([12500, 800, 30000.5]);
    const kept = converted(CLOSE, [{ button: 'NO' }, { text: 'amounts = as written' }, { button: 'YES' }]);
    expect(kept.deals.slice(1).map((r) => r[kept.col('Amount')])).toEqual([1250000, 80000, 3000050]);
    const vague = converted(CLOSE, [{ button: 'NO' }, { text: 'amounts = dollars' }, { button: 'CANCEL' }]);
    expect(vague.shown.join('\n')).toContain(
      '"dollars" is not how amounts are written. Write: amounts = cents, or amounts = as written',
    );
  });
});

describe('converting an export that groups its deals (a board export: a title and the header above each group)', () => {
  const GROUPED: V[][] = [
    ['Sales Pipeline', '', '', '', '', ''],
    ['Active Deals', '', '', '', '', ''],
    ['Name', 'Owner', 'Stage', 'Deal Value', 'Expected Close Date', 'Company'],
    ['Acme renewal', 'Jane Cole', 'Negotiation', '12500', '2027-04-01', 'Acme Corp'],
    ['Globex pilot', 'Tom Park', 'Qualified', '8000', '2027-05-15', 'Globex'],
    ['', '', '', '', '', ''],
    ['Won', '', '', '', '', ''],
    [' name ', 'OWNER', 'Stage', 'Deal value', 'Expected close date', 'Company'],
    ['Umbrella deal', 'Tom Park', 'Won', '5000', '2026-11-30', 'Umbrella'],
    ['', '', '', '', '', ''],
    ['Lost', '', '', '', '', ''],
    ['Name', 'Owner', 'Stage', 'Deal Value', 'Expected Close Date', ''],
    ['Hooli bid', 'Jane Cole', 'Lost', '18000', '2026-10-15', 'Hooli'],
  ];

  it('leaves out the repeated header rows and the group titles, saying which, and converts only the deals', () => {
    const { shown, deals, col } = converted(GROUPED);
    const said =
      '2 rows repeat the header row (rows 8, 12) and 2 rows are titles of the groups below them (row 7 "Won", row 11 "Lost"): not converted';
    expect(shown[0]).toContain(said);
    expect(shown.at(-1)).toContain(said);
    expect(
      deals.slice(1).map((r) => [r[col('Deal')], r[col('Owner')], r[col('Stage')], r[col('Amount')]]),
    ).toEqual([
      ['Acme renewal', 'Jane Cole', 'Negotiation', 12500],
      ['Globex pilot', 'Tom Park', 'Qualified', 8000],
      ['Umbrella deal', 'Tom Park', 'Won', 5000],
      ['Hooli bid', 'Jane Cole', 'Lost', 18000],
    ]);
    // The header's words became neither a stage nor an owner of CRM Settings.
    expect(shown.at(-1)).toContain('2 owners added to CRM Settings > Owners: Jane Cole, Tom Park.');
    expect(shown.join('\n')).not.toMatch(/stages? added|New stages/);
  });

  it('keeps a one-cell row that no repeated header follows: it may be a deal with only its name', () => {
    const { deals, col } = converted([
      ['Name', 'Stage', 'Amount'],
      ['Alpha', 'Negotiation', '1000'],
      ['Beta lead', '', ''],
      ['Gamma', 'Qualified', '3000'],
    ]);
    expect(deals.slice(1).map((r) => r[col('Deal')])).toEqual(['Alpha', 'Beta lead', 'Gamma']);
  });
});

describe('converting placeholders where an amount or a date would be', () => {
  it('reads "n/a", "-" and "TBD" in an amount, date or number column as empty, saying so; text keeps them', () => {
    const { shown, deals, col } = converted([
      ['Deal', 'Stage', 'Amount', 'Close Date', 'Next Step'],
      ['Alpha', 'Negotiation', 'n/a', 'TBD', '-'],
      ['Beta', 'Negotiation', '-', '2027-03-02', 'Call'],
      ['Gamma', 'Negotiation', '3000', 'N/A', 'n/a'],
    ]);
    const said =
      '4 cells of amounts, dates or numbers held a placeholder ("n/a", "TBD", "-"): read as empty.';
    expect(shown[0]).toContain(said);
    expect(shown.at(-1)).toContain(said);
    expect(deals.slice(1).map((r) => [r[col('Amount')], r[col('Close date')], r[col('Next step')]])).toEqual([
      ['', '', '-'],
      ['', new Date('2027-03-02T05:00:00Z'), 'Call'],
      [3000, '', 'n/a'],
    ]);
  });
});

describe('converting a warehouse dump whose missing dates are written as a zero date', () => {
  it('reads 1970-01-01 (epoch zero), 1900-01-01 and 1899-12-30 (a spreadsheet’s day zero) as empty, saying so', () => {
    const { shown, deals, col } = converted([
      ['id', 'name', 'stage', 'amount', 'close_date', 'created_at'],
      ['1001', 'Alpha', 'Negotiation', '1000', '2027-04-01', '1970-01-01 00:00:00'],
      ['1002', 'Beta', 'Qualified', '2000', '1900-01-01', '1970-01-01T00:00:00.000Z'],
      ['1003', 'Gamma', 'Qualified', '3000', '1899-12-30', '2026-03-12 08:00:00 UTC'],
      ['1004', 'Delta', 'Qualified', '4000', '1970-01-02', '2026-03-13 08:00:00 UTC'],
    ]);
    const said =
      '4 cells of amounts, dates or numbers held a placeholder ("1970-01-01 00:00:00", "1900-01-01", "1970-01-01T00:00:00.000Z"): read as empty.';
    expect(shown[0]).toContain(said);
    // Midnight in the spreadsheet's zone (America/New_York), written by hand; 2 January 1970 is a day.
    expect(deals.slice(1).map((r) => [r[col('Close date')], r[col('Created')]])).toEqual([
      [new Date('2027-04-01T04:00:00Z'), ''],
      ['', ''],
      ['', new Date('2026-03-12T08:00:00Z')],
      [new Date('1970-01-02T05:00:00Z'), new Date('2026-03-13T08:00:00Z')],
    ]);
  });
});

describe('converting a warehouse dump whose dates are timestamps', () => {
  it('keeps a close date written as midnight UTC on its day, and Created as the instant it names', () => {
    const emu = crm();
    sheetWith(emu, 'Dump', [
      ['id', 'name', 'stage', 'amount', 'close_date', 'created_at'],
      ['1001', 'Alpha', 'Negotiation', '1000', '2027-04-01T00:00:00Z', '2026-01-10T15:30:00Z'],
      ['1002', 'Beta', 'Qualified', '2000', '2027-05-01 00:00:00+00', '2026-02-11 23:30:00-08'],
      ['1003', 'Gamma', 'Qualified', '3000', '1806537600000', '2026-03-12 08:00:00 UTC'],
    ]);
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    const deals = emu.values('Deals');
    const col = (h: string) => deals[0].indexOf(h);
    // Midnight in the spreadsheet's zone (America/New_York, UTC-4 in April and May), written by hand.
    expect(deals.slice(1).map((r) => r[col('Close date')])).toEqual([
      new Date('2027-04-01T04:00:00Z'),
      new Date('2027-05-01T04:00:00Z'),
      new Date('2027-04-01T04:00:00Z'),
    ]);
    expect(deals.slice(1).map((r) => r[col('Created')])).toEqual([
      new Date('2026-01-10T15:30:00Z'),
      new Date('2026-02-12T07:30:00Z'),
      new Date('2026-03-12T08:00:00Z'),
    ]);
    expect(deals.slice(1).map((r) => r[col('Check')])).not.toContainEqual(
      expect.stringContaining('not a valid date'),
    );
  });
});

describe('converting a stage history whose dates could be read either way', () => {
  it('says how its dates are read and how to read them otherwise, and names rows whose date cannot be read', () => {
    const emu = crm();
    sheetWith(emu, 'Deals export', [
      ['Deal ID', 'Deal Name', 'Deal Stage', 'Amount'],
      ['X-1', 'One', 'Negotiation', '100'],
      ['X-2', 'Two', 'Qualified', '200'],
    ]);
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    sheetWith(emu, 'Stage history', [
      ['Deal ID', 'Stage', 'Date'],
      ['X-1', 'Qualified', '01/04/2026'],
      ['X-1', 'Negotiation', '02/05/2026'],
      ['X-2', 'Qualified', 'sometime'],
    ]);
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push({ button: 'NO' });
    emu.run('menuConvert');
    const asked = emu.ui.dialogs[seen].message;
    expect(asked).toContain(
      'Its dates such as "01/04/2026" are read month first (2026-01-04), as this spreadsheet’s locale (en_US) writes dates: nothing in the file says which comes first. If they are day first, answer No, set File > Settings > Locale to one that writes day first, and convert again.',
    );
    expect(asked).toContain('1 row has a date that cannot be read (row 4: "sometime"): it is not added.');
  });
});

describe('converting text that was read in the wrong character set', () => {
  it('names a mis-encoded cell in the preview, before anything is written', () => {
    const emu = crm();
    sheetWith(emu, 'Export', [
      ['Deal', 'Company', 'Stage', 'Amount'],
      ['Renovación', 'Acme', 'Won', '100'],
      ['RenovaciÃ³n licencias', 'Acme', 'Lost', '200'],
    ]);
    emu.ui.answers.push({ button: 'CANCEL' });
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    expect(emu.ui.dialogs[seen].message).toMatch(
      /1 cell looks mis-encoded \(row 3, column A: "RenovaciÃ³n licencias"\).*UTF-8/,
    );
  });
});

describe('converting a tab that is not deals', () => {
  const refused = (values: V[][]) => {
    const emu = crm();
    const before = emu.values('Deals');
    sheetWith(emu, 'Export', values);
    emu.run('menuConvert');
    expect(emu.values('Deals')).toEqual(before);
    expect(emu.ss.sheets.map((s) => s.name)).not.toContain('Export (backup 2026-03-10)');
    return emu.ui.dialogs.at(-1)!.message;
  };

  it('refuses an accounts export (as Salesforce’s Account.csv), saying why and changing nothing', () => {
    const message = refused([
      [
        'Id',
        'Name',
        'Type',
        'BillingCity',
        'BillingPostalCode',
        'Phone',
        'Industry',
        'AnnualRevenue',
        'NumberOfEmployees',
        'Ownership',
      ],
      [
        '001A',
        'Acme',
        'Customer - Direct',
        'Austin',
        '73301',
        '555-0100',
        'Software',
        '5000000',
        '250',
        'Public',
      ],
      [
        '001B',
        'Globex',
        'Prospect',
        'Springfield',
        '62701',
        '555-0101',
        'Energy',
        '12000000',
        '900',
        'Private',
      ],
      [
        '001C',
        'Initech',
        'Customer - Channel',
        'Dallas',
        '75201',
        '555-0102',
        'Software',
        '800000',
        '40',
        'Private',
      ],
    ]);
    expect(message).toMatch(
      /^"Export" does not look like deals: no column holds a stage, a close date or a probability, and none names deals \(its columns: Id, Name, Type, BillingCity/,
    );
    expect(message).toContain('Nothing was changed.');
  });

  it('says how to split a file imported with each row in one cell, instead of calling it no deals', () => {
    const message = refused([
      ['Deal;Stage;Amount;Close Date'],
      ['Acme;Negotiation;12500;01.04.2027'],
      ['Globex;Qualified;8000;15.05.2027'],
    ]);
    expect(message).toBe(
      'Each row of "Export" sits in one cell, its values separated by ";" (row 1: "Deal;Stage;Amount;Close Date"): the file was imported without splitting them. Select column A and choose Data > Split text to columns (separator: Semicolon), or import the file again with File > Import and the separator type Semicolon; then choose Convert again. Nothing was changed.',
    );
    // A one-column list whose cells hold a few commas is not taken for one.
    expect(refused([['Name'], ['Acme, Inc'], ['Globex']])).not.toMatch(/sits in one cell/);
  });

  it('refuses a sales-teams sheet', () => {
    expect(
      refused([
        ['Name', 'Team', 'Email', 'Manager', 'Region'],
        ['Ana Diaz', 'EMEA', 'ana@example.com', 'Ben Okafor', 'Europe'],
        ['Cleo Park', 'NA', 'cleo@example.com', 'Ben Okafor', 'US'],
        ['Dev Rao', 'APAC', 'dev@example.com', 'Ben Okafor', 'India'],
      ]),
    ).toMatch(/does not look like deals/);
  });

  it('asks for the deals first when a stage history is converted into an empty CRM', () => {
    expect(
      refused([
        ['Opportunity ID', 'Field', 'Old Value', 'New Value', 'Edit Date'],
        ['0065A', 'Stage', 'Prospecting', 'Qualification', '1/5/2026'],
        ['0065A', 'Stage', 'Qualification', 'Closed Won', '2/1/2026'],
        ['0065B', 'Stage', 'Prospecting', 'Closed Lost', '1/9/2026'],
      ]),
    ).toMatch(/looks like a stage history .* the CRM holds no deals yet\. Convert the deals export first/);
  });
});

describe('converting stage values CRM Settings could not take', () => {
  it('keeps them on their deals, flagged, and the CRM refreshes after', () => {
    const emu = crm();
    const long = `Stage ${'y'.repeat(150)}`;
    sheetWith(emu, 'Dump', [
      ['Deal', 'Stage', 'Amount'],
      ['Acme', 'Qualified', '1000'],
      ['Globex', 'Proposal\\nsent 3/4', '2000'],
      ['Initech', long, '3000'],
    ]);
    const multi = 'Proposal\nsent 3/4';
    emu.sheet('Dump').cellAt(3, 2).v = multi;
    emu.run('menuConvert');
    expect(emu.ui.dialogs[emu.ui.dialogs.length - 2].message).toContain(
      'Not made stages: "Proposal sent 3/4"',
    );
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
    const deals = records(emu);
    expect(deals.map((d) => d['Stage'])).toEqual(['Qualified', multi, long]);
    expect(String(deals[2]['Check'])).toMatch(/is not a stage in CRM Settings/);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  });
});

describe('converting random messy exports through the menu (property)', () => {
  it('keeps every cell in the Deals tab, makes no formula, and a second conversion of the same sheet changes 0 deals', () => {
    fc.assert(
      fc.property(messySheet, (sheet) => {
        const emu = crm({ now: '2026-11-23T17:00:00Z' });
        sheetWith(emu, 'Messy', sheet.values);
        emu.run('menuConvert');
        const deals = emu.values('Deals');
        expect(deals).toHaveLength(sheet.truth.length + 1);
        sheet.truth.forEach((row, r) =>
          row.forEach((t, c) => {
            if (t && !deals[r + 1].some((v) => meantBy(v, t)))
              throw new Error(
                `row ${r + 1} "${sheet.columns[c].header}": ${JSON.stringify(t)} is not in ${JSON.stringify(deals[r + 1])}`,
              );
          }),
        );
        const width = deals[0].length;
        expect(
          emu.sheet('Deals').rangeAt(1, 1, deals.length, width).getFormulas().flat().filter(Boolean),
        ).toEqual([]);
        sheetWith(emu, 'Messy again', sheet.values);
        emu.run('menuConvert');
        expect(emu.ui.dialogs.at(-1)!.message).toMatch(/, 0 updated, /);
        expect(emu.values('Deals')).toEqual(deals);
      }),
      { numRuns: 30, seed: 20261123 },
    );
  });
});

function meantBy(cell: unknown, t: Truth): boolean {
  if (t.kind === 'day') {
    const want = DateTime.fromObject(
      { year: t.y, month: t.m, day: t.d },
      { zone: 'America/New_York' },
    ).toMillis();
    return Object.prototype.toString.call(cell) === '[object Date]' && (cell as Date).getTime() === want;
  }
  if (t.kind === 'number') return typeof cell === 'number' && Math.abs(cell - t.value) < 1e-9;
  return cell === t.value;
}
