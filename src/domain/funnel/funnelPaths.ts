// The funnel's first steps: which deals the period holds, the path each took through the open and won
// stages (from History and its current stage), how many reached and passed each stage, and the days
// deals stayed in each stage.
import type { Settings, StageDef } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import type { Deal } from '../deals/deal';
import type { Move, MovesByDeal } from '../history/stageMoves';
import { looseKey } from '../values/text';
import { localDayNumber } from '../../shared/zonedTime';

const PERIOD_DAYS: Record<Settings['general']['funnelPeriod'], number | null> = {
  'Last 90 days': 90,
  'Last 12 months': 365,
  All: null,
};

/** The pipeline's stages in funnel order, with lookups History's spellings go through once each. */
export interface StageIndex {
  open: StageDef[];
  /** open stages, then won ones: a deal's path runs along this */
  sequence: StageDef[];
  stageNamed(raw: string): StageDef | undefined;
  /** a spelling's position in `sequence`, -1 when it is not an open or won stage */
  positionOf(raw: string): number;
  positionOfStage(name: string): number;
}

export function stageIndex(settings: Settings): StageIndex {
  const open = settings.stages.filter((s) => s.type === 'Open');
  const sequence = [...open, ...settings.stages.filter((s) => s.type === 'Won')];
  const byKey = new Map(settings.stages.map((s) => [looseKey(s.name), s]));
  const pos = new Map(sequence.map((s, i) => [s.name, i]));
  // History holds the same few stage names thousands of times: look each spelling up once.
  const spelled = new Map<string, StageDef | undefined>();
  const positions = new Map<string, number>();
  const stageNamed = (raw: string) => {
    if (!spelled.has(raw)) spelled.set(raw, byKey.get(looseKey(raw)));
    return spelled.get(raw);
  };
  const positionOf = (raw: string) => {
    let at = positions.get(raw);
    if (at === undefined) {
      const s = stageNamed(raw);
      at = s ? (pos.get(s.name) ?? -1) : -1;
      positions.set(raw, at);
    }
    return at;
  };
  return { open, sequence, stageNamed, positionOf, positionOfStage: (name) => pos.get(name) ?? -1 };
}

export interface PeriodDeals {
  inPeriod: Deal[];
  unknownStages: { stage: string; deals: number }[];
  noStage: number;
  outsidePeriod: number;
  noDate: number;
}

/**
 * The deals the period holds: closed deals by the period they closed in, open ones by the period they
 * were created in. Deals without a stage, on a stage Settings lacks or without the date are counted.
 */
export function dealsInPeriod(
  deals: readonly Deal[],
  period: Settings['general']['funnelPeriod'],
  now: Date,
  timeZone: string,
): PeriodDeals {
  const limit = PERIOD_DAYS[period];
  const unknown = new Map<string, { stage: string; deals: number }>();
  const out: PeriodDeals = { inPeriod: [], unknownStages: [], noStage: 0, outsidePeriod: 0, noDate: 0 };
  for (const d of deals) {
    if (!d.stage) {
      if (!d.stageText) out.noStage++;
      else {
        const k = looseKey(d.stageText);
        (unknown.get(k) ?? unknown.set(k, { stage: d.stageText, deals: 0 }).get(k)!).deals++;
      }
      continue;
    }
    if (limit === null) {
      out.inPeriod.push(d);
      continue;
    }
    const date = d.stage.type === 'Open' ? d.created : d.closeDate.kind === 'ok' ? d.closeDate.value : null;
    if (!date) out.noDate++;
    else if (daysBetween(date, now, timeZone) > limit) out.outsidePeriod++;
    else out.inPeriod.push(d);
  }
  out.unknownStages = [...unknown.values()].sort(
    (a, b) => b.deals - a.deals || a.stage.localeCompare(b.stage),
  );
  return out;
}

/** The path of one deal through the pipeline's open and won stages. */
export interface Path {
  deal: Deal;
  /** positions it was recorded in, each once (a deal records a handful: a list beats a set) */
  recorded: number[];
  furthest: number;
  won: boolean;
  closed: boolean;
  /** its moves as History recorded them, oldest first (none: no history) */
  moves: readonly Move[];
}

