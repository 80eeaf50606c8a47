// Stage moves as the reports use them: each deal's moves as (time, stage) pairs, oldest first. History
// produces them and the funnel, forecast and board read them.

export interface StageMove {
  /** When, in ms since the epoch (History holds hundreds of thousands: no Date objects for them). */
  time: number;
  dealId: string;
  to: string;
}

/** One deal's stage move: when (ms since the epoch) and the stage entered; the history index's own shape. */
export type Move = readonly [time: number, to: string];

/** Each deal's stage moves, oldest first. */
export type MovesByDeal = ReadonlyMap<string, readonly Move[]>;

/**
 * One deal's moves oldest first (stable: moves at the same time keep their order): the list itself
 * when it is in order already, as History mostly is, else a sorted copy.
 */
export function oldestFirst(list: readonly Move[]): readonly Move[] {
  for (let i = 1; i < list.length; i++)
    if (list[i][0] < list[i - 1][0]) return [...list].sort((a, b) => a[0] - b[0]);
  return list;
}

/** Moves grouped by deal, each deal's oldest first. */
export function groupMoves(moves: readonly StageMove[]): MovesByDeal {
  const byDeal = new Map<string, Move[]>();
  for (const m of moves) {
    const list = byDeal.get(m.dealId);
    if (list) list.push([m.time, m.to]);
    else byDeal.set(m.dealId, [[m.time, m.to]]);
  }
  const out = new Map<string, readonly Move[]>();
  for (const [id, list] of byDeal) out.set(id, oldestFirst(list));
  return out;
}
