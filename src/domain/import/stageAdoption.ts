// Adopting a team's own process on import: stage values that CRM Settings lacks become proposed
// stages, in pipeline order (the export's own probabilities first, then the usual words for early
// and late stages), typed Won or Lost from the spellings CRMs use ("Closed Won", "closedwon",
// "Disqualified"), with a probability from the export where it has one. Known values map to the
// stage they obviously mean.
import type { ForecastCategory, LostReason, StageDef } from '../../shared/settings';
import { reasonInStage } from './stageReasons';
import { closedStageOf } from '../../shared/stageRules';
import { findStageLoosely } from '../settings/stageLookup';
import { foldedKey, looseKey } from '../values/text';
import type { ImportWords, StatusKind } from './headerVocabulary';

/** The import words' regular expressions, made once per words object. */
interface StageWords {
  won: RegExp;
  notWon: RegExp;
  lost: RegExp;
  event: RegExp;
  eventOutcome: RegExp;
  afterSale: RegExp;
  thrownOut: RegExp;
  closedWon: RegExp;
  closedLost: RegExp;
  open: RegExp;
  yes: RegExp;
  no: RegExp;
  pipeline: [RegExp, number][];
}
const compiled = new WeakMap<ImportWords, StageWords>();
function stageWords(words: ImportWords): StageWords {
  let w = compiled.get(words);
  if (!w) {
    w = {
      won: new RegExp(words.won),
      notWon: new RegExp(words.notWon),
      lost: new RegExp(words.lost),
      event: new RegExp(words.event),
      eventOutcome: new RegExp(words.eventOutcome, 'g'),
      afterSale: new RegExp(words.afterSale),
      thrownOut: new RegExp(words.thrownOut),
      closedWon: new RegExp(words.closedWon),
      closedLost: new RegExp(words.closedLost),
      open: new RegExp(words.open),
      yes: new RegExp(words.yes),
      no: new RegExp(words.no),
      pipeline: words.pipeline.map(([re, rank]) => [new RegExp(re), rank]),
    };
    compiled.set(words, w);
  }
  return w;
}

/**
 * Won or Lost when a stage value is a closed spelling (in a language teams write); null otherwise. A
 * won word after an event says the event happened, not the sale ("Demo booked", "NDA signed").
 */
export function closedTypeOf(value: unknown, words: ImportWords): 'Won' | 'Lost' | null {
  const k = foldedKey(value);
  if (!k) return null;
  const compact = k.replace(/ /g, '');
  const w = stageWords(words);
  if (w.notWon.test(k)) return 'Lost';
  const outcome = w.event.test(k) ? k.replace(w.eventOutcome, ' ') : k;
  if (w.won.test(outcome) || /^closed?won/.test(compact)) return 'Won';
  if (w.lost.test(k) || /^closed?lost/.test(compact)) return 'Lost';
  return null;
}

/**
 * Won or Lost from the export's own probabilities when the name does not say: every deal at 100% is a
 * won stage, every deal at 0% a lost one, unless the name is an early-pipeline word (a "New" stage
 * may sit at 0%). The preview shows the type, so a wrong reading is seen before anything is written.
 */
function closedByProbability(
  name: string,
  probabilities: readonly number[],
  words: ImportWords,
): 'Won' | 'Lost' | null {
  if (!probabilities.length) return null;
  const rank = wordRank(name, words);
  if (probabilities.every((p) => p >= 1) && (rank === null || rank >= 8)) return 'Won';
  if (probabilities.every((p) => p <= 0) && rank === null) return 'Lost';
  return null;
}

/** Where a stage's words place it in a pipeline (1 earliest, 8 latest), or null. */
export function wordRank(name: string, words: ImportWords): number | null {
  const k = foldedKey(name);
  for (const [re, rank] of stageWords(words).pipeline) if (re.test(k)) return rank;
  return null;
}

