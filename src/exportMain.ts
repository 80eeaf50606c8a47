// The on-demand bundle of Export for another CRM (dist/ExportCode.html, see workbook/core/onDemand.ts):
// its menu actions with everything they use. Code.js holds only the loaders (entrypoints/exportLoader.ts).
export {
  menuExportHubspot,
  menuExportPipedrive,
  menuExportSalesforce,
  menuExportAttio,
} from './entrypoints/exportMenu';
