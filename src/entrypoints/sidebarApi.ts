// The deal sidebar's entrypoints: the menu item, and the server functions google.script.run calls,
// which implement the contract in shared/sidebarApi (checked by `satisfies`). The work lives in
// workbook/sidebar.
import { PRODUCT } from '../shared/names';
import type { SidebarServerApi } from '../shared/sidebarApi';
import { showSidebar } from '../workbook/core/app';
import { getDeal, getDealHistory, getSidebarModel } from '../workbook/sidebar/dealSidebar';
import { searchDeals } from '../workbook/sidebar/dealSearchTab';
import { saveDeal } from '../workbook/sidebar/dealSave';
import { getMyDay } from '../workbook/sidebar/myDayTab';
import { menuAction } from './feedback';

/** Menu: Open deal sidebar. */
export function menuOpenSidebar(): void {
  menuAction('Deal sidebar', () => {
    // The sidebar asks for its model at once and shows any problem (such as no CRM set up) itself.
    showSidebar('Sidebar', PRODUCT);
  });
}

/** The server side of the sidebar contract. */
export const sidebarServer = {
  getSidebarModel,
  searchDeals,
  getMyDay,
  getDeal,
  getDealHistory,
  saveDeal,
} satisfies SidebarServerApi;
