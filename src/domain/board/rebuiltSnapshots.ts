// Forecast history for days before the CRM took its first snapshot, rebuilt from History: each deal in
// the stage History records it in on that day, at today's amount and close date. An import with
// history (or a CRM set up on an old sheet) then has forecast accuracy and "since the meeting" at once.
// A deal then in another stage than today's takes that stage's probability and forecast category.
// Rebuilt rows say so in their Source column, and the board marks what rests on them.
import type { Settings, StageDef } from '../../shared/settings';
import { isDate, isoDay, zonedInstant, zonedParts } from '../../shared/zonedTime';
import type { CellValue, Deal } from '../deals/deal';
import type { Forecast } from '../forecast/forecast';
import type { Move, MovesByDeal } from '../history/stageMoves';
import { REBUILT, SNAPSHOT_HEADER, snapshotRow } from '../reports/reportSet';
import { findStage } from '../settings/stageLookup';
import { closedOn } from './closedOn';

/** The deal as it stood at `t` (ms), or null if it did not exist yet (or its stage then is unknown). */
export function dealAsOf(
  d: Deal,
  moves: readonly Move[] | undefined,
  t: number,
  stages: readonly StageDef[],
): Deal | null {
  const born = d.created?.getTime() ?? moves?.[0]?.[0] ?? d.stageEntered?.getTime();
  if (born === undefined || born > t) return null;
  let to: string | null = null;
  for (const [time, stage] of moves ?? []) {
    if (time > t) break;
    to = stage;
  }
  const firstOpen = stages.find((s) => s.type === 'Open') ?? null;
  let stage: StageDef | null;
  if (to !== null) stage = findStage(to, stages);
  else if (moves?.length)
    stage = firstOpen; // History's first move came later: it was new then.
  else {
    // No History for the deal: in its stage since Stage entered (or since it closed), else new.
    const since = d.stage?.type === 'Open' ? d.stageEntered : (closedOn(d, new Map())?.at ?? null);
    stage = !since || since.getTime() <= t ? d.stage : firstOpen;
  }
  if (!stage) return null;
  // In another stage then: its probability and forecast category were that stage's, not today's.
  return stage === d.stage
    ? d
    : { ...d, stage, stageText: stage.name, probability: { kind: 'empty' }, forecastCategory: '' };
}

/** The first day of each of the last 12 months and this one, and the meeting days up to today. */
function wantedDays(meetings: readonly string[], now: Date, timeZone: string): Date[] {
  const p = zonedParts(now, timeZone);
  const days = Array.from({ length: 13 }, (_, i) => zonedInstant(timeZone, p.year, p.month - 12 + i, 1));
  const today = isoDay(now, timeZone);
  for (const m of meetings)
    if (m <= today) days.push(zonedInstant(timeZone, +m.slice(0, 4), +m.slice(5, 7), +m.slice(8, 10)));
  return days.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Forecast history rows (in `header`'s columns) rebuilt for the wanted days before the tab's first
 * daily snapshot that have no row yet, on or after the day of History's first stage move; none when
 * History records no move. `forecastAt` is buildForecast with the CRM's settings.
 */
export function rebuiltSnapshots(input: {
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  deals: readonly Deal[];
  moves: MovesByDeal;
  settings: Settings;
  meetings: readonly string[];
  now: Date;
  timeZone: string;
  forecastAt: (deals: readonly Deal[], day: Date) => Forecast;
}): CellValue[][] {
  const { header, rows, moves, timeZone } = input;
  const source = header.indexOf('Source');
  const dayOf = (r: readonly CellValue[]) => (isDate(r[0]) ? isoDay(r[0], timeZone) : null);
  const have = new Set(rows.map(dayOf));
  const firstDaily = rows.find((r) => isDate(r[0]) && r[source] !== REBUILT);
  const before = firstDaily ? dayOf(firstDaily)! : isoDay(input.now, timeZone);
  let firstMove = Infinity;
  for (const list of moves.values()) if (list.length && list[0][0] < firstMove) firstMove = list[0][0];
  if (firstMove === Infinity) return [];
  const from = isoDay(new Date(firstMove), timeZone);
  const days = wantedDays(input.meetings, input.now, timeZone).filter((d) => {
    const day = isoDay(d, timeZone);
    return day >= from && day < before && !have.has(day);
  });
  const stages = input.settings.stages;
  return days.map((day) => {
    const asOf: Deal[] = [];
    // What stood at the day's first instant (a daily snapshot's Day is its midnight).
    for (const d of input.deals) {
      const then = dealAsOf(d, moves.get(d.id), day.getTime(), stages);
      if (then) asOf.push(then);
    }
    const row = snapshotRow(input.forecastAt(asOf, day), day, REBUILT);
    const named = new Map(SNAPSHOT_HEADER.map((n, i) => [n, row[i]]));
    return header.map((h) => (named.get(h) ?? '') as CellValue);
  });
}
