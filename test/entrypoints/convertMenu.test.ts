// "Convert this sheet to CRM" through dist/Code.js: mapping shown and correctable, backup kept, values
// normalised only when clearly readable, and (property test) no value or row ever lost.
import fc from 'fast-check';
import { parseAmount, parseCount, parseDate, parsePercent } from '../../src/domain/values/cellParsing';
import { proposeMapping } from '../../src/domain/deals/headerMap';
import { findStageLoosely } from '../../src/domain/settings/stageLookup';
import { defaultSettings } from '../../src/domain/settings/defaultSettings';
import { FIELD_BY_KEY, FIELDS, type FieldKey } from '../../src/shared/fields';
import { isDate } from '../../src/shared/zonedTime';
import type { Emulator } from '../../local/emulator';
import { loadedEmulator } from '../support/emulator';
import { crm, paste, records, type } from '../support/crm';

type V = string | number | boolean | Date;

/** Puts raw values into a tab as they would sit in a sheet (no parsing), and makes it active. */
function sheetWith(emu: Emulator, name: string, values: V[][]) {
  const sheet = emu.ss.addSheet(
    name,
    undefined,
    Math.max(1000, values.length + 5),
    Math.max(26, values[0]?.length ?? 0),
  );
  values.forEach((row, r) => row.forEach((v, c) => (sheet.cellAt(r + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  return sheet;
}

const HUBSPOT: V[][] = [
  ['Pipeline export', '', '', '', '', '', ''],
  ['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Contact Email', 'Region'],
  ['Acme renewal', 'closed won', '$12,500', '2026-02-14', 'ann@example.com', 'bob@acme.test', 'EMEA'],
  ['Globex', 'Closed-Lost', '3k', '03/04/2026', 'ann@example.com', 'x@globex.test', 'NA'],
  [
    'Initech',
    'Qualified',
    'about 5k',
    'next month',
    'sam@example.com',
    'peter@initech.test',
    '=not a formula',
  ],
];

describe('converting a CRM export', () => {
  function convert(answers: { button?: string; text?: string }[] = []) {
    const emu = loadedEmulator();
    sheetWith(emu, 'HubSpot export', HUBSPOT);
    emu.ui.answers.push(...answers);
    emu.run('menuConvert');
    return emu;
  }

  it('shows the mapping before changing anything', () => {
    const emu = convert([{ button: 'CANCEL' }]);
    const shown = emu.ui.dialogs[0].message;
    expect(shown).toContain('A "Deal Name" → Deal');
    expect(shown).toContain('B "Deal Stage" → Stage');
    expect(shown).toContain('F "Contact Email" → Email');
    expect(shown).toContain('G "Region" → kept as an extra column');
    expect(emu.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'HubSpot export', 'CRM Settings']);
    expect(emu.values('HubSpot export')).toEqual(HUBSPOT);
  });

  it('keeps a backup, normalises what it can read and keeps the rest as written', () => {
    const emu = convert();
    expect(emu.ss.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Deals',
      'CRM Settings',
      'HubSpot export (backup 2026-03-10)',
      'History',
    ]);
    expect(emu.values('HubSpot export (backup 2026-03-10)')).toEqual(HUBSPOT);
    const deals = emu.values('Deals');
    const col = (h: string) => deals[0].indexOf(h);
    expect(
      deals.slice(1).map((r) => [r[col('Deal')], r[col('Stage')], r[col('Amount')], r[col('Region')]]),
    ).toEqual([
      ['Acme renewal', 'Won', 12500, 'EMEA'],
      ['Globex', 'Lost', 3000, 'NA'],
      ['Initech', 'Qualified', 'about 5k', '=not a formula'],
    ]);
    expect(deals[1][col('Close date')]).toEqual(new Date('2026-02-14T05:00:00Z'));
    expect(deals[2][col('Close date')]).toEqual(new Date('2026-03-04T05:00:00Z'));
    expect(deals[3][col('Close date')]).toBe('next month');
    expect(deals[3][col('Check')]).toContain('Amount "about 5k" is not a valid number');
    expect(emu.sheet('Deals').rangeAt(1, 1, 4, deals[0].length).getFormulas().flat().filter(Boolean)).toEqual(
      [],
    );
  });

  it('ends with a summary of rows converted and flagged, and where to look', () => {
    const emu = convert();
    const summary = emu.ui.dialogs.at(-1)!;
    expect(summary.title).toBe('Sheets CRM: conversion done');
    expect(summary.message).toContain(
      '3 rows converted into "Deals". The original is kept in "HubSpot export (backup 2026-03-10)".',
    );
    expect(summary.message).toContain('2 values could not be read');
    expect(summary.message).toContain(
      '1 rows above the header row were not converted (they are in the backup).',
    );
    expect(summary.message).toMatch(/3 deals checked; \d need attention/);
    expect(summary.message).toContain('Check column');
  });

  it('lets the person correct the mapping before converting', () => {
    const emu = convert([
      { button: 'NO' },
      { button: 'OK', text: 'G = Industry; F = extra' },
      { button: 'YES' },
    ]);
    expect(emu.ui.dialogs[2].message).toContain('G "Region" → Industry');
    const deals = emu.values('Deals');
    expect(deals[1][deals[0].indexOf('Industry')]).toBe('EMEA');
    expect(deals[1][deals[0].indexOf('Contact Email (imported)')]).toBe('bob@acme.test');
  });

  it('adds the rows to a Deals tab that already has deals, leaving the source tab as it was', () => {
    const emu = crm();
    paste(emu, 2, { Deal: 'Existing deal', Company: 'Old Co' });
    sheetWith(emu, 'Second export', HUBSPOT);
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-2)!.message).toContain(
      'will add the rows of "Second export" to the Deals tab "Deals"',
    );
    const deals = emu.values('Deals');
    expect(records(emu).map((r) => r['Deal'])).toEqual([
      'Existing deal',
      'Acme renewal',
      'Globex',
      'Initech',
    ]);
    expect(deals[0].slice(-2)).toEqual(['Notes', 'Region']);
    expect(deals[4][deals[0].indexOf('Region')]).toBe('=not a formula');
    expect(emu.values('Second export')).toEqual(HUBSPOT);
  });

  it('puts appended values under the Deals tab’s own column for each field, whatever it is called', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Existing deal');
    const header = emu.values('Deals')[0];
    emu
      .sheet('Deals')
      .rangeAt(1, header.indexOf('Close date') + 1)
      .setValue('Expected close');
    sheetWith(emu, 'Second export', HUBSPOT);
    emu.run('menuConvert');
    const after = emu.values('Deals');
    expect(after[0].filter((h) => h === 'Close date' || h === 'Expected close')).toEqual(['Expected close']);
    expect(after[2][after[0].indexOf('Expected close')]).toEqual(new Date('2026-02-14T05:00:00Z'));
  });

  it('replaces the empty Deals tab made by Set up, saying so first', () => {
    const emu = crm();
    sheetWith(emu, 'Old deals', HUBSPOT);
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-2)!.message).toContain(
      'The empty Deals tab made by Set up will be replaced by this one.',
    );
    expect(emu.ss.sheets.filter((s) => s.name === 'Deals')).toHaveLength(1);
    expect(emu.values('Deals')).toHaveLength(4);
  });
});

