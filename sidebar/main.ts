// Sidebar client: loads the model, finds deals through the server, opens and saves them. Errors show
// inline next to their field; a field changed both here and in the sheet is the only thing that asks;
// unsaved edits are never dropped without asking; the keyboard reaches everything (Ctrl+Enter saves,
// Alt+W won, Alt+L lost, Alt+R reopen, Alt+N saves and opens the next deal of the day).
import {
  blankDeal,
  EDITABLE,
  validateDeal,
  type DealFacts,
  type DealInput,
  type HistoryItem,
  type SaveResult,
  type SidebarModel,
} from '../src/shared/dealDto';
import { dayInWords, isoOf, readTypedDate } from '../src/shared/typedDate';
import { FIELD_BY_KEY } from '../src/shared/fields';
import { closedStageOf } from '../src/shared/stageRules';
import { NOTHING_PRESSING, pressing } from '../src/shared/dayRank';
import { byId, el } from './dom';
import { applyStageRules, buildFields, fillForm, readForm, showErrors } from './form';
import { setUpSearch } from './search';
import { call } from './server';

let model: SidebarModel | null = null;
/** The open deal: its id ('' for a new one), History shown so far and how many entries it has. */
let current: { id: string; history: HistoryItem[]; historyTotal: number } | null = null;
/** The deal as the form was loaded: the rep's changes are the fields that differ from it. */
let base: DealInput | null = null;
/** Whose day the empty search lists ('': the person's own), its deals in order, and how to show it again. */
let dayOwner = '';
let dayIds: string[] = [];
/** Check words of deals saved here since the day's list was built (the list is as of the last refresh). */
const checkedSince = new Map<string, string>();
let showDay: () => Promise<void> = async () => {};

const status = (text: string, kind: 'info' | 'ok' | 'error' = 'info') => {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
};
const m = () => model!;
const stageType = (name: string) => m().rules.stages.find((s) => s.name === name)?.type;

/** The status line for refused fields, naming what the first one needs (the status is read out). */
const needsAttention = (first: string) => `Some fields need attention${first ? `: ${first}` : ''}.`;

/** Whether the form holds changes not saved yet. */
function dirty(): boolean {
  if (!current || !base || byId('editor').hidden) return false;
  const now = readForm(current.id);
  return EDITABLE.some((k) => now[k].trim() !== base![k].trim());
}

/**
 * Runs `next` at once, or after the rep chose to save or discard unsaved changes. While a save is on
 * its way, `next` waits for it (what it sends is not "unsaved"), then asks about keys typed meanwhile.
 */
