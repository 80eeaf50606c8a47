// Writing values so that what a person typed stays exactly what they typed: strings are protected from
// being parsed as formulas, numbers or dates; numbers, booleans and dates are written as they are.
import { asText } from '../../domain/values/text';
import type { Range } from './sheetTypes';

export type WritableCell = string | number | boolean | Date;

/** A cell value ready for setValues: strings are kept as text. */
export function safeCell(v: WritableCell): WritableCell {
  return typeof v === 'string' ? asText(v) : v;
}

/** setValues with every string kept as text. */
export function writeGrid(range: Range, grid: readonly (readonly WritableCell[])[]): void {
  range.setValues(grid.map((row) => row.map(safeCell)));
}
