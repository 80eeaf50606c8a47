// What column headers of real exports mean: HubSpot, Pipedrive ("Deal - Title"), Salesforce
// ("Opportunity Name", "Probability (%)"), Zoho, warehouse snake_case and camelCase names, and the
// words teams use (an owner may be an agent, rep or salesperson). Headers are compared after
// normalising case, separators and punctuation; a leading "Deal"/"Opportunity" object name is optional.
import type { FieldKey } from '../../shared/fields';

/** Fields an import may fill. Computed columns (Check, Last seen, Segment, pushes) are never imported. */
export type ImportField = Exclude<FieldKey, 'check' | 'lastSeen' | 'segment' | 'closeDatePushes'>;

/** Phrases per field, best first (a column matching an earlier phrase wins over a later one). */
export const HEADER_PHRASES: Readonly<Record<ImportField, readonly string[]>> = {
  dealId: [
    'deal id',
    'record id',
    'opportunity id',
    'opp id',
    'id',
    'object id',
    'hs object id',
    'crm id',
    'external id',
    'deal number',
    'opportunity number',
    'record number',
  ],
  deal: [
    'deal',
    'deal name',
    'opportunity name',
    'title',
    'deal title',
    'name',
    'opportunity',
    'subject',
    'opportunity title',
    'product',
    'product name',
    'item',
    'service',
  ],
  company: [
    'company',
    'company name',
    'account name',
    'account',
    'organization',
    'organisation',
    'organization name',
    'organisation name',
    'org',
    'org name',
    'customer',
    'customer name',
    'client',
    'client name',
    'associated company',
    'associated company name',
    'partner name',
    'related to',
  ],
  contact: [
    'contact',
    'contact name',
    'contact person',
    'person',
    'primary contact',
    'associated contact',
    'contact full name',
    'person name',
  ],
  email: [
    'email',
    'e mail',
    'email address',
    'contact email',
    'person email',
    'primary email',
    'contact e mail',
  ],
  owner: [
    'owner',
    'deal owner',
    'opportunity owner',
    'owner name',
    'record owner',
    'sales rep',
    'rep',
    'sales representative',
    'salesperson',
    'sales person',
    'sales agent',
    'agent',
    'account manager',
    'account executive',
    'ae',
    'assigned to',
    'assigned user',
    'assigned user name',
    'assigned to name',
    'assignee',
    'user',
    'seller',
    'hubspot owner',
    'owner email',
    'rep email',
  ],
  stage: ['stage', 'deal stage', 'stage name', 'pipeline stage', 'sales stage', 'opportunity stage', 'phase'],
  amount: [
    'amount',
    'deal amount',
    'deal value',
    'value',
    'opportunity amount',
    'close value',
    'revenue',
    'deal size',
    'acv',
    'arr',
    'tcv',
    'contract value',
    'price',
    'total',
    'total value',
    'sale amount',
    'amount usd',
    'amount in company currency',
    'amount converted',
    'booking',
    'bookings',
  ],
  closeDate: [
    'close date',
    'expected close date',
    'closing date',
    'expected close',
    'close',
    'closed date',
    'date closed',
    'target close date',
    'estimated close date',
    'close date expected',
    'won date',
    'won time',
    'closed on',
    'decision date',
    'date deadline',
    'deadline',
    'expected closing date',
    'expected closing',
    'expected',
  ],
  probability: [
    'probability',
    'win probability',
    'deal probability',
    'deal stage probability',
    'likelihood',
    'chance',
    'confidence',
  ],
  forecastCategory: ['forecast category', 'forecast category name', 'forecast'],
  leadSource: [
    'lead source',
    'source',
    'original source',
    'deal source',
    'channel',
    'acquisition channel',
    'lead source type',
    'origin',
    'marketing source',
  ],
  industry: ['industry', 'vertical', 'sector', 'company industry', 'account industry'],
  employees: [
    'employees',
    'employee count',
    'number of employees',
    'no of employees',
    'company size',
    'headcount',
    'size',
    'staff',
  ],
  lostReason: [
    'lost reason',
    'loss reason',
    'closed lost reason',
    'reason lost',
    'lost reasons',
    'reason for loss',
    'close lost reason',
    'why lost',
  ],
  competitor: ['competitor', 'competitors', 'lost to', 'main competitor', 'competition'],
  nextStep: ['next step', 'next steps', 'next action'],
  nextStepDate: [
    'next step date',
    'next activity date',
    'next action date',
    'follow up date',
    'follow up',
    'next activity',
  ],
  created: [
    'created',
    'created date',
    'create date',
    'created at',
    'date created',
    'deal created',
    'created on',
    'created time',
    'creation date',
    'add time',
    'added',
    'date added',
    'open date',
    'opened',
    'date opened',
    'engage date',
    'engaged',
    'engaged on',
    'start date',
    'started',
    'date entered',
    'entered',
  ],
  stageEntered: [
    'stage entered',
    'date entered current stage',
    'last stage change',
    'stage change date',
    'stage date',
  ],
  updated: [
    'updated',
    'last modified date',
    'last modified',
    'updated at',
    'last updated',
    'update time',
    'modified',
    'modified time',
    'modified date',
    'modified at',
    'modified on',
    'date modified',
    'last modified time',
    'write date',
    'updated on',
    'last update',
    'date updated',
    'last activity',
    'last activity date',
  ],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'details', 'remarks'],
};

