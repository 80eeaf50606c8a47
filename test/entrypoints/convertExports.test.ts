// Real exports converted with no correction typed (HubSpot, Pipedrive, Salesforce with its history,
// Zoho, a snake_case warehouse query, a messy home-made sheet): every key field mapped, every stage
// adopted, history attached, and a second import changing nothing. Expected values are written out by
// hand from the fixtures, never computed with the product's parsers.
import type { Emulator } from '../../local/emulator';
import { crm, records, tableUnder } from '../support/crm';
import { loadedEmulator } from '../support/emulator';
import { dealsById, day, importFixture, stagesOf } from '../support/exports';

const KEY = ['Deal', 'Company', 'Owner', 'Stage', 'Amount', 'Close date', 'Created'] as const;

/** Converts fixtures in order on an empty CRM, accepting what Convert proposes; returns the dialogs. */
function convert(...files: string[]): { emu: Emulator; shown: string[]; done: string[] } {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  const shown: string[] = [];
  const done: string[] = [];
  for (const f of files) {
    importFixture(emu, f, `${f} ${shown.length}`);
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    const dialogs = emu.ui.dialogs.slice(seen);
    shown.push(dialogs[0]?.message ?? '');
    done.push(dialogs.at(-1)?.message ?? '');
  }
  return { emu, shown, done };
}

const history = (emu: Emulator) =>
  records(emu, 'History').map((h) => [day(h['Time']), h['Deal ID'], h['From'], h['To'], h['User']]);

function expectClean(emu: Emulator, shown: string) {
  expect(shown).not.toMatch(/not found/);
  for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/is not a stage/);
}

