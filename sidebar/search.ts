// Finding a deal as you type: a combobox over the server's search (name, company, owner email or name,
// Deal ID), driven by the keyboard (arrows, Enter, Escape) or the mouse. The server returns the first
// 20 deals and how many match; with no match, the list offers "Create deal …" with the typed name.
import type { DealSummary, SearchResult } from '../src/shared/dealDto';
import { byId, el } from './dom';

/** Waits this long after the last key before asking the server (one call per pause, not per key). */
const PAUSE_MS = 250;

type Option = { kind: 'deal'; deal: DealSummary } | { kind: 'create'; name: string };

/** What the count line says under the box. */
export function countLine(r: SearchResult): string {
  if (!r.query.trim()) return '';
  if (r.total === 0) return 'No deal matches.';
  const about = r.approximate ? 'about ' : '';
  if (r.total > r.deals.length)
    return `Showing ${r.deals.length} of ${about}${r.total} deals. Type more to narrow.`;
  return `${r.total} ${r.total === 1 ? 'deal' : 'deals'} found.`;
}

/** Wires the search box; `open` gets the chosen deal's id, `create` the name typed when nothing matched. */
export function setUpSearch(
  search: (query: string) => Promise<SearchResult>,
  open: (id: string) => void,
  create: (name: string) => void,
  onError: (message: string) => void,
): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('results');
  const count = byId('results-count');
  let options: Option[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const render = () => {
    list.replaceChildren(
      ...options.map((o, i) => {
        const li = el('li', { role: 'option', id: `result-${i}`, 'aria-selected': String(i === active) });
        if (o.kind === 'deal')
          li.append(
            el('span', { class: 'name' }, o.deal.deal || '(no name)'),
            el('span', { class: 'meta' }, `${o.deal.company} · ${o.deal.stage}`),
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
    count.textContent = '';
    render();
  };
  const choose = (i: number) => {
    const o = options[i];
    if (!o) return;
    clear();
    if (o.kind === 'deal') open(o.deal.id);
    else create(o.name);
  };
  const run = async (query: string) => {
    const mine = ++asked;
    count.textContent = 'Searching…';
    try {
      const result = await search(query);
      if (mine !== asked) return; // a later search is on its way
      options = result.deals.map((deal) => ({ kind: 'deal', deal }) as Option);
      if (!result.deals.length) options.push({ kind: 'create', name: query.trim() });
      active = 0;
      count.textContent = countLine(result);
      render();
    } catch (e) {
      if (mine === asked) {
        count.textContent = '';
        onError((e as Error).message);
      }
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value;
    if (!query.trim()) {
      asked++;
      clear();
      return;
    }
    timer = setTimeout(() => void run(query), PAUSE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) {
      active = (active + 1) % options.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && options.length) {
      active = (active - 1 + options.length) % options.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) choose(active);
      else if (input.value.trim()) {
        // Enter before the pause ran the search: search now, and open the first match.
        clearTimeout(timer);
        void run(input.value).then(() => choose(0));
      }
    } else if (e.key === 'Escape') {
      input.value = '';
      asked++;
      clear();
    }
  });
}
