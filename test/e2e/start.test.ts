// `npm start`'s session: a new workbook with demo deals, a second run that loads what the first saved,
// --import of a CSV export that is converted to the CRM, and --export-for another CRM.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../../local/emulator';
import { runLocalSession } from '../../local/playground/session';
import { records } from '../support/crm';

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

  it('imports a CSV into an empty CRM (no demo deals), adopting its stages, and exports the workbook', () => {
    const workbook = temp();
    const exported = path.join(path.dirname(workbook), 'out.json');
    const out = runLocalSession(
      {
        workbook,
        importCsv: [path.resolve(__dirname, '../../examples/crm-export.csv')],
        exportJson: exported,
      },
      open,
    );
    expect(out).toMatch(/^Created .*workbook\.json with an empty CRM \(no demo data\) for your import\./);
    expect(out).toContain('• Deal ← A "Opportunity Name" (from its header)');
    expect(out).toContain('Kept as extra columns under their own names: I "Region"');
    expect(out).toContain('New stages for CRM Settings, in pipeline order: Waiting on legal');
    expect(fs.existsSync(exported)).toBe(true);
    const emu = Emulator.fromFile(exported);
    const deals = records(emu);
    expect(deals.map((d) => d['Deal'])).toEqual([
      'Acme platform',
      'Globex pilot',
      'Initech renewal',
      'Hooli expansion',
      'Umbrella trial',
    ]);
    const umbrella = deals.find((d) => d['Deal'] === 'Umbrella trial')!;
    expect(umbrella['Email']).toBe('=HYPERLINK(evil)');
    expect(umbrella['Stage']).toBe('Waiting on legal');
    expect(String(umbrella['Check'])).not.toContain('is not a stage');
  });

  it('imports deals then their stage history in order, as if today were the given day', () => {
    const workbook = temp();
    const fixtures = path.resolve(__dirname, '../fixtures/exports');
    const out = runLocalSession(
      {
        workbook,
        importCsv: [
          path.join(fixtures, 'salesforce-opportunities.csv'),
          path.join(fixtures, 'salesforce-opportunity-history.csv'),
        ],
        today: '2026-03-01',
      },
      open,
    );
    expect(out).toContain('Running as if today were 2026-03-01.');
    expect(out).toContain('7 deals converted into "Deals"');
    expect(out).toContain('8 stage changes added to History for 3 deals.');
    const emu = Emulator.fromFile(workbook);
    expect(records(emu, 'History')).toHaveLength(8);
    expect(emu.env.now().toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });

  it('exports for another CRM into a folder: nothing while the pre-flight finds problems, the files once accepted', () => {
    const workbook = temp();
    runLocalSession({ workbook }, open);
    // A deal with neither a company nor a contact: Pipedrive links every deal to one of them.
    const unlinked = (file: string) => {
      const emu = open(file)!;
      const header = emu.values('Deals')[0].map(String);
      for (const h of ['Company', 'Contact']) emu.sheet('Deals').cellAt(2, header.indexOf(h) + 1).v = '';
      return emu;
    };
    const dir = path.join(path.dirname(workbook), 'pipedrive');
    const refused = runLocalSession(
      { workbook, exportFor: { target: 'pipedrive', dir, acceptProblems: false } },
      unlinked,
    );
    expect(refused).toMatch(/problems? before exporting for Pipedrive/);
    expect(refused).toContain(`Nothing was written to ${dir}.`);
    expect(fs.existsSync(dir)).toBe(false);
    const done = runLocalSession(
      { workbook, exportFor: { target: 'pipedrive', dir, acceptProblems: true } },
      unlinked,
    );
    expect(done).toMatch(/Wrote 4 files of "Sheets CRM export for Pipedrive .*" to /);
    expect(fs.readdirSync(dir).sort()).toEqual(['README.txt', 'deals.csv', 'mapping.csv', 'problems.csv']);
    expect(fs.readFileSync(path.join(dir, 'deals.csv'), 'utf8').split('\r\n')[0]).toContain('Deal - Title');
  });

  it('refuses a --today that is not a date', () => {
    expect(() => runLocalSession({ workbook: temp(), today: '1 March' }, open)).toThrow(
      '--today needs a date as YYYY-MM-DD, not "1 March"',
    );
  });

  it('lists every option with --help', () => {
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'local/start.ts', '--help'], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    for (const option of [
      '--workbook',
      '--import',
      '--today',
      '--export-json',
      '--fire-triggers',
      '--export-for',
      '--accept-problems',
      '--serve',
      '--help',
    ])
      expect(out).toContain(option);
  });
});
