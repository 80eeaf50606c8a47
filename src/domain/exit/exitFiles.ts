// The files each importer takes, built from the deals, their History and the stage map: HubSpot (one
// deals file, companies and contacts on the same row, history as notes), Pipedrive (one tab, Status apart
// from Stage, history as the deal's note), Salesforce (accounts first, opportunities by external ID,
// history as a custom object) and Attio (companies and people first, then deals with an ID attribute).
// Each file's columns are listed once, with where each comes from, so mapping.csv says it too.
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
  /** The target's stage for each CRM stage, in pipeline order (`proposed` when CRM Settings had none). */
  stages: readonly { stage: StageDef; value: string; proposed?: boolean }[];
}

/** The Deal ID column's name in each target (a custom property or field the person makes unique). */
export const ID_COLUMN: Record<ExitTarget, string> = {
  hubspot: 'Sheets CRM Deal ID',
  pipedrive: 'Deal - Sheets CRM Deal ID',
  salesforce: 'Sheets_CRM_Deal_ID__c',
  attio: 'Sheets CRM Deal ID',
};

/**
 * The most data rows a file may hold for each importer: Pipedrive imports at most 50,000 rows from one
 * spreadsheet; HubSpot reads about a million rows and Data Loader millions, so for the others only the
 * parts' size (csvText.ts's PART_LIMITS) splits a file.
 */
export const ROWS_PER_FILE: Record<ExitTarget, number> = {
  hubspot: Infinity,
  pipedrive: 50_000,
  salesforce: Infinity,
  attio: Infinity,
};

/** A column: its header in the target, where it comes from in words, and its value for one item. */
type Column<T> = readonly [header: string, from: string, value: (item: T) => string];

function table<T>(columns: readonly Column<T>[], items: readonly T[]): string[][] {
  return [columns.map((c) => c[0]), ...items.map((x) => columns.map((c) => c[2](x)))];
}

const amountText = (d: ExitDeal) => (d.amount === null ? '' : String(d.amount));
const owner = (d: ExitDeal) => d.ownerEmail ?? '';

/** "First" and "Last" of a contact's name (everything before the last word, and the last word). */
function nameParts(name: string): [string, string] {
  const i = name.trim().lastIndexOf(' ');
  return i < 0 ? [name.trim(), ''] : [name.slice(0, i).trim(), name.slice(i + 1).trim()];
}

/** A change in words, as a note's body. */
export function changeText(c: ExitChange): string {
  return `${c.field}: ${c.from || '(blank)'} → ${c.to || '(blank)'} (${c.user || 'unknown'}, ${c.at})`;
}

/** The changes of deals in the export (a note must be linked to a deal), by Deal ID, oldest first. */
function changesByDeal(input: ExitInput): Map<string, ExitChange[]> {
  const ids = new Set(input.deals.map((d) => d.id).filter(Boolean));
  const out = new Map<string, ExitChange[]>();
  for (const c of input.changes) {
    if (!ids.has(c.dealId)) continue;
    const list = out.get(c.dealId);
    if (list) list.push(c);
    else out.set(c.dealId, [c]);
  }
  return out;
}

const linkedChanges = (input: ExitInput) => [...changesByDeal(input).values()].flat();

/** The deal's stage in the target: the map's name for its CRM stage, or the text as written. */
function stageIn(input: ExitInput, d: ExitDeal): string {
  return d.stage ? (input.stages.find((s) => s.stage === d.stage)?.value ?? d.stage.name) : d.stageText;
}

/** Pipedrive's Stage: an open deal's own; for a closed one the open stage it was in last, else the first. */
function pipedriveStage(input: ExitInput, d: ExitDeal, history: readonly ExitChange[]): string {
  if (!d.stage || d.stage.type === 'Open') return stageIn(input, d);
  const open = input.stages.filter((s) => s.stage.type === 'Open');
  const find = (name: string) => open.find((s) => s.stage.name.toLowerCase() === name.toLowerCase());
  let last = open[0]?.value ?? '';
  for (const c of history)
    if (c.field.toLowerCase() === 'stage') last = (find(c.to) ?? find(c.from))?.value ?? last;
  return last;
}

/** Companies once each (the first spelling met), keyed by their lower-cased name. */
function companies(deals: readonly ExitDeal[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of deals)
    if (d.company && !out.has(d.company.toLowerCase())) out.set(d.company.toLowerCase(), d.company);
  return out;
}

interface Built {
  files: ExitFile[];
  /** The deals file's columns, for mapping.csv. */
  columns: readonly Column<ExitDeal>[];
}