function guard(next: () => void): void {
  if (saving) {
    status('Saving… the next deal opens once it is saved.');
    void saving.then(() => guard(next));
    return;
  }
  if (!dirty()) return next();
  const box = byId('unsaved');
  byId('unsaved-message').textContent =
    `You changed ${byId('deal-title').textContent} and have not saved it.`;
  box.hidden = false;
  const done = () => (box.hidden = true);
  byId<HTMLButtonElement>('unsaved-save').onclick = () => {
    done();
    void save().then((ok) => ok && next());
  };
  byId<HTMLButtonElement>('unsaved-discard').onclick = () => {
    done();
    next();
  };
  byId<HTMLButtonElement>('unsaved-stay').onclick = () => {
    done();
    byId<HTMLInputElement>('f-deal').focus();
  };
  byId<HTMLButtonElement>('unsaved-save').focus();
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function renderHistory(): void {
  const items = current?.history ?? [];
  const total = current?.historyTotal ?? 0;
  byId<HTMLUListElement>('history').replaceChildren(
    ...items.map((h) => {
      const li = el('li', {}, `${h.field}: ${h.from || '—'} → ${h.to || '—'}`);
      li.append(el('span', { class: 'when' }, ` · ${when(h.time)}${h.user ? ` · ${h.user}` : ''}`));
      return li;
    }),
  );
  byId('history-section').hidden = items.length === 0;
  const more = byId<HTMLButtonElement>('show-all');
  more.hidden = total <= items.length;
  more.textContent = `Show all ${total}`;
}

function renderFacts(id: string, facts: DealFacts | null): void {
  const rows: [string, string, boolean?][] = facts
    ? [
        ['Deal ID', id],
        ['Check', facts.check || 'No problems', facts.check !== ''],
        [
          'Probability',
          facts.probability
            ? `${facts.probability} (${facts.probabilityTyped ? 'typed' : 'from stage'})`
            : '—',
        ],
        [
          'Forecast',
          facts.category ? `${facts.category} (${facts.categoryTyped ? 'typed' : 'from stage'})` : '—',
        ],
        [
          'In stage',
          facts.daysInStage === null
            ? '—'
            : `${facts.daysInStage} ${facts.daysInStage === 1 ? 'day' : 'days'}`,
        ],
        ['Created', facts.created || '—'],
        ['Updated', facts.updated || '—'],
      ]
    : [];
  byId('facts').replaceChildren(
    ...rows.flatMap(([label, value, warn]) => [
      el('dt', {}, label),
      el('dd', warn ? { class: 'warn' } : {}, value),
    ]),
  );
  byId('facts').hidden = rows.length === 0;
}

/** Won and Lost for an open deal (or a new one), Reopen for a won or lost one. */
function renderActions(stage = current?.id ? (base?.stage ?? '') : ''): void {
  const type = stageType(stage);
  const closed = type === 'Won' || type === 'Lost';
  byId('mark-won').hidden = closed;
  byId('mark-lost').hidden = closed;
  byId('reopen').hidden = !closed;
}

function show(title: string, deal: DealInput, facts: DealFacts | null): void {
  base = deal;
  fillForm(deal, m().rules.dayFirst);
  byId('deal-title').textContent = title;
  byId('editor').hidden = false;
  byId('conflict').hidden = true;
  byId('unsaved').hidden = true;
  showErrors({});
  applyStageRules(m().rules);
  renderFacts(deal.id, facts);
  renderHistory();
  renderActions();
}

/** While a deal loads nothing can be typed or clicked, so no key lands in the wrong deal. */
function busy(on: boolean): void {
  for (const id of ['find', 'editor']) byId(id).inert = on;
  byId('app').setAttribute('aria-busy', String(on));
}

async function openDeal(id: string): Promise<void> {
  status('Opening deal…');
  busy(true);
  try {
    const record = await call('getDeal', id);
    if (!record) {
      status(`Deal ${id} is no longer in the Deals tab.`, 'error');
      return;
    }
    current = { id: record.deal.id, history: record.history, historyTotal: record.historyTotal };
    show(record.deal.deal || record.deal.id, record.deal, record.facts);
    status('');
  } catch (e) {
    status((e as Error).message, 'error');
  } finally {
    busy(false);
  }
  byId<HTMLInputElement>(byId('editor').hidden ? 'search' : 'f-deal').focus();
}

function newDeal(name = ''): void {
  const first = m().rules.stages.find((s) => s.type === 'Open') ?? m().rules.stages[0];
  const owner = m().owners.some((o) => o.email.toLowerCase() === m().user.toLowerCase()) ? m().user : '';
  current = { id: '', history: [], historyTotal: 0 };
  const blank = blankDeal(owner, first?.name ?? '');
  show('New deal', blank, null);
  if (name) {
    const field = byId<HTMLInputElement>('f-deal');
    field.value = name;
    byId<HTMLInputElement>('f-company').focus();
  } else byId<HTMLInputElement>('f-deal').focus();
}

function showConflict(result: Extract<SaveResult, { status: 'conflict' }>): void {
  byId('conflict-message').textContent = result.message;
  byId('conflict-changes').replaceChildren(
    ...result.clashes.map((c) =>
      el(
        'li',
        {},
        c.who
          ? `${c.field}: you typed “${c.yours || '—'}”; ${c.who} changed it to “${c.theirs || '—'}”${c.when ? ` (${when(c.when)})` : ''}. It was “${c.was || '—'}”.`
          : `${c.field}: you typed “${c.yours || '—'}”; it was changed in the sheet to “${c.theirs || '—'}” (by a paste or a script: Google does not say who). It was “${c.was || '—'}”.`,
      ),
    ),
  );
  byId('conflict').hidden = false;
  // Either way the sheet's value becomes the base for these fields; the other changes stay in the form.
  const rebase = () => {
    base = { ...base!, ...Object.fromEntries(result.clashes.map((c) => [c.key, c.theirs])) };
    byId('conflict').hidden = true;
  };
  byId<HTMLButtonElement>('keep-mine').onclick = () => {
    rebase();
    void save();
  };
  byId<HTMLButtonElement>('use-theirs').onclick = () => {
    rebase();
    for (const c of result.clashes) {
      const control = byId<HTMLInputElement>(`f-${c.key}`);
      control.value = c.theirs;
      control.dispatchEvent(new Event('input'));
    }
    applyStageRules(m().rules);
    status(
      dirty()
        ? 'The sheet’s values are in the form. Save (Ctrl+Enter) to record your other changes.'
        : 'The sheet’s values are in the form; nothing else to save.',
    );
    byId<HTMLButtonElement>('save').focus();
  };
  status('Not saved yet: choose which value to keep.', 'error');
  byId<HTMLButtonElement>('keep-mine').focus();
}

function handleResult(result: SaveResult): boolean {
  if (result.status === 'invalid') {
    status(needsAttention(showErrors(result.errors)), 'error');
    return false;
  }
  if (result.status === 'conflict') {
    showConflict(result);
    return false;
  }
  const r = result.record;
  const same = current?.id === r.deal.id;
  current = {
    id: r.deal.id,
    history: [...r.history, ...(same ? current!.history : [])],
    historyTotal: r.historyTotal + (same ? current!.historyTotal : 0),
  };
  show(r.deal.deal, r.deal, r.facts);
  status(result.message, 'ok');
  return true;
}

/** Puts back what was typed into `fields` while a save was on its way, and says it is not saved yet. */
function keepTyped(fields: readonly (typeof EDITABLE)[number][], typed: DealInput): void {
  for (const k of fields) {
    const control = byId<HTMLInputElement>(`f-${k}`);
    control.value = typed[k];
    control.dispatchEvent(new Event('input'));
  }
  applyStageRules(m().rules);
  const names = fields.map((k) => FIELD_BY_KEY[k].header).join(', ');
  status(
    `${byId('status').textContent ?? ''} What you typed while it saved (${names}) is not saved yet: Save (Ctrl+Enter) to record it.`,
    'ok',
  );
}

/** The save on its way, if any: a second Save (Ctrl+Enter twice) waits for it rather than sending again. */
let saving: Promise<boolean> | null = null;

/** Saves the form; true when it was saved. What was typed stays in the form whatever happens. */
function save(): Promise<boolean> {
  if (saving) return saving;
  saving = saveOnce().finally(() => (saving = null));
  return saving;
}

async function saveOnce(): Promise<boolean> {
  const deal = readForm(current?.id ?? '');
  const checked = validateDeal(deal, m().rules);
  if (!checked.ok) {
    status(needsAttention(showErrors(checked.errors)), 'error');
    return false;
  }
  showErrors({});
  const button = byId<HTMLButtonElement>('save');
  button.disabled = true;
  status('Saving…');
  const id = current?.id ?? '';
  try {
    const result = await call('saveDeal', deal, current?.id ? base : null);
    // Keys typed while the save was on its way are the rep's next changes: they stay in the form.
    const now = readForm(id);
    const meanwhile = EDITABLE.filter((k) => now[k] !== deal[k]);
    const saved = handleResult(result);
    if (result.status === 'saved') checkedSince.set(result.record.deal.id, result.record.facts.check);
    if (saved && meanwhile.length) keepTyped(meanwhile, now);
    if (saved && !byId<HTMLInputElement>('search').value.trim()) void showDay();
    return saved;
  } catch (e) {
    status(`Not saved: ${(e as Error).message} What you typed is still in the form.`, 'error');
    return false;
  } finally {
    button.disabled = false;
  }
}

function setStage(name: string): void {
  byId<HTMLSelectElement>('f-stage').value = name;
  applyStageRules(m().rules);
}

function markLost(): void {
  const stage = closedStageOf(m().rules.stages, 'Lost');
  if (!stage) return;
  setStage(stage.name);
  byId<HTMLSelectElement>('f-lostReason').focus();
  status('Choose why it was lost, then Save (Ctrl+Enter).');
}

function markWon(): void {
  const stage = closedStageOf(m().rules.stages, 'Won');
  if (!stage) return;
  setStage(stage.name);
  // A deal is won on the day it closes: a blank or future close date becomes today, shown before saving.
  const close = byId<HTMLInputElement>('f-closeDate');
  const typed = readTypedDate(close.value, m().rules.dayFirst);
  const proposed = !typed.ok || typed.value === '' || isoOf(typed.value) > m().today;
  if (proposed) {
    close.value = m().today;
    close.dispatchEvent(new Event('input'));
  }
  byId<HTMLButtonElement>('save').focus();
  const today = readTypedDate(m().today, false);
  status(
    proposed && today.ok && today.value
      ? `Won, closing today (${dayInWords(today.value)}). Save (Ctrl+Enter) to record it.`
      : 'Won. Save (Ctrl+Enter) to record it.',
  );
}

/** Back to the open stage the deal left (from History), else the first open stage. */
function reopen(): void {
  const open = m().rules.stages.filter((s) => s.type === 'Open');
  const left = current?.history.find((h) => h.field === 'Stage' && h.to === base?.stage)?.from;
  const stage = open.find((s) => s.name === left) ?? open[0];
  if (!stage) return;
  setStage(stage.name);
  renderActions(stage.name);
  byId<HTMLButtonElement>('save').focus();
  status(`Reopened to ${stage.name}. Save (Ctrl+Enter) to record it.`);
}

async function showAllHistory(): Promise<void> {
  if (!current?.id) return;
  try {
    const all = await call('getDealHistory', current.id);
    current = { ...current, history: all, historyTotal: all.length };
    renderHistory();
    byId('history-heading').focus();
  } catch (e) {
    status((e as Error).message, 'error');
  }
}

function closeEditor(): void {
  byId('editor').hidden = true;
  current = null;
  base = null;
  byId<HTMLInputElement>('search').focus();
}

/** Keys that work anywhere in the editor. */
function shortcuts(e: KeyboardEvent): void {
  if (byId('editor').hidden) return;
  const act = (fn: () => void) => {
    e.preventDefault();
    fn();
  };
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) act(() => void save());
  else if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.code === 'KeyW' && !byId('mark-won').hidden) act(markWon);
    else if (e.code === 'KeyL' && !byId('mark-lost').hidden) act(markLost);
    else if (e.code === 'KeyR' && !byId('reopen').hidden) act(reopen);
    else if (e.code === 'KeyN') act(() => void nextOfDay());
  }
}

