// The first refresh of a day checks a part of what earlier refreshes left (History's folded blocks,
// the report lists' chunks) in turn, so that all of it is checked within CHECK_DAYS days at a
// fourteenth of the cost of reading or writing all of it every day.

/** Days over which every part is checked once. */
export const CHECK_DAYS = 14;

/** The parts a daily check covers, [from, to), starting at `next` (wrapping to 0 past the end). */
export function checkWindow(parts: number, next: number | undefined): { from: number; to: number } {
  if (parts <= 0) return { from: 0, to: 0 };
  const from = next !== undefined && next >= 0 && next < parts ? next : 0;
  return { from, to: Math.min(parts, from + Math.ceil(parts / CHECK_DAYS)) };
}
