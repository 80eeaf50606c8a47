// Arrays as long as a tab: spreading one into a call (`Math.max(...rows)`, `list.push(...rows)`) puts
// each element on the stack, and some 120,000 of them (a 200,000-row export) overflow it: "Maximum call
// stack size exceeded", in Apps Script as in Node. These take any length (a lint rule bans the spread).

/** `values` folded two at a time with `pick` (Math.max, Math.min), or `empty` when there are none. */
function picked(values: Iterable<number>, pick: (a: number, b: number) => number, empty: number): number {
  let out = empty;
  let first = true;
  for (const v of values) {
    out = first ? v : pick(out, v);
    first = false;
  }
  return out;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  return picked(values, Math.max, empty);
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  return picked(values, Math.min, empty);
}

/** Adds `value` to the list of `key` (grouping rows by a key, one pass, no list copied). */
export function listIn<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Appends every item of `items` to `list` (as `list.push(...items)` does for short arrays). */
export function pushAll<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}

/**
 * The indexes 0..count-1 grouped by `keyOf` (null: left out), only for keys more than one index has,
 * in ascending order: a key met once costs a map entry, not a list (most deals' IDs and names are
 * their own).
 */
export function sharedKeys<K extends string | number>(
  count: number,
  keyOf: (i: number) => K | null,
): Map<K, number[]> {
  const first = new Map<K, number>();
  const shared = new Map<K, number[]>();
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else {
      const list = shared.get(key);
      if (list) list.push(i);
      else shared.set(key, [j, i]);
    }
  }
  return shared;
}
