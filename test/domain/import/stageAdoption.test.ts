import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
// Closed stages as teams write them in other languages, and as their own probabilities say.
import { closedTypeOf, proposeStages, rowStatus } from '../../../src/domain/import/stageAdoption';
import { proposeImportMapping } from '../../../src/domain/import/importMapping';
import { defaultSettings } from '../../../src/shared/defaultSettings';

describe('closed stages in the languages teams write', () => {
  it.each([
    ['Cerrada Ganada', 'Won'],
    ['Ganado', 'Won'],
    ['Fechado Ganho', 'Won'],
    ['Gagné', 'Won'],
    ['Gewonnen', 'Won'],
    ['Vinto', 'Won'],
    ['Cerrada Perdida', 'Lost'],
    ['Perdido', 'Lost'],
    ['Cancelado', 'Lost'],
    ['Perdu', 'Lost'],
    ['Annulée', 'Lost'],
    ['Verloren', 'Lost'],
    ['Perso', 'Lost'],
    ['Tabt', 'Lost'],
    ['Förlorad', 'Lost'],
    ['Tapt', 'Lost'],
    ['Vundet', 'Won'],
    ['Vunnen', 'Won'],
    ['Not interested', 'Lost'],
    ['Declined', 'Lost'],
    ['Out-Sold', 'Lost'],
    ['Lost to competitor', 'Lost'],
    ['No go', 'Lost'],
    ['Bad fit', 'Lost'],
    ['Unresponsive', 'Lost'],
    ['Ghosted', 'Lost'],
    ['Withdrawn', 'Lost'],
    // A renewals pipeline's outcome, and a won word denied.
    ['Renewed', 'Won'],
    ['Closed - Renewed', 'Won'],
    ['Not renewed', 'Lost'],
    ['Non-renewal', 'Lost'],
    ['Closed not won', 'Lost'],
    ['Not signed', 'Lost'],
    // Sold and not sold, and Polish.
    ['Sold', 'Won'],
    ['Closed - sold', 'Won'],
    ['Vendido', 'Won'],
    ['Vendu', 'Won'],
    ['Verkauft', 'Won'],
    ['Verkocht', 'Won'],
    ['Solgt', 'Won'],
    ['Såld', 'Won'],
    ['Wygrana', 'Won'],
    ['Not sold', 'Lost'],
    ['Unsold', 'Lost'],
    ['Nicht verkauft', 'Lost'],
    ['Przegrana', 'Lost'],
    ['Renewal due', null],
    ['Up for renewal', null],
    ['No answer', null],
    ['Interested', null],
    ['Nurture', null],
    ['On hold', null],
    ['Propuesta', null],
    ['Negociación', null],
    ['Persona de contacto', null],
    ['Qualification', null],
  ])('reads "%s" as %s', (name, type) => {
    expect(closedTypeOf(name, IMPORT_WORDS)).toBe(type);
  });

  it('takes a stage whose deals all sit at 0% or 100% for Lost or Won, unless its name says it is early', () => {
    const { added } = proposeStages(
      [
        { value: 'Fase 1', probabilities: [0.1, 0.1] },
        { value: 'Terminada sin acuerdo', probabilities: [0, 0, 0] },
        { value: 'Firmado', probabilities: [1, 1] },
        { value: 'New lead', probabilities: [0, 0] },
        { value: 'Contract', probabilities: [1] },
      ],
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );
    expect(Object.fromEntries(added.map((s) => [s.name, s.type]))).toEqual({
      'Fase 1': 'Open',
      'New lead': 'Open',
      'Terminada sin acuerdo': 'Lost',
      Firmado: 'Won',
      Contract: 'Won',
    });
  });
});

describe('stages whose whole name says the customer said yes', () => {
  it.each(['Quote accepted', 'Proposal accepted', 'Offer accepted', 'Success', 'Angebot angenommen'])(
    'takes "%s" for Won',
    (value) => {
      const { added } = proposeStages(
        [{ value, probabilities: [] }],
        defaultSettings('o@example.com').stages,
        true,
        IMPORT_WORDS,
      );
      expect(added.map((s) => [s.name, s.type])).toEqual([[value, 'Won']]);
    },
  );

  it('leaves open a stage that only mentions it, or a lead a salesperson accepted ("Accepted", "Sales accepted")', () => {
    const { added } = proposeStages(
      ['Accepted meeting', 'Customer success', 'Accepted', 'Sales accepted'].map((value) => ({
        value,
        probabilities: [],
      })),
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );
    expect(added.map((s) => s.type)).toEqual(['Open', 'Open', 'Open', 'Open']);
  });
});

