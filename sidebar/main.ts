// Sidebar client: loads the model, finds and opens deals, and saves them through the server. Errors
// show inline next to their field; a conflict shows what changed and keeps what the rep typed.
import {
  blankDeal,
  validateDeal,
  type DealInput,
  type DealRecord,
  type HistoryItem,
  type SaveResult,
  type SidebarModel,
} from '../src/shared/dealDto';
import { dayInWords, isoOf, readTypedDate } from '../src/shared/typedDate';
import { byId, el } from './dom';
import { applyStageRules, buildFields, fillForm, readForm, showErrors } from './form';
import { setUpSearch } from './search';
import { call } from './server';

let model: SidebarModel | null = null;
let current: { id: string; version: string; history: HistoryItem[] } | null = null;
/** The deal as it was loaded, to tell the rep's own changes from someone else's. */
let base: DealInput | null = null;

const status = (text: string, kind: 'info' | 'ok' | 'error' = 'info') => {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
};

function renderHistory(items: HistoryItem[]): void {
  const list = byId<HTMLUListElement>('history');
  list.replaceChildren(
    ...items
      .slice(0, 10)
      .map((h) =>
        el(
          'li',
          {},
          `${h.time.slice(0, 10)} · ${h.field}: ${h.from || '—'} → ${h.to || '—'}${h.user ? ` (${h.user})` : ''}`,
        ),
      ),
  );
  byId('history-section').hidden = items.length === 0;
}

function showForm(title: string): void {
  byId('deal-title').textContent = title;
  byId('editor').hidden = false;
  byId('conflict').hidden = true;
  showErrors({});
  applyStageRules(model!.rules);
  byId<HTMLInputElement>('f-deal').focus();
}

async function openDeal(id: string): Promise<void> {
  status('Opening deal…');
  try {
    const record = await call('getDeal', id);
    if (!record) {
      status(`Deal ${id} is no longer in the Deals tab.`, 'error');
      return;
    }
    load(record);
    status('');
  } catch (e) {
    status((e as Error).message, 'error');
  }
}

function load(record: DealRecord): void {
  base = record.deal;
  current = { id: record.deal.id, version: record.version, history: record.history };
  fillForm(record.deal, model!.rules.dayFirst);
  renderHistory(record.history);
  showForm(record.deal.deal || record.deal.id);
}

function newDeal(): void {
  const m = model!;
  const first = m.rules.stages.find((s) => s.type === 'Open') ?? m.rules.stages[0];
  current = { id: '', version: '', history: [] };
  base = null;
  fillForm(
    blankDeal(m.owners.some((o) => o.email === m.user) ? m.user : '', first?.name ?? ''),
    m.rules.dayFirst,
  );
  renderHistory([]);
  showForm('New deal');
}

function handleResult(result: SaveResult): void {
  const m = model!;
  if (result.status === 'invalid') {
    showErrors(result.errors);
    status('Some fields need attention.', 'error');
    return;
  }
  if (result.status === 'conflict') {
    const box = byId('conflict');
    byId('conflict-message').textContent = result.message;
    const theirs = result.changes.filter((c) => !base || base[c.key] !== c.theirs);
    const mine = result.changes.filter((c) => base && base[c.key] === c.theirs);
    byId('conflict-changes').replaceChildren(
      ...theirs.map((c) =>
        el(
          'li',
          {},
          `Changed in the sheet: ${c.field} is now "${c.theirs || '—'}" (you have "${c.yours || '—'}")`,
        ),
      ),
      ...mine.map((c) => el('li', {}, `Your change: ${c.field} "${c.yours || '—'}"`)),
    );
    box.hidden = false;
    byId<HTMLButtonElement>('use-theirs').onclick = () => load(result.current);
    byId<HTMLButtonElement>('keep-mine').onclick = () => {
      base = result.current.deal;
      current = {
        id: result.current.deal.id,
        version: result.current.version,
        history: result.current.history.length ? result.current.history : (current?.history ?? []),
      };
      box.hidden = true;
      status('Your values are still in the form. Press Save to replace the sheet’s values with them.');
      byId<HTMLButtonElement>('save').focus();
    };
    status('Not saved: someone else changed this deal.', 'error');
    byId<HTMLButtonElement>('use-theirs').focus();
    return;
  }
  const r = result.record;
  const history = [...r.history, ...(current?.id === r.deal.id ? current.history : [])];
  current = { id: r.deal.id, version: r.version, history };
  const summary = {
    id: r.deal.id,
    deal: r.deal.deal,
    company: r.deal.company,
    owner: r.deal.owner,
    stage: r.deal.stage,
  };
  const i = m.deals.findIndex((d) => d.id === r.deal.id);
  if (i >= 0) m.deals[i] = summary;
  else m.deals.push(summary);
  base = r.deal;
  fillForm(r.deal, model!.rules.dayFirst);
  renderHistory(history);
  byId('deal-title').textContent = r.deal.deal;
  showErrors({});
  applyStageRules(m.rules);
  status(result.message, 'ok');
}

