// Typed edits whose check found the document lock taken, as when a refresh is sweeping Deals. Sheets
// has no compare-and-set: the sweep's writes, planned from an earlier read, can land on a cell typed in
// the few calls between its last re-check and its flush. Such an edit's run leaves the value typed here
// before it waits for the lock (a document property of its own, so that two runs never overwrite each
// other's), and the sweep, once its writes are out, puts back any typed value it wrote over. Every
// sweep then drops the notes it read; one left by a run that got the lock afterwards is dropped by the
// next (it is older than that sweep's read of Deals).
import type { CellValue } from '../../domain/deals/deal';
import { safeCell } from '../core/writeGrid';
import { documentStore } from '../core/documentState';

const PREFIX = 'sheetsCrm.refusedEdit.';

export interface RefusedEdit {
  /** The cell typed in (1-based), as the edit's event gave it. */
  row: number;
  col: number;
  /** The row's Deal ID when the edit's run read it (to tell a moved row). */
  dealId: string;
  /** e.value: what the person typed, as Sheets reported it. */
  value: string;
  /** When the edit's run recorded it (ms since the epoch). */
  at: number;
}

/** Keeps a typed value until a sweep has looked at it (one property write). */
export function recordRefusedEdit(edit: RefusedEdit): void {
  const key = `${PREFIX}${edit.at}.${Math.random().toString(36).slice(2, 8)}`;
  documentStore().setProperty(key, JSON.stringify(edit));
}

/** The refused edits waiting, each with its property key (one read of the document's properties). */
export function refusedEdits(): { key: string; edit: RefusedEdit }[] {
  const all = documentStore().getProperties();
  const out: { key: string; edit: RefusedEdit }[] = [];
  for (const [key, text] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const e = JSON.parse(text) as Partial<RefusedEdit>;
      if (typeof e.row === 'number' && typeof e.col === 'number' && typeof e.value === 'string')
        out.push({
          key,
          edit: { row: e.row, col: e.col, dealId: String(e.dealId ?? ''), value: e.value, at: Number(e.at) },
        });
      else out.push({ key, edit: { row: 0, col: 0, dealId: '', value: '', at: 0 } });
    } catch {
      out.push({ key, edit: { row: 0, col: 0, dealId: '', value: '', at: 0 } });
    }
  }
  return out;
}

/** Deletes the refused edits a sweep has dealt with. */
export function forgetRefusedEdits(keys: readonly string[]): void {
  const props = documentStore();
  for (const k of keys) props.deleteProperty(k);
}

/**
 * A typed value put back as the cell took it when typed: a number stays a number, anything else is
 * text (never a formula or a date the script's write would parse it into).
 */
export function typedCell(value: string): CellValue {
  const trimmed = value.trim();
  return trimmed !== '' && /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(trimmed) ? Number(trimmed) : safeCell(value);
}