/** Each deal's path: the stages History recorded it in (entered or left), plus the one it is in now. */
export function tracePaths(deals: readonly Deal[], movesByDeal: MovesByDeal, index: StageIndex): Path[] {
  const out = new Array<Path>(deals.length);
  for (let j = 0; j < deals.length; j++) {
    const d = deals[j];
    const recorded: number[] = [];
    let furthest = -1;
    // A position (-1: not a stage of the pipeline) the deal reached, once; the furthest kept as it goes.
    const record = (at: number) => {
      if (at < 0 || recorded.includes(at)) return;
      recorded.push(at);
      if (at > furthest) furthest = at;
    };
    // History's From counts as reached: a history that starts late still says where the deal was.
    const moves = movesByDeal.get(d.id);
    if (moves)
      for (let k = 0; k < moves.length; k++) {
        const from = moves[k][2];
        if (from) record(index.positionOf(from));
        record(index.positionOf(moves[k][1]));
      }
    const current = d.stage!;
    record(index.positionOfStage(current.name));
    // A lost deal with no recorded stage entered the pipeline at least: its first stage.
    if (furthest < 0 && current.type === 'Lost' && index.sequence.length) furthest = 0;
    out[j] = {
      deal: d,
      recorded,
      furthest,
      won: current.type === 'Won',
      closed: current.type !== 'Open',
      moves: moves ?? [],
    };
  }
  return out;
}

export interface ReachCount {
  reached: number;
  advanced: number;
  skipped: number;
  reachedWon: number;
}

/** For each position: the paths that reached it (as `hit` says), went past it, skipped it, were won. */
export function reachCounts(
  paths: readonly Path[],
  positions: number,
  hit: (p: Path, i: number) => boolean,
): ReachCount[] {
  const counts: ReachCount[] = Array.from({ length: positions }, () => ({
    reached: 0,
    advanced: 0,
    skipped: 0,
    reachedWon: 0,
  }));
  // Each path counts at the positions up to the furthest it reached (most stop early).
  for (const p of paths)
    for (let i = 0; i <= p.furthest && i < positions; i++) {
      const c = counts[i];
      if (!hit(p, i)) {
        c.skipped++;
        continue;
      }
      c.reached++;
      if (p.furthest > i) c.advanced++;
      if (p.won) c.reachedWon++;
    }
  return counts;
}

/**
 * Days in each open stage: from each recorded entry to the next one, or to now while still open, or to
 * the close date once closed. A deal without history counts its current open stage since it entered it.
 */
export function daysInStages(
  paths: readonly Path[],
  index: StageIndex,
  now: Date,
  timeZone: string,
): { byStage: Map<string, { sum: number; n: number }>; withoutHistory: number } {
  const byStage = new Map<string, { sum: number; n: number }>();
  const add = (stage: string, days: number) => {
    if (days < 0) return;
    const t = byStage.get(stage) ?? byStage.set(stage, { sum: 0, n: 0 }).get(stage)!;
    t.sum += days;
    t.n++;
  };
  let withoutHistory = 0;
  for (const { deal: d, moves: history } of paths) {
    const current = d.stage!;
    const closeAt = d.closeDate.kind === 'ok' ? d.closeDate.value : null;
    if (!history.length) {
      withoutHistory++;
      const since = d.stageEntered ?? d.created;
      if (current.type === 'Open' && since) add(current.name, daysBetween(since, now, timeZone));
      continue;
    }
    // Each move's day worked out once: a stay ends on the day the next one starts.
    let day = localDayNumber(history[0][0], timeZone);
    for (let i = 0; i < history.length; i++) {
      const nextAt = i + 1 < history.length ? history[i + 1][0] : undefined;
      const next = nextAt === undefined ? day : localDayNumber(nextAt, timeZone);
      const s = index.stageNamed(history[i][1]);
      if (s && s.type === 'Open') {
        // The last stay runs to now only if the deal is still in that stage; a closed deal's, to its close.
        const last = current.type === 'Open' ? (s.name === current.name ? now : null) : closeAt;
        const end = nextAt ?? last;
        if (end) add(s.name, (nextAt === undefined ? localDayNumber(end, timeZone) : next) - day);
      }
      day = next;
    }
  }
  return { byStage, withoutHistory };
}