async function save(): Promise<void> {
  const m = model!;
  const deal = readForm(current?.id ?? '');
  const checked = validateDeal(deal, m.rules);
  if (!checked.ok) {
    showErrors(checked.errors);
    status('Some fields need attention.', 'error');
    return;
  }
  showErrors({});
  const button = byId<HTMLButtonElement>('save');
  button.disabled = true;
  status('Saving…');
  try {
    handleResult(await call('saveDeal', deal, current?.version ?? ''));
  } catch (e) {
    status(`Not saved: ${(e as Error).message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

function setStageOfType(type: 'Won' | 'Lost'): void {
  const m = model!;
  const stage = m.rules.stages.find((s) => s.type === type);
  if (!stage) return;
  byId<HTMLSelectElement>('f-stage').value = stage.name;
  applyStageRules(m.rules);
  if (type === 'Lost') {
    byId<HTMLSelectElement>('f-lostReason').focus();
    status('Choose why it was lost, then Save (Ctrl+Enter).');
    return;
  }
  // A deal is won on the day it closes: a blank or future close date becomes today, shown before saving.
  const close = byId<HTMLInputElement>('f-closeDate');
  const typed = readTypedDate(close.value, m.rules.dayFirst);
  const proposed = !typed.ok || typed.value === '' || isoOf(typed.value) > m.today;
  if (proposed) {
    close.value = m.today;
    close.dispatchEvent(new Event('input'));
  }
  byId<HTMLButtonElement>('save').focus();
  const today = readTypedDate(m.today, false);
  status(
    proposed && today.ok && today.value
      ? `Won, closing today (${dayInWords(today.value)}). Save (Ctrl+Enter) to record it.`
      : 'Won. Save (Ctrl+Enter) to record it.',
  );
}

/** Fetches the deal index again (others may have added or renamed deals since the sidebar opened). */
async function reloadDeals(): Promise<void> {
  status('Reloading deals…');
  try {
    const fresh = await call('getSidebarModel');
    model!.deals = fresh.deals;
    status(`${fresh.deals.length} ${fresh.deals.length === 1 ? 'deal' : 'deals'}.`);
  } catch (e) {
    status((e as Error).message, 'error');
  }
}

async function start(): Promise<void> {
  status('Loading deals…');
  try {
    model = await call('getSidebarModel');
  } catch (e) {
    status((e as Error).message, 'error');
    return;
  }
  buildFields(model);
  setUpSearch(
    () => model!.deals,
    (id) => void openDeal(id),
  );
  byId('f-stage').addEventListener('change', () => applyStageRules(model!.rules));
  byId('f-lostReason').addEventListener('change', () => applyStageRules(model!.rules));
  byId('new-deal').addEventListener('click', newDeal);
  byId('reload').addEventListener('click', () => void reloadDeals());
  byId('mark-won').addEventListener('click', () => setStageOfType('Won'));
  byId('mark-lost').addEventListener('click', () => setStageOfType('Lost'));
  byId('editor').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  });
  byId('close').addEventListener('click', () => {
    byId('editor').hidden = true;
    current = null;
    byId<HTMLInputElement>('search').focus();
  });
  byId<HTMLFormElement>('deal-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  byId('app').dataset.ready = 'true';
  status(`${model.deals.length} deals. Search, or add a new one.`);
}

void start();
