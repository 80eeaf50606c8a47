// What column headers of real exports mean: HubSpot, Pipedrive ("Deal - Title"), Salesforce
// ("Opportunity Name", "Probability (%)"), Zoho, warehouse snake_case and camelCase names, and the
// words teams use (an owner may be an agent, rep or salesperson). Headers are compared after
// normalising case, separators and punctuation; a leading "Deal"/"Opportunity" object name is optional.
import { headerUnit } from './amountUnit';
import type { FieldKey } from '../../shared/fields';
import { withoutMarks } from '../values/text';

/** Fields an import may fill. Computed columns (Check, Last seen, Segment, pushes) are never imported. */
export type ImportField = Exclude<FieldKey, 'check' | 'lastSeen' | 'segment' | 'closeDatePushes'>;

/**
 * The words Convert reads exports with, in the languages teams write (importWords.ts; only Convert's
 * on-demand bundle holds them). Texts are compared with accents folded and in lower case; `won` to
 * `no` are regular expressions.
 */
export interface ImportWords {
  /** Phrases per field, best first (a column matching an earlier phrase wins over a later one). */
  headers: Readonly<Record<ImportField, readonly string[]>>;
  /** Object names exports put before a field ("Deal - Value", "Affaire - Montant"). */
  objects: readonly string[];
  /** Headers of columns that hold something else than a deal field (a creator, a currency). */
  others: readonly string[];
  /** Headers of a status column (open / won / lost), and of an "Active" flag. */
  status: readonly string[];
  active: readonly string[];
  /** Headers of a won flag and of a closed flag beside the stage (Salesforce's IsWon and IsClosed). */
  wonFlag: readonly string[];
  closedFlag: readonly string[];
  /** Headers of a lost flag ("Is Lost"), alone or beside a won flag. */
  lostFlag: readonly string[];
  /** Headers of a deleted flag, and what a status column writes for a deleted record. */
  deletedFlag: readonly string[];
  deleted: string;
  /** A stage or status that says won, lost, or open; an Active flag's true and false. */
  won: string;
  /** A won word denied ("Not renewed", "Closed not won"): lost, though it holds a won word. */
  notWon: string;
  lost: string;
  /**
   * An event a won word may follow without the deal being won ("Demo booked", "NDA signed", "Verbal
   * win"), and those won words.
   */
  event: string;
  eventOutcome: string;
  /** Whole stage names after the sale ("Paid", "Onboarding") and of leads thrown out ("Junk"). */
  afterSale: string;
  thrownOut: string;
  /**
   * Whole stage names saying closed but neither won nor lost ("Closed", "Done"; "Archived",
   * "Inactive"), or not surely closed ("Live": gone live, or a live deal?), by the type they more
   * often mean: the preview asks about them.
   */
  closedWon: string;
  closedLost: string;
  open: string;
  yes: string;
  no: string;
  /** Words for where a stage sits in a pipeline, with its rank (1 earliest, 8 latest). */
  pipeline: readonly (readonly [string, number])[];
  /** CRMs' default pipelines, each stage's name in order (compared without case, spaces or signs). */
  vendors: readonly (readonly string[])[];
}

/** Object names of the computed columns' headers ("Deal check"). */
const BASE_OBJECTS = ['deal', 'opportunity', 'opp', 'potential'];

