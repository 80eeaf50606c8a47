// Which fields a deal must have in a stage: shared by the server's checks and the sidebar's form, so
// both ask for exactly the same thing.
import type { FieldKey } from './fields';
import type { StageDef } from './settings';

/**
 * Fields a deal in `stage` must have. Open and Won stages accumulate the requirements of every open
 * stage up to them (a deal keeps needing an amount once it has needed one); a Lost stage needs only
 * its own fields.
 */
export function requiredFor(stage: StageDef, stages: readonly StageDef[]): FieldKey[] {
  if (stage.type === 'Lost') return [...stage.required];
  const out: FieldKey[] = [];
  for (const s of stages) {
    if (s.type === 'Lost') continue;
    for (const f of s.required) if (!out.includes(f)) out.push(f);
    if (s === stage || s.name === stage.name) break;
  }
  return out;
}
