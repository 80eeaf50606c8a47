// A1 notation helpers shared by the workbook code.

/** The column letters of a 1-based column number: 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
