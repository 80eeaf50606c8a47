// Tiny DOM helpers for the sidebar (no framework: the page must stay small and work offline).

/** The element with this id; throws if the page lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing #${id}`);
  return el as T;
}

/** Creates an element with text and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

/** Replaces a select's options (a blank first option unless `required`). */
export function fillSelect(
  select: HTMLSelectElement,
  values: readonly { value: string; label: string }[],
  blankLabel = '—',
): void {
  select.replaceChildren(
    el('option', { value: '' }, blankLabel),
    ...values.map((v) => el('option', { value: v.value }, v.label)),
  );
}