/**
 * Where a stage sits in a CRM's default pipeline, between 0 and 1 (its place among the vendor's
 * stages), or null for a stage no default pipeline has.
 */
function vendorPlace(name: string, words: ImportWords): number | null {
  const k = foldedKey(name).replace(/ /g, '');
  for (const list of words.vendors) {
    const i = list.findIndex((s) => s.replace(/ /g, '') === k);
    if (i >= 0) return (i + 1) / (list.length + 1);
  }
  return null;
}

/** The number a stage name starts with ("1-Qualify", "02. Demo", "Stage 3: Proposal"), or null. */
function stageNumber(name: string): number | null {
  const m = /^\s*(?:stage|step|phase|fase|stufe|etape|etapa|steg)?\s*(\d{1,2})\s*[-.:)_ ]/i.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * What a status column's cell says about its deal: Won, Lost or Open; null when it says nothing this
 * reader knows (the column is then no status column). An "Active" flag that is false means Lost; a
 * Won flag that is true means Won.
 */
export function statusOf(
  kind: StatusKind,
  value: unknown,
  words: ImportWords,
): 'Won' | 'Lost' | 'Open' | null {
  // A tick or a box is a checkbox's yes or no (symbols have no loose key).
  const box = /^[✓✔☑]$/u.test(String(value ?? '').trim())
    ? 'yes'
    : /^[☐✗✘]$/u.test(String(value ?? '').trim())
      ? 'no'
      : '';
  const k = box || foldedKey(value);
  const w = stageWords(words);
  if (kind === 'active') return w.yes.test(k) ? 'Open' : w.no.test(k) ? 'Lost' : null;
  // A Won flag alone: won, or not (the stage, or a Closed flag, says the rest).
  if (kind === 'won') return w.yes.test(k) ? 'Won' : w.no.test(k) ? 'Open' : null;
  if (kind === 'lost') return w.yes.test(k) ? 'Lost' : w.no.test(k) ? 'Open' : null;
  return closedTypeOf(value, words) ?? (w.open.test(k) ? 'Open' : null);
}

/** The status columns of an export's mapping (see importMapping.ts). */
export interface StatusColumns {
  statusColumn: number | null;
  statusKind: StatusKind;
  closedColumn?: number | null;
  words: ImportWords;
}

/**
 * What a row's status column says: Won, Lost or Open (Open: the row keeps its stage), null with none.
 * A Won flag that is false reads its Closed flag: closed and not won is Lost.
 */
export function rowStatus(m: StatusColumns, row: readonly unknown[]): 'Won' | 'Lost' | 'Open' | null {
  if (m.statusColumn === null) return null;
  // A flag left blank is a checkbox left unticked (as Airtable exports one): not won, not closed.
  const flag = (c: number, kind: StatusKind = 'won') =>
    String(row[c] ?? '').trim() === '' ? 'Open' : statusOf(kind, row[c], m.words);
  const status =
    m.statusKind === 'won' || m.statusKind === 'lost'
      ? flag(m.statusColumn, m.statusKind)
      : statusOf(m.statusKind, row[m.statusColumn], m.words);
  if (m.statusKind !== 'won' || status !== 'Open' || m.closedColumn == null) return status;
  return flag(m.closedColumn) === 'Won' ? 'Lost' : 'Open';
}

/** One stage value seen in the export, with the probabilities rows in it carried. */
export interface SeenStage {
  value: string;
  probabilities: number[];
  /** Its rows, and how many of them have a lost reason. */
  rows?: number;
  lostReasons?: number;
  /** A status column says its rows are open. */
  statusOpen?: boolean;
}

/** A stage's type as a person said it ("stage Closed = Lost"), by the value's loose key. */
export type SaidStageTypes = Readonly<Record<string, StageDef['type']>>;

/** A new stage typed from a closed word that says neither won nor lost ("Closed"): to confirm. */
export interface UnsureStage {
  name: string;
  type: 'Won' | 'Lost';
  rows: number;
}

