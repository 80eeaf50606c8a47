// What one edit means for a row, straight from the pure rules: IDs and timestamps for new rows, stage
// moves with History, a person's own probability kept, and the duplicate verdict carried in Last seen.
import fc from 'fast-check';
import {
  applyRowRules,
  sameDealRows,
  sweepRows,
  withWrites,
  type EditContext,
} from '../../../src/domain/edits/editEffects';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import type { FieldKey } from '../../../src/shared/fields';
import type { CellValue } from '../../../src/domain/deals/deal';
import { continuedFromHistory } from '../../../src/domain/history/alreadyLogged';
import { MAP, row, TZ } from '../../support/deals';

const now = new Date('2026-03-10T15:00:00Z');
const ctx: EditContext = {
  settings: defaultSettings('owner@example.com'),
  map: MAP,
  now,
  timeZone: TZ,
  locale: 'en_US',
  user: 'rep@example.com',
  newId: () => 'D-NEW',
};

describe('applyRowRules', () => {
  it('gives a new row a Deal ID and a Created time, and says its stage is empty', () => {
    const out = applyRowRules(row({ deal: 'Acme' }), 2, ctx, { edited: ['deal'] });
    expect(out.writes).toMatchObject({ dealId: 'D-NEW', created: now, check: 'Stage is empty' });
    expect(out.history).toEqual([]);
  });

  it('leaves a blank row alone', () => {
    expect(applyRowRules(row({}), 2, ctx, { edited: ['deal'] }).writes).toEqual({});
  });

  it('moves a stage: Stage entered, the stage’s probability and category, and a History entry', () => {
    const first = applyRowRules(row({ dealId: 'D-1', deal: 'Acme', stage: 'Qualified' }), 2, ctx, {
      edited: ['stage'],
      typed: { field: 'stage', old: '', value: 'Qualified' },
    });
    const after = row({
      dealId: 'D-1',
      deal: 'Acme',
      stage: 'Negotiation',
      lastSeen: String(first.writes.lastSeen),
    });
    const out = applyRowRules(after, 2, ctx, {
      edited: ['stage'],
      typed: { field: 'stage', old: 'Qualified', value: 'Negotiation' },
    });
    expect(out.writes).toMatchObject({ stageEntered: now, probability: 0.8, forecastCategory: 'Commit' });
    expect(out.history).toEqual([
      {
        time: now,
        dealId: 'D-1',
        field: 'Stage',
        from: 'Qualified',
        to: 'Negotiation',
        user: 'rep@example.com',
      },
    ]);
  });

  describe('a typed stage whose check overlaps another edit’s', () => {
    const seen = (stage: string) => JSON.stringify({ s: stage, a: null, c: null, p: null, k: null });
    const typedRow = (stage: string, lastSeen: string) =>
      row({ dealId: 'D-1', deal: 'Acme', stage, lastSeen });
    const moves = (out: ReturnType<typeof applyRowRules>) => out.history.map((h) => [h.from, h.to, h.user]);
    // The stage Last seen records, read here: the array form's first item.
    const recorded = (out: ReturnType<typeof applyRowRules>) =>
      (JSON.parse(String(out.writes.lastSeen ?? '[]')) as unknown[])[0];

    // Last seen shows the cell: another check logged it, or runs died between History and Last seen.
    // The moves go out marked unsure, and History's last rows decide (continuedFromHistory): a check
    // that logged it leaves History ending at the cell's value, and nothing is added.
    it('marks the moves unsure when Last seen already shows the cell, for History to decide', () => {
      const out = applyRowRules(typedRow('Quote sent', seen('Quote sent')), 2, ctx, {
        edited: ['stage'],
        typed: { field: 'stage', old: 'Qualified', value: 'Negotiation' },
      });
      expect(out.history.map((h) => [h.from, h.to, h.user, h.unsure])).toEqual([
        ['Quote sent', 'Qualified', 'unknown (seen at a later edit)', true],
        ['Qualified', 'Quote sent', 'rep@example.com', true],
      ]);
      const logged = (...rows: [string, string][]) =>
        rows.map(([from, to]) => [new Date(0), out.history[0].dealId, 'Stage', from, to, 'x']);
      expect(
        continuedFromHistory(
          out.history,
          logged(['Qualified', 'Negotiation'], ['Negotiation', 'Quote sent']),
        ),
      ).toEqual([]);
      expect(
        continuedFromHistory(out.history, logged(['Quote sent', 'Qualified'])).map((h) => [h.from, h.to]),
      ).toEqual([['Qualified', 'Quote sent']]);
    });

    it('logs a change no check logged before its own, by nobody it knows, then its own', () => {
      const out = applyRowRules(typedRow('Quote sent', seen('Qualified')), 2, ctx, {
        edited: ['stage'],
        typed: { field: 'stage', old: 'Negotiation', value: 'Quote sent' },
      });
      expect(moves(out)).toEqual([
        ['Qualified', 'Negotiation', 'unknown (seen at a later edit)'],
        ['Negotiation', 'Quote sent', 'rep@example.com'],
      ]);
      expect(recorded(out)).toBe('Quote sent');
    });

    it('logs up to the value typed when the cell changed again since, and records that value', () => {
      const out = applyRowRules(typedRow('Won', seen('Qualified')), 2, ctx, {
        edited: ['stage'],
        typed: { field: 'stage', old: 'Qualified', value: 'Negotiation' },
      });
      expect(moves(out)).toEqual([['Qualified', 'Negotiation', 'rep@example.com']]);
      expect(recorded(out)).toBe('Negotiation');
      // The later edit's check (or the sweep) then logs the rest from there.
      const next = applyRowRules(typedRow('Won', String(out.writes.lastSeen)), 2, ctx, {});
      expect(moves(next)).toEqual([['Negotiation', 'Won', 'rep@example.com']]);
    });
  });

  it('keeps a probability the person typed instead of the stage’s', () => {
    const out = applyRowRules(
      row({ dealId: 'D-1', deal: 'Acme', stage: 'Quote sent', probability: 0.35 }),
      2,
      ctx,
      {
        edited: ['stage'],
      },
    );
    expect(out.writes.probability).toBeUndefined();
  });

  it('says the user is unknown when Google does not say who edited', () => {
    const out = applyRowRules(
      row({ dealId: 'D-1', deal: 'Acme', stage: 'Won' }),
      2,
      { ...ctx, user: '' },
      {
        edited: ['stage'],
        typed: { field: 'stage', old: 'Qualified', value: 'Won' },
      },
    );
    expect(out.history.map((h) => h.user)).toEqual(['unknown (Google did not say)']);
  });

  // Found by the property of test/domain/import/sweptAhead.test.ts: a Date in the Stage cell (a script,
  // a sync, a paste of a date) was logged as JavaScript prints a Date and compared as a day, so the
  // next sweep logged the same stage again ("from" and "to" the same text).
  it('logs a Date in the Stage cell once, as the day the CRM reads, and nothing on the sweep after', () => {
    const seen = JSON.stringify({ s: 'Negotiation', a: null, c: null, p: null, k: null });
    const first = row({
      dealId: 'D-1',
      deal: 'Acme',
      stage: new Date('2024-01-01T12:00:00Z'),
      lastSeen: seen,
    });
    const [out] = sweepRows([first], 2, ctx);
    expect(out.history.map((h) => [h.field, h.from, h.to])).toEqual([['Stage', 'Negotiation', '2024-01-01']]);
    const written = [...first];
    for (const [k, v] of Object.entries(out.writes)) written[MAP.columns[k as FieldKey]!] = v;
    const [again] = sweepRows([written], 2, ctx);
    expect(again.history).toEqual([]);
    expect(again.writes).toEqual({});
  });

  it('flags, on a sweep, rows holding the same deal (a row pasted twice: each got its own Deal ID); a one-row check does not', () => {
    const close = new Date('2026-04-30T04:00:00Z');
    const same = {
      deal: 'Acme',
      company: 'Acme Inc',
      stage: 'Lost',
      lostReason: 'Price',
      amount: 5000,
      closeDate: close,
    };
    const rows = [
      row({ dealId: 'D-1', ...same }),
      row({ dealId: 'D-2', ...same, deal: ' acme ' }),
      row({ dealId: 'D-3', ...same, amount: 5001 }),
      row({ dealId: 'D-4', ...same, closeDate: new Date('2026-05-01T04:00:00Z') }),
      row({ dealId: 'D-5', ...same, deal: '' }),
      row({ dealId: 'D-6', ...same, deal: '' }),
    ];
    const swept = sweepRows(rows, 2, ctx).map((o) => String(o.writes.check ?? ''));
    const twin = (r: number) =>
      `Same deal, company, owner, stage, amount and close date as row ${r}: if it is one deal, delete a row`;
    expect(swept).toEqual([twin(3), twin(2), '', '', '', '']);
    expect(applyRowRules(rows[0], 2, ctx, { edited: ['deal'] }).writes.check ?? '').toBe('');
  });

  it('keeps the duplicate Deal ID verdict of the last sweep on a one-row check, without reading the Check text', () => {
    const rows = [
      row({ dealId: 'D-1', deal: 'Acme', stage: 'Lost', lostReason: 'Price' }),
      row({ dealId: 'D-1', deal: 'Copy', stage: 'Lost', lostReason: 'Price' }),
    ];
    const swept = sweepRows(rows, 2, ctx);
    expect(swept.map((o) => o.writes.check)).toEqual([
      'Deal ID D-1 is also on row 3',
      'Deal ID D-1 is also on row 2',
    ]);
    const edited = row({
      dealId: 'D-1',
      deal: 'Acme renamed',
      stage: 'Lost',
      lostReason: 'Price',
      check: 'a Check text that is never parsed',
      lastSeen: String(swept[0].writes.lastSeen),
    });
    expect(applyRowRules(edited, 2, ctx, { edited: ['deal'] }).writes.check).toBe(
      'Deal ID D-1 is also on row 3',
    );
    const newId = row({
      dealId: 'D-2',
      deal: 'Acme',
      stage: 'Lost',
      lostReason: 'Price',
      lastSeen: String(swept[0].writes.lastSeen),
    });
    expect(applyRowRules(newId, 2, ctx, { edited: ['dealId'] }).writes.check ?? '').toBe('');
  });
});

