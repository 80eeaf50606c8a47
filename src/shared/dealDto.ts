// What crosses google.script.run between the sidebar and the server: deals as plain data (dates and
// amounts as typed text, never Date objects: the server sends YYYY-MM-DD, the rep may type the
// spreadsheet's own order; a value the sheet cannot read is shown to the rep rather than silently
// dropped), the sidebar's model, and the result of a save. The same validation runs in the sidebar
// and on the server.
import * as z from './schema';
import { readTypedAmount, type DecimalMark } from './amountReading';
import { readTypedDate } from './typedDate';
import { FIELD_BY_KEY, type EditableField } from './fields';
import type { LostReason, Owner, StageDef } from './settings';
import { lostDealProblem, needsMessage, requiredFor } from './stageRules';

export { EDITABLE, type EditableField } from './fields';

const text = (max: number) => z.string().check(z.maxLength(max, `Keep it under ${max} characters`));

export const dealInput = z.object({
  id: z.string(),
  deal: text(200),
  company: text(200),
  contact: text(200),
  email: z.string().check(z.regex(/^([^@\s]+@[^@\s]+\.[^@\s]+)?$/, 'Use an email like name@company.com')),
  owner: text(200),
  stage: text(100),
  // Read with the spreadsheet's decimal mark in validateDeal ("12k", "$12,000", "1.234,50").
  amount: text(50),
  // Dates are read in validateDeal: ISO or the spreadsheet's day/month order.
  closeDate: text(40),
  leadSource: text(100),
  industry: text(100),
  employees: z
    .string()
    .check(z.regex(/^\s*(\d{1,3}(,\d{3})+|\d+)?\s*$/, 'Employees is a whole number, like 250')),
  lostReason: text(100),
  competitor: text(200),
  nextStep: text(500),
  nextStepDate: text(40),
  notes: text(5000),
});
export type DealInput = z.infer<typeof dealInput>;

/** The rules a deal form needs: stages (with requirements), lost reasons and how amounts are written. */
export interface FormRules {
  stages: StageDef[];
  lostReasons: LostReason[];
  /** The spreadsheet locale's decimal mark. */
  decimalMark: DecimalMark;
  /** The CRM's currency (CRM Settings): an amount written in another is refused unless listed in `rates`. */
  currency: string;
  /** CRM Settings' exchange rates: an amount in one of these keeps its currency. */
  rates?: Record<string, number>;
  /** Whether the spreadsheet's locale writes numeric dates day first (13/01/2026). */
  dayFirst: boolean;
}

export type FieldErrors = Partial<Record<EditableField | 'form', string>>;

/** Validates a deal as typed: shapes (its schema), then the fields the chosen stage requires. */
export function validateDeal(
  input: unknown,
  rules: FormRules,
): { ok: true; deal: DealInput } | { ok: false; errors: FieldErrors } {
  const parsed = dealInput.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form') as EditableField | 'form';
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const deal = parsed.data;
  const errors: FieldErrors = {};
  if (!deal.deal.trim()) errors.deal = 'Give the deal a name';
  const amount = readTypedAmount(deal.amount, rules.decimalMark, rules.currency, rules.rates);
  if (!amount.ok) errors.amount = amount.message;
  for (const key of ['closeDate', 'nextStepDate'] as const) {
    const date = readTypedDate(deal[key], rules.dayFirst);
    if (!date.ok) errors[key] = date.message;
  }
  const stage = rules.stages.find((s) => s.name === deal.stage);
  if (!stage) errors.stage = deal.stage ? `"${deal.stage}" is not a stage` : 'Choose a stage';
  else {
    for (const key of requiredFor(stage, rules.stages)) {
      const v = (deal as Record<string, unknown>)[key];
      if (v === undefined || String(v).trim() === '')
        errors[key as EditableField] ??= needsMessage(stage.name, [FIELD_BY_KEY[key].header]);
    }
    if (stage.type === 'Lost') {
      const problem = lostDealProblem(stage.name, deal.lostReason, deal.competitor, rules.lostReasons);
      if (problem) errors[problem.field] ??= problem.message;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, deal };
}

/** One deal found by a search. */
export interface DealSummary {
  id: string;
  deal: string;
  company: string;
  owner: string;
  stage: string;
}

/** A rep's deals to look at (from the Data issues tab, as of its last build), most pressing first. */
export interface MyDay {
  owner: string;
  /** Owners in CRM Settings (a manager picks whose day to see). */
  owners: string[];
  /** "2026-03-10 14:05": when the list was built; '' when there is none yet. */
  asOf: string;
  items: { id: string; deal: string; stage: string; why: string }[];
  /** Deals beyond the ones listed (the tab lists each owner's first 500). */
  more: number;
}

/** What a search found: the first deals (sheet order) and how many hold every word. */
export interface SearchResult {
  query: string;
  deals: DealSummary[];
  total: number;
  /** True when the query had more words than were looked up, so `total` may count too many. */
  approximate: boolean;
}

export interface HistoryItem {
  /** ISO instant */
  time: string;
  field: string;
  from: string;
  to: string;
  user: string;
}

/** Everything the sidebar needs to start (no deal list: search runs on the server). */
export interface SidebarModel {
  user: string;
  /** Today in the spreadsheet's time zone, YYYY-MM-DD (what Mark won proposes as close date). */
  today: string;
  currency: string;
  rules: FormRules;
  owners: Owner[];
  leadSources: string[];
  industries: string[];
}

/** What the sheet knows of a deal beyond the form: read-only in the sidebar. Dates are YYYY-MM-DD. */
export interface DealFacts {
  /** The Check column's warnings ('' when the row is fine). */
  check: string;
  /** "60%", or '' when blank. */
  probability: string;
  /** Whether a person typed the probability (otherwise it follows the stage). */
  probabilityTyped: boolean;
  category: string;
  categoryTyped: boolean;
  /** Whole days since the deal entered its stage, or null when unknown. */
  daysInStage: number | null;
  created: string;
  updated: string;
}

/** A deal loaded for editing, with its most recent History (newest first) and its facts. */
export interface DealRecord {
  deal: DealInput;
  row: number;
  facts: DealFacts;
  history: HistoryItem[];
  /** How many History entries the deal has in all (the sidebar offers "Show all" when more). */
  historyTotal: number;
}

/** A field changed both in the form and in the sheet since the form was loaded. */
export interface FieldClash {
  key: EditableField;
  field: string;
  /** What the form was loaded with. */
  was: string;
  yours: string;
  theirs: string;
  /** Who changed it in the sheet and when (ISO), from History; '' when History does not say. */
  who: string;
  when: string;
}

export type SaveResult =
  | { status: 'saved'; record: DealRecord; message: string }
  | { status: 'invalid'; errors: FieldErrors }
  | {
      status: 'conflict';
      message: string;
      /** Only fields changed on both sides; the rest of the rep's changes wait in the form. */
      clashes: FieldClash[];
      current: DealRecord;
    };

/** The empty form for a new deal. */
export function blankDeal(owner: string, firstStage: string): DealInput {
  return {
    id: '',
    deal: '',
    company: '',
    contact: '',
    email: '',
    owner,
    stage: firstStage,
    amount: '',
    closeDate: '',
    leadSource: '',
    industry: '',
    employees: '',
    lostReason: '',
    competitor: '',
    nextStep: '',
    nextStepDate: '',
    notes: '',
  };
}
