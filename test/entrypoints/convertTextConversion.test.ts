// File > Import's default converts text to numbers, dates and formulas as it imports a CSV: "90%"
// becomes the number 0.9, "$12,500.00" 12500, "2/14/2026" a date. The fixtures elsewhere are put in a
// tab as text (conversion off, as the README says to import). A team that leaves it on must get the
// same deals and stages: each real export is converted both ways and compared (a metamorphic check:
// the same file, two ways in), and Salesforce's stage probabilities are checked against the file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Emulator } from '../../local/emulator';
import { crm, records } from '../support/crm';
import { EXPORTS, readCsv } from '../support/exports';

const FIELDS = [
  'Deal',
  'Company',
  'Owner',
  'Stage',
  'Amount',
  'Close date',
  'Probability',
  'Created',
  'Lost reason',
  'Stage entered',
  'Forecast category',
];
/**
 * A cell as compared: a date by its instant; an amount kept in its currency by its number, as text
 * keeps it as written ("EUR 1,000.00") and an import with conversion on as Sheets made it ("EUR 1000").
 */
const shown = (v: unknown) => {
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).getTime();
  const m =
    typeof v === 'string' ? /^([A-Z]{3}) (\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)$/.exec(v) : null;
  return m ? `${m[1]} ${Number(m[2].replace(/,/g, ''))}` : v;
};

/**
 * `file` converted after being put in a tab as text (off) or as File > Import converts it (on), in a
 * spreadsheet of `locale`; then each of `more` (a stage history) the same way.
 */
function converted(file: string, conversion: boolean, locale = 'en_US', more: string[] = []): Emulator {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  emu.ss.locale = locale;
  for (const f of [file, ...more]) imported(emu, f, conversion);
  return emu;
}

function imported(emu: Emulator, file: string, conversion: boolean): void {
  const rows = readCsv(fs.readFileSync(path.join(EXPORTS, file), 'utf8'));
  const width = Math.max(...rows.map((r) => r.length));
  const name = file.replace(/\.csv$/, '');
  const sheet = emu.ss.addSheet(name, undefined, Math.max(1000, rows.length + 1), Math.max(26, width));
  emu.ss.activeSheet = sheet;
  if (conversion) {
    const grid = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
    emu.spreadsheetApp
      .getActiveSpreadsheet()!
      .getSheetByName(name)!
      .getRange(1, 1, grid.length, width)
      .setValues(grid);
  } else rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ui.answers.push({ button: 'YES' });
  emu.run('menuConvert');
}

const history = (emu: Emulator) => emu.values('History').map((r) => r.map(shown));

const deals = (emu: Emulator) => records(emu).map((r) => FIELDS.map((f) => shown(r[f])));
const stages = (emu: Emulator) =>
  emu
    .values('CRM Settings')
    .slice(2)
    .map((r) => r.slice(0, 4))
    .filter((r) => r[0] !== '');

// Exports whose conversion is a deals tab (a stage history or an accounts file converts otherwise).
const FILES = fs
  .readdirSync(EXPORTS)
  .filter((f) => f.endsWith('.csv') && !/history|companies/.test(f))
  .sort();

describe('an export imported with text conversion on (File > Import’s default)', () => {
  it.each(FILES)('%s converts to the same deals and stages as with it off', (file) => {
    const off = converted(file, false);
    const on = converted(file, true);
    expect(deals(on)).toEqual(deals(off));
    expect(stages(on)).toEqual(stages(off));
  });

  // Numeric dates written month first (US exports) land in a day-first spreadsheet as dates Sheets
  // read day first where both numbers could be a month (3/4/2026 as 3 April), text where not.
  const DATED = FILES.filter((f) =>
    /(^|,)"?\d{1,2}\/\d{1,2}\/\d{2,4}/m.test(fs.readFileSync(path.join(EXPORTS, f), 'utf8')),
  );
  it('in a day-first spreadsheet (en_GB), each export with numeric dates converts the same both ways', () => {
    expect(DATED.length).toBeGreaterThan(5);
    for (const file of DATED) {
      const off = converted(file, false, 'en_GB');
      const on = converted(file, true, 'en_GB');
      expect([file, deals(on)]).toEqual([file, deals(off)]);
    }
  });

  it.each(['en_US', 'en_GB'])(
    'in a %s spreadsheet, Salesforce’s opportunity history adds the same stage moves both ways',
    (locale) => {
      const both = (on: boolean) =>
        history(
          converted('salesforce-opportunities.csv', on, locale, ['salesforce-opportunity-history.csv']),
        );
      expect(both(true)).toEqual(both(false));
    },
  );

  it('says so in the history’s preview when Sheets read its dates day first', () => {
    const emu = converted('salesforce-opportunities.csv', true, 'en_GB', [
      'salesforce-opportunity-history.csv',
    ]);
    expect(emu.ui.dialogs.map((d) => d.message).join('\n')).toContain(
      'Its dates Sheets read day first when the file was imported (2025-03-11) are read month first (2025-11-03), as its dates written as text are ("12/15/2025").',
    );
  });

  it('keeps Salesforce’s stage probabilities ("90%" became 0.9 under "Probability (%)")', () => {
    const byName = Object.fromEntries(
      stages(converted('salesforce-opportunities.csv', true)).map((r) => [r[0], r[2]]),
    );
    // The file's probabilities for its open stages, as written in it.
    expect(byName).toMatchObject({
      Qualification: 0.1,
      'Needs Analysis': 0.2,
      'Value Proposition': 0.5,
      'Proposal/Price Quote': 0.75,
      'Negotiation/Review': 0.9,
    });
  });
});
