// A deal's trail as the short text of its History index cell. Every refresh that reads Deals reads the
// whole index, and Google prices long cells by the character: as JSON (times of 13 digits, stage names
// in full), 100,000 trails were ~12 M characters (~6 s a read at 100,000 deals, ~18 s a full write).
// Here a time is base 36 and a stage the number of its name in the index's list of stage names (kept in
// the index's header cell, added to as new names come, never reordered):
//   ~<time>.<stage>[.<stage left>] <time>.<stage>…|<push time> <push time>…
// with every number in base 36. A trail whose stage names the list cannot take (it is full) stays JSON.
import type { Move } from './stageMoves';
import type { DealTrail } from './historyIndex';

/** What a compact trail's text starts with (a JSON one starts with "["). */
export const COMPACT_MARK = '~';
/** Characters the list of stage names may take as JSON (a cell holds 50,000, with its label). */
const MAX_LIST_CHARS = 40_000;

/** The index's stage names, each with its number: the list as read, and the names added since. */
export class StageCodes {
  readonly names: string[];
  private readonly codes = new Map<string, number>();
  private chars: number;
  /** Whether names were added since the list was read. */
  grew = false;

  constructor(names: readonly string[] = []) {
    this.names = [...names];
    this.names.forEach((n, i) => this.codes.set(n, i));
    this.chars = JSON.stringify(this.names).length;
  }

  /** The number of a stage name, added to the list if new and there is room; null when there is none. */
  code(name: string): number | null {
    const known = this.codes.get(name);
    if (known !== undefined) return known;
    const more = JSON.stringify(name).length + 1;
    if (this.chars + more > MAX_LIST_CHARS) return null;
    this.chars += more;
    this.codes.set(name, this.names.length);
    this.names.push(name);
    this.grew = true;
    return this.names.length - 1;
  }
}

const b36 = (n: number) => n.toString(36);

/** A trail as compact text, or null when one of its times is not a whole number or a name finds no room. */
export function encodeCompact(t: DealTrail, codes: StageCodes): string | null {
  const moves: string[] = [];
  for (const [time, to, from] of t.moves) {
    const a = codes.code(to);
    const b = from === undefined ? -1 : codes.code(from);
    if (!Number.isSafeInteger(time) || a === null || b === null) return null;
    moves.push(from === undefined ? `${b36(time)}.${b36(a)}` : `${b36(time)}.${b36(a)}.${b36(b)}`);
  }
  if (!t.pushes.every((p) => Number.isSafeInteger(p))) return null;
  return `${COMPACT_MARK}${moves.join(' ')}|${t.pushes.map(b36).join(' ')}`;
}

/** The value of a base-36 digit's character code (0-9, a-z), or -1. */
function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/**
 * A trail from compact text and the list of stage names, or null when the text is not one. One pass
 * over the characters (every refresh decodes every deal's trail).
 */
export function decodeCompact(text: string, names: readonly string[]): DealTrail | null {
  if (!text.startsWith(COMPACT_MARK)) return null;
  const end = text.length;
  let i = 1;
  /** The base-36 number at i (a leading "-" allowed), or NaN; i moves past it. */
  const number = (): number => {
    const negative = text.charCodeAt(i) === 45;
    if (negative) i++;
    const from = i;
    let n = 0;
    for (let d = digit(text.charCodeAt(i)); d >= 0; d = digit(text.charCodeAt(++i))) n = n * 36 + d;
    if (i === from || i - from > 11) return NaN;
    return negative ? -n : n;
  };
  const name = (code: number) => (code < names.length ? names[code] : undefined);
  const moves: Move[] = [];
  // Moves "time.to[.from]" apart by spaces, up to "|".
  while (i < end && text.charCodeAt(i) !== 124) {
    if (moves.length && text.charCodeAt(i++) !== 32) return null;
    const time = number();
    if (text.charCodeAt(i++) !== 46) return null;
    const to = name(number());
    if (!Number.isSafeInteger(time) || to === undefined) return null;
    if (text.charCodeAt(i) === 46) {
      i++;
      const from = name(number());
      if (from === undefined) return null;
      moves.push([time, to, from]);
    } else moves.push([time, to]);
  }
  if (text.charCodeAt(i++) !== 124) return null;
  const pushes: number[] = [];
  while (i < end) {
    if (pushes.length && text.charCodeAt(i++) !== 32) return null;
    const at = number();
    if (!Number.isSafeInteger(at)) return null;
    pushes.push(at);
  }
  return { moves, pushes };
}

/** The label of the index's header cell, with the list of stage names after it. */
export const TRAILS_LABEL = 'Stage moves and close-date pushes';
const LIST_AFTER = ' · stages: ';

/** The index's header cell holding the list of stage names. */
export function labelWithStages(names: readonly string[]): string {
  return `${TRAILS_LABEL}${LIST_AFTER}${JSON.stringify(names)}`;
}

/** The list of stage names from the index's header cell: [] when it holds none, null when unreadable. */
export function stagesInLabel(label: string): string[] | null {
  const at = label.indexOf(LIST_AFTER);
  if (at < 0) return [];
  try {
    const list: unknown = JSON.parse(label.slice(at + LIST_AFTER.length));
    return Array.isArray(list) && list.every((n) => typeof n === 'string') ? list : null;
  } catch {
    return null;
  }
}
