// Rules named for people, for summaries ("12 rows: required field missing").
import type { RuleId } from './dealChecks';

export const RULE_LABELS: Record<RuleId, string> = {
  'no-stage': 'no stage',
  'unknown-stage': 'stage not in CRM Settings',
  'missing-field': 'required field missing for the stage',
  'lost-no-reason': 'Lost with no reason',
  'unknown-lost-reason': 'lost reason not in CRM Settings',
  'competitor-missing': 'lost to a competitor with no competitor named',
  'reason-not-lost': 'a lost reason on a deal that is not lost',
  'bad-value': 'amount, date or number that could not be read',
  overdue: 'open with a close date in the past',
  'next-step-overdue': 'open with a next step date in the past',
  'close-date-far': 'closed more than 30 days from its close date',
  'zero-amount': 'amount 0 at 40% or more',
  stale: 'no stage change for longer than the stage allows',
  'timed-out': 'idle long enough to consider Timed out',
  'duplicate-id': 'duplicate Deal ID',
  'unknown-owner': 'owner not in CRM Settings',
  'unknown-industry': 'industry not in CRM Settings',
  'unknown-category': 'forecast category the CRM does not know',
  'twin-deal': 'the same deal on another row (pasted twice?)',
  pushed: 'close date pushed 3 times or more',
};

/** "3 rows: stage not in CRM Settings" lines, most frequent first. */
export function ruleCountLines(byRule: Partial<Record<RuleId, number>>): string[] {
  return (Object.entries(byRule) as [RuleId, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${n} ${n === 1 ? 'row' : 'rows'}: ${RULE_LABELS[rule]}`);
}
