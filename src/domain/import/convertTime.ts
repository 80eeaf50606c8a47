// How long Convert takes, estimated before anything is written: Apps Script stops a script after six
// minutes, and a Convert stopped there leaves its work half-done (the deals written, their History
// not). A conversion too long for one run is refused whole, with what can be done instead.
// Figures from the bench on the latency model (docs/performance.md): a first import of 100,000 rows of
// the CRM's 26 columns converts in ~153 s and of 200,000 in ~300 s (~0.058 ms a cell: read from the
// export, copied to the backup, written to Deals, read back by the sweep); each stage change a "Date
// entered" column brings ~0.25 ms more (300,000 of them: ~227 s; 600,000: ~443 s). Deals added to a
// Deals tab that holds some cost as much again for every deal it holds (read before and after): 69,000
// added to 131,000 with 229,000 changes ~354 s, 100,000 to 100,000 with 330,000 ~375 s.

/** A cell of the deals a conversion reads or writes, in milliseconds. */
export const MS_PER_CELL = 0.058;
/** A stage change from the export's "Date entered" columns (History, mostly the archive), in ms. */
export const MS_PER_MOVE = 0.25;
/** What one Convert may take: Apps Script's 360 s, less a margin. */
export const CONVERT_BUDGET_MS = 330_000;

/** The estimated time of converting `rows` deals into a Deals tab holding `held`, `width` columns wide. */
export function convertMs(held: number, rows: number, width: number, moves: number): number {
  return (held + rows) * width * MS_PER_CELL + moves * MS_PER_MOVE;
}

/**
 * Null when the conversion fits one run. Else its estimated minutes, and the most rows a part may hold
 * when converted one part after another (the last part pays for every deal before it, and its share
 * of the changes), rounded down to a thousand; null when no part size fits (the deals alone take the
 * run: the "Date entered" columns must be left out, or the deals split over spreadsheets).
 */
export function convertParts(
  held: number,
  rows: number,
  width: number,
  moves: number,
): { minutes: number; rowsPerPart: number | null } | null {
  const ms = convertMs(held, rows, width, moves);
  if (ms <= CONVERT_BUDGET_MS) return null;
  const minutes = Math.ceil(ms / 60_000);
  const perRow = (moves / rows) * MS_PER_MOVE;
  const room = CONVERT_BUDGET_MS - convertMs(held, rows, width, 0);
  const fit = perRow > 0 ? Math.floor(room / perRow) : 0;
  const part = fit - (fit % 1000);
  return { minutes, rowsPerPart: part >= 1000 ? part : null };
}
