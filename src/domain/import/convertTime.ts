// How long Convert takes, estimated before anything is written: Apps Script stops a script after six
// minutes, and a Convert stopped there leaves its work half-done (the deals written, their History
// not). An export too large for one run is refused whole, with the size of the parts that fit.
// Figures from the bench on the latency model (docs/performance.md): a 100,000-row export of the
// CRM's 26 columns converts in ~153 s and a 200,000-row one in ~300 s (~0.058 ms a cell: read from
// the export, copied to the backup, written to Deals, read back by the sweep), and each stage change
// a "Date entered" column brings ~0.25 ms more (300,000 of them: ~227 s; 600,000: ~443 s).

/** A converted cell, in milliseconds. */
export const MS_PER_CELL = 0.058;
/** A stage change from the export's "Date entered" columns (History, mostly the archive), in ms. */
export const MS_PER_MOVE = 0.25;
/** What one Convert may take: Apps Script's 360 s, less a margin. */
export const CONVERT_BUDGET_MS = 330_000;

/** The estimated time of a first Convert of `rows` deals `width` columns wide bringing `moves` changes. */
export function convertMs(rows: number, width: number, moves: number): number {
  return rows * width * MS_PER_CELL + moves * MS_PER_MOVE;
}

/**
 * Null when the conversion fits one run; else its estimated minutes and the most rows a part may hold
 * (rounded down to a thousand when there are more), its changes in proportion.
 */
export function convertParts(
  rows: number,
  width: number,
  moves: number,
): { minutes: number; rowsPerPart: number } | null {
  const ms = convertMs(rows, width, moves);
  if (ms <= CONVERT_BUDGET_MS) return null;
  const fit = Math.floor((rows * CONVERT_BUDGET_MS) / ms);
  return { minutes: Math.ceil(ms / 60_000), rowsPerPart: fit > 1000 ? fit - (fit % 1000) : Math.max(1, fit) };
}
