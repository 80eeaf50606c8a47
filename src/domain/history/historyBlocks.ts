// Prints of History in blocks of rows, so that a refresh can check that rows folded into the index long
// ago still hold what was folded (History changed without an edit event: another script, a restored
// version) by reading a part of History a day instead of all of it. A block's print is the sum of its
// rows' hashes (mod 2^32): the order of rows within a block does not count (the index does not depend
// on it), and two neighbouring blocks' prints add up to the print of both, so the block size can
// double as History grows without reading it again.
import type { CellValue } from '../deals/deal';

/** A 32-bit hash of a row's first `width` cells (type and text of each, a date by its time). */
export function rowHash(row: readonly CellValue[] | undefined, width: number): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < width; c++) {
    const v = row?.[c];
    if (v !== undefined && v !== null && v !== '') {
      const text = v instanceof Date ? `D${v.getTime()}` : `${typeof v}${String(v)}`;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h = Math.imul(h ^ 0x1f, 0x01000193); // cell separator: ["ab", ""] differs from ["a", "b"]
  }
  return h >>> 0;
}

/** The print of rows [from, to) of `rows`: the sum of their hashes. */
export function sumOf(
  rows: readonly (readonly CellValue[])[],
  from: number,
  to: number,
  width: number,
): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum = (sum + rowHash(rows[i], width)) >>> 0;
  return sum;
}

/** Where History's folded rows stand in blocks: the complete blocks' prints and the rest's. */
export interface BlockPrints {
  /** Rows per block. */
  size: number;
  /** Prints of the complete blocks, from the first data row on. */
  blocks: number[];
  /** Print of the folded rows after the last complete block. */
  rest: number;
}

/** Blocks kept at most (the pointer property holds them); past this the block size doubles. */
export const MAX_BLOCKS = 512;
export const FIRST_BLOCK_SIZE = 512;

/**
 * The prints of History's first `folded` data rows, of which `rows` holds those from data row `offset`
 * on; blocks before `known.blocks.length` are taken from `known` (their rows need not be in `rows`).
 */
export function extendPrints(
  known: Pick<BlockPrints, 'size' | 'blocks'>,
  rows: readonly (readonly CellValue[])[],
  offset: number,
  folded: number,
  width: number,
): BlockPrints {
  const { size } = known;
  const blocks = [...known.blocks];
  const at = (dataRow: number) => dataRow - offset;
  while ((blocks.length + 1) * size <= folded) {
    const start = blocks.length * size;
    blocks.push(sumOf(rows, at(start), at(start + size), width));
  }
  const rest = sumOf(rows, at(blocks.length * size), at(folded), width);
  return fewerBlocks({ size, blocks, rest });
}

/** Doubles the block size (adding neighbouring prints) until at most MAX_BLOCKS remain. */
export function fewerBlocks(p: BlockPrints): BlockPrints {
  let { size, blocks, rest } = p;
  while (blocks.length > MAX_BLOCKS) {
    const pairs: number[] = [];
    for (let i = 0; i + 1 < blocks.length; i += 2) pairs.push((blocks[i] + blocks[i + 1]) >>> 0);
    // An odd block out joins the rest (the rows after the last complete block).
    if (blocks.length % 2) rest = (rest + blocks[blocks.length - 1]) >>> 0;
    blocks = pairs;
    size *= 2;
  }
  return { size, blocks, rest };
}

/** Prints as stored in the pointer property (base 36, comma-separated), and back. */
export const encodePrints = (blocks: readonly number[]): string =>
  blocks.map((b) => b.toString(36)).join(',');
export function decodePrints(text: unknown): number[] | null {
  if (typeof text !== 'string') return null;
  if (text === '') return [];
  const out = text.split(',').map((t) => parseInt(t, 36));
  return out.every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32) ? out : null;
}
