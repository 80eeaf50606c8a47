// Stage names whose words mislead: a won word after an event ("Demo booked", "NDA signed"), stages
// after the sale or for leads thrown out that say neither won nor lost ("Paid", "Junk"), and closed
// words that say neither ("Closed", "Archived"), which the preview asks about. Every expected type is
// written out by hand.
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { closedTypeOf, proposeStages, type SeenStage } from '../../../src/domain/import/stageAdoption';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { reasonInStage } from '../../../src/domain/import/stageReasons';

const current = defaultSettings('o@example.com').stages;
const seen = (value: string, more: Partial<SeenStage> = {}): SeenStage => ({
  value,
  probabilities: [],
  ...more,
});
const typesOf = (p: ReturnType<typeof proposeStages>) =>
  Object.fromEntries(p.added.map((s) => [s.name, s.type]));

describe('a won word after an event is no outcome', () => {
  it.each([
    ['Demo booked', null],
    ['Meeting booked', null],
    ['Call booked', null],
    ['Discovery call booked', null],
    ['Trial booked', null],
    ['Intro meeting booked', null],
    ['NDA signed', null],
    ['MNDA signed', null],
    ['LOI signed', null],
    ['Verbal win', null],
    ['Demo scheduled', null],
    ['Onsite booked', null],
    ['Consultation booked', null],
    ['Signed up', null],
    ['Trial signed up', null],
    ['Renewal booked', 'Won'],
    // Still outcomes: the sale itself booked or signed.
    ['Booked', 'Won'],
    ['Signed', 'Won'],
    ['Contract signed', 'Won'],
    ['Revenue booked', 'Won'],
    ['Closed won - pilot', 'Won'],
    ['Demo - not signed', 'Lost'],
  ])('reads "%s" as %s', (name, type) => {
    expect(closedTypeOf(name, IMPORT_WORDS)).toBe(type);
  });

  it('places such a stage in the pipeline as an open one', () => {
    const p = proposeStages(
      ['Meeting booked', 'Demo booked', 'NDA signed', 'Verbal win', 'Won'].map((v) => seen(v)),
      current,
      true,
      IMPORT_WORDS,
    );
    expect(typesOf(p)).toEqual({
      'Meeting booked': 'Open',
      'Demo booked': 'Open',
      'NDA signed': 'Open',
      'Verbal win': 'Open',
    });
    // In order: a meeting and a demo, then the NDA, then a verbal commitment.
    expect(p.stages.filter((s) => s.type === 'Open').map((s) => s.name)).toEqual([
      'Meeting booked',
      'Demo booked',
      'NDA signed',
      'Verbal win',
    ]);
    expect(p.unsure).toEqual([]);
  });
});

describe('lost stages in the languages teams write', () => {
  it.each([
    'Kein Interesse',
    'Pas intéressé',
    'Sin interés',
    'No interesado',
    'Sem interesse',
    'Geen interesse',
    'Ikke interesseret',
    'Inte intresserad',
    'Non interessato',
    'Disqualifiziert',
    'Nicht qualifiziert',
    'Disqualifié',
    'Descalificado',
    'Squalificato',
    'Abgelehnt',
    'Refusé',
    'Recusado',
    'Afgewezen',
    'Afvist',
    'Avslag',
    'Rifiutato',
    'Storniert',
    'Annullato',
  ])('reads "%s" as Lost', (name) => {
    expect(closedTypeOf(name, IMPORT_WORDS)).toBe('Lost');
  });

  it('types an order placed as won, and an interest or a qualification as open', () => {
    const p = proposeStages(
      [
        'Auftrag erteilt',
        'Commande',
        'Pedido',
        'Bestelling',
        'Interessiert',
        'Qualifiziert',
        'Intéressé',
      ].map((v) => seen(v)),
      current,
      true,
      IMPORT_WORDS,
    );
    expect(typesOf(p)).toEqual({
      'Auftrag erteilt': 'Won',
      Commande: 'Won',
      Pedido: 'Won',
      Bestelling: 'Won',
      Interessiert: 'Open',
      Qualifiziert: 'Open',
      Intéressé: 'Open',
    });
  });
});

