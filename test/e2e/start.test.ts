// `npm start`'s session: a new workbook with demo deals, a second run that loads what the first saved,
// and --import of a CSV export that is converted to the CRM.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../../local/emulator';
import { runLocalSession } from '../../local/playground/session';

const open = (file: string) => (fs.existsSync(file) ? Emulator.fromFile(file) : null);
const temp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-start-')), 'workbook.json');

describe('npm start', () => {
  it('creates a demo workbook, prints the forecast horizons and the funnel, and loads it again on the second run', () => {
    const workbook = temp();
    const first = runLocalSession({ workbook }, open);
    expect(first).toMatch(/^Created .*workbook\.json with 120 demo deals\./);
    expect(first).toMatch(/Next 3 months +[\d,]+/);
    expect(first).toMatch(/Opportunity identified +\d+/);
    expect(first).toMatch(/Win rate: \d+%/);
    const saved = JSON.parse(fs.readFileSync(workbook, 'utf8'));
    expect(saved.spreadsheet.sheets.map((s: { name: string }) => s.name)).toContain('Forecast');

    const second = runLocalSession({ workbook }, open);
    expect(second).toMatch(/^Loaded .*workbook\.json\./);
    const again = JSON.parse(fs.readFileSync(workbook, 'utf8'));
    const deals = (wb: typeof saved) =>
      wb.spreadsheet.sheets.find((s: { name: string }) => s.name === 'Deals').cells.length;
    expect(deals(again)).toBe(deals(saved));
    expect(
      again.spreadsheet.sheets.find((s: { name: string }) => s.name === 'Forecast history').cells.length,
    ).toBeGreaterThan(0);
  });

  it('fires the installed refresh trigger when asked', () => {
    const workbook = temp();
    runLocalSession({ workbook }, open);
    const out = runLocalSession({ workbook, fireTriggers: true }, open);
    expect(out).toContain(
      'Fired the scheduledRefresh trigger (every 1 hours, installed by owner@example.com).',
    );
  });

  it('imports a CSV, converts it with the proposed mapping (printed), and exports the workbook', () => {
    const workbook = temp();
    const exported = path.join(path.dirname(workbook), 'out.json');
    const out = runLocalSession(
      { workbook, importCsv: path.resolve(__dirname, '../../examples/crm-export.csv'), exportJson: exported },
      open,
    );
    expect(out).toContain('A "Opportunity Name" → Deal');
    expect(out).toContain('I "Region" → kept as an extra column');
    expect(out).toContain('5 rows added to "Deals". "Import crm-export" is unchanged.');
    expect(fs.existsSync(exported)).toBe(true);
    const emu = Emulator.fromFile(exported);
    const deals = emu.values('Deals');
    const col = (h: string) => deals[0].indexOf(h);
    const umbrella = deals.find((r) => r[col('Deal')] === 'Umbrella trial')!;
    expect(umbrella[col('Email')]).toBe('=HYPERLINK(evil)');
    expect(String(umbrella[col('Check')])).toContain(
      'Stage "Waiting on legal" is not a stage in CRM Settings',
    );
  });
});
