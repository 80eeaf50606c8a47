// History rows packed many to a cell for the archive tab, over random rows: every row comes back as it
// went in (type and value, dates by instant, text with line breaks, quotes and tabs), in order; no cell
// passes the limit of a cell; and a line damaged by hand is reported with its number, never skipped.
import fc from 'fast-check';
import { packRows, PACKED_CELL_CHARS, unpackCell } from '../../../src/domain/history/historyArchive';

type Value = string | number | boolean | Date;
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('Stage', 'Line\nbreak', 'tab\there', '"quoted"', '=SUM(A1)', '{"date":"x"}', ''),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.integer({ min: -8e12, max: 8e12 }).map((ms) => new Date(ms)),
);
const row = fc.array(value, { minLength: 6, maxLength: 6 });

/** A value as compared here: a date by its instant and type, -0 as 0 (JSON keeps no sign of zero). */
const same = (a: Value) =>
  a instanceof Date ? `date:${a.getTime()}` : `${typeof a}:${Object.is(a, -0) ? 0 : String(a)}`;

describe('History rows packed for the archive', () => {
  it('come back exactly and in order, in cells no longer than a cell may be', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), fc.integer({ min: 0, max: 3000 }), (rows, pad) => {
        // Long rows make a few cells hold few rows each.
        const input = rows.map((r, i) => (i % 7 === 0 ? [...r.slice(0, 5), 'x'.repeat(pad)] : r));
        const cells = packRows(input, 6)!;
        expect(cells.every((c) => c.text.length <= PACKED_CELL_CHARS)).toBe(true);
        const back = cells.flatMap((c) => {
          const { rows: out, problem } = unpackCell(c.text, 6);
          expect(problem).toBeNull();
          expect(out).toHaveLength(c.rows);
          return out;
        });
        expect(back.map((r) => r.map(same))).toEqual(input.map((r) => r.map(same)));
      }),
      { numRuns: 150 },
    );
  });

  it('fills each cell before starting the next', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      new Date(Date.UTC(2025, 0, 1, 0, i)),
      `D-${i}`,
      'Stage',
      'Lead',
      'Demo',
      'a@b.co',
    ]);
    const cells = packRows(rows, 6)!;
    const line = JSON.stringify([
      { date: '2025-01-01T00:00:00.000Z' },
      'D-1000',
      'Stage',
      'Lead',
      'Demo',
      'a@b.co',
    ]).length;
    // Each cell but the last could not take one more line.
    for (const c of cells.slice(0, -1)) expect(c.text.length + 1 + line).toBeGreaterThan(PACKED_CELL_CHARS);
    expect(cells.reduce((n, c) => n + c.rows, 0)).toBe(3000);
  });

  it('says which line of a cell is not a row, and refuses a row too long for a cell', () => {
    const text = [
      JSON.stringify(['a', 'b', 'c', 'd', 'e', 'f']),
      'typed over',
      JSON.stringify([1, 2, 3, 4, 5, 6]),
    ].join('\n');
    expect(unpackCell(text, 6).problem).toEqual({ line: 2, why: 'is not a History row written by the CRM' });
    expect(unpackCell(JSON.stringify([1, 2]), 6).problem?.line).toBe(1);
    expect(unpackCell(JSON.stringify([1, 2, 3, 4, 5, null]), 6).problem?.line).toBe(1);
    expect(packRows([['x'.repeat(PACKED_CELL_CHARS), '', '', '', '', '']], 6)).toBeNull();
  });
});
