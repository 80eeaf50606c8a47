// The deals a report counts: each Deal ID once (the first row wins; the others are counted and said),
// and what the deals name that CRM Settings does not know (stages, industries, owners), so every report
// can show unknowns as rows of their own instead of dropping or misfiling them.
import type { Settings } from '../../shared/settings';
import type { Deal } from '../deals/deal';
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

/** Whether an owner cell names an owner of CRM Settings (by name or email). */
export function knownOwner(owner: string, settings: Settings): boolean {
  const k = looseKey(owner);
  return settings.owners.some((o) => looseKey(o.name) === k || (o.email !== '' && looseKey(o.email) === k));
}

/** Whether an industry is one of CRM Settings' industries. */
export function knownIndustry(industry: string, settings: Settings): boolean {
  const k = looseKey(industry);
  return settings.industries.some((i) => looseKey(i) === k);
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
