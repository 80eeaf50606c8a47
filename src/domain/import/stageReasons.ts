// Lost stages that say why a deal was lost: Zoho's default "Closed Lost to Competition", a homemade
// sheet's "Lost - Price" or "Lost (no decision)". Such a value stands for the CRM's Lost stage with
// that lost reason, when the reason is one CRM Settings lists (by its name or the usual words for it);
// any other value stays a stage of its own, as before.
import type { LostReason } from '../../shared/settings';
import { foldedKey } from '../values/text';

/** A lost word, then a reason ("closed lost to competition", "lost price", "perdu prix"). */
const LOST_WITH =
  /^(?:closed )?(?:lost|loss|perdu|perdue|perdido|perdida|verloren)(?: (?:to|due to|because of|for|on|reason|a|au|an|contra|por|wegen))? (.+)$/;

/** Phrases that name the same reason; a CRM reason matches a group when its name is one of them. */
const SAME_REASON: readonly (readonly string[])[] = [
  ['competitor', 'competitors', 'competition', 'a competitor', 'the competition', 'competitor won'],
  ['price', 'pricing', 'too expensive', 'expensive', 'cost', 'price too high'],
  ['product gap', 'product', 'features', 'feature gap', 'missing features', 'product fit'],
  ['no decision', 'indecision', 'no decision made'],
  ['chose status quo', 'status quo', 'do nothing'],
  ['timed out', 'time out', 'timeout', 'timing', 'no response', 'went dark', 'unresponsive'],
  ['disqualified', 'not qualified', 'unqualified', 'bad fit', 'no fit', 'not a fit'],
  ['reputation reviews', 'reputation', 'reviews'],
];

/** A reason's name as compared: "Lost to competitor" is "competitor". */
const reasonKey = (name: string) => foldedKey(name).replace(/^lost to /, '');

/**
 * The CRM lost reason a stage value names after a lost word ("Closed Lost to Competition" → "Lost to
 * competitor" in the default settings), or null: no lost word first, no reason after it, or one
 * CRM Settings does not list.
 */
export function reasonInStage(value: unknown, reasons: readonly LostReason[]): string | null {
  const k = foldedKey(value);
  const whole = reasons.find((r) => foldedKey(r.name) === k);
  const m = LOST_WITH.exec(k);
  if (!m && !whole) return null;
  if (whole) return /^(closed )?(lost|loss)\b/.test(k) ? whole.name : null;
  const phrase = m![1];
  const exact = reasons.find((r) => reasonKey(r.name) === phrase || foldedKey(r.name) === phrase);
  if (exact) return exact.name;
  const group = SAME_REASON.find((g) => g.includes(phrase));
  return group ? (reasons.find((r) => group.includes(reasonKey(r.name)))?.name ?? null) : null;
}