describe('stages whose whole name says the deal failed', () => {
  it('takes "Failed", Bitrix24’s "Deal failed" and "Analyze failure" for Lost, not "Failed to reach"', () => {
    const { added } = proposeStages(
      ['Failed', 'Deal failed', 'Analyze failure', 'Failed to reach'].map((value) => ({
        value,
        probabilities: [],
      })),
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );
    expect(added.map((s) => [s.name, s.type])).toEqual([
      ['Failed to reach', 'Open'],
      ['Failed', 'Lost'],
      ['Deal failed', 'Lost'],
      ['Analyze failure', 'Lost'],
    ]);
  });
});

describe('stages whose names carry their probability', () => {
  it('takes "10% - Qualify" at 10%, not at a place spread evenly; the deals’ own probabilities first', () => {
    const { added } = proposeStages(
      [
        { value: '10% - Qualify', probabilities: [] },
        { value: 'Propose (50%)', probabilities: [] },
        { value: '90% - Commit', probabilities: [] },
        { value: 'Demo – 30 %', probabilities: [] },
        { value: '20% - Discovery', probabilities: [0.25, 0.25] },
        { value: '100% - Closed Won', probabilities: [] },
      ],
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );
    expect(added.map((s) => [s.name, s.type, s.probability])).toEqual([
      ['10% - Qualify', 'Open', 0.1],
      ['20% - Discovery', 'Open', 0.25],
      ['Demo – 30 %', 'Open', 0.3],
      ['Propose (50%)', 'Open', 0.5],
      ['90% - Commit', 'Open', 0.9],
      ['100% - Closed Won', 'Won', 1],
    ]);
  });

  it('takes a pipeline named by its percentages ("10%" … "90%") in their order, 100% as Won and 0% as Lost', () => {
    const { added } = proposeStages(
      ['10%', '50%', '25 %', '100%', '0%', '90%'].map((value) => ({ value, probabilities: [] })),
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );
    expect(added.map((s) => [s.name, s.type, s.probability])).toEqual([
      ['10%', 'Open', 0.1],
      ['25 %', 'Open', 0.25],
      ['50%', 'Open', 0.5],
      ['90%', 'Open', 0.9],
      ['100%', 'Won', 1],
      ['0%', 'Lost', 0],
    ]);
  });
});

describe('values CRM Settings could not take as stages', () => {
  const propose = (values: string[]) =>
    proposeStages(
      values.map((value) => ({ value, probabilities: [] })),
      defaultSettings('o@example.com').stages,
      true,
      IMPORT_WORDS,
    );

  it('keeps a long or multi-line value out of the stages, so that Settings stays valid', () => {
    const long = `Stage ${'x'.repeat(120)}`;
    const multi = 'Negotiation\nsee notes of 3/4';
    const p = propose(['Discovery', long, multi]);
    expect(p.added.map((s) => s.name)).toEqual(['Discovery']);
    expect(p.notAdopted).toEqual([long, 'Negotiation see notes of 3/4']);
    for (const s of p.stages) expect(s.name.length).toBeLessThanOrEqual(100);
  });

  it('adopts none of a column of free text (more new values than a pipeline has)', () => {
    const p = propose(Array.from({ length: 41 }, (_, i) => `Call note ${i}`));
    expect(p.added).toEqual([]);
    expect(p.notAdopted).toHaveLength(41);
    expect(p.stageOf.size).toBe(0);
  });
});

