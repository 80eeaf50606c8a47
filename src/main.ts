// The functions Apps Script can call. The build turns each export into a top-level function.
export { onOpen, onInstall } from './entrypoints/triggers';
export { onEdit } from './entrypoints/edit';
export { menuSetUp } from './entrypoints/setup';
export { menuConvert } from './entrypoints/convert';
export { menuHelp, sweepDeals } from './entrypoints/menuActions';
export { menuOpenSidebar, getSidebarModel, getDeal, saveDeal } from './entrypoints/sidebar';
export { menuRefresh, scheduledRefresh, menuScheduleRefresh, menuStopSchedule } from './entrypoints/refresh';
