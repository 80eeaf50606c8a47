// Convert's time, estimated before it writes: conversions the bench ran in one run (on the latency
// model) fit, those it saw stopped at six minutes do not, and the parts proposed each fit, the last
// one (which adds to every deal before it) included.
import fc from 'fast-check';
import { CONVERT_BUDGET_MS, convertMs, convertParts } from '../../../src/domain/import/convertTime';

describe('convertParts', () => {
  it('lets through what converted in one run, and refuses what the bench saw stopped', () => {
    // The bench's demo export (26 columns): first imports of 100,000 rows ~153 s, 200,000 ~300 s, with
    // three "Date entered" columns (300,000 and ~663,000 changes) ~227 s and stopped (~443 s);
    // 100,000 added to 100,000 with 330,000 changes stopped (~375 s).
    expect(convertParts(0, 100_000, 26, 0)).toBeNull();
    expect(convertParts(0, 200_000, 26, 0)).toBeNull();
    expect(convertParts(0, 100_000, 26, 300_000)).toBeNull();
    expect(convertParts(0, 200_000, 26, 663_429)).toMatchObject({ minutes: 8 });
    expect(convertParts(100_000, 100_000, 26, 330_000)).not.toBeNull();
    // 200,000 deals alone take ~302 s of a 330 s run: parts must be small enough for the last one's
    // changes to fit in the rest.
    expect(convertParts(0, 200_000, 26, 663_429)?.rowsPerPart).toBe(34_000);
    // Deals alone past the run: no part size helps.
    expect(convertParts(0, 300_000, 26, 900_000)).toEqual({ minutes: 12, rowsPerPart: null });
  });

  it('proposes parts whose last one fits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300_000 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 8 }),
        (rows, width, movesPerRow) => {
          const moves = rows * movesPerRow;
          const parts = convertParts(0, rows, width, moves);
          if (!parts) return expect(convertMs(0, rows, width, moves)).toBeLessThanOrEqual(CONVERT_BUDGET_MS);
          if (parts.rowsPerPart === null) return;
          const p = parts.rowsPerPart;
          expect(p % 1000).toBe(0);
          // The last part adds p rows to the rows - p converted before it; the first adds p to none.
          expect(convertMs(rows - p, p, width, p * movesPerRow)).toBeLessThanOrEqual(CONVERT_BUDGET_MS);
          expect(convertMs(0, p, width, p * movesPerRow)).toBeLessThanOrEqual(CONVERT_BUDGET_MS);
        },
      ),
      { numRuns: 300 },
    );
  });
});