describe('the order of stages an export brings', () => {
  // Salesforce gives Prospecting and Qualification the same 10%: the words decide, not which came
  // first in the file (issue 28).
  it('places stages of equal probability by the usual words of a pipeline', () => {
    const current = defaultSettings('o@example.com').stages;
    const seen = [
      { value: 'Qualification', probabilities: [0.1, 0.1] },
      { value: 'Negotiation/Review', probabilities: [0.9] },
      { value: 'Prospecting', probabilities: [0.1] },
      { value: 'Needs Analysis', probabilities: [0.2] },
      { value: 'Closed Won', probabilities: [1] },
    ];
    const open = proposeStages(seen, current, true, IMPORT_WORDS).stages.filter((s) => s.type === 'Open');
    expect(open.map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Negotiation/Review',
    ]);
  });

  // With no probabilities in the file, the vendors' own default pipelines decide where words would
  // not: Pipedrive puts Qualified before Contact Made, and HubSpot's stages carry few telling words.
  it.each([
    [
      'Pipedrive',
      ['Proposal Made', 'Contact Made', 'Negotiations Started', 'Qualified', 'Demo Scheduled'],
      ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'],
    ],
    [
      'HubSpot',
      [
        'Decision Maker Bought-In',
        'Contract Sent',
        'Appointment Scheduled',
        'Presentation Scheduled',
        'Qualified To Buy',
      ],
      [
        'Appointment Scheduled',
        'Qualified To Buy',
        'Presentation Scheduled',
        'Decision Maker Bought-In',
        'Contract Sent',
      ],
    ],
    [
      'Salesforce',
      [
        'Perception Analysis',
        'Value Proposition',
        'Id. Decision Makers',
        'Proposal/Price Quote',
        'Prospecting',
      ],
      [
        'Prospecting',
        'Value Proposition',
        'Id. Decision Makers',
        'Perception Analysis',
        'Proposal/Price Quote',
      ],
    ],
  ])(
    'orders %s’s default stages as that CRM does when the file gives no probabilities',
    (_, values, order) => {
      const current = defaultSettings('o@example.com').stages;
      const seen = values.map((value) => ({ value, probabilities: [] }));
      const open = proposeStages(seen, current, true, IMPORT_WORDS).stages.filter((s) => s.type === 'Open');
      expect(open.map((s) => s.name)).toEqual(order);
    },
  );
});

describe('a Won flag with a Closed flag beside the stage (Salesforce IsWon / IsClosed)', () => {
  const header = ['Name', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon'];
  const rows = [
    ['A', 'Signed', 100, '2026-01-01', 'true', 'true'],
    ['B', 'Closed', 200, '2026-01-02', 'TRUE', 'FALSE'],
    ['C', 'Discovery', 300, '2026-01-03', 'false', 'false'],
    ['D', 'Discovery', 400, '2026-01-04', '0', '0'],
  ];
  const mapping = proposeImportMapping(
    [header, ...rows],
    defaultSettings('o@x.com').stages,
    'en_US',
    'UTC',
    IMPORT_WORDS,
  );

  it('finds both flags, and leaves CloseDate the close date', () => {
    expect([mapping.statusKind, mapping.statusColumn, mapping.closedColumn]).toEqual(['won', 5, 4]);
    expect(mapping.map.columns.closeDate).toBe(3);
  });

  it('reads each row: won, closed and not won (lost), open', () => {
    expect(rows.map((r) => rowStatus(mapping, r))).toEqual(['Won', 'Lost', 'Open', 'Open']);
    // Without its Closed flag, a Won flag that is false says nothing: the row keeps its stage.
    expect(rowStatus({ ...mapping, closedColumn: null }, rows[1])).toBe('Open');
  });
});

describe('checkbox columns as Airtable and Notion export them', () => {
  const header = ['Name', 'Stage', 'Amount', 'Won', 'Closed'];
  const rows = [
    ['A', 'Signed', 100, 'checked', 'checked'],
    ['B', 'Parked', 200, '', 'checked'],
    ['C', 'Parked', 300, '', ''],
    ['D', 'Discovery', 400, '✓', '✓'],
  ];
  it('reads "checked" and a tick as yes and a blank as no', () => {
    const m = proposeImportMapping(
      [header, ...rows],
      defaultSettings('o@x.com').stages,
      'en_US',
      'UTC',
      IMPORT_WORDS,
    );
    expect([m.statusKind, m.statusColumn, m.closedColumn]).toEqual(['won', 3, 4]);
    expect(rows.map((r) => rowStatus(m, r))).toEqual(['Won', 'Lost', 'Open', 'Won']);
  });
});

describe('a Lost flag before a Won flag', () => {
  it('reads the Won flag as the status and the Lost flag beside it, each row as its flags say', () => {
    const values = [
      ['Deal', 'Stage', 'Amount', 'Lost', 'Won'],
      ['A', 'Proposal', '100', 'FALSE', 'FALSE'],
      ['B', 'Proposal', '200', 'TRUE', 'FALSE'],
      ['C', 'Negotiation', '300', 'FALSE', 'TRUE'],
      ['D', 'Qualified', '400', '', ''],
    ];
    const m = proposeImportMapping(
      values,
      defaultSettings('o@example.com').stages,
      'en_US',
      'UTC',
      IMPORT_WORDS,
    );
    expect([m.statusColumn, m.statusKind, m.closedColumn, m.closedIsLost]).toEqual([4, 'won', 3, true]);
    expect(values.slice(1).map((r) => rowStatus(m, r))).toEqual(['Open', 'Lost', 'Won', 'Open']);
  });
});
