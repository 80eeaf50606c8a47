// One change recorded in the History tab (time, Deal ID, field, from, to, user) and the row it is
// stored as. Edits, sweeps and the sidebar all log changes through this shape.
import type { CellValue } from '../deals/deal';

export interface HistoryEntry {
  time: Date;
  dealId: string;
  field: string;
  from: CellValue;
  to: CellValue;
  user: string;
  /**
   * A change this run cannot tell from one that a run which died after logging it (before it wrote
   * Last seen) logged already: appended only if History's last rows do not hold it.
   */
  unsure?: boolean;
}

/** Who History names when Google does not say who edited (consumer accounts, other domains). */
export const UNKNOWN_USER = 'unknown (Google did not say)';

/** Who History names for a change an edit's check finds that no check logged before it. */
export const LATE_FOUND_USER = 'unknown (seen at a later edit)';

/** The History tab's columns, in order. */
export const HISTORY_HEADERS = ['Time', 'Deal ID', 'Field', 'From', 'To', 'User'] as const;

/** A History entry as the row the History tab holds: Time, Deal ID, Field, From, To, User. */
export function historyRow(e: HistoryEntry): CellValue[] {
  return [e.time, e.dealId, e.field, e.from, e.to, e.user];
}
