// Reading what people write: amounts, dates, counts, stage spellings, headers, and text that must stay
// text; and the Settings tab's validation, which names the cell of each problem.
import { parseAmount, parseDate, parsePercent } from '../../../src/domain/values/cellParsing';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { findImportHeaderRow, proposeImportMapping } from '../../../src/domain/import/importMapping';
import { parseSettings, renderSettings, type Cell } from '../../../src/domain/settings/settingsCells';
import { findStageLoosely } from '../../../src/domain/settings/stageLookup';
import { asText } from '../../../src/domain/values/text';

const ok = <T>(value: T) => ({ kind: 'ok', value });
const TZ = 'America/New_York';

describe('parseAmount', () => {
  it.each([
    ['$12,500', 12500],
    ['12.5k', 12500],
    ['1.234,50 €', 1234.5],
    ['(300)', -300],
    ['USD 99', 99],
    ['2M', 2000000],
  ])('reads %s as %d', (text, value) => expect(parseAmount(text)).toEqual(ok(value)));

  // Signs written after or before amounts in other countries, read in a CRM that counts in that
  // currency (and its locale's decimal mark); in another currency they are kept and flagged.
  it.each([
    ['1 200 000,50 руб.', 'ru_RU', 'RUB', 1200000.5],
    ['120 000 ₽', 'ru_RU', 'RUB', 120000],
    ['1,200,000円', 'ja_JP', 'JPY', 1200000],
    ['￥800,000', 'ja_JP', 'JPY', 800000],
    ['¥120,000', 'zh_CN', 'CNY', 120000],
    ['R$ 1.200,00', 'pt_BR', 'BRL', 1200],
    ['1.200 kr.', 'da_DK', 'DKK', 1200],
    ['1000 zł', 'pl_PL', 'PLN', 1000],
    ['12 500 Kč', 'cs_CZ', 'CZK', 12500],
  ])('reads %s (%s, counting in %s) as %d', (text, locale, currency, value) =>
    expect(parseAmount(text, locale, currency)).toEqual(ok(value)),
  );

  it('keeps an amount in another currency than the CRM’s as bad, to be flagged', () => {
    expect(parseAmount('1,200,000円', 'en_US', 'USD')).toEqual({ kind: 'bad', raw: '1,200,000円' });
    expect(parseAmount('R$ 1.200,00', 'en_US', 'USD')).toEqual({ kind: 'bad', raw: 'R$ 1.200,00' });
  });

  it('keeps what it cannot read as bad, never guessing', () => {
    expect(parseAmount('about 5k')).toEqual({ kind: 'bad', raw: 'about 5k' });
    expect(parseAmount('')).toEqual({ kind: 'empty' });
  });
});

describe('parseDate', () => {
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 5));
  it('reads ISO, month names and numeric dates in the spreadsheet zone', () => {
    expect(parseDate('2026-01-05', TZ)).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('Jan 5, 2026', TZ)).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('5 January 2026', TZ)).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('01/05/2026', TZ, 'en_US')).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('05/01/2026', TZ, 'en_GB')).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('31/12/2026', TZ, 'en_US')).toEqual(ok(day(2026, 12, 31)));
    expect(parseDate('2026-01-05T10:00:00Z', TZ)).toEqual(ok(new Date('2026-01-05T10:00:00Z')));
    expect(parseDate(46027, TZ)).toEqual(ok(day(2026, 1, 5)));
    expect(parseDate('46027', TZ)).toEqual(ok(day(2026, 1, 5)));
  });

  it('refuses impossible or vague dates', () => {
    expect(parseDate('2026-02-30', TZ).kind).toBe('bad');
    expect(parseDate('next month', TZ).kind).toBe('bad');
    expect(parseDate('5 Janvember 2026', TZ).kind).toBe('bad');
    expect(parseDate('Jan 5th, 2026', TZ)).toEqual(ok(day(2026, 1, 5)));
  });

  it('reads probabilities as fractions', () => {
    expect(parsePercent('40%')).toEqual(ok(0.4));
    expect(parsePercent(0.25)).toEqual(ok(0.25));
    expect(parsePercent(40).kind).toBe('bad');
  });
});

