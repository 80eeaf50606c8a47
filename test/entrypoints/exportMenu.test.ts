// Export for another CRM from the menu. The pre-flight: each problem planted in a CRM is named with its
// row and column before anything is written; No writes nothing (no Drive file, CRM Settings untouched);
// Yes writes every deal, the problems in problems.csv, and keeps the proposed stage map in CRM
// Settings. Also: a rep's export, Drive refusing a file, the exporters' project file missing, a
// teammate typing where the proposed map goes, and a Settings tab from before the map.
import type { Emulator } from '../../local/emulator';
import { columnOf, crm, settingsA1 } from '../support/crm';
import { exportedFiles, rowsOf } from '../support/exitCrm';

type Row = Record<string, string | number>;

/** "AL10" as its 1-based column and row. */
function cellAt(a1: string): { col: number; row: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col, row: Number(digits) };
}

/** Deals row 2 is fine; each later row holds one planted problem (the comment says which). */
const ROWS: Row[] = [
  {
    'Deal ID': 'D-1',
    Deal: 'Fine deal',
    Company: 'Acme',
    Contact: 'Casey Ng',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 1000,
    'Close date': '2026-05-01',
  },
  {
    'Deal ID': 'D-2',
    Deal: 'Unknown stage',
    Company: 'Acme',
    Owner: 'ana@team.example',
    Stage: 'Verbal yes',
    Amount: 2000,
    'Close date': '2026-05-02',
  }, // row 3
  {
    'Deal ID': 'D-3',
    Deal: 'Owner by name',
    Company: 'Acme',
    Owner: 'Dana',
    Stage: 'Qualified',
    Amount: 3000,
    'Close date': '2026-05-03',
  }, // row 4
  {
    'Deal ID': 'D-4',
    Deal: 'Nobody to link',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 4000,
    'Close date': '2026-05-04',
  }, // row 5
  {
    'Deal ID': 'D-5',
    Deal: 'First of two',
    Company: 'Acme',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 5000,
    'Close date': '2026-05-05',
  }, // row 6
  {
    'Deal ID': 'D-5',
    Deal: 'Second of two',
    Company: 'Acme',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 6000,
    'Close date': '2026-05-06',
  }, // row 7
  {
    'Deal ID': 'D-7',
    Deal: 'Unreadable amount',
    Company: 'Acme',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 'lots',
    'Close date': '2026-05-07',
  }, // row 8
  {
    'Deal ID': 'D-8',
    Deal: 'Unreadable date',
    Company: 'Acme',
    Owner: 'ana@team.example',
    Stage: 'Qualified',
    Amount: 8000,
    'Close date': '31/02/2026',
  }, // row 9
];

function plantedCrm(): Emulator {
  const emu = crm();
  const deals = emu.sheet('Deals');
  ROWS.forEach((r, i) => {
    for (const [h, v] of Object.entries(r)) deals.cellAt(i + 2, columnOf(emu, h)).v = v;
  });
  emu.run('menuRefresh');
  // A stale row of the Export stage map: a stage CRM Settings no longer has (row 10 of the tab).
  const lost = cellAt(settingsA1(emu, 'Lost', 'Pipedrive'));
  const settings = emu.sheet('CRM Settings');
  settings.cellAt(lost.row + 1, lost.col - 2).v = 'Old stage';
  settings.cellAt(lost.row + 1, lost.col).v = 'Old';
  return emu;
}

/** Each planted problem: the row and column a line must name, and a word it must hold. */
const PLANTED: [RegExp, string][] = [
  [/Deals row 3, Stage: .*"Verbal yes"/, 'unknown stage'],
  [/Deals row 4, Owner: .*"Dana".*email/, 'owner without an email'],
  [/Deals row 5, Company: .*organization or a person/, 'no company and no contact'],
  [/Deals row 7, Deal ID: .*D-5.*row 6/, 'duplicate Deal ID'],
  [/Deals row 8, Amount: .*"lots"/, 'unreadable amount'],
  [/Deals row 9, Close date: .*"31\/02\/2026"/, 'unreadable close date'],
  [/CRM Settings!\w+\d+: .*"Old stage" is not a stage/, 'stale stage map row'],
];

