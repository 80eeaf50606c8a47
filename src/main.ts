// The functions Apps Script can call. The build turns each export into a top-level function.
export { onOpen, onInstall } from './entrypoints/simpleTriggers';
export { onEdit } from './entrypoints/onEdit';
export { menuSetUp } from './entrypoints/setupMenu';
export { menuConvert } from './entrypoints/convertMenu';
export { menuHelp, sweepDeals } from './entrypoints/helpAndSweep';
export { menuOpenSidebar, getSidebarModel, getDeal, saveDeal } from './entrypoints/sidebarApi';
export {
  menuRefresh,
  scheduledRefresh,
  menuScheduleRefresh,
  menuStopSchedule,
} from './entrypoints/refreshMenu';
