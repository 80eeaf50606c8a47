// Export for another CRM, checked against each importer's documented rules (written from their help
// pages, quoted in issue 32, not from the exporter): required columns, stage values from the stage map,
// owners as emails, plain numbers, Year-Month-Day dates, notes linked by the Deal ID, files in the order
// they must be imported. The deals are random; every expected value comes from the generated deals.
import fc from 'fast-check';
import type { Emulator } from '../../local/emulator';
import {
  crmWithDeals,
  exportedFiles,
  finalStage,
  mapStage,
  OPEN,
  plannedDeals,
  rowsOf,
  type PlannedDeal,
} from '../support/exitCrm';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_NUMBER = /^\d+(\.\d{1,2})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Columns the CRM computes: no export may carry them. */
const COMPUTED = [
  'Check',
  'Last seen (CRM)',
  'Probability',
  'Segment',
  'Close date pushes',
  'Forecast category',
  'Stage entered',
  'Updated',
];

/** What each target calls a stage: the test's own map (one custom cell), else the documented default. */
const EXPECTED_STAGE: Record<string, (stage: string) => string> = {
  HubSpot: (s) =>
    s === 'Won' ? 'Closed Won' : s === 'Lost' ? 'Closed Lost' : s === 'Negotiation' ? 'Contract sent' : s,
  Salesforce: (s) =>
    s === 'Won'
      ? 'Closed Won'
      : s === 'Lost'
        ? 'Closed Lost'
        : s === 'Negotiation'
          ? 'Negotiation/Review'
          : s,
  Attio: (s) => (s === 'Won' ? 'Won 🎉' : s === 'Lost' ? 'Lost' : s === 'Negotiation' ? 'In Progress' : s),
  Pipedrive: (s) => (s === 'Negotiation' ? 'Negotiating' : s),
};
const CUSTOM = {
  HubSpot: 'Contract sent',
  Salesforce: 'Negotiation/Review',
  Attio: 'In Progress',
  Pipedrive: 'Negotiating',
};

function exportFor(deals: readonly PlannedDeal[], target: keyof typeof CUSTOM): Map<string, string[][]> {
  const emu: Emulator = crmWithDeals(deals);
  mapStage(emu, 'Negotiation', target, CUSTOM[target]);
  emu.run(`menuExport${target === 'HubSpot' ? 'Hubspot' : target}`);
  const last = emu.ui.dialogs.at(-1)!;
  expect(last.title).toBe(`Sheets CRM: exported for ${target}`);
  return exportedFiles(emu);
}

function commonRules(
  files: Map<string, string[][]>,
  deals: readonly PlannedDeal[],
  cols: Record<string, string>,
) {
  for (const [name, rows] of files) {
    if (!name.endsWith('.csv')) continue;
    expect(rows.length).toBeGreaterThan(0);
    for (const h of rows[0]) expect(COMPUTED).not.toContain(h);
    for (const r of rows.slice(1)) expect(r).toHaveLength(rows[0].length);
  }
  const rows = rowsOf(files.get(cols.file));
  expect(rows.map((r) => r[cols.id]).sort()).toEqual(deals.map((d) => d.id).sort());
  for (const d of deals) {
    const r = rows.find((x) => x[cols.id] === d.id)!;
    expect(r[cols.name]).toBe(d.name);
    expect(r[cols.amount]).toMatch(PLAIN_NUMBER);
    expect(Number(r[cols.amount])).toBe(d.amount);
    expect(r[cols.close]).toMatch(ISO_DAY);
    expect(r[cols.close]).toBe(d.close);
    if (cols.currency) expect(r[cols.currency]).toBe('USD');
  }
  return rows;
}

const run = (check: (deals: PlannedDeal[]) => void) =>
  fc.assert(fc.property(plannedDeals(10), check), { numRuns: 8, seed: 32 });

