// The deals a report counts: each Deal ID once (the first row wins; the others are counted and said),
// and what the deals name that CRM Settings does not know (stages, industries, owners), so every report
// can show unknowns as rows of their own instead of dropping or misfiling them.
import type { Settings } from '../../shared/settings';
import type { Deal } from './deal';
import { looseKey } from '../values/text';

export interface DealSet {
  deals: Deal[];
  /** Rows left out because their Deal ID is on an earlier row. */
  duplicates: number;
}

/** Each Deal ID once; rows without an ID all count. */
export function uniqueDeals(deals: readonly Deal[]): DealSet {
  const seen = new Set<string>();
  const out: Deal[] = [];
  let duplicates = 0;
  for (const d of deals) {
    if (d.id && seen.has(d.id)) {
      duplicates++;
      continue;
    }
    if (d.id) seen.add(d.id);
    out.push(d);
  }
  return { deals: out, duplicates };
}

// Each list's loose keys, worked out once per Settings list (asked once per deal).
const listKeys = new WeakMap<readonly unknown[], Set<string>>();
function keysOf<T>(list: readonly T[], names: (item: T) => string[]): Set<string> {
  let keys = listKeys.get(list);
  if (!keys) {
    keys = new Set(
      list.flatMap((item) =>
        names(item)
          .filter((n) => n !== '')
          .map(looseKey),
      ),
    );
    listKeys.set(list, keys);
  }
  return keys;
}

/** Whether an owner cell names an owner of CRM Settings (by name or email). */
export function knownOwner(owner: string, settings: Settings): boolean {
  return keysOf(settings.owners, (o) => [o.name, o.email]).has(looseKey(owner));
}

/** Whether an industry is one of CRM Settings' industries. */
export function knownIndustry(industry: string, settings: Settings): boolean {
  return keysOf(settings.industries, (i) => [i]).has(looseKey(industry));
}

export interface Unknown {
  kind: 'Stage' | 'Industry' | 'Owner';
  name: string;
  deals: number;
}

/** What deals name that CRM Settings lacks, with how many deals each, most first. */
export function unknownsOf(deals: readonly Deal[], settings: Settings): Unknown[] {
  const counts = new Map<string, Unknown>();
  const add = (kind: Unknown['kind'], name: string) => {
    const key = `${kind}|${looseKey(name)}`;
    const u = counts.get(key) ?? counts.set(key, { kind, name, deals: 0 }).get(key)!;
    u.deals++;
  };
  for (const d of deals) {
    if (d.stageText && !d.stage) add('Stage', d.stageText);
    if (d.industry && !knownIndustry(d.industry, settings)) add('Industry', d.industry);
    if (d.owner && !knownOwner(d.owner, settings)) add('Owner', d.owner);
  }
  return [...counts.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || b.deals - a.deals || a.name.localeCompare(b.name),
  );
}
