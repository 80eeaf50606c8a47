// Convert's time, estimated before it writes: exports the bench converts in one run (on the latency
// model) fit, those it saw stopped at six minutes do not, and the parts proposed fit.
import fc from 'fast-check';
import { CONVERT_BUDGET_MS, convertMs, convertParts } from '../../../src/domain/import/convertTime';

describe('convertParts', () => {
  it('lets through what converts in one run, and refuses what the bench saw stopped', () => {
    // Measured with the bench's demo export (26 columns): 100,000 rows ~153 s, 200,000 ~300 s, with
    // three "Date entered" columns (300,000 and 600,000 changes) ~227 s and stopped at 360 s (~443 s).
    expect(convertParts(100_000, 26, 0)).toBeNull();
    expect(convertParts(200_000, 26, 0)).toBeNull();
    expect(convertParts(100_000, 26, 300_000)).toBeNull();
    expect(convertParts(200_000, 26, 600_000)).toEqual({ minutes: 8, rowsPerPart: 146_000 });
  });

  it('proposes parts that each fit, and none much smaller than needed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400_000 }),
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 0, max: 8 }),
        (rows, width, movesPerRow) => {
          const parts = convertParts(rows, width, rows * movesPerRow);
          if (!parts)
            return expect(convertMs(rows, width, rows * movesPerRow)).toBeLessThanOrEqual(CONVERT_BUDGET_MS);
          const part = parts.rowsPerPart;
          expect(part).toBeLessThan(rows);
          expect(convertMs(part, width, part * movesPerRow)).toBeLessThanOrEqual(CONVERT_BUDGET_MS);
          // Rounded down by less than a thousand rows, or to at least one row.
          if (part > 1)
            expect(convertMs(part + 1000, width, (part + 1000) * movesPerRow)).toBeGreaterThan(
              CONVERT_BUDGET_MS,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
