// A stage history brings the stages it passes through: a history whose deals went through "Meeting
// booked" and "Demo booked" before the CRM's Negotiation has stages CRM Settings lacks, and the funnel
// counts only stages it knows. Those stages are added, typed as a deals export's would be; an open one
// is placed among CRM Settings' open stages where deals pass through it (after the last stage deals
// reach before it, else before the first they reach after it), with a probability between its
// neighbours'. CRM Settings' own stages keep their order and figures.
import type { StageDef } from '../../shared/settings';
import type { HistoryEntry } from '../history/historyEntry';
import { looseKey } from '../values/text';
import type { ImportWords } from './headerVocabulary';
import { categoryFor, proposeStages, type SaidStageTypes, type UnsureStage } from './stageAdoption';

export interface HistoryStages {
  /** CRM Settings' stages with the history's added. */
  stages: StageDef[];
  /** The stages added, open ones in pipeline order, then closed ones. */
  added: StageDef[];
  /** Added stages whose names say closed but not won or lost ("Closed"): typed by a guess, to ask. */
  unsure: UnsureStage[];
}

/** The stages of a path compared pairwise: a deal moved back and forth hundreds of times says no more. */
const PAIRED_STAGES = 50;

/** How often each stage comes before each other in the deals' paths ("a\tb" → count). */
function precedence(paths: readonly (readonly string[])[]): Map<string, number> {
  const before = new Map<string, number>();
  for (const whole of paths) {
    const path = whole.slice(0, PAIRED_STAGES);
    path.forEach((a, i) => {
      for (const b of path.slice(i + 1))
        if (a !== b) before.set(`${a}\t${b}`, (before.get(`${a}\t${b}`) ?? 0) + 1);
    });
  }
  return before;
}

/** Each stage's mean place along the paths it is on, from 0 (first) to 1 (last). */
function meanPlace(paths: readonly (readonly string[])[]): Map<string, number> {
  const sum = new Map<string, [number, number]>();
  for (const path of paths)
    path.forEach((s, i) => {
      const e = sum.get(s) ?? [0, 0];
      e[0] += path.length > 1 ? i / (path.length - 1) : 0;
      e[1]++;
      sum.set(s, e);
    });
  return new Map([...sum].map(([s, [t, n]]) => [s, t / n]));
}

/** Where `name` goes among `open`: after its last predecessor, else before its first successor. */
function slotFor(name: string, open: readonly StageDef[], before: ReadonlyMap<string, number>): number {
  const count = (a: string, b: string) => before.get(`${a}\t${b}`) ?? 0;
  let last = -1;
  let first = -1;
  open.forEach((s, i) => {
    if (count(s.name, name) > count(name, s.name)) last = i;
    else if (first < 0 && count(name, s.name) > count(s.name, name)) first = i;
  });
  return last >= 0 ? last + 1 : first >= 0 ? first : open.length;
}

/** New open stages' probabilities: spread evenly between their neighbours' (0 before the first, 1 after). */
function spreadProbabilities(open: StageDef[], isNew: (s: StageDef) => boolean): void {
  const points = (p: number) => Math.round(p * 100);
  for (let i = 0; i < open.length; i++) {
    if (!isNew(open[i])) continue;
    let j = i;
    while (j < open.length && isNew(open[j])) j++;
    const lo = i > 0 ? points(open[i - 1].probability) : 0;
    const hi = j < open.length ? points(open[j].probability) : 100;
    for (let k = i; k < j; k++) {
      const p = Math.round(lo + ((hi - lo) * (k - i + 1)) / (j - i + 1)) / 100;
      open[k] = { ...open[k], probability: p, category: categoryFor(p) };
    }
    i = j - 1;
  }
}

/** Each deal's path through its entries, oldest first: the stage it left first, then each it entered. */
export function pathsOf(entries: readonly HistoryEntry[]): string[][] {
  const byDeal = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const list = byDeal.get(e.dealId);
    if (list) list.push(e);
    else byDeal.set(e.dealId, [e]);
  }
  return [...byDeal.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.time.getTime() - b.time.getTime());
    const first = String(sorted[0].from ?? '').trim();
    return [...(first ? [first] : []), ...sorted.map((e) => String(e.to ?? '').trim()).filter(Boolean)];
  });
}