export interface StageProposal {
  /** CRM Settings' stages once the proposal is confirmed. */
  stages: StageDef[];
  /** The stages that are new, in pipeline order. */
  added: StageDef[];
  /** The stage name each imported value becomes (keyed by its loose spelling). */
  stageOf: Map<string, string>;
  /**
   * Values not made stages, as CRM Settings would refuse them or a dropdown could not list them
   * (longer than a stage name may be, on several lines, or one of too many to be a pipeline): their
   * deals keep them as written, flagged.
   */
  notAdopted: string[];
  /** New stages typed from a word that says closed but not how, in the order they came in. */
  unsure: UnsureStage[];
  /** The lost reason a value names ("Closed Lost to Competition"), by its loose spelling. */
  reasonOf: Map<string, string>;
}

/** The longest stage name CRM Settings takes. */
const MAX_STAGE_NAME = 100;
/** More new values than this in one stage column are free text, not a pipeline: none is adopted. */
const MAX_NEW_STAGES = 40;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : null;
};
const round = (p: number) => Math.round(p * 100) / 100;
/** The forecast category an open stage of probability `p` is counted in. */
export const categoryFor = (p: number): ForecastCategory =>
  p < 0.4 ? 'Pipeline' : p < 0.7 ? 'Best case' : 'Commit';

/**
 * Stages by their place: probability (or the rank their words give), then, where probabilities tie
 * (Salesforce gives Prospecting and Qualification both 10%), the words, then the order they came in.
 */
const pipelineOrder =
  (words: ImportWords) =>
  (
    a: { def: StageDef; order: number; appearance: number },
    b: { def: StageDef; order: number; appearance: number },
  ): number => {
    const rank = (x: { def: StageDef }) =>
      (vendorPlace(x.def.name, words) ?? NaN) * 10 || (wordRank(x.def.name, words) ?? 4.5);
    const [na, nb] = [stageNumber(a.def.name), stageNumber(b.def.name)];
    const numbered = na !== null && nb !== null ? na - nb : 0;
    return numbered || a.order - b.order || rank(a) - rank(b) || a.appearance - b.appearance;
  };

/**
 * The probability a stage's name states, at its start or its end ("10% - Qualify", "Propose (50%)",
 * "Demo – 30 %"), or as the whole name (a pipeline named by its percentages: "10%" … "90%"), as a
 * fraction; null when it states none.
 */
export function probabilityInName(name: string): number | null {
  const m = /^(\d{1,3})\s*%\s*(?:[-–—:|]|$)/.exec(name) ?? /[-–—:|(]\s*(\d{1,3})\s*%\s*\)?$/.exec(name);
  const n = m ? Number(m[1]) : NaN;
  return n >= 0 && n <= 100 ? n / 100 : null;
}

/**
 * A stage the import brings, typed by its name or its deals' probabilities, with its place in the
 * pipeline (its median probability, else a rank from words in its name); null for a value no stage is
 * made of (too long, or several lines).
 */
function newStage(
  seen: SeenStage,
  words: ImportWords,
  said: SaidStageTypes,
): { def: StageDef; order: number; unsure: boolean } | null {
  const { value, probabilities } = seen;
  const name = String(value).trim().replace(/\s+/g, ' ');
  const lines = String(value).trim();
  if (name.length > MAX_STAGE_NAME || [...lines].some((ch) => ch.charCodeAt(0) < 32)) return null;
  const { type, unsure } = stageType(seen, words, said);
  // The deals' own probabilities first, then one the name states ("10% - Qualify", "Propose (50%)").
  const p = median(probabilities) ?? probabilityInName(name);
  const probability = type === 'Won' ? 1 : type === 'Lost' ? 0 : (p ?? NaN);
  const def: StageDef = {
    name,
    type,
    probability,
    category: type === 'Won' ? 'Closed' : type === 'Lost' ? 'Omitted' : 'Pipeline',
    required: [],
    staleAfterDays: type === 'Open' ? 30 : null,
  };
  return { def, order: p ?? vendorPlace(name, words) ?? (wordRank(name, words) ?? 4.5) / 10, unsure };
}

