// What a refresh leaves in the Deals store (dealStoreTab.ts) once its sweep is written: after a full
// read of Deals, the base (every row as the sweep left it); after a read of the store, the rows its
// sweep changed and those it read from Deals, for the change stamp's count it saw, until the changes
// since the base weigh a share of it (or fill their column, or a hundred refreshes' are listed), when
// the base is written again. Below
// STORE_MIN_ROWS deals there is no store: reading Deals whole costs less than the store's calls.
import type { CellValue } from '../../domain/deals/deal';
import { withWrites } from '../../domain/edits/editEffects';
import { headerPrint } from '../../domain/deals/headerMap';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { asRead } from './dealRows';
import { forgetStore, storeTab, writeBase, writeRefreshRows, type StoredRows } from './dealStoreTab';
import type { SweepPlan } from './dealSweep';

/** Changes since the base past this share of its characters (and past MIN_SINCE) write it again. */
const COMPACT_SHARE = 0.25;
const MIN_SINCE = 500_000;
/** Refreshes' rows listed in the store's record past this many write the base again (a property holds 9 KB). */
const MAX_ENTRIES = 100;
/** Deals below this many rows are read whole (the store's reads and writes would cost more). */
export const STORE_MIN_ROWS = 2000;

/**
 * Where the refresh will keep the store, found or made before the sweep writes (a read after writes
 * sends them out): the tab the store was read from, else the store tab when Deals is large enough,
 * else null (the store is forgotten).
 */
export function storeTarget(
  ss: Spreadsheet,
  properties: Record<string, string>,
  plan: SweepPlan,
): Sheet | null {
  if (plan.rows.length < STORE_MIN_ROWS) {
    forgetStore(properties);
    return null;
  }
  return plan.store?.stored.sheet ?? storeTab(ss, properties);
}

/** Rows left for the next refresh past this many: the next applies the rules to every row. */
const MAX_LOOSE = 100;

/**
 * Keeps the store for the next refresh (see the file comment); `seen`: the stamp read before Deals,
 * `rules`: the print of the settings the sweep applied (sweptState.ts rulesPrint), kept with the rows
 * whose outcome did not land (see Settled).
 */
export function keepStore(
  sheet: Sheet,
  properties: Record<string, string>,
  plan: SweepPlan,
  seen: string,
  rules: string,
): void {
  const { map, rows } = plan;
  const written = plan.written ?? plan.outcomes.map(() => ({ writes: {}, history: [] }));
  const landed = (i: number) => {
    const o = plan.outcomes[i];
    return (!Object.keys(o.writes).length && !o.history.length) || Object.keys(written[i].writes).length > 0;
  };
  const loose: number[] = [];
  for (let i = 0; i < rows.length && loose.length <= MAX_LOOSE; i++) if (!landed(i)) loose.push(i);
  const settled = loose.length <= MAX_LOOSE ? { rules, loose } : undefined;
  const width = map.width;
  const after = (i: number): CellValue[] => {
    const row = Object.keys(written[i].writes).length ? withWrites(rows[i], map, written[i].writes) : rows[i];
    const out = row.slice(0, width).map(asRead);
    while (out.length < width) out.push('');
    return out;
  };
  const store = plan.store;
  const small = (s: StoredRows) =>
    s.since <= Math.max(MIN_SINCE, COMPACT_SHARE * s.record.chars) && s.record.refresh.length < MAX_ENTRIES;
  if (store && small(store.stored)) {
    const changed = new Set([...store.read, ...store.stored.fromSlots]);
    written.forEach((o, i) => Object.keys(o.writes).length && changed.add(i));
    const list = [...changed].sort((a, b) => a - b).map((i) => [i + 2, after(i)] as const);
    if (writeRefreshRows(properties, store.stored, list, seen, settled)) return;
  }
  writeBase(
    sheet,
    properties,
    rows.map((_, i) => after(i)),
    seen,
    headerPrint(map),
    width,
    settled,
  );
}
