// The one contract between the deal sidebar and the server: the functions google.script.run may
// call, with their argument and result types. The server implements it (checked with `satisfies`),
// the sidebar client and the local playground derive from it, so renaming a function breaks the build.
import type {
  DealInput,
  DealRecord,
  HistoryItem,
  MyDay,
  SaveResult,
  SearchResult,
  SidebarModel,
} from './dealDto';

/** The server functions the sidebar calls. Arguments and results are plain data (no Date). */
export interface SidebarServerApi {
  getSidebarModel(): SidebarModel;
  /** Deals holding every word of the query (name, company, owner email or name, Deal ID). */
  searchDeals(query: string): SearchResult;
  /** The deals `owner` ('' : the person asking) has to look at, most pressing first. */
  getMyDay(owner: string): MyDay;
  getDeal(id: string): DealRecord | null;
  /** Every History entry of a deal, newest first ("Show all"). */
  getDealHistory(id: string): HistoryItem[];
  /** Saves the fields the rep changed: `loaded` is the deal as the form was loaded (null for a new deal). */
  saveDeal(deal: DealInput, loaded: DealInput | null): SaveResult;
}

export type SidebarFunction = keyof SidebarServerApi;

/** Every function of the contract, for bridges that must list them (the playground's). */
export const SIDEBAR_FUNCTIONS = [
  'getSidebarModel',
  'searchDeals',
  'getMyDay',
  'getDeal',
  'getDealHistory',
  'saveDeal',
] as const satisfies readonly SidebarFunction[];

/** Fails to compile when SIDEBAR_FUNCTIONS misses a function of the contract. */
type Missing = Exclude<SidebarFunction, (typeof SIDEBAR_FUNCTIONS)[number]>;
export const SIDEBAR_FUNCTIONS_COMPLETE: Missing extends never ? true : never = true;
