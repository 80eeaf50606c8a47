// The on-demand bundle of the board workbook's update (dist/BoardCode.html, see workbook/core/onDemand.ts):
// building the board report and writing its file, with everything they use. Code.js loads it only in a
// refresh of a CRM that has a board workbook (or is asked to make one), so edits, saves and the other
// refreshes do not load it.
export { refreshBoard } from './workbook/board/boardRefresh';
