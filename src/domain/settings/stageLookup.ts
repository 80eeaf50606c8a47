// Stage lookup: exact names for everyday entry, obvious synonyms ("closed won", "Closed-Won", "WON")
// for conversion, and the fields a deal must have in a stage.
import type { StageDef } from '../../shared/settings';
import { looseKey } from '../values/text';

const WON_WORDS = [
  'won',
  'closed won',
  'closedwon',
  'win',
  'closed win',
  'signed',
  'closed signed',
  'booked',
];
const LOST_WORDS = ['lost', 'closed lost', 'closedlost', 'lose', 'loss', 'dead', 'closed dead'];

// Each stage list's names, lowercased once (a stage is looked up once per deal).
const byLowerName = new WeakMap<readonly StageDef[], Map<string, StageDef>>();

/** The stage whose name matches exactly, ignoring case and surrounding spaces. */
export function findStage(raw: unknown, stages: readonly StageDef[]): StageDef | null {
  let names = byLowerName.get(stages);
  if (!names) {
    names = new Map();
    // The first stage of a name wins, as a search from the top would find it.
    for (const s of stages) if (!names.has(s.name.toLowerCase())) names.set(s.name.toLowerCase(), s);
    byLowerName.set(stages, names);
  }
  const k = String(raw ?? '')
    .trim()
    .toLowerCase();
  return names.get(k) ?? null;
}

/**
 * The stage a messy value obviously means: same name up to case, spacing and punctuation, or a common
 * spelling of won/lost ("closed lost") on the stage of that type: the only one, or, when there are
 * several (Lost and Disqualified), the only one named with a common spelling itself (Lost). Null when
 * it cannot be placed.
 */
export function findStageLoosely(raw: unknown, stages: readonly StageDef[]): StageDef | null {
  const k = looseKey(raw);
  if (!k) return null;
  const byName = stages.find(
    (s) => looseKey(s.name) === k || looseKey(s.name).replace(/ /g, '') === k.replace(/ /g, ''),
  );
  if (byName) return byName;
  const only = (type: StageDef['type'], words: readonly string[]) => {
    const hits = stages.filter((s) => s.type === type);
    if (hits.length === 1) return hits[0];
    const named = hits.filter((s) => words.includes(looseKey(s.name)));
    return named.length === 1 ? named[0] : null;
  };
  if (WON_WORDS.includes(k)) return only('Won', WON_WORDS);
  if (LOST_WORDS.includes(k)) return only('Lost', LOST_WORDS);
  return null;
}

export { requiredFor } from '../../shared/stageRules';
