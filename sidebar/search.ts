// Finding a deal as you type: a combobox over the server's search (name, company, owner email or name,
// Deal ID), driven by the keyboard (arrows, Enter, Escape) or the mouse. The server returns the first
// 20 deals and how many match; with no match, the list offers "Create deal …" with the typed name.
// With the box empty it lists the person's day: their deals to look at, most pressing first.
import type { DealSummary, MyDay, SearchResult } from '../src/shared/dealDto';
import { byId, el } from './dom';

/** Waits this long after the last key before asking the server (one call per pause, not per key). */
const PAUSE_MS = 250;

type Option =
  | { kind: 'deal'; deal: DealSummary }
  | { kind: 'day'; item: MyDay['items'][number] }
  | { kind: 'create'; name: string };

/** What the count line says under My day. */
export function dayLine(d: MyDay, mine: boolean): string {
  const whose = mine ? 'My day' : `${d.owner}'s day`;
  if (!d.asOf) return `${whose}: the list appears after the first refresh.`;
  const n = d.items.length + d.more;
  if (!n) return `${whose}: nothing to look at (as of ${d.asOf}).`;
  const shown = d.more ? ` (the first ${d.items.length} shown)` : '';
  return `${whose}: ${n} ${n === 1 ? 'deal' : 'deals'} to look at${shown}, most pressing first (as of ${d.asOf}). Enter opens the first.`;
}

/** What the count line says under the box. */
export function countLine(r: SearchResult): string {
  if (!r.query.trim()) return '';
  if (r.total === 0) return 'No deal matches.';
  const about = r.approximate ? 'about ' : '';
  if (r.total > r.deals.length)
    return `Showing ${r.deals.length} of ${about}${r.total} deals. Type more to narrow.`;
  return `${r.total} ${r.total === 1 ? 'deal' : 'deals'} found.`;
}

/**
 * Wires the search box; `open` gets the chosen deal's id, `create` the name typed when nothing matched.
 * With the box empty, the list is the person's day (`day`). Returns a function that shows it again.
 */
export function setUpSearch(
  search: (query: string) => Promise<SearchResult>,
  open: (id: string) => void,
  create: (name: string) => void,
  onError: (message: string) => void,
  day: () => Promise<{ day: MyDay; mine: boolean }>,
): () => Promise<void> {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('results');
  const count = byId('results-count');
  let options: Option[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  /** The query the list on screen answers (null: none), and the search on its way. */
  let shownFor: string | null = null;
  let pending: { query: string; done: Promise<void> } | null = null;
  /** Whether the rep moved through the list on screen with the arrows since typing. */
  let navigated = false;
  const render = () => {
    list.replaceChildren(
      ...options.map((o, i) => {
        const li = el('li', { role: 'option', id: `result-${i}`, 'aria-selected': String(i === active) });
        if (o.kind === 'deal')
          li.append(
            el('span', { class: 'name' }, o.deal.deal || '(no name)'),
            el('span', { class: 'meta' }, `${o.deal.company} · ${o.deal.stage}`),
          );
        else if (o.kind === 'day')
          li.append(
            el('span', { class: 'name' }, o.item.deal || o.item.id),
            el('span', { class: 'meta' }, `${o.item.stage} · ${o.item.why}`),
          );
        else li.append(el('span', { class: 'name' }, `Create deal “${o.name}”`));
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    input.setAttribute('aria-expanded', String(options.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `result-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const clear = () => {
    options = [];
    active = -1;
    shownFor = null;
    count.textContent = '';
    render();
  };
  const choose = (i: number) => {
    const o = options[i];
    if (!o) return;
    clear();
    if (o.kind === 'deal') open(o.deal.id);
    else if (o.kind === 'day') open(o.item.id);
    else create(o.name);
  };
  /** Shows the day while the box is empty (a search typed meanwhile wins). */
  const showDay = async (): Promise<void> => {
    const mine = ++asked;
    try {
      const d = await day();
      if (mine !== asked || input.value.trim()) return;
      options = d.day.items.map((item) => ({ kind: 'day', item }) as Option);
      active = options.length ? 0 : -1;
      shownFor = '';
      navigated = false;
      count.textContent = dayLine(d.day, d.mine);
      render();
    } catch (e) {
      if (mine === asked) onError((e as Error).message);
    }
  };
  const run = (query: string): Promise<void> => {
    const mine = ++asked;
    count.textContent = 'Searching…';
    const done = (async () => {
      try {
        const result = await search(query);
        if (mine !== asked) return; // a later search is on its way
        options = result.deals.map((deal) => ({ kind: 'deal', deal }) as Option);
        if (!result.deals.length) options.push({ kind: 'create', name: query.trim() });
        active = 0;
        shownFor = query;
        navigated = false;
        count.textContent = countLine(result);
        render();
      } catch (e) {
        if (mine === asked) {
          count.textContent = '';
          onError((e as Error).message);
        }
      }
    })();
    pending = { query, done };
    return done;
  };
  /**
   * Enter: the highlighted option when the list answers the query as typed (or the rep picked from it
   * with the arrows); else the query as typed is searched, or its search on its way awaited, and its
   * first match opened, unless the rep typed on meanwhile.
   */
  const enter = () => {
    const query = input.value;
    if (active >= 0 && (shownFor === query || navigated)) return choose(active);
    if (!query.trim()) return;
    clearTimeout(timer);
    const done = pending?.query === query ? pending.done : run(query);
    void done.then(() => {
      if (input.value === query && shownFor === query) choose(active >= 0 ? active : 0);
    });
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value;
    if (!query.trim()) {
      clear();
      void showDay();
      return;
    }
    navigated = false;
    timer = setTimeout(() => void run(query), PAUSE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) {
      active = (active + 1) % options.length;
      navigated = true;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && options.length) {
      active = (active - 1 + options.length) % options.length;
      navigated = true;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      enter();
    } else if (e.key === 'Escape') {
      input.value = '';
      clear();
      void showDay();
    }
  });
  void showDay();
  return showDay;
}