/** Saves the deal when it has changes, then opens the next deal of the day (the first when it is not in it). */
async function nextOfDay(): Promise<void> {
  if (dirty() && !(await save())) return;
  const at = current ? dayIds.indexOf(current.id) : -1;
  const next = dayIds.slice(at + 1).find((id) => id !== current?.id);
  if (next) await openDeal(next);
  else status('That was the last deal of the day’s list.', 'ok');
}

/** The day picker: managers (more than one owner in CRM Settings) choose whose day the list shows. */
function setUpDayPicker(): void {
  const picker = byId<HTMLSelectElement>('day-owner');
  const owners = m().owners.filter((o) => o.email);
  picker.replaceChildren(
    el('option', { value: '' }, 'My day'),
    ...owners
      .filter((o) => o.email.toLowerCase() !== m().user.toLowerCase())
      .map((o) => el('option', { value: o.email }, `${o.name || o.email}'s day`)),
  );
  byId('day-picker').hidden = owners.length < 2;
  picker.addEventListener('change', () => {
    dayOwner = picker.value;
    void showDay();
  });
}

async function start(): Promise<void> {
  status('Loading…');
  try {
    model = await call('getSidebarModel');
  } catch (e) {
    status((e as Error).message, 'error');
    return;
  }
  buildFields(model);
  setUpDayPicker();
  showDay = setUpSearch(
    (query) => call('searchDeals', query),
    (id) => guard(() => void openDeal(id)),
    (name) => guard(() => newDeal(name)),
    (message) => status(message, 'error'),
    async () => {
      const day = await call('getMyDay', dayOwner);
      // A deal saved here since: its Check now, and gone from the list when nothing is left to do.
      day.items = day.items.flatMap((i) => {
        const check = checkedSince.get(i.id);
        if (check === undefined) return [i];
        return pressing(check) === NOTHING_PRESSING ? [] : [{ ...i, why: check }];
      });
      dayIds = day.items.map((i) => i.id);
      return { day, mine: !dayOwner };
    },
  );
  byId('f-stage').addEventListener('change', () => {
    applyStageRules(m().rules);
    if (current?.id) renderActions(byId<HTMLSelectElement>('f-stage').value);
  });
  byId('f-lostReason').addEventListener('change', () => applyStageRules(m().rules));
  byId('new-deal').addEventListener('click', () => guard(() => newDeal()));
  byId('mark-won').addEventListener('click', markWon);
  byId('mark-lost').addEventListener('click', markLost);
  byId('reopen').addEventListener('click', reopen);
  byId('show-all').addEventListener('click', () => void showAllHistory());
  document.addEventListener('keydown', shortcuts);
  byId('close').addEventListener('click', () => guard(closeEditor));
  byId<HTMLFormElement>('deal-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  // A plain Enter in a field does not save (the browser would submit the form): keys that strayed into
  // a field, such as a next search typed just after a deal opened, are never saved by it. Ctrl+Enter
  // saves from anywhere; Enter on the Save button saves.
  byId<HTMLFormElement>('deal-form').addEventListener('keydown', (e) => {
    const field = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'Enter' && field && !e.ctrlKey && !e.metaKey) e.preventDefault();
  });
  // Closing the sidebar with unsaved changes: the browser asks before the page goes.
  window.addEventListener('beforeunload', (e) => {
    if (dirty()) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  byId('app').dataset.ready = 'true';
  status('Search by deal, company, owner or Deal ID, or add a new deal.');
  byId<HTMLInputElement>('search').focus();
}

void start();