/** Object names exports put before a field ("Deal - Value", "Opportunity Owner", "deal_stage"). */
const OBJECT_PREFIXES = ['deal', 'opportunity', 'opp', 'potential'];

/** "Deal - Expected close date" → "deal expected close date"; "closeValue" → "close value". */
export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-–—.:;/\\|()[\]{}%#"'’“”*?!,+&$€£¥₹]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The phrase a normalised header is, with or without a leading object name, written apart
 * ("deal owner") or glued as database columns are ("potentialname", "dealowner").
 */
function candidates(normalised: string): string[] {
  const out = [normalised];
  const glued = !normalised.includes(' ');
  for (const p of OBJECT_PREFIXES)
    if (normalised.startsWith(`${p} `)) {
      const rest = normalised.slice(p.length + 1);
      out.push(rest);
      for (const q of OBJECT_PREFIXES) if (rest.startsWith(`${q} `)) out.push(rest.slice(q.length + 1));
    } else if (glued && normalised.startsWith(p) && normalised.length > p.length + 1)
      out.push(normalised.slice(p.length));
  return out;
}

/** Phrases with their spaces taken out, for glued headers ("closingdate", "createdtime"). */
const COMPACT_PHRASES = Object.fromEntries(
  Object.entries(HEADER_PHRASES).map(([field, phrases]) => [field, phrases.map((p) => p.replace(/ /g, ''))]),
) as Record<ImportField, string[]>;

/** How well a header names each field: lower rank is better; fields it does not name are absent. */
export function headerMeanings(header: unknown): Map<ImportField, number> {
  const out = new Map<ImportField, number>();
  const forms = candidates(normaliseHeader(header));
  if (!forms[0]) return out;
  for (const [field, phrases] of Object.entries(HEADER_PHRASES) as [ImportField, readonly string[]][]) {
    forms.forEach((form, f) => {
      // Any phrase written in full ranks before every phrase read without its object name; a glued
      // header matching a phrase without its spaces ranks after those written apart.
      const i = phrases.indexOf(form);
      const j = form.includes(' ') ? -1 : COMPACT_PHRASES[field].indexOf(form);
      const rank = i >= 0 ? f * 1000 + i : j >= 0 ? f * 1000 + 500 + j : -1;
      if (rank >= 0) out.set(field, Math.min(out.get(field) ?? Infinity, rank));
    });
  }
  return out;
}

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

/** A deal-status column ("open", "won", "lost"), as Pipedrive exports beside the pipeline stage. */
export function isStatusHeader(header: unknown): boolean {
  return candidates(normaliseHeader(header)).some((f) => f === 'status' || f === 'deal status');
}

/** HubSpot's per-stage columns: 'Date entered "Qualified To Buy (Sales Pipeline)"' → "Qualified To Buy". */
export function stageEnteredColumn(header: unknown): string | null {
  const m = /^\s*date entered\s*[:\-–]?\s*["“'‘]?(.+?)["”'’]?\s*$/i.exec(String(header ?? ''));
  if (!m) return null;
  const stage = m[1].replace(/\s*\([^)]*\)\s*$/, '').trim();
  return stage || null;
}
