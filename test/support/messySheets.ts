// Random messy exports with their truth: each column has a meaning and each cell the value a person
// meant (a number, a calendar day, a stage name, or text). Headers and renderings follow real exports;
// the truth is known by construction, so tests judge the conversion without the product's parsers.
import fc from 'fast-check';

export type Meaning =
  | 'deal'
  | 'company'
  | 'owner'
  | 'stage'
  | 'amount'
  | 'closeDate'
  | 'created'
  | 'probability'
  | 'email'
  | 'notes'
  | 'extra';

/** What a person meant by a cell. */
export type Truth =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'day'; y: number; m: number; d: number }
  | { kind: 'stage'; value: string };

export interface MessyColumn {
  meaning: Meaning;
  header: string;
}

export interface MessySheet {
  /** Rows as they sit in the tab: title rows, the header, then data rows (with groups' headers). */
  values: (string | number)[][];
  headerRow: number;
  columns: MessyColumn[];
  /** Truth per data row and column (null for an empty cell). */
  truth: (Truth | null)[][];
}

const HEADERS: Record<Exclude<Meaning, 'extra'>, string[]> = {
  deal: ['Deal Name', 'Opportunity Name', 'Deal - Title', 'deal_name', 'dealName', 'Title', 'Deal'],
  company: ['Company', 'Account Name', 'Deal - Organization', 'account', 'Client', 'Organization'],
  owner: [
    'Deal owner',
    'Opportunity Owner',
    'sales_agent',
    'Rep',
    'Salesperson',
    'Deal - Owner',
    'Assigned To',
    'Owner',
  ],
  stage: ['Stage', 'Deal Stage', 'deal_stage', 'Deal - Stage', 'Pipeline Stage'],
  amount: ['Amount', 'Deal - Value', 'close_value', 'Value', 'Revenue', 'ACV', 'Deal Size'],
  closeDate: ['Close Date', 'Expected close date', 'close_date', 'Closing Date', 'closeDate'],
  created: ['Create Date', 'Created Date', 'engage_date', 'Created Time', 'createdAt', 'Date Created'],
  probability: ['Probability (%)', 'Deal - Probability', 'probability', 'Win Probability'],
  email: ['Contact Email', 'Email', 'email_address'],
  notes: ['Notes', 'Description', 'Comments'],
};
const EXTRA_HEADERS = [
  'Region',
  'Pipeline',
  'Tier',
  'Check',
  'Last seen',
  '',
  'Internal ref',
  'Segment',
  'Type',
];
const NAMES = ['Ana Diaz', 'Ben Okafor', 'Cleo Park', 'Dana Lee', 'Eli Moss'];
const STAGES = [
  'Prospecting',
  'Engaging',
  'Talking',
  'Demo Scheduled',
  'Closed Won',
  'closedwon',
  'Won',
  'Lost',
  'Closed Lost',
  'Disqualified',
];
const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'renewal',
  'pilot',
  'Hooli',
  'seats',
  'Umbrella',
  'audit',
  'Café Nord',
  'Bäckerei',
];
const TRICKY = [
  '=SUM(A1:A3)',
  '+44 20 7946',
  '-call back',
  '@ann',
  "'quoted",
  ' padded ',
  '1-10',
  'Jan 5',
  '1/2',
];

/** The stage a value means, written out by hand: closed spellings become Won or Lost. */
export const STAGE_MEANT: Record<string, string> = {
  Prospecting: 'Prospecting',
  Engaging: 'Engaging',
  Talking: 'Talking',
  'Demo Scheduled': 'Demo Scheduled',
  'Closed Won': 'Won',
  closedwon: 'Won',
  Won: 'Won',
  Lost: 'Lost',
  'Closed Lost': 'Lost',
  Disqualified: 'Disqualified',
};

type Style = 'plain' | 'us' | 'eu' | 'number' | 'iso' | 'usDate' | 'euDate' | 'pct' | 'whole';

