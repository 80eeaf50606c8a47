// The CRM's settings as plain data (what the CRM Settings tab holds once validated), shared by the
// server and the sidebar. No Date objects: months are "YYYY-MM" strings.
import type { FieldKey } from './fields';

export const STAGE_TYPES = ['Open', 'Won', 'Lost'] as const;
export type StageType = (typeof STAGE_TYPES)[number];

export const FORECAST_CATEGORIES = ['Pipeline', 'Best case', 'Commit', 'Closed', 'Omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const FUNNEL_MODES = ['Strict', 'Any stage'] as const;
export const FUNNEL_PERIODS = ['Last 90 days', 'Last 12 months', 'All'] as const;
export const REFRESH_MODES = ['Hourly', 'Daily'] as const;

export interface StageDef {
  name: string;
  type: StageType;
  /** 0..1 */
  probability: number;
  category: ForecastCategory;
  /** Fields this stage itself lists; see `requiredFor` for what a deal in it must have. */
  required: FieldKey[];
  staleAfterDays: number | null;
}

export interface LostReason {
  name: string;
  requiresCompetitor: boolean;
}

export interface Owner {
  name: string;
  email: string;
}

export interface SegmentRule {
  segment: string;
  /** Empty means any industry. */
  industries: string[];
  minEmployees: number | null;
  maxEmployees: number | null;
}

export interface Target {
  month: string;
  owner: string | null;
  amount: number;
}

export interface GeneralSettings {
  currency: string;
  fiscalYearStartMonth: number;
  refreshMode: (typeof REFRESH_MODES)[number];
  refreshHour: number;
  funnelMode: (typeof FUNNEL_MODES)[number];
  funnelPeriod: (typeof FUNNEL_PERIODS)[number];
  timedOutAfterDays: number | null;
  /** Each owner in CRM Settings gets a morning email of their deals to look at (see dailyEmail.ts). */
  dailyEmail: (typeof YES_NO)[number];
}

export const YES_NO = ['Yes', 'No'] as const;

/** The board workbook: who may view it, the meeting dates its "since last meeting" figures start from. */
export interface BoardSettings {
  /** Emails of the board members the board workbook is shared with, view-only. */
  members: string[];
  /**
   * Members written "email (notify)": shared with Google's invitation e-mail, which Drive requires
   * for an address with no Google account.
   */
  notify?: string[];
  /** Board meeting dates, YYYY-MM-DD, in order. */
  meetings: string[];
  /** Groups of fewer deals than this are merged into "Other" or hidden, so no deal can be read off. */
  minimumGroup: number;
}

export interface Settings {
  stages: StageDef[];
  lostReasons: LostReason[];
  leadSources: string[];
  owners: Owner[];
  industries: string[];
  segmentRules: SegmentRule[];
  targets: Target[];
  general: GeneralSettings;
  board: BoardSettings;
  /**
   * Exchange rates: what one unit of each listed currency is worth in the CRM's currency. A deal's
   * amount written in one of them keeps its currency in the cell; reports convert it. Absent in
   * settings stored by an earlier version (read as none).
   */
  rates?: Record<string, number>;
}