function hubspot(input: ExitInput): Built {
  const columns: Column<ExitDeal>[] = [
    [ID_COLUMN.hubspot, 'Deal ID', (d) => d.id],
    ['Deal name', 'Deal', (d) => d.name],
    ['Pipeline', '"Sales Pipeline" (HubSpot’s default)', () => 'Sales Pipeline'],
    ['Deal stage', 'Stage, through the stage map', (d) => stageIn(input, d)],
    ['Amount', 'Amount, as a plain number', amountText],
    ['Currency', 'the currency the amount is written in', (d) => d.currency],
    ['Close date', 'Close date', (d) => d.closeDate],
    ['Create date', 'Created', (d) => d.created],
    ['Deal owner', 'Owner, as an email', owner],
    ['Company name', 'Company', (d) => d.company],
    ['Email', 'Email (the contact’s)', (d) => d.email],
    ['First name', 'Contact, all but the last word', (d) => nameParts(d.contact)[0]],
    ['Last name', 'Contact, its last word', (d) => nameParts(d.contact)[1]],
    ['Closed lost reason', 'Lost reason', (d) => d.lostReason],
    ['Competitor', 'Competitor', (d) => d.competitor],
    ['Lead source', 'Lead source', (d) => d.leadSource],
    ['Next step', 'Next step', (d) => d.nextStep],
    ['Deal description', 'Notes', (d) => d.notes],
  ];
  const notes: Column<ExitChange>[] = [
    [ID_COLUMN.hubspot, 'History: Deal ID', (c) => c.dealId],
    ['Activity date', 'History: Time', (c) => c.at],
    ['Note body', 'History: the change in words', changeText],
  ];
  return {
    columns,
    files: [
      { name: 'deals.csv', rows: table(columns, input.deals) },
      { name: 'notes.csv', rows: table(notes, linkedChanges(input)) },
    ],
  };
}

function pipedrive(input: ExitInput): Built {
  const byDeal = changesByDeal(input);
  const history = (d: ExitDeal) => byDeal.get(d.id) ?? [];
  const status = (d: ExitDeal) =>
    d.stage?.type === 'Won' ? 'won' : d.stage?.type === 'Lost' ? 'lost' : 'open';
  const columns: Column<ExitDeal>[] = [
    [ID_COLUMN.pipedrive, 'Deal ID', (d) => d.id],
    ['Deal - Title', 'Deal', (d) => d.name],
    ['Deal - Value', 'Amount, as a plain number', amountText],
    ['Deal - Currency', 'the currency the amount is written in', (d) => d.currency],
    ['Deal - Owner', 'Owner, as an email', owner],
    [
      'Deal - Stage',
      'Stage through the stage map; a closed deal’s last open stage',
      (d) => pipedriveStage(input, d, history(d)),
    ],
    ['Deal - Status', 'the stage’s type: open, won or lost', status],
    ['Deal - Lost reason', 'Lost reason', (d) => d.lostReason],
    ['Deal - Expected close date', 'Close date', (d) => d.closeDate],
    ['Deal - Deal created', 'Created', (d) => d.created],
    ['Deal - Competitor', 'Competitor', (d) => d.competitor],
    ['Deal - Lead source', 'Lead source', (d) => d.leadSource],
    ['Deal - Next step', 'Next step', (d) => d.nextStep],
    ['Organization - Name', 'Company', (d) => d.company],
    ['Person - Name', 'Contact', (d) => d.contact],
    ['Person - Email', 'Email', (d) => d.email],
    [
      'Note - Content',
      'Notes, then the deal’s History, one change a line',
      (d) => [d.notes, ...history(d).map(changeText)].filter(Boolean).join('\n'),
    ],
  ];
  return { columns, files: [{ name: 'deals.csv', rows: table(columns, input.deals) }] };
}

