// Column letters for 1-based column numbers, as Sheets names them in A1 notation.

/** 1 -> "A", 27 -> "AA". */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