/** How many paths (deals) pass through each stage. */
function dealsOn(paths: readonly (readonly string[])[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const path of paths) for (const s of new Set(path)) count.set(s, (count.get(s) ?? 0) + 1);
  return count;
}

/**
 * For each stage deals' histories end at, the closed type those deals have in Deals now, when they all
 * agree (every deal whose history ends at "Closed" is Lost now): what such a stage more likely means.
 * `typeNow` gives a deal's stage type in Deals.
 */
export function endedAs(
  entries: readonly HistoryEntry[],
  typeNow: (dealId: string) => StageDef['type'] | undefined,
): Map<string, 'Won' | 'Lost'> {
  const last = new Map<string, HistoryEntry>();
  for (const e of entries) {
    const seen = last.get(e.dealId);
    if (!seen || e.time.getTime() >= seen.time.getTime()) last.set(e.dealId, e);
  }
  const types = new Map<string, Set<StageDef['type'] | undefined>>();
  for (const [id, e] of last) {
    const stage = String(e.to ?? '').trim();
    if (stage) (types.get(stage) ?? types.set(stage, new Set()).get(stage)!).add(typeNow(id));
  }
  const out = new Map<string, 'Won' | 'Lost'>();
  for (const [stage, set] of types) {
    const [only] = set;
    if (set.size === 1 && (only === 'Won' || only === 'Lost')) out.set(stage, only);
  }
  return out;
}

/**
 * The stages a history's paths (each deal's stages in the order it went through them, as History
 * names them) bring to `current`, closed ones typed as the person said (`said`, "stage Closed =
 * Lost") else as their names say; a name that says closed but not how, as the deals that ended there
 * are now (`ended`, see endedAs), still to be asked about. Null when every one is a stage of CRM
 * Settings already.
 */
export function stagesFromHistory(
  paths: readonly (readonly string[])[],
  current: readonly StageDef[],
  words: ImportWords,
  said: SaidStageTypes = {},
  ended: ReadonlyMap<string, 'Won' | 'Lost'> = new Map(),
): HistoryStages | null {
  const known = new Set(current.map((s) => looseKey(s.name)));
  const place = meanPlace(paths);
  const unknown = [...place.keys()].filter((s) => !known.has(looseKey(s)));
  if (!unknown.length) return null;
  const deals = dealsOn(paths);
  const proposal = proposeStages(
    unknown.map((value) => ({ value, probabilities: [], rows: deals.get(value) ?? 0 })),
    current,
    false,
    words,
    { said },
  );
  const typed = proposal.added;
  for (const u of proposal.unsure) {
    const now = ended.get(u.name);
    const def = typed.find((d) => d.name === u.name);
    if (!now || now === u.type || !def) continue;
    Object.assign(def, {
      type: now,
      probability: now === 'Won' ? 1 : 0,
      category: now === 'Won' ? 'Closed' : 'Omitted',
    });
    u.type = now;
  }
  if (!typed.length) return null;
  const before = precedence(paths);
  const newOpen = typed
    .filter((s) => s.type === 'Open')
    .sort((a, b) => place.get(a.name)! - place.get(b.name)!);
  const open = current.filter((s) => s.type === 'Open');
  for (const s of newOpen) open.splice(slotFor(s.name, open, before), 0, s);
  const fresh = new Set(newOpen.map((s) => s.name));
  spreadProbabilities(open, (s) => fresh.has(s.name));
  const closedNew = typed.filter((s) => s.type !== 'Open');
  const stages = [...open, ...current.filter((s) => s.type !== 'Open'), ...closedNew];
  return {
    stages,
    added: [...open.filter((s) => fresh.has(s.name)), ...closedNew],
    unsure: proposal.unsure,
  };
}
