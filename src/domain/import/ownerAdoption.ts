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
  /** Cells naming several people ("Jane Cole, Tom Park"): a deal has one owner, so none is adopted. */
  several: string[];
}

/**
 * Whether an owner cell names several people: parts split at "," ";" "&" "/" or " and ", two at least,
 * each an email or a name of two words or more ("Cole, Jane" is one person, last name first).
 */
export function severalPeople(value: unknown): boolean {
  const parts = String(value ?? '')
    .split(/\s*[,;&/]\s*|\s+and\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => EMAIL.test(p) || p.split(/\s+/).length >= 2);
}

/** An owner cell as a list with one person in it ("[Ann Lee]", as ClickUp writes assignees): the person. */
export function unbracketed(value: CellValue): CellValue {
  const m = typeof value === 'string' ? /^\s*\[([^[\]]*)\]\s*$/.exec(value) : null;
  return m ? m[1].trim() : value;
}

const WITH_EMAIL = /^(.*?\S)\s*[(<]\s*([^\s()<>@]+@[^\s()<>@]+\.[^\s()<>@]+)\s*[)>]$/;

/** An owner written with their email ("Jane Cole (jane@acme.com)", "Jane Cole <jane@acme.com>"), or null. */
export function ownerWithEmail(value: unknown): Owner | null {
  const m = WITH_EMAIL.exec(String(value ?? '').trim());
  return m ? { name: m[1], email: m[2].toLowerCase() } : null;
}

/**
 * The owners an export's owner column brings that `current` lacks (compared loosely, by name or email).
 * A person written with their email is one owner with both, whatever order the column names them in.
 */
export function proposeOwners(written: readonly CellValue[], current: readonly Owner[]): OwnerProposal {
  const values = written.map(unbracketed);
  const known = new Set(current.flatMap((o) => [looseKey(o.name), looseKey(o.email)]).filter(Boolean));
  const added: Owner[] = [];
  const several: string[] = [];
  let notAdopted = 0;
  const add = (o: Owner) => {
    known.add(looseKey(o.name));
    if (o.email) known.add(looseKey(o.email));
    added.push(o);
  };
  // Those written with their email first, so that "jane@acme.com" alone is known as Jane.
  for (const v of values) {
    const o = ownerWithEmail(v);
    if (o && !known.has(looseKey(o.name)) && !known.has(looseKey(o.email)) && o.name.length <= MAX_NAME)
      add(o);
  }
  for (const v of values) {
    const raw = String(v ?? '').trim();
    const key = looseKey(raw);
    if (!key || known.has(key) || ownerWithEmail(raw)) continue;
    if (severalPeople(raw)) {
      known.add(key);
      several.push(raw);
      continue;
    }
    if (raw.length > MAX_NAME || [...raw].some((ch) => ch.charCodeAt(0) < 32)) {
      known.add(key);
      notAdopted++;
      continue;
    }
    add({ name: raw, email: EMAIL.test(raw) ? raw.toLowerCase() : '' });
  }
  // In the order the export first names them.
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    const key = looseKey(ownerWithEmail(v)?.name ?? v);
    if (!first.has(key)) first.set(key, i);
  });
  const at = (o: Owner) => first.get(looseKey(o.name)) ?? Infinity;
  added.sort((a, b) => at(a) - at(b));
  if (added.length > MAX_NEW_OWNERS) return { added: [], notAdopted: notAdopted + added.length, several };
  return { added, notAdopted, several };
}
