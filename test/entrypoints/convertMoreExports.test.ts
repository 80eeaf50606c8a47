// More CRMs' exports converted with no correction typed: SugarCRM's field names, Dynamics 365's
// "(Do Not Modify)" columns and numbered phases, Odoo (lost deals archived, not staged), Copper
// (Abandoned), Freshsales, Pipedrive in German, HubSpot in French, and a MySQL dump with no header
// row. Every expected value is written out by hand from the fixture files.
import type { Emulator } from '../../local/emulator';
import { crm, records, tableUnder, type } from '../support/crm';
import { day, importFixture, stagesOf } from '../support/exports';

type Row = [
  deal: string,
  company: string,
  owner: string,
  stage: string,
  amount: number,
  close: string,
  created: string,
];
const KEY = ['Deal', 'Company', 'Owner', 'Stage', 'Amount', 'Close date', 'Created'] as const;

/** Converts one fixture on an empty CRM, accepting what Convert proposes; returns the dialogs shown. */
function convert(file: string): { emu: Emulator; shown: string; done: string } {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  importFixture(emu, file);
  const seen = emu.ui.dialogs.length;
  emu.run('menuConvert');
  const dialogs = emu.ui.dialogs.slice(seen);
  return { emu, shown: dialogs[0]?.message ?? '', done: dialogs.at(-1)?.message ?? '' };
}

/** The converted deals' key fields, keyed by Deal ID (or by deal name when the export has no ID). */
function deals(emu: Emulator, by: 'Deal ID' | 'Deal'): Record<string, Row> {
  return Object.fromEntries(records(emu).map((r) => [String(r[by]), KEY.map((k) => day(r[k])) as Row]));
}

function expectClean(emu: Emulator, shown: string) {
  expect(shown).not.toMatch(/not found|\?/);
  for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/is not a stage|owner/i);
}

