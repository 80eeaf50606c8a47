// A compact index of History, one entry per deal: its stage moves (time, stage entered) and the times
// its close date was pushed later. Reports need only these, so a refresh folds the History rows added
// since the last one into the index instead of reading years of History (6 cells a change) again.
// Folding is idempotent: a row folded twice changes nothing, so rows may be read again safely.
import type { CellValue } from '../deals/deal';
import { moveOf, oldestFirst, type Move, type MovesByDeal } from './stageMoves';
import { parseDate } from '../values/cellParsing';
import { isDate } from '../../shared/zonedTime';
import { COMPACT_MARK, decodeCompact, encodeCompact, type StageCodes } from './trailText';

export interface DealTrail {
  /** Stage moves as [time in ms, stage entered, stage left?] (see Move), in History's order. */
  moves: Move[];
  /** Times (ms) a close-date change moved the date later. */
  pushes: number[];
}

/** Deal ID → trail. */
export type TrailIndex = Map<string, DealTrail>;

/** A close date moved later: the deal and when. */
export interface ClosePush {
  dealId: string;
  time: Date;
}

/**
 * Folds History rows (Time, Deal ID, Field, From, To, User) into `index`; returns the Deal IDs whose
 * trail changed. A row already folded (same deal, time and stage, or same push time) is skipped.
 */
export function foldRows(
  index: TrailIndex,
  rows: readonly (readonly CellValue[])[],
  timeZone: string,
): Set<string> {
  const changed = new Set<string>();
  const trailOf = (id: string) => {
    let t = index.get(id);
    if (!t) index.set(id, (t = { moves: [], pushes: [] }));
    return t;
  };
  for (const r of rows) {
    if (!isDate(r[0])) continue;
    const field = String(r[2]);
    const time = r[0].getTime();
    const id = String(r[1]);
    if (field === 'Stage') {
      const to = String(r[4] ?? '');
      if (to === '') continue;
      const t = trailOf(id);
      if (t.moves.some(([at, s]) => at === time && s === to)) continue;
      t.moves.push(moveOf(t.moves, time, to, String(r[3] ?? '')));
      changed.add(id);
    } else if (field === 'Close date') {
      const from = parseDate(r[3], timeZone);
      const to = parseDate(r[4], timeZone);
      if (from.kind !== 'ok' || to.kind !== 'ok' || to.value <= from.value) continue;
      const t = trailOf(id);
      if (t.pushes.includes(time)) continue;
      t.pushes.push(time);
      changed.add(id);
    }
  }
  return changed;
}

/**
 * A trail as the text of one index cell: compact with the index's stage names (trailText.ts), else as
 * JSON (times as plain numbers).
 */
export function encodeTrail(t: DealTrail, codes?: StageCodes): string {
  return (codes && encodeCompact(t, codes)) ?? JSON.stringify([t.moves, t.pushes]);
}

/**
 * A trail from its cell, compact (with the index's stage names) or JSON, or null when the cell is not
 * one (the index is then rebuilt).
 */
export function decodeTrail(text: string, names?: readonly string[]): DealTrail | null {
  if (text.startsWith(COMPACT_MARK)) return names ? decodeCompact(text, names) : null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  // Times are numbers; an index written before they were (base-36 text) is still read.
  const time = (v: unknown) =>
    typeof v === 'number' ? v : typeof v === 'string' && /^[0-9a-z]+$/.test(v) ? parseInt(v, 36) : NaN;
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [moves, pushes] = parsed as unknown[];
  if (!Array.isArray(moves) || !Array.isArray(pushes)) return null;
  // Checked in place, without copying; base-36 times (an index from before numbers) are converted.
  for (let i = 0; i < moves.length; i++) {
    const m: unknown = moves[i];
    if (!Array.isArray(m) || m.length < 2 || m.length > 3 || typeof m[1] !== 'string') return null;
    if (m.length === 3 && typeof m[2] !== 'string') return null;
    if (typeof m[0] !== 'number') {
      const at = time(m[0]);
      if (!Number.isFinite(at)) return null;
      moves[i] = [at, m[1]];
    } else if (!Number.isFinite(m[0])) return null;
  }
  for (let i = 0; i < pushes.length; i++) {
    const at = time(pushes[i]);
    if (!Number.isFinite(at)) return null;
    pushes[i] = at;
  }
  return { moves: moves as Move[], pushes: pushes as number[] };
}

/** Every stage move of the index, grouped by deal, each deal's oldest first. */
export function movesOf(index: TrailIndex): MovesByDeal {
  const out = new Map<string, readonly Move[]>();
  for (const [dealId, t] of index) if (t.moves.length) out.set(dealId, oldestFirst(t.moves));
  return out;
}

/** Every close-date push of the index. */
export function pushesOf(index: TrailIndex): ClosePush[] {
  const out: ClosePush[] = [];
  for (const [dealId, t] of index) for (const at of t.pushes) out.push({ dealId, time: new Date(at) });
  return out;
}
