// Stage moves as the reports use them: each deal's moves as (time, stage) pairs, oldest first. History
// produces them and the funnel, forecast and board read them.

export interface StageMove {
  /** When, in ms since the epoch (History holds hundreds of thousands: no Date objects for them). */
  time: number;
  dealId: string;
  to: string;
  /** The stage left, when History names it. */
  from?: string;
}

/**
 * One deal's stage move: when (ms since the epoch), the stage entered and, when History's From names
 * a stage the deal's earlier moves do not (a history that starts late), the stage it left: that
 * stage was reached too. The history index's own shape.
 */
export type Move = readonly [time: number, to: string, from?: string];

/** A move, with the stage left kept only when it is not the stage the deal's last move entered. */
export function moveOf(list: readonly Move[], time: number, to: string, from: string): Move {
  return from === '' || from === list[list.length - 1]?.[1] ? [time, to] : [time, to, from];
}

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
    const list = byDeal.get(m.dealId) ?? byDeal.set(m.dealId, []).get(m.dealId)!;
    list.push(moveOf(list, m.time, m.to, m.from ?? ''));
  }
  const out = new Map<string, readonly Move[]>();
  for (const [id, list] of byDeal) out.set(id, oldestFirst(list));
  return out;
}
