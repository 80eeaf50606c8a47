// An export whose amounts are per period for some deals (Close's value_period: one_time, monthly,
// annual; a "Billing frequency" column): a monthly deal's amount is a twelfth of a year's. The CRM
// counts each amount once, as written, and cannot know whether the team means monthly or yearly
// revenue; so the preview says so, naming how many deals are monthly, quarterly or annual, and the
// column stays on each deal as an extra for the team to act on.
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { counted } from '../values/text';
import { normaliseHeader } from './headerVocabulary';
import { cellText } from './valueSniffing';

const HEADER = /\b(period|frequency|billing|recurr\w*|interval|term)\b/;
const PERIODS: [RegExp, string][] = [
  [/^(monthly|month|per month|mo|mrr|\/mo)$/, 'monthly'],
  [/^(quarterly|quarter|per quarter|qtr)$/, 'quarterly'],
  [/^(annual|annually|yearly|year|per year|yr|arr)$/, 'annual'],
];

/** How many deals an extra column says are monthly, quarterly or annual, with the column; or null. */
export function amountPeriodsOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
): { column: number; counts: Map<string, number> } | null {
  if (map.columns.amount === undefined) return null;
  const header = values[headerRow] ?? [];
  for (const c of map.extras) {
    if (!HEADER.test(normaliseHeader(header[c]))) continue;
    const counts = new Map<string, number>();
    for (const row of values.slice(headerRow + 1)) {
      const v = normaliseHeader(cellText(row[c])).replace(/_/g, ' ');
      const period = PERIODS.find(([re]) => re.test(v))?.[1];
      if (period) counts.set(period, (counts.get(period) ?? 0) + 1);
    }
    if (counts.size) return { column: c, counts };
  }
  return null;
}

/** The preview's words on amounts per period, or ''. `name` names a column. */
export function amountPeriodSaid(
  found: ReturnType<typeof amountPeriodsOf>,
  name: (c: number) => string,
): string {
  if (!found) return '';
  const parts = [...found.counts].map(([p, n]) => `${counted(n, 'deal')} ${p}`);
  return `${name(found.column)} says some amounts are per period (${parts.join(', ')}): each amount counts once, as written (a monthly one as a month's worth). Put a year's worth in Amount where the forecast should count one; the column stays on each deal.`;
}