describe('a sweep’s writes, read again', () => {
  // Few values, so rows share Deal IDs, names and whole deals often; some unreadable, some blank.
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const rowArb = fc
    .record({
      dealId: pick('D-1', 'D-2', 'D-3', ''),
      deal: pick('Acme', ' acme', 'Beta', ''),
      company: pick('Acme Inc', ''),
      owner: pick('Owner', ''),
      stage: pick('Qualified', 'Won', 'Lost', 'Negotiation', 'Someday', ''),
      lostReason: pick('Price', ''),
      amount: pick<string | number>(5000, '5k', 'lots', ''),
      closeDate: pick<string | Date>(new Date('2026-04-30T04:00:00Z'), '2026-02-01', 'soon', ''),
      nextStep: pick('Call', ''),
    })
    .map((fields) => row(fields));

  it('need nothing more: not from a second sweep, nor from a one-row check of any row (the quiet refresh’s window)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), (rows) => {
        let n = 0;
        const counted: EditContext = { ...ctx, newId: () => `D-N${++n}` };
        const swept = sweepRows(rows, 2, counted).map((o, i) => withWrites(rows[i], MAP, o.writes));
        const again = sweepRows(swept, 2, counted);
        expect(again.map((o) => [o.writes, o.history])).toEqual(swept.map(() => [{}, []]));
        const alone = swept.map((r, i) => applyRowRules(r, 2 + i, counted, {}));
        expect(alone.map((o) => [o.writes, o.history])).toEqual(swept.map(() => [{}, []]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a Deal ID or a whole deal filled down over hundreds of rows', () => {
  it('gives each row a short Check and Last seen, which a one-row check then keeps as they are', () => {
    const filled = (fields: Record<string, string | number>) =>
      Array.from({ length: 300 }, (_, i) =>
        row({ deal: `Deal ${i}`, stage: 'Qualified', dealId: `D-${i}`, ...fields }),
      );
    for (const rows of [
      filled({ dealId: 'D-1' }),
      filled({ deal: 'Acme', company: 'Acme Inc', amount: 5000 }),
    ]) {
      const swept = sweepRows(rows, 2, ctx);
      const written = swept.map((o, i) => withWrites(rows[i], MAP, o.writes));
      for (const o of swept) {
        // The rows named are the first five others and "…"; before, all 299 (~2,000 characters a cell).
        expect(String(o.writes.check)).toMatch(/(is also on|as) rows \d+, \d+, \d+, \d+, \d+, …/);
        expect(String(o.writes.check).length).toBeLessThan(200);
        expect(String(o.writes.lastSeen).length).toBeLessThan(120);
      }
      for (const r of [0, 150, 299]) expect(applyRowRules(written[r], 2 + r, ctx, {}).writes).toEqual({});
    }
  });
});

describe('a sweep of rows said settled (as the rules left them, nothing changed since)', () => {
  const DAY = 86_400_000;
  const near = (days: number) => new Date(now.getTime() + days * DAY);
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  // Dates around the sweep's day, so that a later sweep finds close dates passed, steps due, deals idle.
  const rowArb = fc
    .record({
      dealId: pick('D-1', 'D-2', 'D-3', 'D-4', 'D-5', ''),
      deal: pick('Acme', ' acme', 'Beta', 'Gamma', ''),
      company: pick('Acme Inc', ''),
      owner: pick('Owner', 'owner@example.com', ''),
      stage: pick('Qualified', 'Won', 'Lost', 'Negotiation', 'Quote sent', 'Someday', ''),
      lostReason: pick('Price', ''),
      amount: pick<string | number>(5000, 0, '5k', 'lots', ''),
      closeDate: pick<string | Date>(near(2), near(30), near(-5), '2026-02-01', 'soon', ''),
      nextStep: pick('Call', ''),
      nextStepDate: pick<string | Date>(near(1), near(20), 'tomorrow', ''),
      created: pick<string | Date>(near(-100), near(-10), ''),
      industry: pick('Software', 'Retail', ''),
      employees: pick<string | number>(10, 600, ''),
    })
    .map((fields) => row(fields));

  // A change since a sweep: another row typed over it, another row's deal pasted over it (a twin, with
  // an ID of its own), or its cells cleared (Deal ID, Check and Last seen left: a blank row keeps a
  // Last seen the rules no longer write).
  type Change = ((was: CellValue[], all: CellValue[][]) => CellValue[]) | null;
  const col = (k: FieldKey) => MAP.columns[k]!;
  const changeArb: fc.Arbitrary<Change> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: rowArb.map((r) => () => r) },
    {
      weight: 1,
      arbitrary: fc.nat().map((j) => (_: CellValue[], all: CellValue[][]) => {
        const copy = [...all[j % all.length]];
        [copy[col('dealId')], copy[col('check')], copy[col('lastSeen')]] = [`D-C${j}`, '', ''];
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constant((was: CellValue[]) =>
        row({ dealId: was[col('dealId')], check: was[col('check')], lastSeen: was[col('lastSeen')] }),
      ),
    },
  );

  it('checks them only, to the outcome the rules give, the same day or up to a year later, beside rows changed since', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rowArb, changeArb, changeArb), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (rows, days1, days2) => {
          const at = (days: number): EditContext => ({ ...ctx, now: near(days), newId: () => 'D-NEW' });
          const sweptAt = (days: number, from: CellValue[][], settled?: (i: number) => boolean) =>
            sweepRows(from, 2, at(days), settled).map((o, i) => withWrites(from[i], MAP, o.writes));
          const changed = (from: CellValue[][], k: 1 | 2) => from.map((r, i) => rows[i][k]?.(r, from) ?? r);
          // Swept, changed, swept again (every row by the rules): then changed and swept once more.
          const second = sweptAt(
            days1,
            changed(
              sweptAt(
                0,
                rows.map(([r]) => r),
              ),
              1,
            ),
          );
          const third = changed(second, 2);
          const expected = sweepRows(third, 2, at(days1 + days2));
          expect(sweepRows(third, 2, at(days1 + days2), (i) => rows[i][2] === null)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('trusts the word: a stage change in a row said settled is not logged (only rows nothing changed are said so)', () => {
    const [out] = sweepRows([row({ dealId: 'D-1', deal: 'Acme', stage: 'Qualified' })], 2, ctx);
    const settled = withWrites(row({ dealId: 'D-1', deal: 'Acme', stage: 'Qualified' }), MAP, out.writes);
    const moved = [...settled];
    moved[MAP.columns.stage!] = 'Negotiation';
    expect(sweepRows([moved], 2, ctx)[0].history).toHaveLength(1);
    const [quick] = sweepRows([moved], 2, ctx, () => true);
    expect(quick.history).toEqual([]);
    expect(Object.keys(quick.writes)).toEqual(['check']);
    expect(quick.deal?.stage?.name).toBe('Negotiation');
  });
});

describe('rows holding the same deal (sameDealRows)', () => {
  // Per field a few values, alike but for case, spaces and type, so that rows often match or nearly do.
  const day = new Date('2026-04-30T04:00:00Z');
  const six = fc.tuple(
    fc.constantFrom<CellValue>('Acme', ' ACME ', 'acme\u00a0', 'Ācme', 'ācme', '', ' ', 7),
    fc.constantFrom<CellValue>('Co', 'co', 'İstanbul', 'i̇stanbul', 'istanbul'),
    fc.constantFrom<CellValue>('', ' ', 'TRUE', true),
    fc.constantFrom<CellValue>('Won', 'won', 1, '1'),
    fc.constantFrom<CellValue>(0, -0, NaN, '0', 1.5),
    fc.constantFrom<CellValue>(day, new Date(day.getTime()), new Date(day.getTime() + 1), '2026-04-30'),
  );
  const FIELDS_COMPARED = ['deal', 'company', 'owner', 'stage', 'amount', 'closeDate'] as const;
  /** A cell as the rule compares it, written out here: trimmed lower-case text, a number, an instant. */
  const compared = (v: CellValue) =>
    typeof v === 'number'
      ? `number ${String(v)}`
      : v instanceof Date
        ? `date ${v.getTime()}`
        : `text ${String(v).trim().toLowerCase()}`;

  it('are the rows whose six cells compare alike, a row with no deal name matching none', () => {
    let withTwins = 0;
    fc.assert(
      fc.property(
        fc.array(six, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), six, fc.nat()), { maxLength: 12 }),
        (bases, picks) => {
          // Each row one of a few deals, some of its cells taken from another value of the field.
          const cells = picks.map(([n, other, mask]) =>
            bases[n % bases.length].map((v, k) => ((mask >> (2 * k)) & 3 ? v : other[k])),
          );
          const rows = cells.map((six) =>
            row(Object.fromEntries(FIELDS_COMPARED.map((f, k) => [f, six[k]]))),
          );
          const expected = new Map<number, number[]>();
          cells.forEach((a, i) => {
            if (compared(a[0]) === 'text ') return;
            const others = cells
              .map((b, j) => j)
              .filter((j) => j !== i && a.every((v, k) => compared(v) === compared(cells[j][k])));
            if (others.length)
              expected.set(
                2 + i,
                others.map((j) => 2 + j),
              );
          });
          expect(sameDealRows(rows, 2, MAP)).toEqual(expected);
          if (expected.size) withTwins++;
        },
      ),
      { numRuns: 2000 },
    );
    expect(withTwins).toBeGreaterThan(200); // the property was tried on rows that match
  });
});