describe('a HubSpot deals export', () => {
  it('maps every key field, adopts its pipeline in order, and reads its "Date entered" columns into History', () => {
    const { emu, shown } = convert('hubspot-deals.csv');
    expectClean(emu, shown[0]);
    expect(dealsById(emu, KEY)).toEqual({
      '9001': {
        Deal: 'Acme renewal',
        Company: 'Acme Inc',
        Owner: 'Ana Diaz',
        Stage: 'Won',
        Amount: 12000,
        'Close date': '2026-03-31',
        Created: '2026-01-05',
      },
      '9002': {
        Deal: 'Globex pilot',
        Company: 'Globex GmbH',
        Owner: 'Ben Okafor',
        Stage: 'Contract Sent',
        Amount: 8500.5,
        'Close date': '2026-06-30',
        Created: '2026-02-10',
      },
      '9003': {
        Deal: 'Initech expansion',
        Company: 'Initech',
        Owner: 'Ana Diaz',
        Stage: 'Qualified To Buy',
        Amount: 30000,
        'Close date': '2026-09-15',
        Created: '2026-04-01',
      },
      '9004': {
        Deal: 'Hooli seats',
        Company: 'Hooli',
        Owner: 'Cleo Park',
        Stage: 'Appointment Scheduled',
        Amount: 4200,
        'Close date': '2026-12-01',
        Created: '2026-05-03',
      },
      '9005': {
        Deal: 'Umbrella audit',
        Company: 'Umbrella Corp',
        Owner: 'Ben Okafor',
        Stage: 'Lost',
        Amount: 15000,
        'Close date': '2026-04-10',
        Created: '2026-01-15',
      },
      '9006': {
        Deal: 'Stark retrofit',
        Company: 'Stark Industries',
        Owner: 'Cleo Park',
        Stage: 'Presentation Scheduled',
        Amount: 22000,
        'Close date': '2026-08-31',
        Created: '2026-03-12',
      },
    });
    expect(stagesOf(emu).map((s) => s[0])).toEqual([
      'Appointment Scheduled',
      'Qualified To Buy',
      'Presentation Scheduled',
      'Contract Sent',
      'Won',
      'Lost',
    ]);
    const moves = history(emu).filter((h) => h[1] === '9001' || h[1] === '9005');
    expect(moves).toEqual([
      ['2026-01-05', '9001', '', 'Appointment Scheduled', 'import'],
      ['2026-01-20', '9001', 'Appointment Scheduled', 'Qualified To Buy', 'import'],
      ['2026-03-01', '9001', 'Qualified To Buy', 'Contract Sent', 'import'],
      ['2026-03-31', '9001', 'Contract Sent', 'Won', 'import'],
      ['2026-01-15', '9005', '', 'Appointment Scheduled', 'import'],
      ['2026-02-01', '9005', 'Appointment Scheduled', 'Qualified To Buy', 'import'],
      ['2026-04-10', '9005', 'Qualified To Buy', 'Lost', 'import'],
    ]);
    expect(day(records(emu).find((r) => r['Deal ID'] === '9002')!['Stage entered'])).toBe('2026-05-15');
  });

  it('takes the default stages it replaced out of the Export stage map, so a first export is not stopped by them', () => {
    const { emu } = convert('hubspot-deals.csv');
    const mapped = () => {
      const s = emu.values('CRM Settings');
      const col = s[0].indexOf('Export stage map');
      return s
        .slice(2)
        .map((r) => String(r[col]))
        .filter(Boolean);
    };
    // Set up's default open stages are gone from Stages, and from the map with them.
    expect(mapped()).not.toContain('Opportunity identified');
    expect(mapped()).toEqual(expect.arrayContaining(['Won', 'Lost']));
    const before = emu.ui.dialogs.length;
    emu.run('menuExportHubspot');
    // The pre-flight ran and found only the owners' missing emails (with the default stages' rows
    // left, it found four problems more, one per row).
    const [problems] = emu.ui.dialogs.slice(before);
    expect(problems.title).toBe('Sheets CRM: 6 problems before exporting for HubSpot');
    expect(problems.message).not.toContain('is not a stage of the Stages block');
  });

  it('adds the export’s owners to CRM Settings, so that no imported deal is flagged for its owner', () => {
    const { emu, shown, done } = convert('hubspot-deals.csv');
    expect(shown[0]).toContain('New owners for CRM Settings: Ana Diaz, Ben Okafor, Cleo Park.');
    expect(done[0]).toContain('3 owners added to CRM Settings > Owners: Ana Diaz, Ben Okafor, Cleo Park.');
    const settings = emu.values('CRM Settings');
    const col = settings[1].indexOf('Owner');
    const owners = settings.slice(2).map((r) => r[col]);
    expect(owners).toEqual(expect.arrayContaining(['Ana Diaz', 'Ben Okafor', 'Cleo Park']));
    for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/Owner .* is not in CRM Settings/);
  });

  it('reads its "Date entered" columns into History when converted before Set up, as after it', () => {
    const set = convert('hubspot-deals.csv').emu;
    const emu = loadedEmulator({ now: '2026-11-23T17:00:00Z' });
    importFixture(emu, 'hubspot-deals.csv');
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
    expect(history(emu).length).toBeGreaterThan(10);
    expect(history(emu)).toEqual(history(set));
  });
});

