// The board's months: Forecast history's snapshots read by name (the first of each month, the one of a
// meeting day), and the monthly trend of open pipeline, weighted forecast and new pipeline, charted.
import { isDate, isoDay, isoMonth } from '../../shared/zonedTime';
import type { CellValue } from '../deals/deal';
import { MONEY, type ReportGrid } from '../core/reportGrid';
import { REBUILT } from '../reports/reportSet';
import { monthFinder } from './closedOn';
import type { Disclosure } from './disclosure';
import { hiddenText } from './disclosure';
import type { BoardChart, BoardInput } from './boardReport';

/** One Forecast history row, read by column name. */
export interface Snapshot {
  day: Date;
  value: (column: string) => number;
  /** open deals it rests on (null: a row from before the CRM counted them) */
  openDeals: number | null;
  rebuilt: boolean;
}

/** Forecast history's dated rows, oldest first as the tab keeps them. */
export function snapshotsOf(input: BoardInput['snapshots']): Snapshot[] {
  const at = new Map(input.header.map((h, i) => [h, i]));
  const num = (r: readonly CellValue[], h: string) => (at.has(h) ? Number(r[at.get(h)!]) || 0 : 0);
  return input.rows.flatMap((r) => {
    if (!isDate(r[0])) return [];
    const open = at.has('Open deals') ? r[at.get('Open deals')!] : '';
    return [
      {
        day: r[0],
        value: (h: string) => num(r, h),
        openDeals: typeof open === 'number' ? open : null,
        rebuilt: at.has('Source') && r[at.get('Source')!] === REBUILT,
      },
    ];
  });
}

/** The first snapshot taken in each month, by month key. */
export function firstOfMonths(snaps: readonly Snapshot[], timeZone: string): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>();
  for (const s of snaps) {
    const key = isoMonth(s.day, timeZone);
    if (!out.has(key)) out.set(key, s);
  }
  return out;
}

/** The last snapshot on or before `day` ("2026-02-01"). */
export function snapshotOn(snaps: readonly Snapshot[], day: string, timeZone: string): Snapshot | undefined {
  return snaps.filter((s) => isoDay(s.day, timeZone) <= day).pop();
}

/** A snapshot's figure, or the words hiding it when it rests on 1 to `k`−1 open deals. */
export function snapshotFigure(s: Snapshot, column: string, k: number): number | string {
  return s.openDeals !== null && s.openDeals > 0 && s.openDeals < k ? hiddenText(k) : s.value(column);
}

/** Month by month: open pipeline and the weighted 3-month forecast on its first day, and new pipeline. */
export function monthlyTrend(
  g: ReportGrid,
  charts: BoardChart[],
  input: BoardInput,
  d: Disclosure,
  starts: ReadonlyMap<string, Snapshot>,
): void {
  const months = input.forecast.closedMonths;
  const monthOf = monthFinder(
    months.map((m) => m.key),
    input.timeZone,
  );
  const created = new Map(months.map((m) => [m.key, { n: 0, v: 0 }]));
  for (const deal of input.deals) {
    const c = deal.created && created.get(monthOf(deal.created) ?? '');
    if (!c) continue;
    c.n++;
    c.v += deal.amount.kind === 'ok' ? deal.amount.value : 0;
  }
  const header = g.rows.length;
  g.header([
    'Monthly trend',
    'Open pipeline (1st of month)',
    'Weighted next 3 months (1st of month)',
    'New pipeline',
    'New deals',
  ]);
  let rebuilt = 0;
  for (const m of months) {
    const s = starts.get(m.key);
    if (s?.rebuilt) rebuilt++;
    const c = created.get(m.key)!;
    g.line(
      [
        m.label,
        s ? snapshotFigure(s, 'Open pipeline', d.k) : 'no snapshot',
        s ? snapshotFigure(s, 'Weighted next 3 months', d.k) : 'no snapshot',
        d.shown(c.v, c.n),
        c.n,
      ],
      ['', MONEY, MONEY, MONEY, '0'],
    );
  }
  if (rebuilt)
    g.line([
      `${rebuilt} of these months start from a snapshot rebuilt from History (stages as History records them, today's amounts and close dates).`,
    ]);
  charts.push({
    title: 'Pipeline by month',
    type: 'LINE',
    headerRow: header,
    rows: months.length,
    columns: [0, 1, 2, 3],
    anchorRow: 60,
    anchorColumn: 11,
  });
  g.blank();
}
