// Segments straight from the rules: first matching rule wins, no employee count means Unsegmented.
import fc from 'fast-check';
import { segmentFor } from '../../../src/domain/deals/segments';
import type { SegmentRule } from '../../../src/shared/settings';

const RULES: SegmentRule[] = [
  { segment: 'A', industries: ['Software', 'Healthcare'], minEmployees: 200, maxEmployees: null },
  { segment: 'B', industries: [], minEmployees: 50, maxEmployees: null },
  { segment: 'C', industries: [], minEmployees: 1, maxEmployees: 49 },
];

describe('segmentFor', () => {
  it.each([
    ['Software', 500, 'A'],
    [' software ', 200, 'A'],
    ['Retail', 500, 'B'],
    ['Software', 199, 'B'],
    ['Software', 49, 'C'],
    ['', 1, 'C'],
    ['Retail', 0, 'Unsegmented'],
    ['Software', null, 'Unsegmented'],
  ] as const)('puts %j with %j employees in %s', (industry, employees, expected) => {
    expect(segmentFor(industry, employees, RULES)).toBe(expected);
  });

  it('returns the first rule that matches, checked rule by rule (property)', () => {
    const rule = fc.record({
      segment: fc.constantFrom('A', 'B', 'C', 'D'),
      industries: fc.subarray(['Software', 'Retail', 'Energy']),
      minEmployees: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      maxEmployees: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 5 }),
        fc.constantFrom('Software', 'retail', 'Energy', 'Mining', ''),
        fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        (rules, industry, employees) => {
          const matches = (r: SegmentRule) =>
            employees !== null &&
            (r.industries.length === 0 ||
              r.industries.some((i) => i.toLowerCase() === industry.trim().toLowerCase())) &&
            (r.minEmployees === null || employees >= r.minEmployees) &&
            (r.maxEmployees === null || employees <= r.maxEmployees);
          const first = rules.find(matches);
          expect(segmentFor(industry, employees, rules)).toBe(first ? first.segment : 'Unsegmented');
        },
      ),
      { numRuns: 500 },
    );
  });
});
