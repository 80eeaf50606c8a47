// Arrays as long as a tab: spreading one into a call (`Math.max(...rows)`, `list.push(...rows)`) puts
// each element on the stack, and some 120,000 of them (a 200,000-row export) overflow it: "Maximum call
// stack size exceeded", in Apps Script as in Node. These take any length (a lint rule bans the spread).

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let out = empty;
  let first = true;
  for (const v of values) {
    out = first ? v : Math.max(out, v);
    first = false;
  }
  return first ? empty : out;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let out = empty;
  let first = true;
  for (const v of values) {
    out = first ? v : Math.min(out, v);
    first = false;
  }
  return first ? empty : out;
}

/** Appends every item of `items` to `list` (as `list.push(...items)` does for short arrays). */
export function pushAll<T>(list: T[], items: Iterable<T>): T[] {
  for (const item of items) list.push(item);
  return list;
}