/** "Deal - Expected close date" → "deal expected close date"; "closeValue" → "close value". */
export function normaliseHeader(header: unknown): string {
  return withoutMarks(
    String(header ?? '')
      // A Salesforce custom field's API name ("Loss_Reason__c"): the name without its suffix.
      .replace(/__c\s*$/i, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
  )
    .toLowerCase()
    .replace(/[_\-–—.:;/\\|()[\]{}%#"'’“”*?!,+&$€£¥₹]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The phrase a normalised header is, with or without a leading object name, written apart
 * ("deal owner") or glued as database columns are ("potentialname", "dealowner").
 */
function candidates(normalised: string, objects: readonly string[] = BASE_OBJECTS): string[] {
  const out = [normalised];
  const glued = !normalised.includes(' ');
  for (const p of objects)
    if (normalised.startsWith(`${p} `)) {
      const rest = normalised.slice(p.length + 1);
      out.push(rest);
      for (const q of objects) if (rest.startsWith(`${q} `)) out.push(rest.slice(q.length + 1));
    } else if (glued && normalised.startsWith(p) && normalised.length > p.length + 1)
      out.push(normalised.slice(p.length));
  return out;
}

/**
 * The phrases as headers are compared (normaliseHeader takes every combining mark off: "フェーズ" is
 * read "フェース", "Ответственный" "ответственныи"), and with their spaces taken out, for glued
 * headers ("closingdate", "createdtime"). The Latin phrases are written folded already.
 */
const phraseForms = new WeakMap<
  ImportWords,
  { apart: ImportWords['headers']; glued: ImportWords['headers'] }
>();
function phrasesOf(words: ImportWords): { apart: ImportWords['headers']; glued: ImportWords['headers'] } {
  let forms = phraseForms.get(words);
  if (!forms) {
    const apart = Object.fromEntries(
      Object.entries(words.headers).map(([field, phrases]) => [field, phrases.map(withoutMarks)]),
    ) as Record<ImportField, string[]>;
    const glued = Object.fromEntries(
      Object.entries(apart).map(([field, phrases]) => [field, phrases.map((p) => p.replace(/ /g, ''))]),
    ) as Record<ImportField, string[]>;
    forms = { apart, glued };
    phraseForms.set(words, forms);
  }
  return forms;
}

/** How well a header names each field: lower rank is better; fields it does not name are absent. */
export function headerMeanings(header: unknown, words: ImportWords): Map<ImportField, number> {
  const out = new Map<ImportField, number>();
  // A custom field's type after its name, as ClickUp writes it: "Company (short text)".
  const typed = FIELD_TYPE.exec(String(header ?? ''));
  const forms = candidates(normaliseHeader(typed ? typed[1] : header), words.objects);
  if (!forms[0]) return out;

  const { apart, glued } = phrasesOf(words);
  for (const [field, phrases] of Object.entries(apart) as [ImportField, readonly string[]][]) {
    forms.forEach((form, f) => {
      // Any phrase written in full ranks before every phrase read without its object name; a glued
      // header matching a phrase without its spaces ranks after those written apart.
      const i = phrases.indexOf(form);
      const j = form.includes(' ') ? -1 : glued[field].indexOf(form);
      const rank = i >= 0 ? f * 1000 + i : j >= 0 ? f * 1000 + 500 + j : -1;
      if (rank >= 0) out.set(field, Math.min(out.get(field) ?? Infinity, rank));
    });
  }
  // "Deal size ($k)", "Amount (EUR)": the header without its unit names an amount (amountUnit.ts).
  const unit = out.has('amount') ? null : headerUnit(header);
  const bare = unit ? headerMeanings(unit.stripped, words).get('amount') : undefined;
  if (bare !== undefined) out.set('amount', bare + 2000);
  return out;
}

/** A header ending in a custom field's type in brackets (ClickUp's "Deal Value (currency)"). */
const FIELD_TYPE =
  /^(.*\S)\s*\((?:short text|text|long text|number|currency|money|drop ?down|labels|date|email|phone|url|people|checkbox|rating|formula)\)\s*$/i;

/** Headers of computed columns (and other words for them) that an import must keep as extras. */
const COMPUTED_WORDS = [
  'check',
  'crm check',
  'data check',
  'last seen',
  'last seen crm',
  'segment',
  'tier',
  'account segment',
  'close date pushes',
  'pushes',
  'push count',
];

/** True when a header names one of the CRM's computed columns: such a column is kept as an extra. */
export function namesComputedColumn(header: unknown): boolean {
  return candidates(normaliseHeader(header)).some((f) => COMPUTED_WORDS.includes(f));
}

/** True when a header names something other than a deal field: its values are never taken for one. */
export function namesOtherThing(header: unknown, words: ImportWords): boolean {
  return candidates(normaliseHeader(header), words.objects).some((f) => words.others.includes(f));
}

/**
 * A column saying whether a deal is open, won or lost beside its pipeline stage: a status (Pipedrive's
 * open / won / lost, Dynamics' and Copper's Status, Close's status type, in the languages above), or an
 * "Active" flag (Odoo archives a lost opportunity in the stage it stopped in), or a Won flag
 * (Salesforce's IsWon, a warehouse's is_won), read with a Closed flag when the export has one.
 */
export function statusHeaderKind(header: unknown, words: ImportWords): StatusKind | null {
  const forms = candidates(normaliseHeader(header), words.objects);
  if (forms.some((f) => words.status.includes(f))) return 'status';
  if (forms.some((f) => words.active.includes(f))) return 'active';
  if (forms.some((f) => words.wonFlag.includes(f))) return 'won';
  if (forms.some((f) => words.lostFlag.includes(f))) return 'lost';
  return null;
}

/**
 * Whether a header names a closed flag or a lost flag, read beside a won flag (closed and not won is
 * lost; lost is lost): 'closed', 'lost' or null.
 */
export function closedFlagKind(header: unknown, words: ImportWords): 'closed' | 'lost' | null {
  const forms = candidates(normaliseHeader(header), words.objects);
  return forms.some((f) => words.closedFlag.includes(f))
    ? 'closed'
    : forms.some((f) => words.lostFlag.includes(f))
      ? 'lost'
      : null;
}

/**
 * A status column's kind: open / won / lost words, an Active flag, a Won flag (with a Closed or a Lost
 * one), or a Lost flag alone.
 */
export type StatusKind = 'status' | 'active' | 'won' | 'lost';

/** HubSpot's per-stage columns: 'Date entered "Qualified To Buy (Sales Pipeline)"' → "Qualified To Buy". */
export function stageEnteredColumn(header: unknown): string | null {
  const m = /^\s*date entered\s*[:\-–]?\s*["“'‘]?(.+?)["”'’]?\s*$/i.exec(String(header ?? ''));
  if (!m) return null;
  const stage = m[1].replace(/\s*\([^)]*\)\s*$/, '').trim();
  return stage || null;
}