describe('a SugarCRM export (its database field names as headers)', () => {
  it('reads date_entered as Created, assigned_user_name as the owner, and sales_stage with its probabilities', () => {
    const { emu, shown } = convert('sugarcrm-opportunities.csv');
    expectClean(emu, shown);
    const id = (n: number) => `3f1a9c2e-0b1d-4c8e-9a10-5e2a7c00000${n}`;
    expect(deals(emu, 'Deal ID')).toEqual({
      [id(1)]: [
        'Northwind renewal',
        'Northwind Traders',
        'Sally Bronsen',
        'Won',
        12000,
        '2026-03-31',
        '2026-01-05',
      ],
      [id(2)]: [
        'Contoso pilot',
        'Contoso Ltd',
        'Max Jensen',
        'Proposal/Price Quote',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      [id(3)]: ['Fabrikam audit', 'Fabrikam Inc', 'Sally Bronsen', 'Lost', 30000, '2026-02-15', '2025-12-01'],
      [id(4)]: [
        'Litware seats',
        'Litware Inc',
        'Chris Olliver',
        'Prospecting',
        4200,
        '2026-09-15',
        '2026-04-01',
      ],
      [id(5)]: [
        'Tailspin expansion',
        'Tailspin Toys',
        'Max Jensen',
        'Needs Analysis',
        15000,
        '2026-08-20',
        '2026-01-15',
      ],
      [id(6)]: [
        'Wingtip retrofit',
        'Wingtip Toys',
        'Chris Olliver',
        'Negotiation/Review',
        22000,
        '2026-07-31',
        '2026-03-12',
      ],
    });
    expect(stagesOf(emu)).toEqual([
      ['Prospecting', 'Open', 0.1],
      ['Needs Analysis', 'Open', 0.25],
      ['Proposal/Price Quote', 'Open', 0.65],
      ['Negotiation/Review', 'Open', 0.8],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
    const contoso = records(emu).find((r) => r['Deal'] === 'Contoso pilot')!;
    expect([contoso['Next step'], contoso['Lead source']]).toEqual(['Send the revised quote', 'Cold Call']);
  });
});

describe('a Dynamics 365 export', () => {
  it('takes the record GUID as the Deal ID, Topic and Potential Customer, Won and Lost from Status, and orders numbered phases', () => {
    const { emu, shown } = convert('dynamics-opportunities.csv');
    expectClean(emu, shown);
    const id = (n: number) => `6f9d2a10-1c3e-ef11-8409-000d3a5b000${n}`;
    expect(deals(emu, 'Deal ID')).toEqual({
      [id(1)]: ['Contoso CRM rollout', 'Contoso Ltd', 'Alex Kim', 'Won', 12000, '2026-03-31', '2026-01-05'],
      [id(2)]: [
        'Fabrikam upgrade',
        'Fabrikam Inc',
        'Priya Shah',
        '3-Propose',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      [id(3)]: [
        'Adventure Works pilot',
        'Adventure Works',
        'Alex Kim',
        'Lost',
        30000,
        '2026-02-15',
        '2025-12-01',
      ],
      [id(4)]: [
        'Litware licences',
        'Litware Inc',
        'Jordan Lee',
        '2-Develop',
        4200,
        '2026-09-15',
        '2026-04-01',
      ],
      [id(5)]: [
        'Tailspin services',
        'Tailspin Toys',
        'Priya Shah',
        'Lost',
        15000,
        '2026-05-20',
        '2026-01-15',
      ],
      [id(6)]: [
        'Wingtip expansion',
        'Wingtip Toys',
        'Jordan Lee',
        '4-Close',
        22000,
        '2026-08-31',
        '2026-03-12',
      ],
      [id(7)]: [
        'Northwind analytics',
        'Northwind Traders',
        'Alex Kim',
        '1-Qualify',
        9900,
        '2026-10-15',
        '2026-04-18',
      ],
    });
    expect(stagesOf(emu).map((s) => [s[0], s[1]])).toEqual([
      ['1-Qualify', 'Open'],
      ['2-Develop', 'Open'],
      ['3-Propose', 'Open'],
      ['4-Close', 'Open'],
      ['Won', 'Won'],
      ['Lost', 'Lost'],
    ]);
  });
});

describe('an Odoo CRM export', () => {
  it('takes an archived opportunity (Active False) as Lost, with its lost reason, whatever stage it stopped in', () => {
    const { emu, shown } = convert('odoo-opportunities.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal')).toEqual({
      'Office chairs for Deco Addict': [
        'Office chairs for Deco Addict',
        'Deco Addict',
        'Mitchell Admin',
        'Won',
        12000,
        '2026-03-31',
        '2026-01-05',
      ],
      'Quote for Gemini Furniture': [
        'Quote for Gemini Furniture',
        'Gemini Furniture',
        'Marc Demo',
        'Proposition',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      'Azure Interior desks': [
        'Azure Interior desks',
        'Azure Interior',
        'Mitchell Admin',
        'Lost',
        30000,
        '2026-02-15',
        '2025-12-01',
      ],
      'Ready Mat storage': [
        'Ready Mat storage',
        'Ready Mat',
        'Marc Demo',
        'New',
        4200,
        '2026-09-15',
        '2026-04-01',
      ],
      'Lumber Inc cabinets': [
        'Lumber Inc cabinets',
        'Lumber Inc',
        'Mitchell Admin',
        'Lost',
        15000,
        '2026-05-20',
        '2026-01-15',
      ],
      'The Jackson Group fit-out': [
        'The Jackson Group fit-out',
        'The Jackson Group',
        'Marc Demo',
        'Qualified',
        22000,
        '2026-08-31',
        '2026-03-12',
      ],
    });
    expect(records(emu).map((r) => r['Lost reason'])).toEqual([
      '',
      '',
      'Too expensive',
      '',
      'Not enough stock',
      '',
    ]);
    // The archived deals' 0% does not make their last open stage look like a lost one.
    expect(stagesOf(emu)).toEqual([
      ['New', 'Open', 0.1],
      ['Qualified', 'Open', 0.25],
      ['Proposition', 'Open', 0.6],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
  });
});

describe('an Odoo CRM export, refreshed', () => {
  // Open: Gemini 8,500.50 in Proposition (Best case), Ready Mat 4,200 in New and Jackson 22,000 in
  // Qualified (Pipeline) = 34,700.50; weighted by each deal's own probability from the export (60%,
  // 10%, 30%): 5,100.30 + 420 + 6,600. The two archived deals are lost, not open pipeline.
  it('counts the archived deals as lost, out of the open pipeline', () => {
    const { emu } = convert('odoo-opportunities.csv');
    emu.run('menuRefresh');
    expect(emu.values('Forecast')[1][0]).toMatch(/6 deals: 1 won, 2 lost, 3 open/);
    const open = tableUnder(emu, 'Forecast', 'Period').find((r) =>
      String(r['Period']).startsWith('Open pipeline'),
    )!;
    expect(
      ['Commit', 'Best case', 'Pipeline', 'Weighted'].map((k) => Math.round(Number(open[k]) * 100) / 100),
    ).toEqual([0, 8500.5, 26200, 12120.3]);
  });
});

describe('a Copper export', () => {
  it('takes Won, Lost and Abandoned from Status, and Loss Reason as the lost reason', () => {
    const { emu, shown } = convert('copper-opportunities.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal')).toEqual({
      'Acme website rebuild': [
        'Acme website rebuild',
        'Acme Corp',
        'Sam Rivera',
        'Won',
        12000,
        '2026-03-31',
        '2026-01-05',
      ],
      'Globex support plan': [
        'Globex support plan',
        'Globex Corporation',
        'Lee Chan',
        'Presentation',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      'Initech migration': [
        'Initech migration',
        'Initech',
        'Sam Rivera',
        'Lost',
        30000,
        '2026-02-15',
        '2025-12-01',
      ],
      'Hooli analytics': [
        'Hooli analytics',
        'Hooli',
        'Lee Chan',
        'Qualified',
        4200,
        '2026-09-15',
        '2026-04-01',
      ],
      'Umbrella training': [
        'Umbrella training',
        'Umbrella Corp',
        'Sam Rivera',
        'Lost',
        15000,
        '2026-05-20',
        '2026-01-15',
      ],
      'Stark retainer': [
        'Stark retainer',
        'Stark Industries',
        'Lee Chan',
        'Negotiation',
        22000,
        '2026-08-31',
        '2026-03-12',
      ],
      'Soylent pilot': [
        'Soylent pilot',
        'Soylent Co',
        'Sam Rivera',
        'Follow-up',
        9900,
        '2026-10-15',
        '2026-04-18',
      ],
    });
    expect(records(emu).map((r) => r['Lost reason'])).toEqual(['', '', 'Price', '', 'No decision', '', '']);
    expect(stagesOf(emu).map((s) => [s[0], s[1]])).toEqual([
      ['Qualified', 'Open'],
      ['Follow-up', 'Open'],
      ['Presentation', 'Open'],
      ['Negotiation', 'Open'],
      ['Won', 'Won'],
      ['Lost', 'Lost'],
    ]);
  });
});

describe('a Freshsales export', () => {
  it('reads "Deal value", "Sales owner" and "Account name", keeping the expected close date', () => {
    const { emu, shown } = convert('freshsales-deals.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal')).toEqual({
      'Blue Yonder annual plan': [
        'Blue Yonder annual plan',
        'Blue Yonder Airlines',
        'Rita Gomez',
        'Won',
        12000,
        '2026-03-31',
        '2026-01-05',
      ],
      'Coho Winery pilot': [
        'Coho Winery pilot',
        'Coho Winery',
        'Omar Haddad',
        'Negotiation',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      'Proseware rollout': [
        'Proseware rollout',
        'Proseware Inc',
        'Rita Gomez',
        'Lost',
        30000,
        '2026-02-15',
        '2025-12-01',
      ],
      'Humongous seats': [
        'Humongous seats',
        'Humongous Insurance',
        'Omar Haddad',
        'New',
        4200,
        '2026-09-15',
        '2026-04-01',
      ],
      'Trey Research licences': [
        'Trey Research licences',
        'Trey Research',
        'Rita Gomez',
        'Demo scheduled',
        15000,
        '2026-08-20',
        '2026-01-15',
      ],
      'Woodgrove upgrade': [
        'Woodgrove upgrade',
        'Woodgrove Bank',
        'Omar Haddad',
        'Negotiation',
        22000,
        '2026-07-31',
        '2026-03-12',
      ],
    });
    expect(stagesOf(emu).map((s) => [s[0], s[1]])).toEqual([
      ['New', 'Open'],
      ['Demo scheduled', 'Open'],
      ['Negotiation', 'Open'],
      ['Won', 'Won'],
      ['Lost', 'Lost'],
    ]);
  });

  it('reads "Closed date" as when closed deals were won or lost: their move in History and Stage entered', () => {
    const { emu, shown, done } = convert('freshsales-deals.csv');
    expect(shown).toContain(
      'G "Closed date" says when closed deals were won or lost: each becomes its move to Won or Lost in History (and its Stage entered). Close date stays F "Expected close date".',
    );
    const byId = new Map(records(emu).map((r) => [String(r['Deal ID']), String(r['Deal'])]));
    const moves = records(emu, 'History').map((h) => [
      day(h['Time']),
      byId.get(String(h['Deal ID'])),
      h['From'],
      h['To'],
    ]);
    expect(moves).toEqual([
      ['2026-03-28', 'Blue Yonder annual plan', '', 'Won'],
      ['2026-02-14', 'Proseware rollout', '', 'Lost'],
    ]);
    const entered = Object.fromEntries(records(emu).map((r) => [r['Deal'], day(r['Stage entered'])]));
    expect([
      entered['Blue Yonder annual plan'],
      entered['Proseware rollout'],
      entered['Coho Winery pilot'],
    ]).toEqual(['2026-03-28', '2026-02-14', '']);
    expect(done).toContain('2 stage changes from "Date entered" or closed-date columns added to History.');
    // Their close dates are within days of it: nothing to flag.
    for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/days from when/);
  });
});

describe('a Pipedrive export in German', () => {
  it('reads German headers and the status words offen, gewonnen and verloren', () => {
    const { emu, shown } = convert('pipedrive-deals-de.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal ID')).toEqual({
      '301': ['Müller GmbH Deal', 'Müller GmbH', 'Jonas Becker', 'Won', 45000, '2026-03-20', '2026-01-08'],
      '302': [
        'Schneider AG Deal',
        'Schneider AG',
        'Lena Wolf',
        'Angebot erstellt',
        12500,
        '2026-07-31',
        '2026-02-11',
      ],
      '303': ['Fischer KG Deal', 'Fischer KG', 'Lena Wolf', 'Lost', 8000, '2026-05-15', '2026-02-20'],
      '304': [
        'Weber Bau Deal',
        'Weber Bau GmbH',
        'Jonas Becker',
        'Qualifiziert',
        3000,
        '2026-10-01',
        '2026-04-02',
      ],
      '305': [
        'Hoffmann Deal',
        'Hoffmann & Söhne',
        'Lena Wolf',
        'Kontakt hergestellt',
        27000,
        '2026-09-30',
        '2026-03-09',
      ],
      '306': [
        'Becker Logistik Deal',
        'Becker Logistik',
        'Jonas Becker',
        'Verhandlungen begonnen',
        19000,
        '2026-06-15',
        '2026-03-30',
      ],
    });
    const fischer = records(emu).find((r) => r['Deal ID'] === '303')!;
    expect([fischer['Lost reason'], fischer['Contact']]).toEqual(['Preis', 'Eva Fischer']);
    expect(stagesOf(emu)).toEqual([
      ['Qualifiziert', 'Open', 0.1],
      ['Kontakt hergestellt', 'Open', 0.3],
      ['Angebot erstellt', 'Open', 0.5],
      ['Verhandlungen begonnen', 'Open', 0.8],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
  });
});

describe('a HubSpot export in French', () => {
  it('reads French headers, day-first dates and a decimal comma, and orders French stage names', () => {
    const { emu, shown } = convert('hubspot-deals-fr.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal ID')).toEqual({
      '7001': [
        'Renouvellement Dupont',
        'Dupont SA',
        'Claire Martin',
        'Conclue gagnée',
        12000,
        '2026-03-31',
        '2026-01-05',
      ],
      '7002': [
        'Pilote Lefèvre',
        'Lefèvre et Fils',
        'Hugo Bernard',
        'Contrat envoyé',
        8500.5,
        '2026-06-30',
        '2026-02-10',
      ],
      '7003': [
        'Extension Moreau',
        'Moreau Industries',
        'Claire Martin',
        "Qualifié pour l'achat",
        30000,
        '2026-09-15',
        '2026-04-01',
      ],
      '7004': [
        'Licences Girard',
        'Girard SARL',
        'Inès Roux',
        'Rendez-vous programmé',
        4200,
        '2026-12-01',
        '2026-05-03',
      ],
      '7005': [
        'Audit Lambert',
        'Lambert & Cie',
        'Hugo Bernard',
        'Conclue perdue',
        15000,
        '2026-04-10',
        '2026-01-15',
      ],
      '7006': [
        'Rénovation Fontaine',
        'Fontaine SAS',
        'Inès Roux',
        'Présentation programmée',
        22000,
        '2026-08-31',
        '2026-03-12',
      ],
    });
    const types = Object.fromEntries(stagesOf(emu).map((s) => [s[0], s[1]]));
    expect(types).toMatchObject({ 'Conclue gagnée': 'Won', 'Conclue perdue': 'Lost' });
    expect(
      stagesOf(emu)
        .filter((s) => s[1] === 'Open')
        .map((s) => s[0]),
    ).toEqual([
      'Rendez-vous programmé',
      "Qualifié pour l'achat",
      'Présentation programmée',
      'Contrat envoyé',
    ]);
  });
});

describe('a MySQL dump with no header row', () => {
  it('converts its first row as a deal, finds every key field from the values, and reads \\N as empty', () => {
    const { emu, shown } = convert('headerless-dump.csv');
    expect(shown).toMatch(/no header row/i);
    expectClean(emu, shown.replace(/no header row/i, ''));
    expect(deals(emu, 'Deal ID')).toEqual({
      '1001': ['Acme renewal', 'Acme Inc', 'Ana Diaz', 'Won', 12000, '2026-03-31', '2025-11-02'],
      '1002': [
        'Globex pilot',
        'Globex GmbH',
        'Ben Okafor',
        'Negotiation',
        8500.5,
        '2026-06-30',
        '2026-01-10',
      ],
      '1003': ['Initech audit', 'Initech Ltd', 'Ana Diaz', 'Lost', 30000, '2026-02-15', '2025-12-01'],
      '1004': ['Hooli licences', 'Hooli Inc', 'Cleo Park', 'Lost', 4200, '2026-01-20', '2025-10-15'],
      '1005': [
        'Umbrella retrofit',
        'Umbrella Corp',
        'Ben Okafor',
        'Prospecting',
        15000,
        '2026-09-30',
        '2026-03-01',
      ],
      '1006': [
        'Stark expansion',
        'Stark Industries',
        'Cleo Park',
        'Qualification',
        22000,
        '2026-08-31',
        '2026-02-20',
      ],
      '1007': ['Wayne renewal', 'Wayne Enterprises', 'Ana Diaz', 'Won', 45000, '2026-03-20', '2025-09-05'],
      '1008': [
        'Tyrell analytics',
        'Tyrell Corp',
        'Cleo Park',
        'Qualification',
        9900,
        '2026-07-15',
        '2026-02-02',
      ],
    });
    expect(stagesOf(emu).map((s) => [s[0], s[1]])).toEqual([
      ['Prospecting', 'Open'],
      ['Qualification', 'Open'],
      ['Negotiation', 'Open'],
      ['Won', 'Won'],
      ['Lost', 'Lost'],
    ]);
    // MySQL's NULL is no value; nothing of it is left in the cells.
    for (const r of records(emu)) for (const v of Object.values(r)) expect(String(v)).not.toBe('\\N');
    expect(shown).toMatch(/6 cells held \\N \(a database's "no value"\): read as empty/);
    // Its escaped quotes (\") are not CSV: the cell that held one is named, to be checked.
    expect(shown).toMatch(/1 cell holds backslash escapes .*row 2, column I/);
  });
});

describe('an accounts (companies) file converted after the deals', () => {
  // Deals (hubspot-deals.csv): Acme Inc, Globex GmbH, Initech, Hooli, Umbrella Corp, Stark Industries.
  // Companies: Acme (no legal form), Globex GmbH, Initech, Hooli (no employees), Initrode (no deal),
  // Stark Industries. Umbrella Corp has no row.
  function joined() {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    importFixture(emu, 'hubspot-deals.csv');
    emu.run('menuConvert');
    importFixture(emu, 'hubspot-companies.csv');
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    return { emu, shown: emu.ui.dialogs[seen]?.message ?? '', done: emu.ui.dialogs.at(-1)?.message ?? '' };
  }

  it('puts each company’s industry and employees onto its deals, matched by company, and says so first', () => {
    const { emu, shown, done } = joined();
    expect(shown).toMatch(/accounts.*5 of its 6 companies.*5 deals.*Initrode/s);
    const byId = Object.fromEntries(records(emu).map((r) => [r['Deal ID'], [r['Industry'], r['Employees']]]));
    expect(byId).toEqual({
      '9001': ['Computer Software', 120],
      '9002': ['Machinery', 5400],
      '9003': ['Computer Software', 800],
      '9004': ['Internet', ''],
      '9005': ['', ''],
      '9006': ['Defense & Space', 20000],
    });
    expect(done).toMatch(/5 deals updated/);
    // Nothing of the companies file becomes a deal; the changes are in History, once each.
    expect(records(emu)).toHaveLength(6);
    const logged = records(emu, 'History').filter(
      (h) => h['Field'] === 'Industry' || h['Field'] === 'Employees',
    );
    expect(logged.map((h) => `${h['Deal ID']} ${h['Field']} ${h['To']}`).sort()).toEqual([
      '9001 Employees 120',
      '9001 Industry Computer Software',
      '9002 Employees 5400',
      '9002 Industry Machinery',
      '9003 Employees 800',
      '9003 Industry Computer Software',
      '9004 Industry Internet',
      '9006 Employees 20000',
      '9006 Industry Defense & Space',
    ]);
  });

  it('is refused into a CRM with no deals yet, with what to do', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    importFixture(emu, 'hubspot-companies.csv');
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/companies.*Convert your deals first/);
    expect(records(emu)).toHaveLength(0);
  });
});

describe('a warehouse dump with is_won and is_closed flags beside the stage', () => {
  it('takes a won flag as Won and a closed one not won as Lost, whatever the stage is called, and reads 1.25E+05 and nan', () => {
    const { emu, shown } = convert('warehouse-flags.csv');
    expectClean(emu, shown);
    expect(shown).toMatch(/"is_won" says which deals were won and J "is_closed" which were closed/);
    expect(deals(emu, 'Deal ID')).toEqual({
      '1001': ['Acme renewal', 'Acme', 'Ann Lee', 'Negotiation', 125000, '2027-01-15', '2026-01-05'],
      '1002': ['Beta new logo', 'Beta', 'Bob Ray', 'Won', 85000, '2026-04-01', '2025-11-01'],
      '1003': ['Gamma pilot', 'Gamma', 'Ann Lee', 'Lost', '', '2026-03-01', '2025-10-11'],
      '1004': ['Delta expansion', 'Delta', 'Bob Ray', 'Negotiation', 42000, '', '2026-02-01'],
      '1005': ['Epsilon new logo', 'Epsilon', 'Ann Lee', 'Lost', 15000, '2026-06-30', '2026-02-11'],
    });
    // "Closed" named only closed deals: it is no stage of the pipeline.
    expect(stagesOf(emu).map((s) => s[0])).not.toContain('Closed');
    // Nothing is flagged as unreadable: "nan" and "NaT" are a dump's empty cells.
    for (const r of records(emu)) expect(String(r['Check'])).not.toMatch(/not a valid/);
  });
});

describe('a Salesforce report with its Closed and Won checkboxes', () => {
  it('types a stage by the flags of each row: a closed deal not won is Lost, the same stage open stays open; a won stage keeps its name', () => {
    const { emu, shown } = convert('salesforce-report-flags.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal')).toEqual({
      'Globex platform': [
        'Globex platform',
        'Globex',
        'Jane Cole',
        'Contract Signed',
        48000,
        '2026-03-31',
        '2026-01-12',
      ],
      'Initech pilot': ['Initech pilot', 'Initech', 'Jane Cole', 'Lost', 12500, '2026-02-27', '2025-11-03'],
      'Umbrella rollout': [
        'Umbrella rollout',
        'Umbrella',
        'Tom Park',
        'Technical Review',
        90000,
        '2027-06-30',
        '2026-09-14',
      ],
      'Hooli renewal': ['Hooli renewal', 'Hooli', 'Tom Park', 'Stalled', 30000, '2026-05-15', '2026-02-02'],
    });
    const typeOf = (name: string) => stagesOf(emu).find((s) => s[0] === name)?.[1];
    expect([typeOf('Stalled'), typeOf('Contract Signed')]).toEqual(['Open', 'Won']);
  });
});

describe('exports that carry deleted records', () => {
  it('leaves out a database dump’s rows marked deleted, and says which, the backup keeping them', () => {
    const { emu, shown, done } = convert('sugarcrm-with-deleted.csv');
    expect(shown).toContain(
      '2 rows are marked deleted (D "deleted": rows 3, 5): not converted (the original keeps them)',
    );
    expect(done).toContain('2 rows are marked deleted');
    expect(Object.keys(deals(emu, 'Deal ID')).sort()).toEqual(['a1', 'a3']);
    const backup = emu.ss.getSheets().find((s) => /backup/.test(s.getName()))!;
    expect(emu.values(backup.getName()).map((r) => r[0])).toEqual(['id', 'a1', 'a2', 'a3', 'a4']);
  });

  it('leaves out a Pipedrive deal whose status is deleted, rather than counting it open', () => {
    const { emu, shown } = convert('pipedrive-with-deleted.csv');
    expect(shown).toContain('1 row is marked deleted (H "Deal - Status": row 3)');
    expect(deals(emu, 'Deal ID')).toEqual({
      '101': [
        'Umbrella rollout',
        'Umbrella Corp',
        'Ana Ortiz',
        'Proposal Made',
        25000,
        '2026-12-15',
        '2026-09-01',
      ],
      '103': ['Initech renewal', 'Initech', 'Ana Ortiz', 'Won', 14000, '2026-10-20', '2026-07-01'],
    });
  });
});

describe('an Insightly and a Capsule export', () => {
  it('reads Insightly’s Opportunity State (won, abandoned, suspended), Forecast Close Date and Probability Of Winning', () => {
    const { emu, shown } = convert('insightly-opportunities.csv');
    expectClean(emu, shown);
    expect(deals(emu, 'Deal')).toEqual({
      'Acme renewal': ['Acme renewal', 'Acme', 'Ann Lee', 'Proposal', 10000, '2027-01-15', '2026-10-02'],
      'Beta pilot': ['Beta pilot', 'Beta', 'Bob Ray', 'Discovery', 4000, '2026-12-20', '2026-09-01'],
      'Gamma deal': ['Gamma deal', 'Gamma', 'Ann Lee', 'Lost', 9000, '2026-10-30', '2026-07-01'],
      'Delta new': ['Delta new', 'Delta', 'Bob Ray', 'Won', 15000, '2026-11-15', '2026-08-01'],
    });
    // As the export wrote them (an abandoned deal keeps the 80% it had): a closed deal's is not weighted.
    expect(records(emu).map((r) => r['Probability'])).toEqual([0.6, 0.2, 0.8, 1]);
  });

  it('reads Capsule’s Milestone as the stage and its Party as the company', () => {
    const { emu, shown } = convert('capsule-opportunities.csv');
    expect(shown).toMatch(/Stage ← D "Milestone" \(from its header\)/);
    expect(records(emu).map((r) => [r['Company'], r['Stage']])).toEqual([
      ['Acme Ltd', 'Proposal'],
      ['Beta plc', 'Won'],
      ['Gamma Co', 'Lost'],
      ['Delta Inc', 'Negotiation'],
    ]);
  });
});

describe('a Keap and a Zendesk Sell export', () => {
  it('reads Keap’s Win/Loss beside a stage called Closed: won and lost, not open', () => {
    const { emu, shown } = convert('keap-opportunities.csv');
    expect(shown).toMatch(/J "Win\/Loss" says which deals are won or lost/);
    expect(records(emu).map((r) => [r['Deal'], r['Stage'], r['Lost reason']])).toEqual([
      ['Acme website', 'Proposal Sent', ''],
      ['Beta SEO', 'Won', ''],
      ['Gamma ads', 'Lost', 'Went with competitor'],
    ]);
    expect(stagesOf(emu).map((s) => s[0])).not.toContain('Closed');
  });

  it('reads Zendesk Sell’s win likelihood as the probability and its last stage change as Stage entered', () => {
    const { emu } = convert('zendesk-sell-deals.csv');
    const acme = records(emu).find((r) => r['Deal'] === 'Acme expansion')!;
    expect(acme['Probability']).toBe(0.4);
    expect(day(acme['Stage entered'])).toBe('2026-10-05');
  });
});

describe('a sales board kept in Trello or ClickUp', () => {
  it('reads a Trello card’s name and members as the deal and its owner, and asks about the due date', () => {
    const { emu, shown } = convert('trello-board.csv');
    expect(shown).toMatch(/Deal ← B "Card Name"/);
    // A due date is no close date in an invoice or task file, which must not become deals: the preview asks.
    expect(shown).toMatch(/Close date: not found\./);
    expect(records(emu).map((r) => [r['Deal'], r['Owner'], r['Stage']])).toEqual([
      ['Acme - website rebuild ($12k)', 'Ann Lee', 'Proposal sent'],
      ['Beta - SEO retainer ($5k)', 'Bob Ray', 'Won'],
      ['Gamma - ads ($7k)', 'Ann Lee', 'Lost'],
      ['Delta - app ($40k)', 'Bob Ray', 'Negotiating'],
    ]);
  });

  it('reads ClickUp’s custom fields under their names, the type in brackets aside', () => {
    const { emu, shown } = convert('clickup-list.csv');
    expect(shown).toMatch(/Company ← H "Company \(short text\)" \(from its header\)/);
    expect(shown).toMatch(/Amount ← G "Deal Value \(currency\)" \(from its header\)/);
    // Assignees come as a list ("[Ann Lee]"): one person in it is the owner.
    expect(records(emu).map((r) => [r['Deal'], r['Company'], r['Owner'], r['Amount']])).toEqual([
      ['Acme website', 'Acme', 'Ann Lee', 12000],
      ['Beta SEO', 'Beta', 'Bob Ray', 5000],
      ['Gamma ads', 'Gamma', 'Ann Lee', 7000],
    ]);
    expect(emu.values('CRM Settings').some((r) => r.includes('[Ann Lee]'))).toBe(false);
  });
});

describe('a Salesforce report exported with its footer', () => {
  it('leaves out the lines after the deals (grand total, title, copyright, confidentiality, who made it), and says so', () => {
    const { emu, shown, done } = convert('salesforce-report-footer.csv');
    expectClean(emu, shown);
    expect(shown).toContain(
      '6 rows after the deals are the export\'s footer (row 6 "Grand Totals (3 records)", row 8 "Opportunity Pipeline", row 9 "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.", …): not converted (the original keeps them)',
    );
    // Before, they became four rows of Deals with a Deal ID of their text, and the blanks under the
    // deals' Stage and Account were taken for merged cells ("E = fill down").
    expect(shown).not.toContain('fill down');
    expect(done).toContain("6 rows after the deals are the export's footer");
    expect(deals(emu, 'Deal ID')).toEqual({
      '0065g00000B7x1A': ['Globex platform', 'Globex', 'Jane Cole', 'Won', 48000, '2026-03-31', '2026-01-12'],
      '0065g00000B7x1B': [
        'Initech pilot',
        'Initech',
        'Jane Cole',
        'Negotiation/Review',
        12500,
        '2027-01-29',
        '2025-11-03',
      ],
      '0065g00000B7x1C': [
        'Umbrella rollout',
        'Umbrella',
        'Tom Park',
        'Proposal/Price Quote',
        90000,
        '2027-06-30',
        '2026-09-14',
      ],
    });
    const backup = emu.ss.getSheets().find((s) => /backup/.test(s.getName()))!;
    expect(emu.values(backup.getName()).at(-1)).toEqual(['Acme Inc', '', '', '', '', '', '', '']);
  });

  it("keeps a last row holding only a deal's name when nothing marks it as a footer", () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const sheet = emu.ss.addSheet('Pipeline');
    const rows = [
      ['Deal', 'Company', 'Stage', 'Amount'],
      ['Globex platform', 'Globex', 'Proposal', '48000'],
      ['', '', '', ''],
      ['Hooli renewal', '', '', ''],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
    expect(records(emu).map((r) => r['Deal'])).toEqual(['Globex platform', 'Hooli renewal']);
  });
});

describe('a HubSpot export of two pipelines', () => {
  it('says the pipelines are merged into one list of stages, and takes Renewed as Won', () => {
    const { emu, shown } = convert('hubspot-two-pipelines.csv');
    expect(shown).toContain(
      'C "Pipeline" names 2 pipelines (Sales Pipeline: 4 deals, Renewals: 4 deals). The CRM keeps one list of stages',
    );
    // Before, Renewed was an open stage at 50%: a renewal closed on 15 November sat in the pipeline.
    const typeOf = (name: string) => stagesOf(emu).find((s) => s[0] === name)?.[1];
    expect(typeOf('Renewed')).toBe('Won');
    expect(typeOf('Churned')).toBe('Lost');
    expect(typeOf('Renewal Due')).toBe('Open');
    const wayne = records(emu).find((r) => r['Deal'] === 'Wayne renewal')!;
    expect([wayne['Stage'], wayne['Pipeline']]).toEqual(['Renewed', 'Renewals']);
  });
});

describe('a Salesforce export with its forecast categories', () => {
  it('counts a "Best Case" deal as Best case (it fell out of the forecast as if Omitted, with no word)', () => {
    const { emu, shown } = convert('salesforce-forecast-categories.csv');
    expect(shown).toContain('G "Forecast Category" → Forecast category');
    emu.run('menuRefresh');
    // By hand from the file (today 23 November 2026, six months to April): Globex 48,000 Commit at
    // 90% closes in January, Initech 12,500 Best Case at 75% in February, Umbrella 90,000 Pipeline at
    // 10% in March; Wayne is Omitted.
    const next6 = tableUnder(emu, 'Forecast', 'Horizon').find((r) => r['Horizon'] === 'Next 6 months')!;
    expect([next6['Commit'], next6['Best case'], next6['Pipeline']]).toEqual([48000, 12500, 90000]);
    expect(next6['Weighted']).toBeCloseTo(48000 * 0.9 + 12500 * 0.75 + 90000 * 0.1, 6);
    expect(records(emu).every((r) => !/Forecast category/.test(String(r['Check'])))).toBe(true);
  });
});

describe('a home-made sheet with a row pasted twice', () => {
  it('says before converting that two rows are the same and would count twice', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const sheet = emu.ss.addSheet('Pipeline');
    const rows = [
      ['Deal', 'Company', 'Stage', 'Amount', 'Close Date'],
      ['Globex platform', 'Globex', 'Proposal', '48000', '2027-01-15'],
      ['Initech pilot', 'Initech', 'Negotiation', '12500', '2027-02-01'],
      ['Globex platform', 'Globex', 'Proposal', '48000', '2027-01-15'],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    expect(emu.ui.dialogs[seen].message).toContain(
      'rows 2 and 4 are the same in every cell, and there is no Deal ID to tell them apart',
    );
    // Both are converted (two deals alike may be two deals), and the Check names each's twin.
    expect(records(emu).map((r) => r['Deal'])).toEqual([
      'Globex platform',
      'Initech pilot',
      'Globex platform',
    ]);
    const twin = (row: number) =>
      `Same deal, company, owner, stage, amount and close date as row ${row}: if it is one deal, delete a row`;
    expect(records(emu).map((r) => String(r['Check']))).toEqual([
      expect.stringContaining(twin(4)),
      expect.not.stringContaining('Same deal'),
      expect.stringContaining(twin(2)),
    ]);
    expect(emu.ui.dialogs.at(-1)!.message).toContain('2 rows: the same deal on another row (pasted twice?)');
    // One of them given another amount: the next refresh finds no twin.
    type(emu, 'Amount', 4, '52000');
    emu.run('menuRefresh');
    expect(records(emu).every((r) => !String(r['Check']).includes('Same deal'))).toBe(true);
  });
});
