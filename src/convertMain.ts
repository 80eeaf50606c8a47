// The on-demand bundle of Convert (dist/ConvertCode.html, see workbook/core/onDemand.ts): its menu
// action with everything it uses. Code.js holds only the loader (entrypoints/convertLoader.ts).
export { menuConvert } from './entrypoints/convertMenu';
