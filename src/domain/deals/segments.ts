// Segmentation: the first Settings rule whose industries and employee range match wins; a deal no rule
// matches, or with no employee count, is Unsegmented.
import type { SegmentRule } from '../../shared/settings';
import { UNSEGMENTED } from '../../shared/names';
import { looseKey } from '../values/text';
import type { Deal } from './deal';

const ruleKeys = new WeakMap<SegmentRule, Set<string>>();

/** A rule's industries as loose keys, worked out once per rule (every deal is checked against them). */
function industryKeys(r: SegmentRule): Set<string> {
  let keys = ruleKeys.get(r);
  if (!keys) ruleKeys.set(r, (keys = new Set(r.industries.map(looseKey))));
  return keys;
}

/** The segment for an industry and employee count. */
export function segmentFor(
  industry: string,
  employees: number | null,
  rules: readonly SegmentRule[],
): string {
  if (employees === null) return UNSEGMENTED;
  const ind = looseKey(industry);
  for (const r of rules) {
    if (r.industries.length && !industryKeys(r).has(ind)) continue;
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
