// Adopting a team's owners on import: the people an export's owner column names that CRM Settings
// lacks become Owners rows (a name, and the email when the value is one), so that imported deals are
// not all flagged "owner not in CRM Settings". A column of free text is not adopted.
import type { Owner } from '../../shared/settings';
import type { CellValue } from '../deals/deal';
import { EMAIL, looseKey } from '../values/text';

/** The longest owner name CRM Settings takes. */
const MAX_NAME = 100;
/** More new people than this in one owner column is not a sales team: none is adopted. */
const MAX_NEW_OWNERS = 200;

export interface OwnerProposal {
  /** Owners to add to CRM Settings, in the order the export first names them. */
  added: Owner[];
  /** Distinct values not adopted (too long, on several lines, or too many to be a team). */
  notAdopted: number;
}

/** The owners an export's owner column brings that `current` lacks (compared loosely, by name or email). */
export function proposeOwners(values: readonly CellValue[], current: readonly Owner[]): OwnerProposal {
  const known = new Set(current.flatMap((o) => [looseKey(o.name), looseKey(o.email)]).filter(Boolean));
  const added: Owner[] = [];
  let notAdopted = 0;
  for (const v of values) {
    const raw = String(v ?? '').trim();
    const key = looseKey(raw);
    if (!key || known.has(key)) continue;
    known.add(key);
    if (raw.length > MAX_NAME || [...raw].some((ch) => ch.charCodeAt(0) < 32)) {
      notAdopted++;
      continue;
    }
    added.push({ name: raw, email: EMAIL.test(raw) ? raw.toLowerCase() : '' });
  }
  if (added.length > MAX_NEW_OWNERS) return { added: [], notAdopted: notAdopted + added.length };
  return { added, notAdopted };
}
