// The files each importer takes, built from the deals, their History and the stage map: HubSpot (one
// deals file, companies and contacts on the same row, history as notes), Pipedrive (one tab, Status apart
// from Stage, history as the deal's note), Salesforce (accounts first, opportunities by external ID,
// history as a custom object) and Attio (companies and people first, then deals with an ID attribute).
import type { StageDef } from '../../shared/settings';
import type { ExitChange, ExitDeal } from './exitDeals';
import { TARGET_LABEL, type ExitTarget } from '../settings/exportTargets';

export interface ExitFile {
  name: string;
  rows: string[][];
}

export interface ExitInput {
  deals: readonly ExitDeal[];
  changes: readonly ExitChange[];
  /** The target's stage for each CRM stage, in pipeline order. */
  stages: readonly { stage: StageDef; value: string }[];
}

/** The Deal ID column's name in each target (a custom property or field the person creates unique). */
export const ID_COLUMN: Record<ExitTarget, string> = {
  hubspot: 'Sheets CRM Deal ID',
  pipedrive: 'Deal - Sheets CRM Deal ID',
  salesforce: 'Sheets_CRM_Deal_ID__c',
  attio: 'Sheets CRM Deal ID',
};

const amountText = (d: ExitDeal) => (d.amount === null ? '' : String(d.amount));

function stageValue(input: ExitInput, d: ExitDeal): string {
  return d.stage ? (input.stages.find((s) => s.stage === d.stage)?.value ?? d.stage.name) : d.stageText;
}

/** "First" and "Last" of a contact's name (everything before the last word, and the last word). */
function nameParts(name: string): [string, string] {
  const i = name.trim().lastIndexOf(' ');
  return i < 0 ? [name.trim(), ''] : [name.slice(0, i).trim(), name.slice(i + 1).trim()];
}

/** A change in words, as a note's body. */
export function changeText(c: ExitChange): string {
  return `${c.field}: ${c.from || '(blank)'} → ${c.to || '(blank)'} (${c.user || 'unknown'}, ${c.at})`;
}

function changesByDeal(changes: readonly ExitChange[]): Map<string, ExitChange[]> {
  const out = new Map<string, ExitChange[]>();
  for (const c of changes) {
    const list = out.get(c.dealId);
    if (list) list.push(c);
    else out.set(c.dealId, [c]);
  }
  return out;
}

/** Rows of deals whose ID is known, each change of theirs with the deal's ID (notes must be linked). */
function linkedChanges(input: ExitInput): ExitChange[] {
  const ids = new Set(input.deals.map((d) => d.id).filter(Boolean));
  return input.changes.filter((c) => ids.has(c.dealId));
}

function hubspot(input: ExitInput): ExitFile[] {
  const header = [
    ID_COLUMN.hubspot,
    'Deal name',
    'Pipeline',
    'Deal stage',
    'Amount',
    'Currency',
    'Close date',
    'Create date',
    'Deal owner',
    'Company name',
    'Email',
    'First name',
    'Last name',
    'Closed lost reason',
    'Competitor',
    'Lead source',
    'Next step',
    'Deal description',
  ];
  const rows = input.deals.map((d) => [
    d.id,
    d.name,
    'Sales Pipeline',
    stageValue(input, d),
    amountText(d),
    d.currency,
    d.closeDate,
    d.created,
    d.ownerEmail ?? '',
    d.company,
    d.email,
    ...nameParts(d.contact),
    d.lostReason,
    d.competitor,
    d.leadSource,
    d.nextStep,
    d.notes,
  ]);
  const notes = linkedChanges(input).map((c) => [c.dealId, c.at, changeText(c)]);
  return [
    { name: 'deals.csv', rows: [header, ...rows] },
    { name: 'notes.csv', rows: [[ID_COLUMN.hubspot, 'Activity date', 'Note body'], ...notes] },
  ];
}

/** For a closed deal, the open stage it was in last (History), else the first open stage. */
function lastOpenStage(input: ExitInput, d: ExitDeal, history: ExitChange[] | undefined): string {
  const open = input.stages.filter((s) => s.stage.type === 'Open');
  const find = (name: string) => open.find((s) => s.stage.name.toLowerCase() === name.toLowerCase());
  let last = open[0]?.value ?? '';
  for (const c of history ?? []) {
    if (c.field.toLowerCase() !== 'stage') continue;
    const hit = find(c.to) ?? find(c.from);
    if (hit) last = hit.value;
  }
  return d.stage && d.stage.type !== 'Open' ? last : stageValue(input, d);
}