// --- property test -------------------------------------------------------------------------------

const settings = defaultSettings('owner@example.com');
const variants = (key: FieldKey): string[] => {
  const f = FIELD_BY_KEY[key];
  const snake = f.header.toLowerCase().replace(/ /g, '_');
  const title = f.header.replace(/\b\w/g, (c) => c.toUpperCase());
  return [f.header, snake, title, ...f.synonyms.slice(0, 2)];
};
const stageValue = fc.constantFrom(
  'Won',
  'closed won',
  'Closed-Won',
  'WON',
  ' qualified ',
  'Quote sent',
  'Lost',
  'closedlost',
  'Pending?',
  '',
);
const amountValue = fc.oneof(
  fc.constantFrom('$1,200', '12k', '1.234,50', '(300)', 'lots', ''),
  fc.integer({ min: 0, max: 10 ** 7 }),
);
const dateValue = fc.oneof(
  fc.constantFrom(
    '2026-03-01',
    '03/04/2026',
    '31/12/2026',
    'Jan 5, 2026',
    '5 March 2026',
    'soon',
    '2026-02-30',
    '',
  ),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
);
const textValue = fc.oneof(
  fc.constantFrom('=SUM(A1:A3)', '+44 20 7946', '-call back', '@ann', "'quoted", '', 'plain'),
  fc.string({ maxLength: 12 }),
);
const valueFor = (key: FieldKey | null) => {
  const kind = key ? FIELD_BY_KEY[key].kind : 'text';
  if (kind === 'stage') return stageValue;
  if (kind === 'money' || kind === 'integer' || kind === 'percent') return amountValue;
  if (kind === 'date' || kind === 'timestamp') return dateValue;
  return textValue;
};