describe('Export for another CRM follows each importer’s rules', () => {
  it('HubSpot: one deals file with Deal name, Pipeline and Deal stage from the map, owners by email, notes linked by the Deal ID', () =>
    run((deals) => {
      const files = exportFor(deals, 'HubSpot');
      const rows = commonRules(files, deals, {
        file: 'deals.csv',
        id: 'Sheets CRM Deal ID',
        name: 'Deal name',
        amount: 'Amount',
        close: 'Close date',
        currency: 'Currency',
      });
      for (const d of deals) {
        const r = rows.find((x) => x['Sheets CRM Deal ID'] === d.id)!;
        expect(r['Pipeline']).not.toBe('');
        expect(r['Deal stage']).toBe(EXPECTED_STAGE.HubSpot(finalStage(d)));
        expect(r['Deal owner']).toMatch(EMAIL);
        expect(r['Deal owner']).toBe(d.owner);
        expect(r['Company name']).toBe(d.company);
      }
      const notes = rowsOf(files.get('notes.csv'));
      for (const n of notes) {
        expect(n['Activity date']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        expect(n['Note body']).not.toBe('');
        expect(deals.map((d) => d.id)).toContain(n['Sheets CRM Deal ID']);
      }
      for (const d of deals) {
        const mine = notes.filter((n) => n['Sheets CRM Deal ID'] === d.id).map((n) => n['Note body']);
        for (const s of d.moves)
          expect(mine.some((b) => b.startsWith('Stage:') && b.includes(`→ ${s} (`))).toBe(true);
      }
    }));

  it('Pipedrive: one tab, Status open/won/lost apart from an open Stage, an organization or person on every deal, the history as the deal’s own note', () =>
    run((deals) => {
      const files = exportFor(deals, 'Pipedrive');
      expect([...files.keys()].filter((n) => n.endsWith('.csv') && n !== 'mapping.csv')).toEqual([
        'deals.csv',
      ]);
      const rows = commonRules(files, deals, {
        file: 'deals.csv',
        id: 'Deal - Sheets CRM Deal ID',
        name: 'Deal - Title',
        amount: 'Deal - Value',
        close: 'Deal - Expected close date',
        currency: 'Deal - Currency',
      });
      const openNames = OPEN.map(EXPECTED_STAGE.Pipedrive);
      for (const d of deals) {
        const r = rows.find((x) => x['Deal - Sheets CRM Deal ID'] === d.id)!;
        const stage = finalStage(d);
        expect(r['Deal - Status']).toBe(stage === 'Won' ? 'won' : stage === 'Lost' ? 'lost' : 'open');
        expect(openNames).toContain(r['Deal - Stage']);
        if (stage !== 'Won' && stage !== 'Lost')
          expect(r['Deal - Stage']).toBe(EXPECTED_STAGE.Pipedrive(stage));
        expect(r['Organization - Name'] || r['Person - Name']).not.toBe('');
        expect(r['Deal - Lost reason']).toBe(stage === 'Lost' ? 'Price' : '');
        expect(r['Deal - Owner']).toBe(d.owner);
        for (const s of d.moves) expect(r['Note - Content']).toContain(`→ ${s} (`);
      }
    }));

  it('Salesforce: accounts first, opportunities with Name, StageName, CloseDate and the account by external ID, no OwnerId emails, history as a custom object', () =>
    run((deals) => {
      const files = exportFor(deals, 'Salesforce');
      const names = [...files.keys()].filter((n) => /^\d-/.test(n)).sort();
      expect(names[0]).toMatch(/account/i);
      expect(names[1]).toMatch(/opportunit/i);
      const rows = commonRules(files, deals, {
        file: names[1],
        id: 'Sheets_CRM_Deal_ID__c',
        name: 'Name',
        amount: 'Amount',
        close: 'CloseDate',
        currency: 'CurrencyIsoCode',
      });
      const accounts = rowsOf(files.get(names[0]));
      const accountKey = Object.keys(accounts[0]).find((h) => h !== 'Name')!;
      expect(accounts.map((a) => a[accountKey])).toEqual([...new Set(accounts.map((a) => a[accountKey]))]);
      expect(new Set(accounts.map((a) => a.Name.toLowerCase())).size).toBe(
        new Set(deals.map((d) => d.company.toLowerCase())).size,
      );
      const header = files.get(names[1])![0];
      const accountRef = header.find((h) => h.startsWith('Account.'))!;
      expect(accountRef).toBe(`Account.${accountKey}`);
      expect(header).not.toContain('CreatedDate');
      for (const d of deals) {
        const r = rows.find((x) => x['Sheets_CRM_Deal_ID__c'] === d.id)!;
        expect(r['StageName']).toBe(EXPECTED_STAGE.Salesforce(finalStage(d)));
        expect(accounts.find((a) => a[accountKey] === r[accountRef])?.Name.toLowerCase()).toBe(
          d.company.toLowerCase(),
        );
        if ('OwnerId' in r) expect(r['OwnerId']).toMatch(/^005\w{12}(\w{3})?$/);
        expect(r['Owner_Email__c']).toBe(d.owner);
      }
      const history = files.get(names[2])!;
      const ref = history[0].find((h) => h.endsWith('.Sheets_CRM_Deal_ID__c'))!;
      expect(ref).toMatch(/__r\./);
      for (const h of rowsOf(history)) {
        expect(deals.map((d) => d.id)).toContain(h[ref]);
        expect(Number.isNaN(Date.parse(h['Changed_At__c']))).toBe(false);
      }
    }));

  it('Attio: companies and people before deals, Name, Deal stage and Deal owner (an email) on every deal, a unique Deal ID attribute', () =>
    run((deals) => {
      const files = exportFor(deals, 'Attio');
      const names = [...files.keys()].filter((n) => /^\d-/.test(n)).sort();
      expect(names.slice(0, 3).map((n) => n.replace(/^\d-|\.csv$/g, ''))).toEqual([
        'companies',
        'people',
        'deals',
      ]);
      const rows = commonRules(files, deals, {
        file: names[2],
        id: 'Sheets CRM Deal ID',
        name: 'Name',
        amount: 'Deal value',
        close: 'Close date',
        currency: 'Currency',
      });
      const companies = rowsOf(files.get(names[0])).map((c) => c.Name);
      const people = rowsOf(files.get(names[1])).map((p) => p['Email addresses']);
      for (const d of deals) {
        const r = rows.find((x) => x['Sheets CRM Deal ID'] === d.id)!;
        expect(r['Deal stage']).toBe(EXPECTED_STAGE.Attio(finalStage(d)));
        expect(r['Deal owner']).toMatch(EMAIL);
        expect(companies.map((c) => c.toLowerCase())).toContain(r['Associated company'].toLowerCase());
        expect(people).toContain(r['Associated people']);
      }
      const changes = rowsOf(files.get(names[3]));
      for (const c of changes) expect(deals.map((d) => d.id)).toContain(c['Sheets CRM Deal ID']);
      for (const d of deals)
        for (const s of d.moves)
          expect(
            changes.some((c) => c['Sheets CRM Deal ID'] === d.id && c['Field'] === 'Stage' && c['To'] === s),
          ).toBe(true);
    }));
});
