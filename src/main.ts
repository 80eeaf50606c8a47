// The functions Apps Script can call. The build turns each export into a top-level function.
import { sidebarServer } from './entrypoints/sidebarApi';

export { onOpen, onInstall } from './entrypoints/simpleTriggers';
export { onEdit } from './entrypoints/onEdit';
export { menuSetUp } from './entrypoints/setupMenu';
export { menuConvert } from './entrypoints/convertLoader';
export { menuHelp, sweepDeals } from './entrypoints/helpAndSweep';
export { menuCheckSpreadsheet } from './entrypoints/checkLoader';
export { menuUseLearnedProbabilities } from './entrypoints/probabilityMenu';
export {
  menuExportHubspot,
  menuExportPipedrive,
  menuExportSalesforce,
  menuExportAttio,
} from './entrypoints/exportLoader';
export { menuOpenSidebar } from './entrypoints/sidebarApi';
/** The sidebar's server functions (the contract in shared/sidebarApi). */
export const { getSidebarModel, searchDeals, getMyDay, getDeal, getDealHistory, saveDeal } = sidebarServer;
export {
  menuRefresh,
  scheduledRefresh,
  menuScheduleRefresh,
  menuStopSchedule,
  menuUpdateBoard,
} from './entrypoints/refreshMenu';