describe('stages after the sale, and leads thrown out', () => {
  it('types them Won and Lost, and a stage that only names an event stays open', () => {
    const names = [
      'Paid',
      'Invoiced',
      'Customer',
      'Onboarding',
      'Go live',
      'Order received',
      'PO received',
      'Contract executed',
      'Closed - Paid',
      'Junk',
      'Spam',
      'Duplicate',
      'Invalid',
      'Expired',
      'Timed out',
      'Went dark',
      'Customer meeting',
      'Client call',
      'Invoice questions',
    ];
    const p = proposeStages(
      names.map((v) => seen(v)),
      current,
      true,
      IMPORT_WORDS,
    );
    expect(typesOf(p)).toEqual({
      Paid: 'Won',
      Invoiced: 'Won',
      Customer: 'Won',
      Onboarding: 'Won',
      'Go live': 'Won',
      'Order received': 'Won',
      'PO received': 'Won',
      'Contract executed': 'Won',
      'Closed - Paid': 'Won',
      Junk: 'Lost',
      Spam: 'Lost',
      Duplicate: 'Lost',
      Invalid: 'Lost',
      Expired: 'Lost',
      'Timed out': 'Lost',
      'Went dark': 'Lost',
      'Customer meeting': 'Open',
      'Client call': 'Open',
      'Invoice questions': 'Open',
    });
    expect(p.unsure).toEqual([]);
  });
});

describe('a closed word that says neither won nor lost', () => {
  it('takes the likelier type and names it among the stages to confirm, with its rows', () => {
    const p = proposeStages(
      [
        seen('Qualified', { rows: 4 }),
        seen('Closed', { rows: 12 }),
        seen('Done', { rows: 2 }),
        seen('Archived', { rows: 3 }),
        seen('Inactive', { rows: 1 }),
        seen('Live', { rows: 4 }),
      ],
      current,
      true,
      IMPORT_WORDS,
    );
    expect(typesOf(p)).toEqual({
      Closed: 'Won',
      Done: 'Won',
      Archived: 'Lost',
      Inactive: 'Lost',
      Live: 'Won',
    });
    expect(p.unsure).toEqual([
      { name: 'Closed', type: 'Won', rows: 12 },
      { name: 'Done', type: 'Won', rows: 2 },
      { name: 'Archived', type: 'Lost', rows: 3 },
      { name: 'Inactive', type: 'Lost', rows: 1 },
      { name: 'Live', type: 'Won', rows: 4 },
    ]);
  });

  it('takes the type the export’s other closed stages leave out, still to confirm', () => {
    const propose = (values: string[]) =>
      proposeStages(
        values.map((v) => seen(v, { rows: 2 })),
        current,
        true,
        IMPORT_WORDS,
      ).unsure;
    expect(propose(['Qualified', 'Closed Won', 'Closed'])).toEqual([
      { name: 'Closed', type: 'Lost', rows: 2 },
    ]);
    expect(propose(['Qualified', 'Won', 'Done'])).toEqual([{ name: 'Done', type: 'Lost', rows: 2 }]);
    expect(propose(['Qualified', 'Disqualified', 'Archived'])).toEqual([
      { name: 'Archived', type: 'Won', rows: 2 },
    ]);
    // Both or neither beside it: the word's own leaning.
    expect(propose(['Won', 'Lost', 'Archived'])).toEqual([{ name: 'Archived', type: 'Lost', rows: 2 }]);
    expect(propose(['Qualified', 'Closed'])).toEqual([{ name: 'Closed', type: 'Won', rows: 2 }]);
  });

  it('is sure when its deals say: a lost reason on most of them, or all at 0% or 100%', () => {
    const p = proposeStages(
      [
        seen('Closed', { rows: 10, lostReasons: 7 }),
        seen('Done', { rows: 3, probabilities: [1, 1, 1] }),
        seen('Archived', { rows: 4, probabilities: [0, 0, 0, 0] }),
        seen('Completed', { rows: 6, lostReasons: 2 }),
      ],
      current,
      true,
      IMPORT_WORDS,
    );
    expect(typesOf(p)).toEqual({ Closed: 'Lost', Done: 'Won', Archived: 'Lost', Completed: 'Won' });
    expect(p.unsure).toEqual([{ name: 'Completed', type: 'Won', rows: 6 }]);
  });

  it('leaves it open where a status column says its rows are open', () => {
    const p = proposeStages([seen('Closed', { rows: 5, statusOpen: true })], current, true, IMPORT_WORDS);
    expect(typesOf(p)).toEqual({ Closed: 'Open' });
    expect(p.unsure).toEqual([]);
  });

  it('takes the type a person said ("stage Closed = Lost"), over words and evidence alike', () => {
    const p = proposeStages(
      [
        seen('Closed', { rows: 5 }),
        seen('Demo booked'),
        seen('Signed'),
        seen('Paid', { probabilities: [1] }),
      ],
      current,
      true,
      IMPORT_WORDS,
      { said: { closed: 'Lost', 'demo booked': 'Won', signed: 'Open', paid: 'Lost' } },
    );
    expect(typesOf(p)).toEqual({ Closed: 'Lost', 'Demo booked': 'Won', Signed: 'Open', Paid: 'Lost' });
    expect(p.unsure).toEqual([]);
  });
});

