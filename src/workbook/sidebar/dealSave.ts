// A sidebar save: finds the deal's row by Deal ID at that moment (the sheet may have been sorted), writes
// only the fields the rep changed, keeps changes others made meanwhile to other fields, asks only about a
// field changed on both sides (saying who changed it and when, when History knows), holds the document
// lock while writing, and writes the same History rows and timestamps as an edit in the grid.
import { CrmError } from '../../shared/errors';
import {
  canonical,
  historyItems,
  inputToCell,
  rowToInput,
  type FormPlace,
} from '../../domain/sidebar/dealForm';
import { sameCell, type CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { applyRowRules } from '../../domain/edits/editEffects';
import { historyRow } from '../../domain/history/historyEntry';
import { FIELD_BY_KEY } from '../../shared/fields';
import { misplacedWords, type Misplaced } from '../guard/misplaced';
import { writeDeal } from '../guard/writeGuard';
import { editContext } from '../deals/dealEdits';
import {
  EDITABLE,
  validateDeal,
  type DealInput,
  type DealRecord,
  type FieldClash,
  type SaveResult,
} from '../../shared/dealDto';
import { currentUser } from '../core/app';
import type { CrmTabs } from '../core/crmTabs';
import { dealHistory, readWholeHeaderMap, readRows, rowForNewDeal, rowsOfDeal } from '../deals/dealLookup';
import { completeJournals, journalsLeft } from '../guard/changeJournal';
import { withDocumentLock } from '../core/lock';

import { formPlace, formRules, liveCrm, MAX_TRIES, record } from './sidebarCrm';

/** How long a save waits for a refresh or another save to finish before saying when to retry. */
const SAVE_WAIT_MS = 20000;

/** Who last changed each field of a deal and when, from its History (latest entry per field). */
function lastChanges(c: CrmTabs, id: string): Map<string, { who: string; when: string; to: string }> {
  const out = new Map<string, { who: string; when: string; to: string }>();
  for (const item of historyItems(dealHistory(c.history, id, 50).rows, c.state.timeZone))
    if (!out.has(item.field)) out.set(item.field, { who: item.user, when: item.time, to: item.to });
  return out;
}

/** Saves a deal from the sidebar; see the file comment for the guarantees. */
export function saveDeal(input: unknown, loaded: DealInput | null): SaveResult {
  const c = liveCrm();
  const { settings, timeZone, locale } = c.state;
  const valid = validateDeal(input, formRules(settings, locale));
  const place = formPlace(timeZone, locale, settings.general.currency, settings.rates);
  if (!valid.ok) return { status: 'invalid', errors: valid.errors };
  const dto = valid.deal;
  return withDocumentLock(() => {
    const map = readWholeHeaderMap(c.deals);
    // A save that died between its cells and its History left a journal: completed first.
    if (journalsLeft(c.properties)) completeJournals(c.deals, c.history, map, timeZone);
    // Rows a sort moved under this save's writes (another deal got its cells): marked, and the save
    // tried again on the deal's row as it is now.
    const misplaced: Misplaced[] = [];
    for (let tries = 1; ; tries++) {
      const result = saveOnce(c, map, dto, loaded, place, tries <= MAX_TRIES);
      if ('misplaced' in result) {
        if (result.misplaced) misplaced.push(result.misplaced);
        continue;
      }
      if (result.status === 'saved' && misplaced.length) result.message += ` ${misplacedWords(misplaced)}`;
      return result;
    }
  }, SAVE_WAIT_MS);
}

/** Fields the rep changed that a teammate also changed since the form was loaded: the choice to make. */
function clashOf(
  c: CrmTabs,
  map: HeaderMap,
  dto: DealInput,
  loaded: DealInput,
  current: DealInput,
  before: CellValue[],
  rowNumber: number,
  mine: readonly (typeof EDITABLE)[number][],
  place: FormPlace,
): SaveResult | null {
  const same = (k: (typeof EDITABLE)[number], a: string, b: string) =>
    canonical(k, a ?? '', place) === canonical(k, b ?? '', place);
  const clashing = mine.filter((k) => !same(k, current[k], loaded[k]) && !same(k, current[k], dto[k]));
  if (!clashing.length) return null;
  const changes = lastChanges(c, dto.id);
  const clashes: FieldClash[] = clashing.map((k) => {
    const field = FIELD_BY_KEY[k].header;
    // History names who made the change only if its last entry is the value the sheet holds: a paste
    // or a script leaves no entry, and the one before it names someone else.
    const logged = changes.get(field);
    const last = logged && same(k, logged.to, current[k]) ? logged : undefined;
    return {
      key: k,
      field,
      was: loaded[k],
      yours: dto[k],
      theirs: current[k],
      who: last?.who ?? '',
      when: last?.when ?? '',
    };
  });
  return {
    status: 'conflict',
    message: `Not saved yet: ${clashes.map((x) => x.field).join(', ')} also changed in the sheet since you opened this deal. Choose which value to keep.`,
    clashes,
    current: record(before, rowNumber, map, c, { rows: [], total: 0 }),
  };
}

/** The row with the rep's changes in it: the columns that change, and the fields that really did. */
function cellsOfChanges(
  map: HeaderMap,
  dto: DealInput,
  before: CellValue[],
  mine: readonly (typeof EDITABLE)[number][],
  place: FormPlace,
) {
  const after = [...before];
  const changed = new Set<number>();
  for (const key of mine) {
    const col = map.columns[key];
    if (col === undefined) continue;
    const cell = inputToCell(key, dto[key], place);
    if (!sameCell(cell, before[col])) {
      after[col] = cell;
      changed.add(col);
    }
  }
  const edited = mine.filter((k) => map.columns[k] !== undefined && changed.has(map.columns[k]!));
  return { after, changed, edited };
}

/** The deal's row, or the row a new deal goes to; a deal no longer in the sheet is refused. */
function rowOfSave(c: CrmTabs, map: HeaderMap, dto: DealInput) {
  const [found] = dto.id ? rowsOfDeal(c.deals, map, dto.id) : [];
  if (dto.id && found === undefined)
    throw new CrmError(
      'DEAL_GONE',
      `Deal ${dto.id} is no longer in the Deals tab (it was deleted or its Deal ID changed). Your changes were not saved; copy them before closing.`,
    );
  const existing = found !== undefined;
  const newSlot = existing ? null : rowForNewDeal(c.deals, map);
  return { existing, newSlot, rowNumber: newSlot ? newSlot.row : found! };
}

/** What the rep is told of a save: saved or created, and a teammate's value kept. */
function savedResult(
  saved: DealRecord,
  existing: boolean,
  changed: boolean,
  kept: readonly string[],
): SaveResult {
  const stage = saved.deal.stage;
  const what = changed ? '' : ' (nothing had changed)';
  const theirs = kept.length
    ? ` Someone typed in ${kept.join(', ')} while this saved: their value was kept (it is the later edit).`
    : '';
  return {
    status: 'saved',
    record: saved,
    message: existing
      ? `Saved ${saved.deal.deal} (${stage})${what}.${theirs}`
      : `Created ${saved.deal.deal} (${stage}) as ${saved.deal.id}.`,
  };
}

/**
 * One try of a save under the lock (see saveDeal). With `retry`, a row that no longer holds the deal
 * (a sort meanwhile) gives `misplaced` (what was written on another deal, if anything) instead.
 */
function saveOnce(
  c: CrmTabs,
  map: HeaderMap,
  dto: DealInput,
  loaded: DealInput | null,
  place: FormPlace,
  retry: boolean,
): SaveResult | { misplaced: Misplaced | null } {
  const { existing, newSlot, rowNumber } = rowOfSave(c, map, dto);
  const readAt = Date.now();
  const before: CellValue[] = existing
    ? readRows(c.deals, [rowNumber], 1, map.width).get(rowNumber)!
    : Array<CellValue>(map.width).fill('');
  // Sorted between finding the row and reading it: another deal was read; nothing is written yet.
  const idCol = map.columns.dealId;
  if (existing && retry && idCol !== undefined && String(before[idCol]).trim() !== dto.id.trim())
    return { misplaced: null };
  const current = rowToInput(before, map, place);
  const same = (k: (typeof EDITABLE)[number], a: string, b: string) =>
    canonical(k, a ?? '', place) === canonical(k, b ?? '', place);
  // The rep's changes: fields that differ from what the form was loaded with (all typed, for a new deal).
  const mine = EDITABLE.filter((k) =>
    existing && loaded
      ? !same(k, dto[k], loaded[k])
      : existing
        ? !same(k, dto[k], current[k])
        : dto[k].trim() !== '',
  );
  const conflict =
    existing && loaded ? clashOf(c, map, dto, loaded, current, before, rowNumber, mine, place) : null;
  if (conflict) return conflict;
  const { after, changed, edited } = cellsOfChanges(map, dto, before, mine, place);
  const outcome = applyRowRules(
    after,
    rowNumber,
    editContext(c.state, map, currentUser()),
    existing ? { edited, previousRow: before } : { edited },
  );
  for (const [k, v] of Object.entries(outcome.writes)) {
    const col = map.columns[k as keyof typeof map.columns]!;
    after[col] = v as CellValue;
    changed.add(col);
  }
  // Written through the guard: journal, cells, read back, a teammate's later typing kept, History once.
  const written = writeDeal({
    deals: c.deals,
    history: c.history,
    map,
    rowNumber,
    existing,
    newRowMax: newSlot?.maxRows ?? null,
    dealId: outcome.history[0]?.dealId ?? dto.id,
    before,
    after,
    changed,
    entries: outcome.history,
    readAt,
    retry,
    timeZone: c.state.timeZone,
  });
  if ('misplaced' in written) return written;
  // The record carries only the History this save added; the sidebar puts it above what it shows.
  const rows = outcome.history.map(historyRow);
  const saved = record(written.values, written.row, map, c, { rows, total: rows.length });
  return savedResult(saved, existing, edited.length > 0, written.kept);
}
