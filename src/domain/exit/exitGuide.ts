// The README.txt an export folder carries: the order to import the files in, and what to set up in the
// target first, in the words of its own importer.
import { ID_COLUMN } from './exitFiles';
import { TARGET_LABEL, type ExitTarget } from '../settings/exportTargets';

const STEPS: Record<ExitTarget, string[]> = {
  hubspot: [
    `Create a deal property "${ID_COLUMN.hubspot}" (single-line text, "Require unique values") so a later import updates deals instead of adding them again.`,
    'Make the "Sales Pipeline" stages match mapping.csv (or change the map in CRM Settings > Export stage map and export again).',
    'Import deals.csv as one object, Deals, associating Companies (Company name) and Contacts (Email) on the same row. Choose the date format Year-Month-Day. Owners are matched by their email.',
    `Import notes.csv as Notes, associated with Deals by "${ID_COLUMN.hubspot}": each is one change from the History tab ("Date entered stage" is calculated by HubSpot and cannot be imported).`,
  ],
  pipedrive: [
    'Create the stages of mapping.csv in your pipeline, and deal custom fields Sheets CRM Deal ID, Competitor, Lead source and Next step.',
    'Import deals.csv (one tab, numbers without currency symbols, dates Year-Month-Day). Status holds won, lost or open; Stage the stage a closed deal was in last.',
    "Each deal's History arrives as its note (Note - Content), linked to the deal on the same row.",
  ],
  salesforce: [
    'Create the external ID fields Sheets_CRM_Account_Key__c on Account and Sheets_CRM_Deal_ID__c on Opportunity, the text fields Loss_Reason__c, Competitor__c, Owner_Email__c and the date Sheets_CRM_Created__c on Opportunity, and a custom object Sheets_CRM_Change__c (lookup Opportunity__c, Changed_At__c date/time, Field__c, From__c, To__c, Changed_By__c). OpportunityHistory cannot be inserted.',
    'With Data Loader (the Import Wizard cannot load opportunities), upsert 1-accounts.csv on Sheets_CRM_Account_Key__c, then 2-opportunities.csv on Sheets_CRM_Deal_ID__c (its Account is found by the external ID), then insert 3-stage-history.csv.',
    'StageName values must be in your Stage picklist (mapping.csv). OwnerId needs Salesforce User IDs: the owners are in Owner_Email__c; load as yourself, then update OwnerId from a report of User Id and Email. CreatedDate can be set only with the "Set Audit Fields upon Record Creation" permission, so the CRM date is in Sheets_CRM_Created__c.',
  ],
  attio: [
    `Turn on the Deals object, add the Deal stage statuses of mapping.csv, and a unique text attribute "${ID_COLUMN.attio}" on Deals (deals have no unique attribute by default, so a second import would duplicate them).`,
    "Import 1-companies.csv into Companies and 2-people.csv into People first, then 3-deals.csv into Deals (Deal owner is a member's email; Associated company and people find the records just made).",
    `4-deal-changes.csv is the History tab: import it into a custom object with a Deal reference matched by "${ID_COLUMN.attio}", or keep it beside.`,
  ],
};

/** README.txt for an export for `target`, made at `when` from the spreadsheet `source`. */
export function exitGuide(target: ExitTarget, source: string, when: string, problems: number): string {
  const label = TARGET_LABEL[target];
  return [
    `Sheets CRM export for ${label}, from "${source}" on ${when}.`,
    "Every file is UTF-8 CSV with a header row; amounts are plain numbers with a Currency column; dates are Year-Month-Day in the spreadsheet's time zone. A big file comes in parts (deals-part1.csv, deals-part2.csv…), each with the header: import them one after another.",
    problems
      ? `${problems} pre-flight problem(s) were accepted: see problems.csv (their unreadable amounts and dates are blank).`
      : 'The pre-flight found no problems.',
    '',
    `In ${label}:`,
    ...STEPS[target].map((s, i) => `${i + 1}. ${s}`),
    '',
  ].join('\r\n');
}
