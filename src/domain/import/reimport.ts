// Re-import is an update: converted rows whose Deal ID (or, without IDs, the same deal name and
// company) is already in the Deals tab update that deal instead of adding it again. Imported blanks
// never erase a value; keys that appear twice on either side are conflicts, reported and left alone.
import type { FieldKey } from '../../shared/fields';
import { isDate } from '../../shared/zonedTime';
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { looseKey } from '../values/text';
import { listIn } from '../../shared/manyValues';

/** One cell a re-import changes, by 0-based column of the Deals tab. */
export interface CellChange {
  column: number;
  value: CellValue;
  /** The cell's value before. */
  from: CellValue;
}

export interface ReimportPlan {
  /** Converted rows that are new deals (in the converted layout). */
  added: CellValue[][];
  /** Existing deals that change: their 1-based row and the cells that change. */
  updated: { row: number; dealId: string; changes: CellChange[] }[];
  unchanged: number;
  /** Keys that cannot be matched to one deal, with the reason. */
  conflicts: { key: string; why: string }[];
  /** The Deal ID each converted row ends up as ('' for a conflict). */
  idOf: string[];
}

const text = (v: unknown) => String(v ?? '').trim();

/** Whether an imported value says the same as the cell (dates to the second, numbers, trimmed text). */
export function sameValue(imported: CellValue, cell: CellValue): boolean {
  if (isDate(imported) || isDate(cell))
    return isDate(imported) && isDate(cell) && Math.abs(imported.getTime() - cell.getTime()) < 1000;
  if (typeof imported === 'number' || typeof cell === 'number')
    return Number(imported) === Number(cell) && text(cell) !== '';
  return text(imported) === text(cell);
}

/** A deal's key by its fields: its Deal ID when the import maps one, else its name and company. */
type KeyOf = (get: (k: FieldKey) => CellValue) => string | null;

function matchKey(mapped: readonly FieldKey[]): KeyOf {
  const byId = mapped.includes('dealId');
  return (get) => {
    if (byId) return text(get('dealId')) || null;
    const name = looseKey(get('deal'));
    return name ? `${name}|${looseKey(get('company'))}` : null;
  };
}

/** The Deals tab's rows (0-based, into `deals`) by key. */
function dealsByKey(
  keyOf: KeyOf,
  deals: readonly (readonly CellValue[])[],
  dealsMap: HeaderMap,
): Map<string, number[]> {
  const col = (k: FieldKey) => dealsMap.columns[k];
  const out = new Map<string, number[]>();
  deals.forEach((r, i) => {
    const key = keyOf((k) => (col(k) === undefined ? '' : (r[col(k)!] ?? '')));
    if (key) listIn(out, key, i);
  });
  return out;
}

/** The fields whose changes the sweep after a re-import logs in History, a row each. */
const LOGGED: readonly FieldKey[] = ['stage', 'amount', 'closeDate'];

/**
 * What a re-import `plan` will take, worked out before anything is written (Convert's room and time
 * checks): the rows it adds as new deals, and the History rows the sweep after it logs (a matched
 * deal's changed stage, amount or close date; `dealsMap` the Deals tab's columns).
 */
export function reimportSize(plan: ReimportPlan, dealsMap: HeaderMap): { added: number; logged: number } {
  const logged = new Set(LOGGED.map((k) => dealsMap.columns[k]));
  let changes = 0;
  for (const u of plan.updated) for (const c of u.changes) if (logged.has(c.column)) changes++;
  return { added: plan.added.length, logged: changes };
}

/**
 * Matches converted rows to the Deals tab. `header` is the converted header (fields, then extras);
 * `fields` the fields the import mapped; `deals` the Deals tab's data rows (from row 2) and `dealsMap`
 * its columns; `extraColumn` gives the Deals column of an extra header, if it has one.
 */
export function planReimport(
  header: readonly string[],
  rows: readonly CellValue[][],
  fieldColumns: ReadonlyMap<FieldKey, number>,
  mapped: readonly FieldKey[],
  deals: readonly (readonly CellValue[])[],
  dealsMap: HeaderMap,
  extraColumn: (name: string) => number | undefined,
): ReimportPlan {
  const keyOf = matchKey(mapped);
  const col = (k: FieldKey) => dealsMap.columns[k];
  const dealRows = dealsByKey(keyOf, deals, dealsMap);
  const importRows = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = keyOf((k) => r[fieldColumns.get(k)!] ?? '');
    if (key) listIn(importRows, key, i);
  });
  const plan: ReimportPlan = { added: [], updated: [], unchanged: 0, conflicts: [], idOf: [] };
  const idCol = fieldColumns.get('dealId')!;
  const extras = header.map((h, i) => ({ h, i })).filter(({ i }) => i >= fieldColumns.size);
  rows.forEach((r, i) => {
    const key = keyOf((k) => r[fieldColumns.get(k)!] ?? '');
    const inDeals = key ? (dealRows.get(key) ?? []) : [];
    plan.idOf[i] = '';
    if (!key || !inDeals.length) {
      plan.added.push(r);
      plan.idOf[i] = text(r[idCol]);
      return;
    }
    if ((importRows.get(key) ?? []).length > 1) {
      if (importRows.get(key)![0] === i)
        plan.conflicts.push({ key, why: `appears on ${importRows.get(key)!.length} rows of the import` });
      return;
    }
    if (inDeals.length > 1) {
      plan.conflicts.push({ key, why: `is on ${inDeals.length} rows of the Deals tab` });
      return;
    }
    const current = deals[inDeals[0]];
    const changes: CellChange[] = [];
    for (const k of mapped) {
      if (k === 'dealId' || col(k) === undefined) continue;
      const v = r[fieldColumns.get(k)!] ?? '';
      if (text(v) === '' && !isDate(v)) continue;
      if (!sameValue(v, current[col(k)!] ?? ''))
        changes.push({ column: col(k)!, value: v, from: current[col(k)!] ?? '' });
    }
    for (const { h, i: c } of extras) {
      const target = extraColumn(h);
      const v = r[c] ?? '';
      if (target === undefined || (text(v) === '' && !isDate(v))) continue;
      if (!sameValue(v, current[target] ?? ''))
        changes.push({ column: target, value: v, from: current[target] ?? '' });
    }
    const dealId = text(col('dealId') === undefined ? '' : current[col('dealId')!]);
    plan.idOf[i] = dealId;
    if (changes.length) plan.updated.push({ row: inDeals[0] + 2, dealId, changes });
    else plan.unchanged++;
  });
  return plan;
}