describe('a lost stage that names its reason', () => {
  const reasons = defaultSettings('o@example.com').lostReasons;
  it.each([
    ['Closed Lost to Competition', 'Lost to competitor'],
    ['Lost - Price', 'Price'],
    ['Lost (No decision)', 'No decision'],
    ['Lost: pricing', 'Price'],
    ['Closed lost - timing', 'Timed out'],
    ['Lost to competitor', 'Lost to competitor'],
    ['Lost – product gap', 'Product gap'],
    ['Perdu - status quo', 'Chose status quo'],
    // No reason, or one CRM Settings does not list, or no lost word first.
    ['Lost - Legal', null],
    ['Lost', null],
    ['Closed Lost', null],
    ['Price', null],
    ['Disqualified', null],
    ['Price review', null],
  ])('reads "%s" as the reason %s', (value, reason) => {
    expect(reasonInStage(value, reasons)).toBe(reason);
  });

  it('prefers a reason CRM Settings lists by that very name over the usual words for another', () => {
    expect(reasonInStage('Lost - budget', [...reasons, { name: 'Budget', requiresCompetitor: false }])).toBe(
      'Budget',
    );
    // No budget is not the price: a reason of its own, or none.
    expect(reasonInStage('Lost - budget', reasons)).toBeNull();
    expect(reasonInStage('Closed - Lost (No Budget)', reasons)).toBeNull();
  });

  it('maps such a value to the Lost stage with its reason; others stay stages of their own', () => {
    const p = proposeStages(
      ['Qualified', 'Closed Lost to Competition', 'Lost - Price', 'Lost - Legal'].map((v) => seen(v)),
      current,
      true,
      IMPORT_WORDS,
      { reasons },
    );
    expect(typesOf(p)).toEqual({ 'Lost - Legal': 'Lost' });
    expect(p.stageOf.get('closed lost to competition')).toBe('Lost');
    expect(p.stageOf.get('lost price')).toBe('Lost');
    expect([...p.reasonOf]).toEqual([
      ['closed lost to competition', 'Lost to competitor'],
      ['lost price', 'Price'],
    ]);
  });

  it('leaves a value alone that CRM Settings already holds as a stage, or that a person typed', () => {
    const withOwn = [...current, { ...current.find((s) => s.type === 'Lost')!, name: 'Lost - Price' }];
    expect(
      proposeStages([seen('Lost - Price')], withOwn, false, IMPORT_WORDS, { reasons }).reasonOf.size,
    ).toBe(0);
    const said = proposeStages([seen('Lost - Price')], current, true, IMPORT_WORDS, {
      reasons,
      said: { 'lost price': 'Lost' },
    });
    expect(said.reasonOf.size).toBe(0);
    expect(typesOf(said)).toEqual({ 'Lost - Price': 'Lost' });
  });
});