/**
 * A closed word that says neither won nor lost, beside stages that are surely won and none surely lost
 * ("Closed Won" and "Closed"), is likelier the lost one, and the other way round: its guess (still to
 * be confirmed) follows. `others`: the types of the CRM's stages the export's values stand for.
 */
function likelierAmongOthers(
  made: readonly { def: StageDef; unsure: boolean }[],
  others: readonly (StageDef['type'] | undefined)[],
): void {
  const sure = new Set([...others, ...made.filter((m) => !m.unsure).map((m) => m.def.type)]);
  const type =
    sure.has('Won') && !sure.has('Lost') ? 'Lost' : sure.has('Lost') && !sure.has('Won') ? 'Won' : null;
  if (!type) return;
  for (const m of made)
    if (m.unsure && m.def.type !== 'Open')
      Object.assign(m.def, {
        type,
        probability: type === 'Won' ? 1 : 0,
        category: type === 'Won' ? 'Closed' : 'Omitted',
      });
}

/**
 * A new stage's type: as the person said it; else as its name says it (a won or lost word, a stage
 * after the sale, a lead thrown out), unless a status column says its rows are open; else as its
 * deals' probabilities say it; else, for a closed word that says neither ("Closed", "Archived"), as
 * a lost reason on most of its deals says it, or the type the word more often means, to be confirmed
 * (`unsure`); else Open.
 */
function stageType(
  seen: SeenStage,
  words: ImportWords,
  said: SaidStageTypes,
): { type: StageDef['type']; unsure: boolean } {
  const sure = (type: StageDef['type']) => ({ type, unsure: false });
  const told = said[looseKey(seen.value)];
  if (told) return sure(told);
  const named = closedTypeOf(seen.value, words);
  if (named) return sure(named);
  const k = foldedKey(seen.value);
  const w = stageWords(words);
  if (seen.statusOpen) return sure('Open');
  if (w.afterSale.test(k)) return sure('Won');
  if (w.thrownOut.test(k)) return sure('Lost');
  const byProbability = closedByProbability(String(seen.value), seen.probabilities, words);
  if (byProbability) return sure(byProbability);
  // A stage named only by its percentage: "100%" is won, "0%" lost, as the deals at them would say.
  const byName = /^\d{1,3}\s*%$/.test(String(seen.value).trim())
    ? closedByProbability('', [probabilityInName(String(seen.value).trim()) ?? 0.5], words)
    : null;
  if (byName) return sure(byName);
  const guess = w.closedWon.test(k) ? 'Won' : w.closedLost.test(k) ? 'Lost' : null;
  if (!guess) return sure('Open');
  const rows = seen.rows ?? 0;
  if (rows > 0 && (seen.lostReasons ?? 0) * 2 > rows) return sure('Lost');
  return { type: guess, unsure: true };
}

type MadeStage = { def: StageDef; order: number; appearance: number; rows: number; unsure: boolean };

/**
 * The open stages once an import's are added, in pipeline order. A fresh CRM drops the default open
 * stages the import does not use, unless it brings none of its own. New open stages without a
 * probability of their own get one from their place in the pipeline.
 */