describe('stage spellings', () => {
  const stages = defaultSettings('o@example.com').stages;
  it.each(['closed won', 'Closed-Won', 'WON', 'ClosedWon', ' won '])('places "%s" as Won', (v) =>
    expect(findStageLoosely(v, stages)?.name).toBe('Won'),
  );
  it.each(['closed lost', 'Closed-Lost', 'dead'])('places "%s" as Lost', (v) =>
    expect(findStageLoosely(v, stages)?.name).toBe('Lost'),
  );
  it('places a common spelling on the one stage of its type named so when the type has several', () => {
    // After an import added "Disqualified" (Lost), "Closed Lost" still means the stage named Lost.
    const more = [
      ...stages,
      { ...stages.find((s) => s.name === 'Lost')!, name: 'Disqualified' },
      { ...stages.find((s) => s.name === 'Won')!, name: 'Won - expansion' },
    ];
    expect(findStageLoosely('Closed Lost', more)?.name).toBe('Lost');
    expect(findStageLoosely('closedwon', more)?.name).toBe('Won');
    // Two stages of the type named as common spellings, or none: no guess.
    const twoNamed = [...more, { ...stages.find((s) => s.name === 'Lost')!, name: 'Dead' }];
    expect(findStageLoosely('Closed Lost', twoNamed)).toBeNull();
    const noneNamed = more.map((s) => (s.name === 'Lost' ? { ...s, name: 'Lost to competitor' } : s));
    expect(findStageLoosely('Closed Lost', noneNamed)).toBeNull();
  });

  it('places case and spacing variants of a stage name, and nothing it cannot', () => {
    expect(findStageLoosely('quote  SENT', stages)?.name).toBe('Quote sent');
    expect(findStageLoosely('Waiting on legal', stages)).toBeNull();
  });
});

describe('headers', () => {
  it('maps exact names, synonyms and snake_case, first column winning, unknowns kept as extras', () => {
    const map = mapHeaders(['Opportunity Name', 'close_date', 'Amount', 'Region', 'Value', '', '']);
    expect(map.columns).toMatchObject({ deal: 0, closeDate: 1, amount: 2 });
    expect(map.extras).toEqual([3, 4]);
    expect(map.width).toBe(5);
  });

  /** The mapping Convert proposes for `values` in a default CRM (en_US, UTC). */
  const propose = (values: string[][]) =>
    proposeImportMapping(values, defaultSettings('o@example.com').stages, 'en_US', 'UTC', IMPORT_WORDS);

  it('finds the header row below a title, and sniffs emails in an unnamed column', () => {
    const values = [
      ['Export of 2026-03-01'],
      ['Deal', 'Stage', 'Who'],
      ['A', 'Won', 'a@x.example'],
      ['B', 'Lost', 'b@y.example'],
    ];
    expect(findImportHeaderRow(values, IMPORT_WORDS)).toBe(1);
    const mapping = propose(values);
    expect(mapping.map.columns.email).toBe(2);
    expect(mapping.findings.find((f) => f.field === 'stage')).toMatchObject({ column: 1, how: 'header' });
  });

  it('takes an unnamed column of days for the close date, and never one of 13-digit numbers (IDs)', () => {
    const values = [
      ['Deal', 'Stage', 'Created', '', ''],
      ['A', 'Won', '2026-01-05', '1806537600000', '2027-04-01'],
      ['B', 'Lost', '2026-01-06', '1806624000000', '2027-04-02'],
      ['C', 'Lost', '2026-01-07', '1806710400000', '2027-04-03'],
    ];
    const mapping = propose(values);
    expect(mapping.map.columns.closeDate).toBe(4);
    expect(Object.values(mapping.map.columns)).not.toContain(3);
  });
});

describe('asText', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-call', "'-call"],
    ['@ann', "'@ann"],
    ["'quoted", "''quoted"],
    ['00123', "'00123"],
    ['TRUE', "'TRUE"],
    ['2026-01-05', "'2026-01-05"],
    ['Jan 5', "'Jan 5"],
    ['$1,200', "'$1,200"],
    ['(500)', "'(500)"],
    ['  -call', "'  -call"],
    ['\t+1', "'\t+1"],
    ['Acme renewal', 'Acme renewal'],
  ])('writes %s as %s so the sheet keeps it as typed', (input, written) =>
    expect(asText(input)).toBe(written),
  );
});

