// Adopting an export's lost reasons: the reasons its lost-reason column names that CRM Settings lacks
// become Lost reasons rows, so that imported lost deals are not all flagged "not in CRM Settings" and
// the reasons report counts them under their own names. A column of free text (more different texts
// than a list of reasons holds) is not adopted: its deals keep their text, flagged, and the preview
// says so. Reasons are compared as the Check compares them: trimmed, without case.
import type { LostReason } from '../../shared/settings';
import type { CellValue } from '../deals/deal';

/** More different new reasons than this is free text, not a list. */
export const MAX_NEW_REASONS = 15;
/** More different new industries than this is free text (or another column), not a list. */
export const MAX_NEW_INDUSTRIES = 25;
/** The longest reason CRM Settings takes (longer is a sentence, not a reason). */
const MAX_REASON = 100;

export interface LostReasonProposal {
  /** Reasons to add to CRM Settings, in the order the export first names them. */
  added: LostReason[];
  /** Different texts not adopted because there are too many to be a list (0: none). */
  freeText: number;
}

/** The lost reasons an export's column brings that `current` lacks. */
export function proposeLostReasons(
  values: readonly CellValue[],
  current: readonly LostReason[],
): LostReasonProposal {
  const names = newListNames(
    values,
    current.map((r) => r.name),
    MAX_NEW_REASONS,
  );
  return {
    added: names.added.map((name) => ({ name, requiresCompetitor: false })),
    freeText: names.freeText,
  };
}

/**
 * The names a column brings to a list of CRM Settings that `current` lacks (compared trimmed, without
 * case), in the order the column first names them; none when it holds more new texts than `most` (free
 * text, not a list: `freeText` says how many). A name of more than 100 characters or several lines is
 * a sentence, never adopted.
 */
export function newListNames(
  values: readonly CellValue[],
  current: readonly string[],
  most: number,
): { added: string[]; freeText: number } {
  const known = new Set(current.map((n) => n.trim().toLowerCase()));
  const added: string[] = [];
  let tooLong = 0;
  for (const v of values) {
    const name = String(v ?? '').trim();
    const key = name.toLowerCase();
    if (!name || known.has(key)) continue;
    known.add(key);
    if (name.length > MAX_REASON || /[\n\r\t]/.test(name)) tooLong++;
    else added.push(name);
  }
  if (added.length + tooLong > most) return { added: [], freeText: added.length + tooLong };
  return { added, freeText: 0 };
}
