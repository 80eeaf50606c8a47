// Menu: Export for another CRM, as Code.js holds it: the actions are read from their project file and
// run (workbook/core/onDemand.ts), so no other execution loads the exporters' code.
import { EXPORT_FILE, EXPORT_GLOBAL, onDemand } from '../workbook/core/onDemand';
import { menuAction } from './feedback';

type Exports = Record<
  'menuExportHubspot' | 'menuExportPipedrive' | 'menuExportSalesforce' | 'menuExportAttio',
  () => void
>;

function runLoaded(name: keyof Exports): void {
  const loaded: Exports[] = [];
  // A missing file is said as any refusal is; the action then reports its own outcome.
  menuAction('Export for another CRM', () => {
    loaded.push(onDemand<Exports>(EXPORT_FILE, EXPORT_GLOBAL));
  });
  loaded[0]?.[name]?.();
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
