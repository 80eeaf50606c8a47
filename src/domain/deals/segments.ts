// Segmentation: the first Settings rule whose industries and employee range match wins; a deal no rule
// matches, or with no employee count, is Unsegmented.
import type { SegmentRule } from '../../shared/settings';
import { UNSEGMENTED } from '../../shared/names';
import { looseKey } from '../values/text';
import type { Deal } from './deal';

/** A rule as deals are checked against it: its industries as loose keys (null: any industry). */
interface Compiled {
  keys: Set<string> | null;
  rule: SegmentRule;
}
let last: { rules: readonly SegmentRule[]; compiled: Compiled[] } | null = null;

/**
 * The rules with their industries as loose keys, worked out again only for another list of rules
 * (reports ask for each deal's segment several times, 500,000 asks a refresh, of one list).
 */
function compiled(rules: readonly SegmentRule[]): Compiled[] {
  if (last?.rules !== rules)
    last = {
      rules,
      compiled: rules.map((rule) => ({
        rule,
        keys: rule.industries.length ? new Set(rule.industries.map(looseKey)) : null,
      })),
    };
  return last.compiled;
}

/** The segment for an industry and employee count. */
export function segmentFor(
  industry: string,
  employees: number | null,
  rules: readonly SegmentRule[],
): string {
  if (employees === null) return UNSEGMENTED;
  const ind = looseKey(industry);
  for (const { rule: r, keys } of compiled(rules)) {
    if (keys && !keys.has(ind)) continue;
    if (r.minEmployees !== null && employees < r.minEmployees) continue;
    if (r.maxEmployees !== null && employees > r.maxEmployees) continue;
    return r.segment;
  }
  return UNSEGMENTED;
}

/**
 * A deal's segment (reports ask for it several times a deal: worked out each time, which costs less
 * than remembering it per deal).
 */
export function dealSegment(d: Deal, rules: readonly SegmentRule[]): string {
  return segmentFor(d.industry, d.employees.kind === 'ok' ? d.employees.value : null, rules);
}

/** The deal at another amount (the board's route search). */
export function atAmount(d: Deal, value: number): Deal {
  return { ...d, amount: { kind: 'ok', value } };
}
