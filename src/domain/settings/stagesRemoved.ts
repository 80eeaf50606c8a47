// A stage renamed or removed in CRM Settings while deals are on it: those deals are then on no stage
// CRM Settings lists (flagged, left out of the forecast) and the CRM does not move them by itself (a
// rename and a removal look alike). The edit says how many and how to move them.
import type { StageDef } from '../../shared/settings';
import { looseKey } from '../values/text';

/** The stages `before` lists that `after` does not, with the one stage added when it looks like a rename. */
export function stagesRemoved(
  before: readonly StageDef[],
  after: readonly StageDef[],
): { removed: string[]; renamedTo: string | null } {
  const keys = (ss: readonly StageDef[]) => new Set(ss.map((s) => looseKey(s.name)));
  const [was, now] = [keys(before), keys(after)];
  const removed = before.filter((s) => !now.has(looseKey(s.name))).map((s) => s.name);
  const added = after.filter((s) => !was.has(looseKey(s.name))).map((s) => s.name);
  return { removed, renamedTo: removed.length === 1 && added.length === 1 ? added[0] : null };
}

/** What the edit says when `count` deals are on `stage`, which CRM Settings no longer lists. */
export function stageRemovedSaid(stage: string, count: number, renamedTo: string | null): string {
  const deals = count === 1 ? '1 deal is' : `${count} deals are`;
  return (
    `"${stage}" is no longer a stage in CRM Settings, and ${deals} on it: ${count === 1 ? 'it' : 'they'} will be ` +
    `flagged and left out of the forecast until on a stage CRM Settings lists.` +
    (renamedTo
      ? ` If you renamed it to "${renamedTo}", move ${count === 1 ? 'it' : 'them'} with Edit > Find and replace on ` +
        `the Deals tab: find "${stage}", replace with "${renamedTo}", Match entire cell contents.`
      : ` Put it back, or move ${count === 1 ? 'it' : 'them'} to another stage (Edit > Find and replace on the Deals tab).`)
  );
}