const messySheet = fc
  .record({
    fields: fc.subarray(
      FIELDS.filter((f) => !['check', 'lastSeen', 'dealId', 'segment'].includes(f.key)).map((f) => f.key),
      { minLength: 2, maxLength: 10 },
    ),
    extras: fc.subarray(['Region', 'Lead score', 'Internal ref', 'Partner'], { maxLength: 3 }),
    seed: fc.nat(),
  })
  .chain(({ fields, extras, seed }) =>
    fc
      .tuple(
        fc.tuple(...fields.map((k) => fc.constantFrom(...variants(k)))),
        fc.shuffledSubarray([...fields.map((k) => k as FieldKey | string), ...extras], {
          minLength: fields.length + extras.length,
        }),
        fc.integer({ min: 1, max: 12 }),
      )
      .chain(([names, order, rowCount]) => {
        const headerOf = (c: FieldKey | string) =>
          fields.includes(c as FieldKey) ? names[fields.indexOf(c as FieldKey)] : c;
        const keyOf = (c: FieldKey | string) => (fields.includes(c as FieldKey) ? (c as FieldKey) : null);
        return fc
          .array(fc.tuple(...order.map((c) => valueFor(keyOf(c)))), {
            minLength: rowCount,
            maxLength: rowCount,
          })
          .map((rows) => ({ header: order.map(headerOf), rows: rows as V[][], seed }));
      }),
  );

const same = (a: unknown, b: unknown) => (isDate(a) && isDate(b) ? a.getTime() === b.getTime() : a === b);

function survives(key: FieldKey | undefined, original: V, converted: unknown): boolean {
  if (same(original, converted)) return true;
  if (!key) return false;
  const tz = 'America/New_York';
  const parsed = (p: { kind: string; value?: unknown }) => p.kind === 'ok' && same(p.value, converted);
  switch (FIELD_BY_KEY[key].kind) {
    case 'stage':
      return findStageLoosely(original, settings.stages)?.name === converted;
    case 'money':
      return parsed(parseAmount(original));
    case 'integer':
      return parsed(parseCount(original));
    case 'percent':
      return parsed(parsePercent(original));
    case 'date':
    case 'timestamp':
      return parsed(parseDate(original, tz, 'en_US'));
    default:
      return false;
  }
}

describe('converting random messy sheets (property)', () => {
  it('never loses a cell value or a row, and never makes a formula', () => {
    fc.assert(
      fc.property(messySheet, ({ header, rows }) => {
        const emu = loadedEmulator();
        const values: V[][] = [header, ...rows];
        sheetWith(emu, 'Messy', values);
        emu.run('menuConvert');
        const { map } = proposeMapping(values, settings.stages);
        const out = emu.values('Deals');
        const outHeader = out[0];
        expect(out.length - 1).toBe(rows.length);
        const fieldOfColumn = new Map<number, FieldKey>();
        for (const [k, c] of Object.entries(map.columns) as [FieldKey, number][]) fieldOfColumn.set(c, k);
        const extraColumns = map.extras.map((_, i) => FIELDS.length + i);
        rows.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v === '') return;
            const key = fieldOfColumn.get(c);
            const target = key
              ? outHeader.indexOf(FIELD_BY_KEY[key].header)
              : extraColumns[map.extras.indexOf(c)];
            const got = out[r + 1][target];
            if (!survives(key, v, got))
              throw new Error(
                `row ${r + 2} column ${c + 1} (${key ?? 'extra'}): ${JSON.stringify(v)} became ${JSON.stringify(got)}`,
              );
          });
        });
        expect(
          emu.sheet('Deals').rangeAt(1, 1, out.length, outHeader.length).getFormulas().flat().filter(Boolean),
        ).toEqual([]);
      }),
      { numRuns: 40, seed: 20261122 },
    );
  });
});
