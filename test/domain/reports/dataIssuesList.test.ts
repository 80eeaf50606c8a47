// Data issues over random sets of flagged deals: every owner's count is whole in the header line, each
// owner lists its first ISSUES_LISTED_PER_OWNER rows in row order and then one line saying how many
// more, and no deal is listed twice or under another owner.
import fc from 'fast-check';
import { dataIssuesReport, ISSUES_LISTED_PER_OWNER } from '../../../src/domain/reports/dealListReports';
import type { Violation } from '../../../src/domain/dataQuality/dealChecks';
import { deal } from '../../support/deals';

const LIMIT = ISSUES_LISTED_PER_OWNER;
const OWNERS = ['bea@example.com', 'al@example.com', ''];
const broken: Violation[] = [{ rule: 'stale', message: 'No stage change since 2026-01-05' }];

describe('Data issues', () => {
  it('lists each owner’s first rows in row order, then how many more, with every count whole', () => {
    fc.assert(
      fc.property(
        // How many rows each owner has (around the limit), dealt out over the tab in a random order.
        fc.tuple(
          ...OWNERS.map(() =>
            fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: LIMIT - 2, max: LIMIT + 3 })),
          ),
        ),
        fc.array(fc.nat(), { minLength: 3 * (LIMIT + 3), maxLength: 3 * (LIMIT + 3) }),
        (sizes, keys) => {
          const owners = OWNERS.flatMap((o, i) => Array<string>(sizes[i]).fill(o))
            .map((o, i) => [o, keys[i]] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([o]) => o);
          const issues = owners.map((owner, i) => ({
            deal: deal({ dealId: `D-${i}`, deal: `Deal ${i}`, owner }, undefined, i + 2),
            violations: broken,
          }));
          const grid = dataIssuesReport(issues, ['status'], 7);
          const text = grid.rows.map((r) => r.map((c) => (typeof c === 'object' ? '' : String(c))));
          // Expected, from the owners drawn: counts per owner name, sorted by name.
          const named = owners.map((o) => o || '(no owner)');
          const counts = new Map<string, number>();
          for (const o of named) counts.set(o, (counts.get(o) ?? 0) + 1);
          const order = [...counts.keys()].sort();
          if (!owners.length) {
            expect(text[2][0]).toBe('No rule is broken. Nice work.');
            return;
          }
          expect(text[2][0]).toContain(order.map((o) => `${o}: ${counts.get(o)}`).join('; '));
          expect(text[2][0].includes(`the first ${LIMIT} of each`)).toBe(
            [...counts.values()].some((n) => n > LIMIT),
          );
          const body = text.slice(grid.bodyFrom! - 1);
          const expected: string[][] = [];
          for (const o of order) {
            const ids = named.flatMap((n, i) => (n === o ? [`D-${i}`] : []));
            for (const id of ids.slice(0, LIMIT)) expected.push([o, id]);
            if (ids.length > LIMIT) expected.push([o, `${ids.length - LIMIT} more`]);
          }
          expect(body.map((r) => [r[0], r[2] || r[5].replace(/^and (\d+ more).*$/, '$1')])).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