describe('a Pipedrive deals export', () => {
  it('reads "Deal - …" headers, and takes Won and Lost from the status beside the pipeline stage', () => {
    const { emu, shown } = convert('pipedrive-deals.csv');
    expectClean(emu, shown[0]);
    expect(dealsById(emu, [...KEY, 'Contact', 'Lost reason'])).toEqual({
      '101': {
        Deal: 'Wayne Enterprises deal',
        Company: 'Wayne Enterprises',
        Owner: 'Dana Lee',
        Stage: 'Won',
        Amount: 45000,
        'Close date': '2026-03-20',
        Created: '2026-01-08',
        Contact: 'Bruce Wayne',
        'Lost reason': '',
      },
      '102': {
        Deal: 'Cyberdyne deal',
        Company: 'Cyberdyne Systems',
        Owner: 'Eli Moss',
        Stage: 'Proposal Made',
        Amount: 12500,
        'Close date': '2026-07-31',
        Created: '2026-02-11',
        Contact: 'Miles Dyson',
        'Lost reason': '',
      },
      '103': {
        Deal: 'Tyrell deal',
        Company: 'Tyrell Corp',
        Owner: 'Eli Moss',
        Stage: 'Lost',
        Amount: 8000,
        'Close date': '2026-05-15',
        Created: '2026-02-20',
        Contact: 'Eldon Tyrell',
        'Lost reason': 'Price',
      },
      '104': {
        Deal: 'Soylent deal',
        Company: 'Soylent Co',
        Owner: 'Dana Lee',
        Stage: 'Qualified',
        Amount: 3000,
        'Close date': '2026-10-01',
        Created: '2026-04-02',
        Contact: 'Sol Roth',
        'Lost reason': '',
      },
      '105': {
        Deal: 'Oscorp deal',
        Company: 'Oscorp',
        Owner: 'Eli Moss',
        Stage: 'Contact Made',
        Amount: 27000,
        'Close date': '2026-09-30',
        Created: '2026-03-09',
        Contact: 'Norman Osborn',
        'Lost reason': '',
      },
      '106': {
        Deal: 'Massive Dynamic deal',
        Company: 'Massive Dynamic',
        Owner: 'Dana Lee',
        Stage: 'Negotiations Started',
        Amount: 19000,
        'Close date': '2026-06-15',
        Created: '2026-03-30',
        Contact: 'Nina Sharp',
        'Lost reason': '',
      },
    });
    expect(stagesOf(emu).map((s) => s[0])).toEqual([
      'Qualified',
      'Contact Made',
      'Proposal Made',
      'Negotiations Started',
      'Won',
      'Lost',
    ]);
    // The export's own probabilities become the new stages' probabilities.
    expect(
      stagesOf(emu)
        .slice(1, 4)
        .map((s) => s[2]),
    ).toEqual([0.4, 0.5, 0.8]);
    expect(records(emu)[0]['Deal - Weighted value']).toBe('45000');
  });
});

