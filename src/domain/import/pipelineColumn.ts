// An export of several pipelines (HubSpot's and Pipedrive's Pipeline column: "Sales Pipeline",
// "Renewals"), each with stages of its own. The CRM keeps one list of stages, so Convert merges
// theirs into one order and the forecast and the funnel count the pipelines together; said in the
// preview before anything is written, with the way to keep one apart. The column stays on each deal.
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { counted, firstOf } from '../values/text';
import { normaliseHeader } from './headerVocabulary';
import { cellText } from './valueSniffing';

const HEADER = /^(deal |sales |opportunity )?(pipeline|funnel)( name)?$/;
/** More distinct values than this is not a pipeline column. */
const MOST = 12;

/** The pipelines an extra column names, with how many deals each holds (most first); or null. */
export function pipelinesOf(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
): { column: number; pipelines: [name: string, deals: number][] } | null {
  const header = values[headerRow] ?? [];
  for (const c of map.extras) {
    if (!HEADER.test(normaliseHeader(header[c]).replace(/_/g, ' '))) continue;
    const counts = new Map<string, number>();
    for (const row of values.slice(headerRow + 1)) {
      const v = cellText(row[c]);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    if (counts.size < 2 || counts.size > MOST) continue;
    return { column: c, pipelines: [...counts].sort((a, b) => b[1] - a[1]) };
  }
  return null;
}

/** The preview's words on several pipelines, or ''. `name` names a column. */
export function pipelinesSaid(found: ReturnType<typeof pipelinesOf>, name: (c: number) => string): string {
  if (!found) return '';
  const each = found.pipelines.map(([p, n]) => `${p}: ${counted(n, 'deal')}`);
  return (
    `${name(found.column)} names ${found.pipelines.length} pipelines (${firstOf(each, 6)}). The CRM keeps ` +
    `one list of stages, so their stages are merged into the one order below, and the forecast and the ` +
    `funnel count them together; the column stays on each deal to filter by. To keep a pipeline apart, ` +
    `answer Cancel and convert its rows on their own (filter this tab by that column and copy them to a ` +
    `new tab) into a CRM of its own.`
  );
}
