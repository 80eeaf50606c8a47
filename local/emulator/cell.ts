// One cell's stored state: its value, its formula if any, and the per-cell formats we model.
import type { CellValue } from './cellValues';
import type { DataValidation } from './validation';

export interface Cell {
  v: CellValue;
  f?: string;
  /** number format */
  nf?: string;
  /** background colour */
  bg?: string;
  /** font weight: "bold" or "normal" */
  fw?: string;
  /** font colour */
  fc?: string;
  note?: string;
  dv?: DataValidation;
}

/**
 * A new stored cell, every field present in one order (`from`'s where given). Every cell has this one
 * shape, and a field is cleared by setting it undefined, never deleted: the loops over all of a tab's
 * cells (getLastRow, getDataRange, reads) then see one shape instead of dozens.
 */
export function newCell(from?: Partial<Cell>): Cell {
  return {
    v: from?.v ?? '',
    f: from?.f,
    nf: from?.nf,
    bg: from?.bg,
    fw: from?.fw,
    fc: from?.fc,
    note: from?.note,
    dv: from?.dv,
  };
}

export type CellAttr = 'nf' | 'bg' | 'fw' | 'fc' | 'note';

/** Defaults Apps Script returns for a cell that never had the attribute set. */
export const ATTR_DEFAULTS: Record<CellAttr, string> = {
  nf: 'General',
  bg: '#ffffff',
  fw: 'normal',
  fc: '#000000',
  note: '',
};

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || (c.v === '' && !c.f);
}

/** Shared format-only cells, by their formats (see sharedFormatCell); by rule where they have one. */
const shared = new Map<string, Cell>();
const sharedWithRule = new WeakMap<DataValidation, Map<string, Cell>>();

/**
 * One frozen cell for every cell of these formats that holds no value or formula (undefined when it has
 * no format either). A refresh formats whole columns of empty rows (30,000 cells on a first refresh),
 * so a tab holds a few distinct cells many times; Sheet.cellAt copies one before anything changes it.
 */
export function sharedFormatCell(cell: Cell): Cell | undefined {
  const { nf, bg, fw, fc, note, dv } = cell;
  if (nf === undefined && bg === undefined && fw === undefined && fc === undefined) {
    if (note === undefined && dv === undefined) return undefined;
  }
  const key = `${nf ?? ''}\u0001${bg ?? ''}\u0001${fw ?? ''}\u0001${fc ?? ''}\u0001${note ?? '\u0002'}`;
  let byKey = shared;
  if (dv) {
    byKey = sharedWithRule.get(dv) ?? new Map<string, Cell>();
    sharedWithRule.set(dv, byKey);
  }
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = Object.freeze(newCell({ nf, bg, fw, fc, note, dv }))));
  return found;
}
