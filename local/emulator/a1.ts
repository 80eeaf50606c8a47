// A1 notation: column letters to numbers and back, and parsing "B2", "A1:C10", "A:C" or "2:5".

import { columnLetter } from './wallClock';

/** "A" -> 1, "AA" -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Parses A1 notation against a sheet of the given size; open-ended columns/rows run to its edge. */
export function parseA1(a1: string, maxRows: number, maxCols: number): A1Box {
  const ref = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  const cell = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found`);
    return { col: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const a = cell(parts[0]);
  const b = parts[1] ? cell(parts[1]) : a;
  const r1 = a.row || 1;
  const c1 = a.col || 1;
  const r2 = b.row || maxRows;
  const c2 = b.col || maxCols;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}

/** "B2:D4" for a box (a single cell gives "B2"). */
export function a1Of(box: A1Box): string {
  const first = `${columnLetter(box.col)}${box.row}`;
  if (box.numRows === 1 && box.numCols === 1) return first;
  return `${first}:${columnLetter(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
}

/**
 * Where a box ends up when rows (axis 'row') or columns are inserted or deleted after position
 * `index` (0-based count of rows/columns before the change): it moves, grows, shrinks, or (null) is
 * deleted, as Sheets moves ranges that protections, rules and charts refer to.
 */
export function shiftBox(
  box: A1Box,
  axis: 'row' | 'col',
  index: number,
  remove: number,
  add: number,
): A1Box | null {
  const start = axis === 'row' ? box.row : box.col;
  const size = axis === 'row' ? box.numRows : box.numCols;
  const end = start + size - 1;
  let newStart = start;
  let newSize = size;
  if (remove > 0) {
    const dStart = index + 1;
    const dEnd = index + remove;
    const before = Math.max(0, Math.min(dEnd, start - 1) - dStart + 1);
    const inside = Math.max(0, Math.min(dEnd, end) - Math.max(dStart, start) + 1);
    newStart = start - before;
    newSize = size - inside;
    if (newSize <= 0) return null;
  }
  if (add > 0) {
    if (newStart > index) newStart += add;
    else if (newStart + newSize - 1 > index) newSize += add;
  }
  return axis === 'row'
    ? { ...box, row: newStart, numRows: newSize }
    : { ...box, col: newStart, numCols: newSize };
}
