// The deal sidebar's work on the spreadsheet: its model, one deal with its recent History, and a save.
// A save finds the deal's row by Deal ID at that moment (the sheet may have been sorted since), refuses
// when someone else changed the deal (saying what changed), holds the document lock while writing,
// and writes the same History rows and timestamps as an edit in the grid.
import { CrmError } from '../../shared/errors';
import { isoDay } from '../../shared/zonedTime';
import {
  differences,
  historyItems,
  inputToCell,
  rowToInput,
  rowVersion,
  type FormPlace,
} from '../../domain/sidebar/dealForm';
import { localeDecimalMark } from '../../shared/amountReading';
import { dayFirst } from '../../domain/values/cellParsing';
import type { Settings } from '../../shared/settings';
import { sameCell, type CellValue } from '../../domain/deals/deal';
import { newDealId } from '../../domain/deals/dealIds';
import { applyRowRules } from '../../domain/deals/editEffects';
import { historyRow } from '../../domain/history/historyEntry';
import {
  EDITABLE,
  validateDeal,
  type DealRecord,
  type FormRules,
  type SaveResult,
  type SidebarModel,
} from '../../shared/dealDto';
import { activeSpreadsheet } from '../core/app';
import { requireCrm, type CrmTabs } from '../core/crmTabs';
import {
  readColumns,
  readDealTable,
  readRecentHistory,
  rowOfId,
  writeRow,
  type DealTable,
} from './dealTable';
import { appendHistory } from '../history/historyTab';
import { withDocumentLock } from '../core/lock';
import { findSettingsTab, readSettingsTab } from '../settings/settingsTab';
import { currentUser } from '../core/app';

function crm(): CrmTabs {
  return requireCrm(activeSpreadsheet());
}

/** What the sidebar needs to start: lists from Settings, the current user and a compact deal index. */
export function getSidebarModel(): SidebarModel {
  const c = crm();
  const ss = activeSpreadsheet();
  const settingsSheet = findSettingsTab(ss, c.state.settingsSheetId);
  const parsed = settingsSheet ? readSettingsTab(settingsSheet, c.state.timeZone) : null;
  const settings = parsed && parsed.ok ? parsed.settings : c.state.settings;
  const table = readColumns(c.deals, ['dealId', 'deal', 'company', 'owner', 'stage']);
  const { map } = table;
  const text = (r: CellValue[], k: keyof typeof map.columns) =>
    map.columns[k] === undefined ? '' : String(r[map.columns[k]!] ?? '');
  return {
    user: currentUser(),
    today: isoDay(new Date(), c.state.timeZone),
    currency: settings.general.currency,
    rules: formRules(settings, c.state.locale),
    owners: settings.owners,
    leadSources: settings.leadSources,
    industries: settings.industries,
    deals: table.rows
      .filter((r) => text(r, 'dealId') !== '')
      .map((r) => ({
        id: text(r, 'dealId'),
        deal: text(r, 'deal'),
        company: text(r, 'company'),
        owner: text(r, 'owner'),
        stage: text(r, 'stage'),
      })),
  };
}

/** The form's rules: Settings' stages and lost reasons, and how the locale writes amounts and dates. */
function formRules(settings: Settings, locale: string): FormRules {
  return {
    stages: settings.stages,
    lostReasons: settings.lostReasons,
    decimalMark: localeDecimalMark(locale),
    dayFirst: dayFirst(locale),
  };
}

/** Where the form is read and shown: the spreadsheet's zone, decimal mark and day/month order. */
function formPlace(timeZone: string, locale: string): FormPlace {
  return { timeZone, mark: localeDecimalMark(locale), dayFirst: dayFirst(locale) };
}

function record(
  table: DealTable,
  rowNumber: number,
  place: FormPlace,
  historyRows: readonly (readonly CellValue[])[],
): DealRecord {
  const row = table.rows[rowNumber - 2];
  return {
    deal: rowToInput(row, table.map, place),
    version: rowVersion(row, table.map, place),
    row: rowNumber,
    history: historyItems(historyRows, place.timeZone),
  };
}

/** One deal for editing, with its version and its most recent History (newest first). */
export function getDeal(id: string): DealRecord | null {
  const c = crm();
  const table = readDealTable(c.deals);
  const row = rowOfId(table, String(id));
  if (row < 0) return null;
  // The sidebar shows recent history: the deal's entries among the last 5,000 changes.
  const history = readRecentHistory(c.history, 5000)
    .filter((r) => String(r[1]) === id)
    .slice(-15);
  return record(table, row, formPlace(c.state.timeZone, c.state.locale), history);
}

/** Saves a deal from the sidebar; see the file comment for the guarantees. */
export function saveDeal(input: unknown, expectedVersion: string): SaveResult {
  const c = crm();
  const { settings, timeZone, locale } = c.state;
  const valid = validateDeal(input, formRules(settings, locale));
  const place = formPlace(timeZone, locale);
  if (!valid.ok) return { status: 'invalid', errors: valid.errors };
  const dto = valid.deal;
  return withDocumentLock(() => {
    const table = readDealTable(c.deals);
    const { map } = table;
    const existing = dto.id ? rowOfId(table, dto.id) : -1;
    if (dto.id && existing < 0)
      throw new CrmError(
        'DEAL_GONE',
        `Deal ${dto.id} is no longer in the Deals tab (it was deleted or its Deal ID changed). Your changes were not saved; copy them before closing.`,
      );
    if (existing > 0) {
      const current = table.rows[existing - 2];
      if (rowVersion(current, map, place) !== expectedVersion) {
        const theirs = rowToInput(current, map, place);
        return {
          status: 'conflict',
          message: `Someone changed this deal after you opened it. Nothing was saved. Check the differences, then save again.`,
          changes: differences(dto, theirs),
          current: record(table, existing, place, []),
        };
      }
    }
    const rowNumber = existing > 0 ? existing : table.rows.length + 2;
    const before: CellValue[] =
      existing > 0 ? [...table.rows[existing - 2]] : Array<CellValue>(map.width).fill('');
    const after = [...before];
    const changed = new Set<number>();
    for (const key of EDITABLE) {
      const col = map.columns[key];
      if (col === undefined) continue;
      const cell = inputToCell(key, dto[key], place);
      if (!sameCell(cell, before[col])) {
        after[col] = cell;
        changed.add(col);
      }
    }
    const edited = EDITABLE.filter((k) => map.columns[k] !== undefined && changed.has(map.columns[k]!));
    const outcome = applyRowRules(
      after,
      rowNumber,
      {
        settings,
        map,
        now: new Date(),
        timeZone,
        locale,
        user: currentUser(),
        newId: () => newDealId(Math.random),
      },
      existing > 0 ? { edited, previousRow: before } : { edited },
    );
    for (const [k, v] of Object.entries(outcome.writes)) {
      const col = map.columns[k as keyof typeof map.columns]!;
      after[col] = v as CellValue;
      changed.add(col);
    }
    if (changed.size) writeRow(c.deals, rowNumber, after, changed, existing > 0);
    appendHistory(c.history, outcome.history);
    const fresh: DealTable = { map, rows: [...table.rows] };
    fresh.rows[rowNumber - 2] = after;
    const saved = record(fresh, rowNumber, place, outcome.history.map(historyRow));
    const stage = saved.deal.stage;
    return {
      status: 'saved',
      record: saved,
      message:
        existing > 0
          ? `Saved ${saved.deal.deal} (${stage}).`
          : `Created ${saved.deal.deal} (${stage}) as ${saved.deal.id}.`,
    };
  }, 10000);
}
