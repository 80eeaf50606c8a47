// CRM Settings rows that each read well but together say two things, or name what another block does
// not hold. The CRM would otherwise choose a meaning without a word: two targets for one month added
// up, an industry typo that leaves a segment empty, an owner with two emails. Each is a problem at its
// cell, so the refresh asks. A row repeated word for word says one thing and is left alone.
import type { Settings } from '../../shared/settings';
import { firstOf, looseKey } from '../values/text';
import type { SettingsSheet } from './settingsBlocks';

/** A block's parsed row with the sheet row it came from. */
export interface Placed<T> {
  row: number;
  item: T;
}

/** The Owners row a name or email stands for (loosely: case and spacing aside), if any. */
export function ownerRowOf(
  owners: readonly Settings['owners'][number][],
  who: string,
): Settings['owners'][number] | undefined {
  const k = looseKey(who);
  return owners.find((o) => looseKey(o.name) === k || (o.email !== '' && looseKey(o.email) === k));
}

/** Calls `clash` with each row after the first of its key (loosely: case and spacing aside), and that first. */
function repeats<T>(
  rows: readonly Placed<T>[],
  key: (item: T) => string,
  clash: (row: Placed<T>, first: Placed<T>) => void,
): void {
  const first = new Map<string, Placed<T>>();
  for (const p of rows) {
    const k = looseKey(key(p.item));
    const seen = first.get(k);
    if (seen) clash(p, seen);
    else first.set(k, p);
  }
}

/** An owner named twice must not have two emails: which one signs in as them? */
export function ownersAgree(
  sheet: SettingsSheet,
  owners: readonly Placed<Settings['owners'][number]>[],
): void {
  repeats(
    owners,
    (o) => o.name,
    (p, seen) => {
      if (seen.item.email && p.item.email && looseKey(seen.item.email) !== looseKey(p.item.email))
        sheet.problem(
          'owners',
          p.row,
          0,
          `${seen.item.name} is also on row ${seen.row}, with another email (${seen.item.email}): keep one row, with the email they sign in with`,
        );
    },
  );
}

/** A lost reason named twice must ask for a competitor both times or neither. */
export function lostReasonsAgree(
  sheet: SettingsSheet,
  reasons: readonly Placed<Settings['lostReasons'][number]>[],
): void {
  repeats(
    reasons,
    (r) => r.name,
    (p, seen) => {
      if (seen.item.requiresCompetitor !== p.item.requiresCompetitor)
        sheet.problem(
          'lostReasons',
          p.row,
          1,
          `The lost reason "${seen.item.name}" is also on row ${seen.row}, where it ${seen.item.requiresCompetitor ? 'requires' : 'does not require'} a competitor: keep one row`,
        );
    },
  );
}

/**
 * Targets: one row per month and owner (two would be added up), and an owner Owners lists, by name or
 * email, when it lists anyone (a typo would count no deal).
 */
export function targetsAgree(
  sheet: SettingsSheet,
  targets: readonly Placed<Settings['targets'][number]>[],
  owners: readonly Settings['owners'][number][],
): void {
  const who = (t: Settings['targets'][number]) =>
    t.owner === null ? undefined : (ownerRowOf(owners, t.owner)?.name ?? (owners.length ? null : t.owner));
  const known: Placed<Settings['targets'][number]>[] = [];
  for (const p of targets)
    if (who(p.item) !== null) known.push(p);
    else
      sheet.problem(
        'targets',
        p.row,
        1,
        `"${p.item.owner}" is not in Owners: a target of an owner counts the deals of the owner named so (write the name as Owners has it: ${firstOf(
          owners.map((o) => o.name),
          12,
        )})`,
      );
  repeats(
    known,
    (t) => `${t.month}|${who(t) ?? ''}`,
    (p, seen) =>
      sheet.problem(
        'targets',
        p.row,
        0,
        `${who(p.item) ?? 'The whole team'}'s target for ${p.item.month} is also on row ${seen.row}: keep one row (the CRM would add them up)`,
      ),
  );
}

/** A segment rule's industries are among Industries (when it lists any): no deal can match another. */
export function segmentRulesAgree(
  sheet: SettingsSheet,
  rules: readonly Placed<Settings['segmentRules'][number]>[],
  industries: readonly string[],
): void {
  if (!industries.length) return;
  const known = new Set(industries.map(looseKey));
  for (const { row, item } of rules) {
    const unknown = item.industries.filter((i) => !known.has(looseKey(i)));
    if (!unknown.length) continue;
    const one = unknown.length === 1;
    sheet.problem(
      'segmentRules',
      row,
      1,
      `${unknown.map((i) => `"${i}"`).join(' and ')} ${one ? 'is' : 'are'} not in Industries, so no deal can match ${one ? 'it' : 'them'}: write ${one ? 'it' : 'them'} as Industries does (${firstOf(industries, 12)}) or add ${one ? 'it' : 'them'} there`,
    );
  }
}
