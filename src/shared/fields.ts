// The Deals tab's fields: header text, kind of value, whether we compute it, and the header synonyms
// (including the column names of common CRM exports) used to find each column by header.

export type FieldKey =
  | 'dealId'
  | 'deal'
  | 'company'
  | 'contact'
  | 'email'
  | 'owner'
  | 'stage'
  | 'amount'
  | 'closeDate'
  | 'probability'
  | 'forecastCategory'
  | 'leadSource'
  | 'industry'
  | 'employees'
  | 'segment'
  | 'lostReason'
  | 'competitor'
  | 'nextStep'
  | 'nextStepDate'
  | 'created'
  | 'stageEntered'
  | 'updated'
  | 'closeDatePushes'
  | 'check'
  | 'lastSeen'
  | 'notes';

export type FieldKind = 'text' | 'money' | 'date' | 'timestamp' | 'percent' | 'integer' | 'stage' | 'choice';

export interface FieldDef {
  key: FieldKey;
  header: string;
  kind: FieldKind;
  /** Written by Sheets CRM; protected with a warning. */
  computed: boolean;
  /** Normalised header texts that also mean this field. */
  synonyms: string[];
}

const f = (
  key: FieldKey,
  header: string,
  kind: FieldKind,
  computed: boolean,
  synonyms: string[] = [],
): FieldDef => ({
  key,
  header,
  kind,
  computed,
  synonyms,
});

/** Fields in the default column order of a new Deals tab. */
export const FIELDS: readonly FieldDef[] = [
  f('dealId', 'Deal ID', 'text', true, ['id', 'record id', 'deal id', 'opportunity id', 'opp id']),
  f('deal', 'Deal', 'text', false, [
    'deal name',
    'opportunity',
    'opportunity name',
    'title',
    'deal title',
    'name',
  ]),
  f('company', 'Company', 'text', false, [
    'account',
    'account name',
    'organization',
    'organisation',
    'company name',
    'org',
    'customer',
    'associated company',
  ]),
  f('contact', 'Contact', 'text', false, [
    'contact name',
    'person',
    'contact person',
    'primary contact',
    'associated contact',
  ]),
  f('email', 'Email', 'text', false, ['contact email', 'e mail', 'email address', 'person email']),
  f('owner', 'Owner', 'choice', false, [
    'deal owner',
    'opportunity owner',
    'rep',
    'sales rep',
    'account executive',
    'ae',
    'assigned to',
    'user',
  ]),
  f('stage', 'Stage', 'stage', false, ['deal stage', 'status', 'pipeline stage', 'sales stage']),
  f('amount', 'Amount', 'money', false, [
    'value',
    'deal value',
    'deal amount',
    'opportunity amount',
    'revenue',
    'arr',
    'acv',
    'price',
    'total',
  ]),
  f('closeDate', 'Close date', 'date', false, [
    'expected close',
    'expected close date',
    'close',
    'closing date',
    'close date expected',
    'target close date',
    'won time',
    'close date',
  ]),
  f('probability', 'Probability', 'percent', false, [
    'probability %',
    'probability (%)',
    'win probability',
    'deal probability',
    'likelihood',
  ]),
  f('forecastCategory', 'Forecast category', 'choice', false, [
    'forecast',
    'forecast category name',
    'category',
  ]),
  f('leadSource', 'Lead source', 'choice', false, [
    'source',
    'lead source type',
    'original source',
    'channel',
  ]),
  f('industry', 'Industry', 'choice', false, ['vertical', 'sector']),
  f('employees', 'Employees', 'integer', false, [
    'employee count',
    'number of employees',
    'company size',
    'headcount',
    'size',
  ]),
  f('segment', 'Segment', 'text', true, ['account segment', 'tier']),
  f('lostReason', 'Lost reason', 'choice', false, [
    'loss reason',
    'closed lost reason',
    'reason lost',
    'lost reasons',
  ]),
  f('competitor', 'Competitor', 'text', false, ['competitors', 'lost to', 'main competitor']),
  f('nextStep', 'Next step', 'text', false, ['next steps', 'next action']),
  f('nextStepDate', 'Next step date', 'date', false, [
    'next activity date',
    'next action date',
    'follow up date',
    'follow up',
  ]),
  f('created', 'Created', 'timestamp', true, [
    'created date',
    'create date',
    'created at',
    'date created',
    'deal created',
    'created on',
  ]),
  f('stageEntered', 'Stage entered', 'timestamp', true, [
    'stage entered date',
    'stage date',
    'last stage change',
    'stage change date',
  ]),
  f('updated', 'Updated', 'timestamp', true, [
    'last modified',
    'last modified date',
    'updated at',
    'last updated',
    'update time',
    'modified',
  ]),
  f('closeDatePushes', 'Close date pushes', 'integer', true, [
    'pushes',
    'push count',
    'close date push count',
  ]),
  f('check', 'Check', 'text', true, ['data check', 'crm check']),
  f('lastSeen', 'Last seen (CRM)', 'text', true, []),
  f('notes', 'Notes', 'text', false, ['note', 'description', 'comments', 'comment', 'details']),
];

export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(
  FIELDS.map((d) => [d.key, d]),
) as Record<FieldKey, FieldDef>;

/** Field names as users see them in messages ("Close date"), by key. */
export function fieldLabel(key: FieldKey): string {
  return FIELD_BY_KEY[key].header;
}

/** Fields a person edits in the sidebar (everything but what the CRM computes or fills in). */
export const EDITABLE = [
  'deal',
  'company',
  'contact',
  'email',
  'owner',
  'stage',
  'amount',
  'closeDate',
  'leadSource',
  'industry',
  'employees',
  'lostReason',
  'competitor',
  'nextStep',
  'nextStepDate',
  'notes',
] as const satisfies readonly FieldKey[];
export type EditableField = (typeof EDITABLE)[number];

/** Fields that a stage may require, by the names used in the Settings tab. */
export const REQUIRABLE: readonly FieldKey[] = EDITABLE.filter((k) => k !== 'stage' && k !== 'notes');
