// Finding a deal as you type: a combobox over the deal index (name, company or owner), driven by the
// keyboard (arrows, Enter, Escape) or the mouse.
import type { DealSummary } from '../src/shared/dealDto';
import { byId, el } from './dom';

const MAX_RESULTS = 8;

/** Deals whose name, company or owner contain every typed word. */
export function findDeals(deals: readonly DealSummary[], query: string): DealSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return deals
    .filter((d) => {
      const hay = `${d.deal} ${d.company} ${d.owner} ${d.id}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .slice(0, MAX_RESULTS);
}

/** Wires the search box; `open` is called with the chosen deal's id. */
export function setUpSearch(getDeals: () => readonly DealSummary[], open: (id: string) => void): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('results');
  let hits: DealSummary[] = [];
  let active = -1;
  const render = () => {
    list.replaceChildren(
      ...hits.map((d, i) => {
        const li = el('li', { role: 'option', id: `result-${i}`, 'aria-selected': String(i === active) });
        li.append(
          el('span', { class: 'name' }, d.deal || '(no name)'),
          el('span', { class: 'meta' }, `${d.company} · ${d.stage}`),
        );
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `result-${active}`);
    else input.removeAttribute('aria-activedescendant');
    byId('results-count').textContent = input.value.trim()
      ? `${hits.length} ${hits.length === 1 ? 'deal' : 'deals'} found`
      : '';
  };
  const choose = (i: number) => {
    const d = hits[i];
    if (!d) return;
    hits = [];
    active = -1;
    render();
    open(d.id);
  };
  input.addEventListener('input', () => {
    hits = findDeals(getDeals(), input.value);
    active = hits.length ? 0 : -1;
    render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      active = (active + 1) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter' && active >= 0) {
      choose(active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      input.value = '';
      hits = [];
      active = -1;
      render();
    }
  });
}
