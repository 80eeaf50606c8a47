// Deals' rows as the store keeps them: whatever a row holds (text of any kind, numbers, true or false,
// dates), decoding gives back the same values, each of the same type, and the text cut into cells
// joins up again. Values the store cannot keep make it refuse, never keep them changed.
import fc from 'fast-check';
import type { CellValue } from '../../../src/domain/deals/deal';
import {
  decodeChangedRows,
  decodeManyRows,
  decodeRows,
  encodeChangedRows,
  encodeManyRows,
  encodeRows,
  fromPieces,
  PIECE_MARK,
  toPieces,
} from '../../../src/domain/deals/rowStore';

/** A cell as a read gives it, with repeats likely (a column of stages) and text that looks like other things. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>('', 'Won', 'Negotiation', '1', 'true', '=A1', '["x"]', '{"d":1}', "'quoted"),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
);

/** Values compared with their type (a date by its instant). */
const typed = (rows: readonly (readonly CellValue[])[]) =>
  rows.map((r) =>
    r.map((v) => (v instanceof Date ? ['date', v.getTime()] : [typeof v, Object.is(v, -0) ? 0 : v])),
  );

describe('the rows of the Deals store', () => {
  it('gives back every row as it was, each value of its type', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((w) =>
            fc
              .array(fc.array(cellValue, { minLength: w, maxLength: w }), { maxLength: 60 })
              .map((rows) => ({ w, rows })),
          ),
        ({ w, rows }) => {
          const text = encodeRows(rows, w);
          expect(text).not.toBeNull();
          expect(typed(decodeRows(text!)!)).toEqual(typed(rows));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back a column of JSON arrays (as Last seen holds) and a column of distinct texts exactly, and keeps them short', () => {
    const plain = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    // Mostly arrays as JSON writes them, some cells other text (spaced JSON, objects, plain words).
    const seen = fc.oneof(
      { weight: 6, arbitrary: fc.array(plain, { maxLength: 7 }).map((a) => JSON.stringify(a)) },
      { weight: 1, arbitrary: fc.array(plain, { maxLength: 3 }).map((a) => JSON.stringify(a, null, 1)) },
      { weight: 1, arbitrary: fc.constantFrom('', '{"s":"Won"}', '[1,{"a":2}]', '[-0]', 'Won') },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(seen, fc.uuid()), { maxLength: 80 }), (pairs) => {
        const rows = pairs.map(([s, id]) => [s, id] as CellValue[]);
        expect(typed(decodeRows(encodeRows(rows, 2)!)!)).toEqual(typed(rows));
      }),
      { numRuns: 300 },
    );
    // 5,000 deals' Last seen from a few stages, amounts and days: a few characters a row, not ~50.
    const stages = ['Qualified', 'Quote sent', 'Negotiation', 'Won'];
    const rows = Array.from({ length: 5000 }, (_, i) => [
      JSON.stringify([
        stages[i % 4],
        1000 * (i % 90),
        `2026-0${1 + (i % 9)}-1${i % 10}`,
        null,
        i % 3 ? 'Pipeline' : null,
      ]),
      `D-${(i * 7919).toString(36).padStart(8, '0')}`,
    ]);
    const text = encodeRows(rows, 2)!;
    expect(typed(decodeRows(text)!)).toEqual(typed(rows));
    expect(text.length / 5000).toBeLessThan(8 + 12);
  });

  it('gives each row a Date of its own, as a read does', () => {
    const day = new Date('2026-03-10T15:00:00Z');
    const back = decodeRows(encodeRows([[day], [new Date(day.getTime())]], 1)!)!;
    expect(back[0][0]).not.toBe(back[1][0]);
    expect((back[1][0] as Date).getTime()).toBe(day.getTime());
  });

  it('keeps a long column of few values short: a stage a row in one character', () => {
    const stages = ['Qualified', 'Quote sent', 'Negotiation', 'Won'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [stages[i % 4]]);
    expect(encodeRows(rows, 1)!.length).toBeLessThan(10_000 + 200);
  });

  it('refuses a value it cannot keep (a number JSON cannot hold, a date that is no date)', () => {
    expect(encodeRows([[Infinity]], 1)).toBeNull();
    expect(encodeRows([[new Date(NaN)]], 1)).toBeNull();
    expect(encodeChangedRows([[2, [NaN]]])).toBeNull();
  });

  it('gives back the rows a writer changed, with their sheet rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2, max: 200_000 }), fc.array(cellValue, { maxLength: 6 }))),
        (changed) => {
          const back = decodeChangedRows(encodeChangedRows(changed)!)!;
          expect(back.map(([r]) => r)).toEqual(changed.map(([r]) => r));
          expect(typed(back.map(([, c]) => c))).toEqual(typed(changed.map(([, c]) => c)));
        },
      ),
    );
  });

  it("gives back a refresh's many changed rows with their sheet rows, kept by column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((w) =>
          fc
            .array(
              fc.tuple(
                fc.integer({ min: 2, max: 200_000 }),
                fc.array(cellValue, { minLength: w, maxLength: w }),
              ),
              {
                maxLength: 40,
              },
            )
            .map((changed) => ({ w, changed })),
        ),
        ({ w, changed }) => {
          const back = decodeManyRows(encodeManyRows(changed, w)!)!;
          expect(back.map(([r]) => r)).toEqual(changed.map(([r]) => r));
          expect(typed(back.map(([, c]) => c))).toEqual(typed(changed.map(([, c]) => c)));
        },
      ),
    );
  });

  it('says when the text is not a store', () => {
    expect(decodeRows('not json')).toBeNull();
    expect(decodeRows('[2,1,1,[]]')).toBeNull();
    expect(decodeRows(JSON.stringify([1, 2, 1, [[['a'], 1, '0']]]))).toBeNull(); // codes for one row, not two
    expect(decodeChangedRows('{"a":1}')).toBeNull();
  });

  it('cuts text into cells a cell can hold, each starting with the mark, and joins them up again', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 1, max: 50 }), (text, size) => {
        const pieces = toPieces(text, size);
        expect(pieces.every((p) => p.startsWith(PIECE_MARK) && p.length <= size + PIECE_MARK.length)).toBe(
          true,
        );
        expect(fromPieces(pieces)).toBe(text);
      }),
    );
    expect(fromPieces(['~ab', 'cd'])).toBeNull();
  });
});
