// The on-demand bundle of Check this spreadsheet (dist/CheckCode.html, see workbook/core/onDemand.ts):
// the platform checks with everything they use. Code.js holds only the loader (entrypoints/checkLoader.ts).
export { menuCheckSpreadsheet } from './entrypoints/checkMenu';