describe('Export pre-flight', () => {
  it('names every planted problem by row and column, and No writes nothing', () => {
    const emu = plantedCrm();
    const settingsBefore = JSON.stringify(emu.values('CRM Settings'));
    emu.ui.answers.push({ button: 'NO' });
    emu.run('menuExportPipedrive');
    const asked = emu.ui.dialogs.find((d) => d.title.includes('before exporting for Pipedrive'))!;
    expect(asked.buttons).toEqual(['YES', 'NO']);
    for (const [pattern, what] of PLANTED)
      expect([what, asked.message.split('\n').some((l) => pattern.test(l))]).toEqual([what, true]);
    expect(asked.title).toContain(`${PLANTED.length} problems`);
    expect(emu.drive.plain.size).toBe(0);
    expect(JSON.stringify(emu.values('CRM Settings'))).toBe(settingsBefore);
  });

  it('Yes writes every deal as it is, blanks only what cannot be read, and lists the problems in problems.csv', () => {
    const emu = plantedCrm();
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuExportPipedrive');
    const files = exportedFiles(emu);
    const deals = rowsOf(files.get('deals.csv'));
    expect(deals.map((d) => d['Deal - Title'])).toEqual(ROWS.map((r) => r.Deal));
    expect(deals.find((d) => d['Deal - Title'] === 'Unreadable amount')!['Deal - Value']).toBe('');
    expect(deals.find((d) => d['Deal - Title'] === 'Unreadable date')!['Deal - Expected close date']).toBe(
      '',
    );
    expect(deals.find((d) => d['Deal - Title'] === 'Fine deal')!['Deal - Value']).toBe('1000');
    const problems = rowsOf(files.get('problems.csv'));
    expect(problems).toHaveLength(PLANTED.length);
    expect(
      problems
        .map((p) => p['Deals row'])
        .filter(Boolean)
        .map(Number)
        .sort(),
    ).toEqual([3, 4, 5, 7, 8, 9]);
    expect(files.get('README.txt')!.flat().join(' ')).toContain('7 pre-flight problem(s) were accepted');
  });

  it('Salesforce needs an account and a close date on every opportunity: their absence is a problem there', () => {
    const emu = plantedCrm();
    const deals = emu.sheet('Deals');
    deals.cellAt(2, columnOf(emu, 'Close date')).v = '';
    emu.ui.answers.push({ button: 'NO' });
    emu.run('menuExportSalesforce');
    const lines = emu.ui.dialogs.at(-1)!.message.split('\n');
    expect(lines.some((l) => /Deals row 5, Company: .*account/.test(l))).toBe(true);
    expect(lines.some((l) => /Deals row 2, Close date: no close date/.test(l))).toBe(true);
    expect(emu.drive.plain.size).toBe(0);
  });

  it('a clean CRM exports without a question, and a stage added since keeps its proposed row in CRM Settings', () => {
    const emu = crm();
    // A new open stage, typed into the Stages block's first empty row.
    const stages = emu.values('CRM Settings').map((r) => r[0]);
    const free = stages.findIndex((v, i) => i > 2 && v === '') + 1;
    const settings = emu.sheet('CRM Settings');
    ['Pilot', 'Open', 0.5, 'Best case', '', 30].forEach((v, i) => (settings.cellAt(free, i + 1).v = v));
    const d = emu.sheet('Deals');
    const put = (h: string, v: string | number) => (d.cellAt(2, columnOf(emu, h)).v = v);
    put('Deal', 'Pilot deal');
    put('Company', 'Acme');
    put('Owner', emu.ss.owner);
    put('Stage', 'Pilot');
    put('Amount', 500);
    put('Close date', '2026-06-01');
    emu.run('menuRefresh');
    const before = emu.ui.dialogs.length;
    emu.run('menuExportHubspot');
    expect(emu.ui.dialogs.slice(before).map((x) => x.title)).toEqual(['Sheets CRM: exported for HubSpot']);
    expect(emu.ui.dialogs.at(-1)!.message).toContain('1 row proposed from stage types just added');
    const pilot = cellAt(settingsA1(emu, 'Pilot', 'HubSpot'));
    expect(emu.values('CRM Settings')[pilot.row - 1][pilot.col - 2]).toBe('Pilot');
    expect(emu.values('CRM Settings')[pilot.row - 1][pilot.col - 1]).toBe('Pilot');
    expect(rowsOf(exportedFiles(emu).get('deals.csv'))[0]['Deal stage']).toBe('Pilot');
  });

  it('a stale stage map row stops no refresh, and a rep exports into a folder of their own', () => {
    const emu = plantedCrm();
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuExportAttio', [], { user: 'rep@example.com' });
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: exported for Attio');
    const folders = [...emu.drive.plain.values()].filter((f) => f.parents.length === 0);
    expect(folders.map((f) => f.owner)).toEqual(['rep@example.com']);
    expect(emu.drive.inFolder(folders[0].id).every((f) => f.owner === 'rep@example.com')).toBe(true);
    expect(emu.createdFiles().filter((f) => f.owner === 'rep@example.com')).toEqual([]);
  });

  it('says what to do when the project file holding the exporters is missing', () => {
    const emu = plantedCrm();
    delete emu.html.files['ExportCode'];
    emu.run('menuExportHubspot');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/ExportCode\.html is missing.*Push the project again/);
    expect(emu.drive.plain.size).toBe(0);
  });

  it('a file Drive refuses is said with what is missing, and the next export makes a whole new folder', () => {
    const emu = plantedCrm();
    emu.acc.injectFault({ method: 'Drive.Files.create', after: 2, times: 1 });
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuExportPipedrive');
    const said = emu.ui.dialogs.at(-1)!;
    expect(said.title).toBe('Sheets CRM: Export for Pipedrive');
    expect(said.message).toMatch(
      /Drive refused to write mapping\.csv .* is incomplete \(missing mapping\.csv, problems\.csv, README\.txt\): delete it and export again/,
    );
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuExportPipedrive');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: exported for Pipedrive');
    const folders = [...emu.drive.plain.values()].filter((f) => f.parents.length === 0);
    expect(folders).toHaveLength(2);
    expect(emu.drive.inFolder(folders[1].id).map((f) => f.name)).toEqual([
      'deals.csv',
      'mapping.csv',
      'problems.csv',
      'README.txt',
    ]);
  });

  it('never writes its proposed stage map row over a cell someone typed meanwhile', () => {
    const emu = crm();
    const settings = emu.sheet('CRM Settings');
    const lost = cellAt(settingsA1(emu, 'Lost', 'HubSpot'));
    // A stage added after Set up: the map lacks its row, so the export proposes one below Lost.
    const stages = emu.values('CRM Settings').map((r) => r[0]);
    const free = stages.findIndex((v, i) => i > 2 && v === '') + 1;
    ['Pilot', 'Open', 0.5, 'Best case', '', 30].forEach((v, i) => (settings.cellAt(free, i + 1).v = v));
    emu.acc.beforeNext('LockService.getDocumentLock', () => {
      settings.cellAt(lost.row + 1, lost.col - 1).v = 'Typed by a teammate';
    });
    emu.run('menuExportHubspot');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: exported for HubSpot');
    expect(emu.values('CRM Settings')[lost.row][lost.col - 2]).toBe('Typed by a teammate');
    expect(emu.values('CRM Settings')[lost.row][lost.col - 1]).toBe('');
    expect(
      rowsOf(exportedFiles(emu).get('mapping.csv')).find((r) => r['Sheets CRM'] === 'Pilot')!['HubSpot'],
    ).toBe('Pilot');
  });

  it('a CRM Settings tab from before the stage map gains the block at Set up, and its first export fills it in', () => {
    const emu = crm();
    const settings = emu.sheet('CRM Settings');
    const values = emu.values('CRM Settings');
    const c0 = values[0].indexOf('Export stage map');
    // As an earlier version made the tab: no Export stage map block at all.
    values.forEach((r, i) => r.forEach((_, c) => c >= c0 && (settings.cellAt(i + 1, c + 1).v = '')));
    emu.run('menuSetUp');
    const after = emu.values('CRM Settings');
    const c1 = after[0].indexOf('Export stage map');
    expect(after[1].slice(c1, c1 + 5)).toEqual(['Stage', 'HubSpot', 'Pipedrive', 'Salesforce', 'Attio']);
    expect(after.slice(2).every((r) => (r[c1] ?? '') === '')).toBe(true);
    emu.run('menuExportSalesforce');
    expect(emu.ui.dialogs.at(-1)!.message).toContain('7 rows proposed from stage types just added');
    const rows = emu
      .values('CRM Settings')
      .slice(2, 9)
      .map((r) => [r[c1], r[c1 + 3]]);
    expect(rows).toEqual([
      ['Opportunity identified', 'Opportunity identified'],
      ['Qualified', 'Qualified'],
      ['Solution designed with customer', 'Solution designed with customer'],
      ['Quote sent', 'Quote sent'],
      ['Negotiation', 'Negotiation'],
      ['Won', 'Closed Won'],
      ['Lost', 'Closed Lost'],
    ]);
  });
});