function salesforce(input: ExitInput): Built {
  const accounts: Column<[string, string]>[] = [
    ['Sheets_CRM_Account_Key__c', 'Company, lower-cased (the external ID)', ([key]) => key],
    ['Name', 'Company', ([, name]) => name],
  ];
  const columns: Column<ExitDeal>[] = [
    [ID_COLUMN.salesforce, 'Deal ID (the external ID)', (d) => d.id],
    ['Name', 'Deal', (d) => d.name],
    ['StageName', 'Stage, through the stage map', (d) => stageIn(input, d)],
    ['CloseDate', 'Close date', (d) => d.closeDate],
    ['Amount', 'Amount, as a plain number', amountText],
    ['CurrencyIsoCode', 'the currency the amount is written in (multi-currency orgs)', (d) => d.currency],
    [
      'Account.Sheets_CRM_Account_Key__c',
      'Company: its account, by external ID',
      (d) => d.company.toLowerCase(),
    ],
    ['LeadSource', 'Lead source', (d) => d.leadSource],
    ['NextStep', 'Next step', (d) => d.nextStep],
    ['Description', 'Notes', (d) => d.notes],
    ['Loss_Reason__c', 'Lost reason', (d) => d.lostReason],
    ['Competitor__c', 'Competitor', (d) => d.competitor],
    ['Owner_Email__c', 'Owner, as an email (OwnerId needs a User ID)', owner],
    ['Sheets_CRM_Created__c', 'Created (CreatedDate needs "Set Audit Fields")', (d) => d.created],
  ];
  const changes: Column<ExitChange>[] = [
    ['Opportunity__r.Sheets_CRM_Deal_ID__c', 'History: Deal ID', (c) => c.dealId],
    ['Changed_At__c', 'History: Time (UTC)', (c) => c.instant],
    ['Field__c', 'History: Field', (c) => c.field],
    ['From__c', 'History: From', (c) => c.from],
    ['To__c', 'History: To', (c) => c.to],
    ['Changed_By__c', 'History: User', (c) => c.user],
  ];
  return {
    columns,
    files: [
      { name: '1-accounts.csv', rows: table(accounts, [...companies(input.deals)]) },
      { name: '2-opportunities.csv', rows: table(columns, input.deals) },
      { name: '3-stage-history.csv', rows: table(changes, linkedChanges(input)) },
    ],
  };
}

function attio(input: ExitInput): Built {
  const people = new Map<string, ExitDeal>();
  for (const d of input.deals)
    if (d.email && !people.has(d.email.toLowerCase())) people.set(d.email.toLowerCase(), d);
  const person: Column<ExitDeal>[] = [
    ['Name', 'Contact', (d) => d.contact],
    ['Email addresses', 'Email', (d) => d.email],
    ['Company', 'Company', (d) => d.company],
  ];
  const columns: Column<ExitDeal>[] = [
    [ID_COLUMN.attio, 'Deal ID (make it a unique attribute)', (d) => d.id],
    ['Name', 'Deal', (d) => d.name],
    ['Deal stage', 'Stage, through the stage map', (d) => stageIn(input, d)],
    ['Deal owner', 'Owner, as an email', owner],
    ['Deal value', 'Amount, as a plain number', amountText],
    ['Currency', 'the currency the amount is written in', (d) => d.currency],
    ['Associated company', 'Company', (d) => d.company],
    ['Associated people', 'Email', (d) => d.email],
    ['Close date', 'Close date', (d) => d.closeDate],
    ['Created', 'Created', (d) => d.created],
    ['Lost reason', 'Lost reason', (d) => d.lostReason],
    ['Competitor', 'Competitor', (d) => d.competitor],
    ['Lead source', 'Lead source', (d) => d.leadSource],
    ['Next step', 'Next step', (d) => d.nextStep],
    ['Notes', 'Notes', (d) => d.notes],
  ];
  const changes: Column<ExitChange>[] = [
    [ID_COLUMN.attio, 'History: Deal ID', (c) => c.dealId],
    ['Changed at', 'History: Time', (c) => c.at],
    ['Field', 'History: Field', (c) => c.field],
    ['From', 'History: From', (c) => c.from],
    ['To', 'History: To', (c) => c.to],
    ['Changed by', 'History: User', (c) => c.user],
  ];
  return {
    columns,
    files: [
      { name: '1-companies.csv', rows: [['Name'], ...[...companies(input.deals).values()].map((n) => [n])] },
      { name: '2-people.csv', rows: table(person, [...people.values()]) },
      { name: '3-deals.csv', rows: table(columns, input.deals) },
      { name: '4-deal-changes.csv', rows: table(changes, linkedChanges(input)) },
    ],
  };
}

/** mapping.csv: where each column of the deals file comes from, then what each CRM stage became. */
function mappingFile(target: ExitTarget, input: ExitInput, columns: readonly Column<ExitDeal>[]): ExitFile {
  const label = TARGET_LABEL[target];
  const stageWord = target === 'pipedrive' ? 'stage or status' : 'stage';
  return {
    name: 'mapping.csv',
    rows: [
      ['Kind', 'Sheets CRM', label, 'Note'],
      ...columns.map(([header, from]) => ['Column', from, header, '']),
      ...input.stages.map((s) => [
        `Stage (${s.stage.type})`,
        s.stage.name,
        s.value,
        `${label} ${stageWord}, ${s.proposed ? 'proposed from the stage type' : 'from CRM Settings > Export stage map'}`,
      ]),
    ],
  };
}

/** Every file of an export for `target`, mapping.csv last. */
export function exitFiles(target: ExitTarget, input: ExitInput): ExitFile[] {
  const built = { hubspot, pipedrive, salesforce, attio }[target](input);
  return [...built.files, mappingFile(target, input, built.columns)];
}