describe('a Salesforce opportunities export and its opportunity history', () => {
  const sf = () => convert('salesforce-opportunities.csv', 'salesforce-opportunity-history.csv');

  it('reads US dates, dollar amounts and "Probability (%)", ordering the stages by the export’s probabilities', () => {
    const { emu, shown } = sf();
    expectClean(emu, shown[0]);
    expect(dealsById(emu, [...KEY, 'Probability'])).toEqual({
      '0065g00000A1b2C': {
        Deal: 'Northwind ERP',
        Company: 'Northwind Traders',
        Owner: 'Fay Grant',
        Stage: 'Won',
        Amount: 48000,
        'Close date': '2026-02-14',
        Created: '2025-11-03',
        Probability: 1,
      },
      '0065g00000A1b2D': {
        Deal: 'Contoso CRM',
        Company: 'Contoso Ltd',
        Owner: 'Gus Hale',
        Stage: 'Negotiation/Review',
        Amount: 22500,
        'Close date': '2026-06-30',
        Created: '2026-01-22',
        Probability: 0.9,
      },
      '0065g00000A1b2E': {
        Deal: 'Fabrikam rollout',
        Company: 'Fabrikam Inc',
        Owner: 'Fay Grant',
        Stage: 'Proposal/Price Quote',
        Amount: 9750,
        'Close date': '2026-07-15',
        Created: '2026-02-09',
        Probability: 0.75,
      },
      '0065g00000A1b2F': {
        Deal: 'Litware upgrade',
        Company: 'Litware Inc',
        Owner: 'Gus Hale',
        Stage: 'Qualification',
        Amount: 5000,
        'Close date': '2026-09-30',
        Created: '2026-03-04',
        Probability: 0.1,
      },
      '0065g00000A1b2G': {
        Deal: 'Adventure Works',
        Company: 'Adventure Works',
        Owner: 'Fay Grant',
        Stage: 'Lost',
        Amount: 31200,
        'Close date': '2026-03-13',
        Created: '2025-10-28',
        Probability: 0,
      },
      '0065g00000A1b2H': {
        Deal: 'Tailspin pilot',
        Company: 'Tailspin Toys',
        Owner: 'Gus Hale',
        Stage: 'Needs Analysis',
        Amount: 14000,
        'Close date': '2026-08-31',
        Created: '2026-04-18',
        Probability: 0.2,
      },
      '0065g00000A1b2I': {
        Deal: 'Wingtip renewal',
        Company: 'Wingtip Toys',
        Owner: 'Fay Grant',
        Stage: 'Value Proposition',
        Amount: 7300,
        'Close date': '2026-10-01',
        Created: '2026-05-02',
        Probability: 0.5,
      },
    });
    expect(stagesOf(emu)).toEqual([
      ['Qualification', 'Open', 0.1],
      ['Needs Analysis', 'Open', 0.2],
      ['Value Proposition', 'Open', 0.5],
      ['Proposal/Price Quote', 'Open', 0.75],
      ['Negotiation/Review', 'Open', 0.9],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
  });

  it('adds the history export to History for the deals it holds, reporting the unknown Deal ID', () => {
    const { emu, done } = sf();
    expect(history(emu)).toEqual([
      ['2025-10-28', '0065g00000A1b2G', '', 'Qualification', 'Fay Grant'],
      ['2025-11-03', '0065g00000A1b2C', '', 'Qualification', 'Fay Grant'],
      ['2025-12-15', '0065g00000A1b2C', 'Qualification', 'Proposal/Price Quote', 'Fay Grant'],
      ['2026-01-20', '0065g00000A1b2C', 'Proposal/Price Quote', 'Negotiation/Review', 'Fay Grant'],
      ['2026-01-22', '0065g00000A1b2D', '', 'Qualification', 'Gus Hale'],
      ['2026-02-14', '0065g00000A1b2C', 'Negotiation/Review', 'Won', 'Fay Grant'],
      ['2026-03-13', '0065g00000A1b2G', 'Qualification', 'Lost', 'Fay Grant'],
      ['2026-04-02', '0065g00000A1b2D', 'Qualification', 'Negotiation/Review', 'Gus Hale'],
    ]);
    expect(done[1]).toContain(
      '1 row named Deal IDs the CRM does not hold, so they were not added: 0065g00000Z9z9Z (1)',
    );
  });

  it('adds nothing when the same history is converted again', () => {
    const { emu, done } = convert(
      'salesforce-opportunities.csv',
      'salesforce-opportunity-history.csv',
      'salesforce-opportunity-history.csv',
    );
    expect(history(emu)).toHaveLength(8);
    expect(done[2]).toContain('0 stage changes added to History');
    expect(done[2]).toContain('8 were in History already');
  });

  it('updates instead of doubling when the same deals are converted again, logging what changed', () => {
    const { emu, done } = sf();
    const before = emu.values('Deals');
    importFixture(emu, 'salesforce-opportunities.csv', 'again');
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.message).toContain('0 new deals added to "Deals", 0 updated, 7 unchanged.');
    expect(emu.values('Deals')).toEqual(before);
    expect(done).toHaveLength(2);
    // A later export where one deal moved on and one is new.
    const sheet = emu.ss.addSheet('later');
    const rows = emu.values('again') as (string | number | boolean | Date)[][];
    rows[2][4] = 'Closed Won';
    rows.push([
      '0065g00000A1b2J',
      'Proseware',
      'Proseware Inc',
      'Gus Hale',
      'Qualification',
      '$1,000.00',
      '10%',
      '12/1/2026',
      '11/2/2026',
      'Web',
      'New Business',
      'Q4-2026',
    ]);
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.message).toContain('1 new deal added to "Deals", 1 updated, 6 unchanged.');
    expect(records(emu)).toHaveLength(8);
    expect(records(emu).find((r) => r['Deal ID'] === '0065g00000A1b2D')!['Stage']).toBe('Won');
    expect(history(emu).at(-1)!.slice(1, 4)).toEqual(['0065g00000A1b2D', 'Negotiation/Review', 'Won']);
  });
});