describe('the Settings tab', () => {
  const grid = () => renderSettings(defaultSettings('o@example.com')) as Cell[][];
  it('parses its own defaults back to the same settings', () => {
    const parsed = parseSettings(grid(), TZ);
    expect(parsed.ok && parsed.settings).toEqual(defaultSettings('o@example.com'));
  });

  it('names the cell of each problem', () => {
    const g = grid();
    g[2][2] = 1.5; // C3: probability 150%
    g[3][1] = 'Maybe'; // B4: type
    g[2][4] = 'Amount, Budget'; // E3: unknown field
    const parsed = parseSettings(g, TZ);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.cell}: ${p.message}`)).toEqual([
      expect.stringMatching(/^CRM Settings!E3: "Budget" is not a field a stage can require/),
      'CRM Settings!C3: Probability must be between 0% and 100%',
      'CRM Settings!B4: Type must be one of: Open, Won, Lost',
    ]);
  });

  it('reads Exchange rates, naming the cell of each wrong row; a tab without the block has none', () => {
    const g = grid();
    const col = g[0].indexOf('Exchange rates');
    expect(g[1].slice(col, col + 2)).toEqual(['Currency', 'Value in CRM currency']);
    const rows: Cell[][] = [
      ['eur', 1.08],
      ['GBP', 1.27],
      ['USD', 1],
      ['EUR', 1.1],
      ['Euro', 1],
      ['SEK', '0,1'],
      ['NOK', -2],
    ];
    rows.forEach((r, i) => {
      g[2 + i] ??= Array<Cell>(g[0].length).fill('');
      g[2 + i][col] = r[0];
      g[2 + i][col + 1] = r[1];
    });
    const letter = (c: number) =>
      String.fromCharCode(65 + Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
    const at = (c: number, row: number) =>
      `CRM Settings!${c < 26 ? String.fromCharCode(65 + c) : letter(c)}${row}`;
    const parsed = parseSettings(g, TZ);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.cell}: ${p.message}`)).toEqual([
      `${at(col, 5)}: USD is the CRM's own currency (General): it needs no rate`,
      `${at(col, 6)}: EUR is listed twice: keep one rate`,
      `${at(col, 7)}: "Euro" is not a currency code: write three letters such as EUR`,
      `${at(col + 1, 8)}: The rate for SEK must be a number above 0: what 1 SEK is worth in USD`,
      `${at(col + 1, 9)}: The rate for NOK must be a number above 0: what 1 NOK is worth in USD`,
    ]);
    for (let r = 4; r < 9; r++) g[r][col] = g[r][col + 1] = '';
    const ok = parseSettings(g, TZ);
    expect(ok.ok && ok.settings.rates).toEqual({ EUR: 1.08, GBP: 1.27 });
    // A tab made before the block existed: no rates, no problem.
    const old = grid().map((r) => r.slice(0, col));
    const parsedOld = parseSettings(old, TZ);
    expect(parsedOld.ok && parsedOld.settings.rates).toEqual({});
  });

  it('says where the block titles went when rows were inserted above them, in one line', () => {
    const g = grid();
    const blank = () => Array<Cell>(g[0].length).fill('');
    const parsed = parseSettings([blank(), blank(), ...g], TZ);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.cell}: ${p.message}`)).toEqual([
      'CRM Settings!1:1: The block titles (Stages, Lost reasons, …) are on row 3, not row 1: rows were inserted above them. Select rows 1–2 and delete them (or use Edit > Undo).',
    ]);
  });

  it('reports a missing block by its title', () => {
    const g = grid();
    g[0] = g[0].map((v) => (v === 'Targets' ? '' : v));
    const parsed = parseSettings(g, TZ);
    expect(!parsed.ok && parsed.problems[0].message).toBe(
      'The "Targets" block is missing: its title should be in row 1.',
    );
  });
});