function pipedrive(input: ExitInput): ExitFile[] {
  const byDeal = changesByDeal(linkedChanges(input));
  const header = [
    ID_COLUMN.pipedrive,
    'Deal - Title',
    'Deal - Value',
    'Deal - Currency',
    'Deal - Owner',
    'Deal - Stage',
    'Deal - Status',
    'Deal - Lost reason',
    'Deal - Expected close date',
    'Deal - Deal created',
    'Deal - Competitor',
    'Deal - Lead source',
    'Deal - Next step',
    'Organization - Name',
    'Person - Name',
    'Person - Email',
    'Note - Content',
  ];
  const rows = input.deals.map((d) => {
    const history = byDeal.get(d.id);
    const status = d.stage?.type === 'Won' ? 'won' : d.stage?.type === 'Lost' ? 'lost' : 'open';
    const note = [d.notes, ...(history ?? []).map(changeText)].filter(Boolean).join('\n');
    return [
      d.id,
      d.name,
      amountText(d),
      d.currency,
      d.ownerEmail ?? '',
      lastOpenStage(input, d, history),
      status,
      d.lostReason,
      d.closeDate,
      d.created,
      d.competitor,
      d.leadSource,
      d.nextStep,
      d.company,
      d.contact,
      d.email,
      note,
    ];
  });
  return [{ name: 'deals.csv', rows: [header, ...rows] }];
}

/** Companies once each (the first spelling met), keyed by their lower-cased name. */
function companies(deals: readonly ExitDeal[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of deals)
    if (d.company && !out.has(d.company.toLowerCase())) out.set(d.company.toLowerCase(), d.company);
  return out;
}

function salesforce(input: ExitInput): ExitFile[] {
  const accounts = [...companies(input.deals)].map(([key, name]) => [key, name]);
  const header = [
    ID_COLUMN.salesforce,
    'Name',
    'StageName',
    'CloseDate',
    'Amount',
    'CurrencyIsoCode',
    'Account.Sheets_CRM_Account_Key__c',
    'LeadSource',
    'NextStep',
    'Description',
    'Loss_Reason__c',
    'Competitor__c',
    'Owner_Email__c',
    'Sheets_CRM_Created__c',
  ];
  const rows = input.deals.map((d) => [
    d.id,
    d.name,
    stageValue(input, d),
    d.closeDate,
    amountText(d),
    d.currency,
    d.company.toLowerCase(),
    d.leadSource,
    d.nextStep,
    d.notes,
    d.lostReason,
    d.competitor,
    d.ownerEmail ?? '',
    d.created,
  ]);
  const changes = linkedChanges(input).map((c) => [c.dealId, c.instant, c.field, c.from, c.to, c.user]);
  return [
    { name: '1-accounts.csv', rows: [['Sheets_CRM_Account_Key__c', 'Name'], ...accounts] },
    { name: '2-opportunities.csv', rows: [header, ...rows] },
    {
      name: '3-stage-history.csv',
      rows: [
        [
          'Opportunity__r.Sheets_CRM_Deal_ID__c',
          'Changed_At__c',
          'Field__c',
          'From__c',
          'To__c',
          'Changed_By__c',
        ],
        ...changes,
      ],
    },
  ];
}

function attio(input: ExitInput): ExitFile[] {
  const people = new Map<string, string[]>();
  for (const d of input.deals)
    if (d.email && !people.has(d.email.toLowerCase()))
      people.set(d.email.toLowerCase(), [d.contact, d.email, d.company]);
  const header = [
    ID_COLUMN.attio,
    'Name',
    'Deal stage',
    'Deal owner',
    'Deal value',
    'Currency',
    'Associated company',
    'Associated people',
    'Close date',
    'Created',
    'Lost reason',
    'Competitor',
    'Lead source',
    'Next step',
    'Notes',
  ];
  const rows = input.deals.map((d) => [
    d.id,
    d.name,
    stageValue(input, d),
    d.ownerEmail ?? '',
    amountText(d),
    d.currency,
    d.company,
    d.email,
    d.closeDate,
    d.created,
    d.lostReason,
    d.competitor,
    d.leadSource,
    d.nextStep,
    d.notes,
  ]);
  const changes = linkedChanges(input).map((c) => [c.dealId, c.at, c.field, c.from, c.to, c.user]);
  return [
    { name: '1-companies.csv', rows: [['Name'], ...[...companies(input.deals).values()].map((n) => [n])] },
    { name: '2-people.csv', rows: [['Name', 'Email addresses', 'Company'], ...people.values()] },
    { name: '3-deals.csv', rows: [header, ...rows] },
    {
      name: '4-deal-changes.csv',
      rows: [[ID_COLUMN.attio, 'Changed at', 'Field', 'From', 'To', 'Changed by'], ...changes],
    },
  ];
}

/** The stage map as a file beside the others: what each CRM stage became, and whether it was proposed. */
function mappingFile(
  target: ExitTarget,
  stages: readonly { stage: StageDef; value: string; proposed?: boolean }[],
): ExitFile {
  const label = TARGET_LABEL[target];
  return {
    name: 'stage-map.csv',
    rows: [
      [
        'Sheets CRM stage',
        'Type',
        `${label} ${target === 'pipedrive' ? 'stage or status' : 'stage'}`,
        'From',
      ],
      ...stages.map((s) => [
        s.stage.name,
        s.stage.type,
        s.value,
        s.proposed ? 'proposed from the stage type' : 'CRM Settings',
      ]),
    ],
  };
}

/** Every file of an export for `target`, the stage map last. */
export function exitFiles(
  target: ExitTarget,
  input: ExitInput & { stages: readonly { stage: StageDef; value: string; proposed?: boolean }[] },
): ExitFile[] {
  const build = { hubspot, pipedrive, salesforce, attio }[target];
  return [...build(input), mappingFile(target, input.stages)];
}
