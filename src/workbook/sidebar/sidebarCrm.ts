// The sidebar's view of the CRM: its tabs with CRM Settings and the locale as they are now, the form's
// rules and place, and a deal row as the record the sidebar shows.
import { historyItems, rowToInput, type FormPlace } from '../../domain/sidebar/dealForm';
import { dealFacts } from '../../domain/sidebar/dealFacts';
import { localeDecimalMark } from '../../shared/amountReading';
import { dayFirst } from '../../domain/values/cellParsing';
import type { Settings } from '../../shared/settings';
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import type { DealRecord, FormRules } from '../../shared/dealDto';
import { activeSpreadsheet } from '../core/app';
import { requireCrm, type CrmTabs } from '../core/crmTabs';
import { findSettingsTab, readSettingsTab } from '../settings/settingsTab';

/** Times a deal's row is found again when a sort moved it meanwhile (then it is read or written as it stands). */
export const MAX_TRIES = 3;

/** The CRM's tabs and stored state, or the message to set it up. */
export function crm(): CrmTabs {
  return requireCrm(activeSpreadsheet());
}

/**
 * The CRM with CRM Settings as the tab holds them now and the spreadsheet's locale now: a script can
 * change either without an edit event, so the stored copies may be behind (an owner added by a script
 * not found, a locale changed after Set up reading dates in the old order). Two calls. The last good
 * settings stay in use while the tab is missing or has a mistake.
 */
export function liveCrm(): CrmTabs {
  const c = crm();
  const ss = activeSpreadsheet();
  const sheet = findSettingsTab(ss, c.state.settingsSheetId);
  const parsed = sheet ? readSettingsTab(sheet, c.state.timeZone) : null;
  const settings = parsed && parsed.ok ? parsed.settings : c.state.settings;
  return { ...c, state: { ...c.state, settings, locale: ss.getSpreadsheetLocale() } };
}

/** The form's rules: Settings' stages and lost reasons, and how the locale writes amounts and dates. */
export function formRules(settings: Settings, locale: string): FormRules {
  return {
    stages: settings.stages,
    lostReasons: settings.lostReasons,
    decimalMark: localeDecimalMark(locale),
    currency: settings.general.currency,
    rates: settings.rates,
    dayFirst: dayFirst(locale),
  };
}

/** Where the form is read and shown: the spreadsheet's zone, decimal mark and day/month order. */
export function formPlace(
  timeZone: string,
  locale: string,
  currency?: string,
  rates?: Record<string, number>,
): FormPlace {
  return { timeZone, mark: localeDecimalMark(locale), dayFirst: dayFirst(locale), currency, rates };
}

/** A deal row as the sidebar shows it: its form values, facts and the History given. */
export function record(
  row: readonly CellValue[],
  rowNumber: number,
  map: HeaderMap,
  c: CrmTabs,
  history: { rows: readonly (readonly CellValue[])[]; total: number },
): DealRecord {
  const { timeZone, locale, settings } = c.state;
  return {
    deal: rowToInput(row, map, formPlace(timeZone, locale)),
    row: rowNumber,
    facts: dealFacts(row, map, settings, { timeZone, locale, now: new Date() }),
    history: historyItems(history.rows, timeZone),
    historyTotal: history.total,
  };
}
