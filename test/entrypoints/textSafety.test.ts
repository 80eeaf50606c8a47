// Probe: user text stays text on every write path (grid and refresh, the sidebar, Convert, History and
// the report tabs), over more than 800 texts that Sheets could read as a formula, a number or a date
// when a script writes them (the emulator takes the widest reading: see its conformance tests).
import type { Emulator } from '../../local/emulator';
import type { DealInput } from '../../src/shared/dealDto';
import { EDITABLE } from '../../src/shared/dealDto';
import { columnOf, crm, headerOf, records } from '../support/crm';

const BASE = [
  '=SUM(A1:A3)',
  '=HYPERLINK("http://x")',
  '+44 20 7946',
  '-call back',
  '@ann',
  "'quoted",
  '1-10',
  'Jan 5',
  '1/2',
  '$1,200',
  '(500)',
  '1e5',
  '00123',
  '12.50',
  '40%',
  'TRUE',
  'false',
  '2026-01-05',
  '3/4/2026',
  '1,234.56',
];
const PREFIXES = ['', ' ', '  ', '\t', ' \t '];
const SUFFIXES = ['', ' ', ' x', '!'];
/** 20 risky texts × 5 leading whitespace × 4 endings, and a few plain ones: 400 + 420 = 820 texts. */
const TEXTS = [
  ...BASE.flatMap((b) => PREFIXES.flatMap((p) => SUFFIXES.map((s) => `${p}${b}${s}`))),
  ...Array.from(
    { length: 420 },
    (_, i) => `${['-', '+', '=', ' -', '\t='][i % 5]}${i} note ${i % 7 ? '' : '=1+1'}`,
  ),
];

function formulasIn(emu: Emulator, tab: string): string[] {
  const v = emu.values(tab);
  if (!v.length) return [];
  return emu
    .sheet(tab)
    .rangeAt(1, 1, v.length, v[0].length)
    .getFormulas()
    .flat()
    .filter((f) => f && !/^=HYPERLINK\("#gid=/.test(f));
}

function expectNoFormulas(emu: Emulator, tabs: string[]) {
  for (const tab of tabs) expect([tab, formulasIn(emu, tab)]).toEqual([tab, []]);
}

describe('user text stays text', () => {
  it(`has ${TEXTS.length} texts to try`, () => expect(TEXTS.length).toBeGreaterThanOrEqual(800));

  it('through the grid, a refresh and the report tabs that list deals', () => {
    const emu = crm();
    const deals = emu.sheet('Deals');
    const width = headerOf(emu).length;
    const at = (h: string) => columnOf(emu, h) - 1;
    deals.insertRowsAfter(deals.maxRows, TEXTS.length);
    const rows = TEXTS.map((t) => {
      const r: (string | number)[] = Array(width).fill('');
      r[at('Deal')] = t;
      r[at('Company')] = t;
      r[at('Notes')] = t;
      r[at('Competitor')] = t;
      r[at('Stage')] = 'Qualified';
      r[at('Owner')] = t;
      return r;
    });
    // Text as it sits in the sheet (typed with an apostrophe, or in a plain-text column).
    rows.forEach((r, i) => r.forEach((v, c) => (deals.cellAt(i + 2, c + 1).v = v)));
    emu.run('menuRefresh');
    const after = records(emu);
    expect(after.map((r) => [r['Deal'], r['Company'], r['Notes'], r['Owner']])).toEqual(
      TEXTS.map((t) => [t, t, t, t]),
    );
    expectNoFormulas(emu, ['Deals', 'Forecast', 'Funnel', 'Unsegmented', 'Data issues', 'History']);
    // Report tabs list names as read (trimmed), still as text.
    const listed = emu.values('Unsegmented').flat();
    for (const t of TEXTS) expect(listed).toContain(t.trim());
  });

  it('through the sidebar', () => {
    const emu = crm();
    const blank = Object.fromEntries(EDITABLE.map((k) => [k, ''])) as unknown as DealInput;
    for (const t of TEXTS) {
      const result = emu.run<{ status: string }>('saveDeal', [
        {
          ...blank,
          id: '',
          deal: t,
          company: t,
          contact: t,
          notes: t,
          nextStep: t,
          stage: 'Qualified',
          amount: '1000',
          closeDate: '2026-06-30',
          owner: 'owner@example.com',
        },
        '',
      ]);
      expect([t, result.status]).toEqual([t, 'saved']);
    }
    expect(
      records(emu).map((r) => [r['Deal'], r['Company'], r['Contact'], r['Notes'], r['Next step']]),
    ).toEqual(TEXTS.map((t) => [t, t, t, t, t]));
    expectNoFormulas(emu, ['Deals', 'History']);
  });

  it('through Convert, in mapped fields and extra columns', () => {
    const emu = crm();
    const sheet = emu.ss.addSheet('Export', undefined, TEXTS.length + 10, 6);
    const rows = [
      ['Deal Name', 'Company', 'Stage', 'Notes', 'Region', 'Internal ref'],
      ...TEXTS.map((t) => [t, t, 'Won', t, t, t]),
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    emu.run('menuConvert');
    expect(
      records(emu).map((r) => [r['Deal'], r['Company'], r['Notes'], r['Region'], r['Internal ref']]),
    ).toEqual(TEXTS.map((t) => [t, t, t, t, t]));
    expectNoFormulas(emu, ['Deals']);
  });

  it('through History, when a value that is not a number is typed over an amount', () => {
    const emu = crm();
    emu.sheet('Deals').cellAt(2, columnOf(emu, 'Deal')).v = 'Acme';
    emu.run('menuRefresh');
    const amount = columnOf(emu, 'Amount');
    // Texts no amount reader could take for a number (they carry letters and spaces), each a change.
    const texts = TEXTS.filter((t) => / x$| note /.test(t)).slice(0, 400);
    for (const t of texts) {
      emu.sheet('Deals').cellAt(2, amount).v = t;
      emu.run('sweepDeals');
    }
    const moves = records(emu, 'History').filter((h) => h['Field'] === 'Amount');
    expect(moves.map((h) => h['To'])).toEqual(texts);
    expect(moves.slice(1).map((h) => h['From'])).toEqual(texts.slice(0, -1));
    expectNoFormulas(emu, ['History']);
  });
});
