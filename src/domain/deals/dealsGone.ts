// Most of Deals gone since the last refresh: rows cleared or deleted by a slip, or another sheet's
// rows pasted over the tab. Reading on, the reports, today's Forecast history row and the board would
// take what is left as the team's pipeline, so the refresh asks first (the schedule does not go on).

/** Fewer deals than this at the last refresh: a small CRM may well lose half of them in a clean-up. */
const AT_LEAST = 20;

/** What a refresh says when most deals are gone since the last one, or null when it may go on. */
export function dealsGone(before: number | null, now: number): { question: string; stopped: string } | null {
  if (before === null || before < AT_LEAST || now >= before / 2) return null;
  const held = `Deals held ${before.toLocaleString('en-US')} deals at the last refresh and holds ${now.toLocaleString('en-US')} now (${(before - now).toLocaleString('en-US')} fewer)`;
  const undo = 'if rows were deleted or cleared by mistake, undo it (Edit > Undo, or File > Version history)';
  return {
    question:
      `${held}. Refreshing rebuilds the reports, today's Forecast history row and the board from the ${now.toLocaleString('en-US')} left. ` +
      `Yes: refresh with them. No: change nothing; ${undo}, then refresh.`,
    stopped: `${held}, so the refresh changed nothing: ${undo}; if they are meant to be gone, refresh from the menu and answer Yes. Nothing was changed.`,
  };
}