function renderAmount(n: number, style: Style): string | number {
  const [int, frac] = n.toFixed(2).split('.');
  const grouped = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (style === 'number') return n;
  if (style === 'us') return `$${grouped(',')}.${frac}`;
  if (style === 'eu') return `€${grouped('.')},${frac}`;
  return n.toFixed(2).replace(/\.00$/, '');
}

function renderDay(t: { y: number; m: number; d: number }, style: Style): string {
  const p = (x: number) => String(x).padStart(2, '0');
  if (style === 'usDate') return `${t.m}/${t.d}/${t.y}`;
  if (style === 'euDate') return `${p(t.d)}/${p(t.m)}/${t.y}`;
  return `${t.y}-${p(t.m)}-${p(t.d)}`;
}

const isDate = (m: string) => m === 'closeDate' || m === 'created';

const day = fc.record({
  y: fc.integer({ min: 2019, max: 2028 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
});

/** A random messy export with its truth. */
export const messySheet: fc.Arbitrary<MessySheet> = fc
  .record({
    meanings: fc.subarray(Object.keys(HEADERS) as Exclude<Meaning, 'extra'>[], { minLength: 1 }),
    extras: fc.subarray(EXTRA_HEADERS, { maxLength: 4 }),
    headerPick: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    styles: fc.record({
      amount: fc.constantFrom<Style>('plain', 'us', 'eu', 'number'),
      // One way of writing dates for the file, as an export writes them (Convert reads a column whose
      // own dates could be either way as the file's other dates say: 25/03/2026 makes 01/04/2027 April).
      dates: fc.constantFrom<Style>('iso', 'usDate', 'euDate'),
      probability: fc.constantFrom<Style>('pct', 'whole'),
    }),
    titles: fc.array(fc.constantFrom('Pipeline export', 'Q3 deals – do not edit', 'updated by Jo'), {
      maxLength: 2,
    }),
    blankAfterTitle: fc.boolean(),
    // A grouped export (a board's groups): before some data rows, the header again, under a blank
    // row and the group's title, or alone.
    groups: fc.array(
      fc.record({ at: fc.nat(), title: fc.option(fc.constantFrom('Won', 'Active deals', 'Q3 pipeline')) }),
      { maxLength: 2 },
    ),
    // A report exported as shown: the owner written once above each run of its deals.
    byOwner: fc.boolean(),
    rows: fc.integer({ min: 1, max: 14 }),
    seed: fc.integer(),
  })
  .chain((p) => {
    const meanings: Meaning[] = ['deal', ...p.meanings.filter((m) => m !== 'deal')];
    const order = fc.shuffledSubarray(
      [
        ...meanings.map((m, i) => ({ meaning: m, i, h: '' })),
        ...p.extras.map((h, i) => ({ meaning: 'extra' as Meaning, i: 100 + i, h })),
      ],
      {
        minLength: meanings.length + p.extras.length,
      },
    );
    // A sheet with nothing only deals have (a stage, an amount, a close date, a probability) is told
    // from a contacts or accounts list only by a header naming deals; Convert refuses one without.
    const dealOnly = meanings.some((m) => ['stage', 'amount', 'closeDate', 'probability'].includes(m));
    const headersOf = (m: Exclude<Meaning, 'extra'>) =>
      m === 'deal' && !dealOnly ? HEADERS.deal.filter((h) => /deal|opportunity/i.test(h)) : HEADERS[m];
    return order.chain((cols) => {
      const columns: MessyColumn[] = cols.map((c, k) =>
        c.meaning === 'extra'
          ? { meaning: 'extra', header: c.h }
          : {
              meaning: c.meaning,
              header: headersOf(c.meaning as Exclude<Meaning, 'extra'>)[
                p.headerPick[k % 12] % headersOf(c.meaning as Exclude<Meaning, 'extra'>).length
              ],
            },
      );
      const cell = (m: Meaning, r: number): fc.Arbitrary<{ raw: string | number; truth: Truth } | null> => {
        const maybe = <T>(a: fc.Arbitrary<T>) => (m === 'deal' ? a : fc.option(a, { freq: 6, nil: null }));
        switch (m) {
          case 'deal':
          case 'company':
            return maybe(
              fc
                .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
                .map((w) => ({ raw: w.join(' '), truth: { kind: 'text', value: w.join(' ') } as Truth })),
            );
          case 'owner':
            return maybe(
              fc.constantFrom(...NAMES).map((n) => ({ raw: n, truth: { kind: 'text', value: n } as Truth })),
            );
          case 'stage':
            return maybe(
              fc
                .constantFrom(...STAGES)
                .map((s) => ({ raw: s, truth: { kind: 'stage', value: STAGE_MEANT[s] } as Truth })),
            );
          case 'amount':
            return maybe(
              fc.integer({ min: 0, max: 250_000_00 }).map((cents) => {
                const n =
                  p.styles.amount === 'eu' || p.styles.amount === 'us'
                    ? cents / 100
                    : Math.round(cents / 100);
                return {
                  raw: renderAmount(n, p.styles.amount),
                  truth: { kind: 'number', value: n } as Truth,
                };
              }),
            );
          case 'closeDate':
          case 'created': {
            const style = p.styles.dates;
            // A day-first file shows it at least once (a day over 12), as real ones do: in its first
            // date column only, so that the other is read the file's way.
            const shows = r === 0 && style === 'euDate' && m === cols.find((c) => isDate(c.meaning))?.meaning;
            const arb = shows ? day.map((t) => ({ ...t, d: 13 + (t.d % 15) })) : day;
            const a = arb.map((t) => ({ raw: renderDay(t, style), truth: { kind: 'day', ...t } as Truth }));
            return shows ? a : maybe(a);
          }
          case 'probability':
            return maybe(
              fc.integer({ min: 0, max: 100 }).map((n) => ({
                raw: p.styles.probability === 'pct' ? `${n}%` : n,
                truth: { kind: 'number', value: n / 100 } as Truth,
              })),
            );
          case 'email':
            return maybe(
              fc
                .constantFrom('ann@acme.test', 'bob@globex.test', 'x.y@initech.example')
                .map((e) => ({ raw: e, truth: { kind: 'text', value: e } as Truth })),
            );
          default:
            return maybe(
              fc
                .oneof(
                  fc.constantFrom(...TRICKY),
                  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
                )
                .map((t) => ({ raw: t, truth: { kind: 'text', value: t } as Truth })),
            );
        }
      };
      const row = (r: number) => fc.tuple(...columns.map((c) => cell(c.meaning, r)));
      return fc.tuple(...Array.from({ length: p.rows }, (_, r) => row(r))).map((rows) => {
        const width = columns.length;
        const pad = (r: (string | number)[]) => [...r, ...Array(width - r.length).fill('')];
        const top = [
          ...p.titles.map((t) => pad([t])),
          ...(p.titles.length && p.blankAfterTitle ? [pad([])] : []),
        ];
        const header = columns.map((c) => c.header);
        const breaks = new Map(
          p.groups.filter((g) => g.at % p.rows > 0).map((g) => [g.at % p.rows, g.title]),
        );
        const oc = columns.findIndex((c) => c.meaning === 'owner');
        const byOwner = p.byOwner && oc >= 0 && rows.every((r) => r[oc] !== null);
        const body = byOwner
          ? rows.flatMap((r, i) => {
              const owner = r[oc]!.raw;
              const group =
                i > 0 && rows[i - 1][oc]!.raw === owner
                  ? []
                  : [pad([]).map((v, c) => (c === oc ? owner : v))];
              return [...group, r.map((c, k) => (c && k !== oc ? c.raw : ''))];
            })
          : rows.flatMap((r, i) => {
              const title = breaks.get(i);
              const group = !breaks.has(i) ? [] : title ? [pad([]), pad([title]), header] : [header];
              return [...group, r.map((c) => (c ? c.raw : ''))];
            });
        return {
          values: [...top, header, ...body],
          headerRow: top.length,
          columns,
          truth: rows.map((r) => r.map((c) => (c ? c.truth : null))),
        };
      });
    });
  });
