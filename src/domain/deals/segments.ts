// Segmentation: the first Settings rule whose industries and employee range match wins; a deal no rule
// matches, or with no employee count, is Unsegmented.
import type { SegmentRule } from '../../shared/settings';
import { UNSEGMENTED } from '../../shared/names';
import { looseKey } from '../values/text';

/** The segment for an industry and employee count. */
export function segmentFor(
  industry: string,
  employees: number | null,
  rules: readonly SegmentRule[],
): string {
  if (employees === null) return UNSEGMENTED;
  const ind = looseKey(industry);
  for (const r of rules) {
    if (r.industries.length && !r.industries.some((i) => looseKey(i) === ind)) continue;
    if (r.minEmployees !== null && employees < r.minEmployees) continue;
    if (r.maxEmployees !== null && employees > r.maxEmployees) continue;
    return r.segment;
  }
  return UNSEGMENTED;
}
