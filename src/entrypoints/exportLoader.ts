// Menu: Export for another CRM, as Code.js holds it: the actions are read from their project file and
// run (workbook/core/onDemand.ts), so no other execution loads the exporters' code.
import { EXPORT_FILE, EXPORT_GLOBAL } from '../workbook/core/onDemand';
import { runOnDemand } from './onDemandAction';

type Export = 'menuExportHubspot' | 'menuExportPipedrive' | 'menuExportSalesforce' | 'menuExportAttio';

function runLoaded(name: Export): void {
  runOnDemand('Export for another CRM', EXPORT_FILE, EXPORT_GLOBAL, name);
}

/** Menu: Export for another CRM > HubSpot. */
export function menuExportHubspot(): void {
  runLoaded('menuExportHubspot');
}
/** Menu: Export for another CRM > Pipedrive. */
export function menuExportPipedrive(): void {
  runLoaded('menuExportPipedrive');
}
/** Menu: Export for another CRM > Salesforce. */
export function menuExportSalesforce(): void {
  runLoaded('menuExportSalesforce');
}
/** Menu: Export for another CRM > Attio. */
export function menuExportAttio(): void {
  runLoaded('menuExportAttio');
}