describe('a Zoho deals export', () => {
  it('maps "Closing Date", "Created Time" and "Record Id", and reads "Closed Lost to Competition" as Lost to a competitor', () => {
    const { emu, shown, done } = convert('zoho-deals.csv');
    expectClean(emu, shown[0]);
    expect(shown[0]).toContain('"Closed Lost to Competition" → Lost (lost reason: Lost to competitor)');
    expect(dealsById(emu, [...KEY, 'Lost reason'])['zcrm_4876000000512004']).toEqual({
      Deal: 'Chanay audit',
      Company: 'Chanay Ltd',
      Owner: 'Jack Ruiz',
      Stage: 'Lost',
      'Lost reason': 'Lost to competitor',
      Amount: 11000,
      'Close date': '2026-02-28',
      Created: '2025-11-20',
    });
    // Zoho's default lost stage names its reason: no stage of its own.
    expect(stagesOf(emu)).toEqual([
      ['Qualification', 'Open', 0.1],
      ['Proposal/Price Quote', 'Open', 0.75],
      ['Negotiation/Review', 'Open', 0.9],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
    expect(done[0]).toContain('1 lost deal given the lost reason its stage names');
    expect(records(emu).map((r) => r['Notes'])).toEqual(['Redesign', '', '3-year deal', '', '']);
  });
});

describe('a snake_case warehouse export', () => {
  it('takes agents as owners, values as amounts and engage dates as Created, with its four stages', () => {
    const { emu, shown } = convert('warehouse-opportunities.csv');
    expectClean(emu, shown[0]);
    const deals = dealsById(emu, KEY);
    expect(deals['Z063OYW0']).toEqual({
      Deal: 'GTXPro',
      Company: 'Isdom',
      Owner: 'Darcel Schlecht',
      Stage: 'Won',
      Amount: 4514,
      'Close date': '2017-03-11',
      Created: '2016-10-25',
    });
    expect(deals['T1YSWS69']).toEqual({
      Deal: 'GTX Plus Pro',
      Company: '',
      Owner: 'Anna Snelling',
      Stage: 'Prospecting',
      Amount: '',
      'Close date': '',
      Created: '',
    });
    expect(Object.keys(deals)).toHaveLength(10);
    expect(stagesOf(emu).map((s) => s[0])).toEqual(['Prospecting', 'Engaging', 'Won', 'Lost']);
    expect(shown[0]).toContain('• Owner ← B "sales_agent"');
  });
});

describe('a messy home-made sheet', () => {
  it('finds the header under title rows, keeps blank-header and computed-looking columns, reads € amounts and day-first dates', () => {
    const { emu, shown, done } = convert('messy-homemade.csv');
    expect(shown[0]).toContain('• Owner ← C "Who" (from its values)');
    expect(shown[0]).toContain('• Amount ← D "Value (€)"');
    expect(shown[0]).toContain('• Created ← F "First contact" (from its header)');
    expectClean(emu, shown[0]);
    const rows = records(emu).map((r) => [
      r['Deal'],
      r['Company'],
      r['Owner'],
      r['Stage'],
      r['Amount'],
      day(r['Created']),
      day(r['Close date']),
      r['Column H'],
      r['Tier (imported)'],
      r['Check (imported)'],
      r['Last seen (imported)'],
    ]);
    expect(rows).toEqual([
      [
        'Espresso machines',
        'Brasserie Lumière',
        'Jo',
        'Talking',
        1200,
        '2025-11-02',
        '2026-01-13',
        'call back Tue',
        'Gold',
        'ok',
        'yesterday',
      ],
      [
        'Kitchen refit',
        'Hotel Adler',
        'Sam',
        'Offer sent',
        12500,
        '2025-11-14',
        '2026-02-05',
        '',
        'Silver',
        '',
        '',
      ],
      ['Grinder', 'Café Nord', 'Jo', 'Won', 950, '2025-10-01', '2025-12-20', 'paid', 'Bronze', 'done', ''],
      [
        'Ovens',
        'Bäckerei Klein',
        'Sam',
        'Lost',
        3400.5,
        '1999-06-20',
        '1999-12-31',
        'too pricey',
        'Gold',
        '',
        'last week',
      ],
      ['Delivery bikes', 'Pizzeria Roma', 'Jo', 'Talking', 700, '2026-01-15', '2026-03-01', '', '', '', ''],
      [
        'Wine fridge',
        'Osteria Blu',
        'Sam',
        'Offer sent',
        2250,
        '2026-02-03',
        '2026-03-15',
        'visit',
        'Silver',
        '',
        '',
      ],
    ]);
    expect(stagesOf(emu).map((s) => s[0])).toEqual(['Talking', 'Offer sent', 'Won', 'Lost']);
    expect(done[0]).toContain('3 rows above the header row not converted (they are in the backup)');
    // The first refresh keeps the imported "Tier" and "Check" values where they are.
    emu.run('menuRefresh');
    expect(records(emu).map((r) => r['Tier (imported)'])).toEqual([
      'Gold',
      'Silver',
      'Bronze',
      'Gold',
      '',
      'Silver',
    ]);
    expect(tableUnder(emu, 'Funnel', 'Stage').length).toBeGreaterThan(0);
  });

  it('keeps an amount it cannot read for sure as written, and flags it', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const sheet = emu.ss.addSheet('euros');
    const rows = [
      ['Deal', 'Stage', 'Amount'],
      ['Espresso', 'Won', '€1.200'],
      ['Grinder', 'Won', '€950'],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    emu.run('menuConvert');
    expect(records(emu).map((r) => [r['Amount'], r['Check']])).toEqual([
      // All in euros, so the CRM (no deals yet) now counts in EUR; "1.200" could be 1.2 or 1,200.
      ['€1.200', 'Amount "€1.200" could be 1.2 or 1200 (write it as a plain number, such as 1200)'],
      [950, ''],
    ]);
    expect(emu.ui.dialogs.at(-1)!.message).toContain('1 value could not be read for sure');
  });
});

describe('a CRM’s database table dumped as it is (glued column names, stages partly in Spanish)', () => {
  it('takes the close date and created time from the columns that mean them, and Spanish closed stages as Won and Lost', () => {
    const { emu, shown } = convert('crm-database-potentials.csv');
    expect(shown[0]).toContain('Close date ← G "closingdate" (from its header)');
    expect(shown[0]).toContain('Created ← L "createdtime" (from its header)');
    expect(dealsById(emu, KEY)).toEqual({
      '101': {
        Deal: 'Renovación licencias',
        Company: 'Acme SA',
        Owner: 'Ana Diaz',
        Stage: 'Won',
        Amount: 12000,
        'Close date': '2026-03-31',
        Created: '2025-11-02',
      },
      '102': {
        Deal: 'Piloto Globex',
        Company: 'Globex',
        Owner: 'Ben Okafor',
        Stage: 'Negotiation/Review',
        Amount: 8500.5,
        'Close date': '2026-06-30',
        Created: '2026-01-10',
      },
      '103': {
        Deal: 'Auditoría Initech',
        Company: 'Initech',
        Owner: 'Ana Diaz',
        Stage: 'Cerrada Perdida',
        Amount: 30000,
        'Close date': '2026-02-15',
        Created: '2025-12-01',
      },
      '104': {
        Deal: 'Licencias Hooli',
        Company: 'Hooli',
        Owner: 'Cleo Park',
        Stage: 'Perdido',
        Amount: 4200,
        'Close date': '2026-01-20',
        Created: '2025-10-15',
      },
      '105': {
        Deal: 'Umbrella retrofit',
        Company: 'Umbrella Corp',
        Owner: 'Ben Okafor',
        Stage: 'Prospecting',
        Amount: 15000,
        'Close date': '2026-09-30',
        Created: '2026-03-01',
      },
      '106': {
        Deal: 'Stark expansion',
        Company: 'Stark Industries',
        Owner: 'Cleo Park',
        Stage: 'Qualification',
        Amount: 22000,
        'Close date': '2026-08-31',
        Created: '2026-02-20',
      },
      '107': {
        Deal: 'Wayne renovación',
        Company: 'Wayne Enterprises',
        Owner: 'Ana Diaz',
        Stage: 'Cerrada Ganada',
        Amount: 45000,
        'Close date': '2026-03-20',
        Created: '2025-09-05',
      },
      '108': {
        Deal: 'Tyrell analytics',
        Company: 'Tyrell Corp',
        Owner: 'Cleo Park',
        Stage: 'Needs Analysis',
        Amount: 9900,
        'Close date': '2026-07-15',
        Created: '2026-02-02',
      },
    });
    const types = Object.fromEntries(stagesOf(emu).map((s) => [s[0], s[1]]));
    expect(types).toMatchObject({
      Won: 'Won',
      'Cerrada Ganada': 'Won',
      'Cerrada Perdida': 'Lost',
      Perdido: 'Lost',
      Prospecting: 'Open',
      Qualification: 'Open',
      'Needs Analysis': 'Open',
      'Negotiation/Review': 'Open',
    });
  });
});