function openStages(
  openNew: MadeStage[],
  current: readonly StageDef[],
  used: ReadonlySet<string>,
  fresh: boolean,
  words: ImportWords,
): StageDef[] {
  const bringsOpen = openNew.length > 0 || current.some((s) => s.type === 'Open' && used.has(s.name));
  const replace = fresh && bringsOpen;
  const keptOpen = current.filter((s) => s.type === 'Open' && (!replace || used.has(s.name)));
  let open: StageDef[];
  if (replace) {
    const all = [
      ...keptOpen.map((def, i) => ({ def, order: def.probability, appearance: -keptOpen.length + i })),
      ...openNew,
    ];
    all.sort(pipelineOrder(words));
    open = all.map((a) => a.def);
  } else {
    openNew.sort(pipelineOrder(words));
    open = [...keptOpen, ...openNew.map((a) => a.def)];
  }
  open.forEach((s, i) => {
    if (Number.isNaN(s.probability)) {
      const p = round(Math.min(0.9, Math.max(0.05, (i + 1) / (open.length + 1))));
      Object.assign(s, { probability: p, category: categoryFor(p) });
    } else if (openNew.some((n) => n.def === s))
      Object.assign(s, { probability: round(s.probability), category: categoryFor(s.probability) });
  });
  return open;
}

/**
 * Proposes the stages for an import. `fresh` (a CRM with no deals yet) lets the team's open stages
 * replace the default ones that no imported deal uses; otherwise new stages are only added.
 */
export function proposeStages(
  seen: readonly SeenStage[],
  current: readonly StageDef[],
  fresh: boolean,
  words: ImportWords,
  opts: { said?: SaidStageTypes; reasons?: readonly LostReason[] } = {},
): StageProposal {
  const said = opts.said ?? {};
  const lostStage = closedStageOf(current, 'Lost');
  const reasonOf = new Map<string, string>();
  const stageOf = new Map<string, string>();
  const used = new Set<string>();
  const fresh_: MadeStage[] = [];
  const notAdopted: string[] = [];
  seen.forEach((one, appearance) => {
    const { value } = one;
    const key = looseKey(value);
    if (!key || stageOf.has(key)) return;
    // A type the person said: only a stage of that very name stands for it, not a synonym.
    const lookUp = (stages: readonly StageDef[]) =>
      said[key] ? (stages.find((s) => looseKey(s.name) === key) ?? null) : findStageLoosely(value, stages);
    // A lost stage naming its reason ("Closed Lost to Competition"): the Lost stage, with that reason.
    const reason =
      !said[key] && !current.some((s) => looseKey(s.name) === key) && closedTypeOf(value, words) === 'Lost'
        ? reasonInStage(value, opts.reasons ?? [])
        : null;
    if (reason && lostStage) {
      stageOf.set(key, lostStage.name);
      used.add(lostStage.name);
      reasonOf.set(key, reason);
      return;
    }
    const known = lookUp(current) ?? lookUp(fresh_.map((f) => f.def));
    if (known) {
      stageOf.set(key, known.name);
      used.add(known.name);
      return;
    }
    const made = newStage(one, words, said);
    if (!made) {
      notAdopted.push(String(value).trim().replace(/\s+/g, ' '));
      return;
    }
    const { def, order, unsure } = made;
    const name = def.name;
    fresh_.push({ def, order, appearance, rows: one.rows ?? 0, unsure });
    stageOf.set(key, name);
  });

  if (fresh_.length > MAX_NEW_STAGES) {
    for (const f of fresh_) {
      notAdopted.push(f.def.name);
      stageOf.delete(looseKey(f.def.name));
    }
    fresh_.length = 0;
  }
  likelierAmongOthers(
    fresh_,
    [...used].map((n) => current.find((s) => s.name === n)?.type),
  );
  const openNew = fresh_.filter((f) => f.def.type === 'Open');
  const closedNew = fresh_.filter((f) => f.def.type !== 'Open').map((f) => f.def);
  const open = openStages(openNew, current, used, fresh, words);
  const closed = [...current.filter((s) => s.type !== 'Open'), ...closedNew];
  const added = [...open.filter((s) => openNew.some((n) => n.def === s)), ...closedNew];
  const unsure = fresh_.flatMap((f) =>
    f.unsure && f.def.type !== 'Open' ? [{ name: f.def.name, type: f.def.type, rows: f.rows }] : [],
  );
  return { stages: [...open, ...closed], added, stageOf, notAdopted, unsure, reasonOf };
}
