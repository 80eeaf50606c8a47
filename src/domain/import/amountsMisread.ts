// Amounts Sheets read with its own decimal mark. A file writing a decimal comma ("1.200", "1.200,50")
// imported with text conversion on (File > Import's default) into a spreadsheet whose locale writes a
// decimal point has 1.2 where the file wrote one thousand two hundred, and "1.200,50" left as text
// (Sheets could not read it); and the other way round. The text amounts say which mark the file
// writes; a number with one to three decimals from 1 up is then what a thousands group leaves (1.2 of
// "1.200", 12.5 of "12.500"), read as its thousands. A whole number under 1,000 may have been "2.000"
// (Sheets made 2 of it) or 2: it cannot be told, and the preview says so, with how to import the
// file so that every amount is as written.
import { decimalMarkOf, localeDecimalMark, type DecimalMark } from '../../shared/amountReading';
import type { CellValue } from '../deals/deal';
import type { HeaderMap } from '../deals/headerMap';
import { counted } from '../values/text';

export interface MisreadThousands {
  /** The amounts read again, by index in the column: 1.2 → 1200. */
  rescaled: Map<number, number>;
  /** Indexes of whole numbers under 1,000, which may have been thousands. */
  doubtful: number[];
  /** A text amount that says the file's mark ("1.200,50"), by index. */
  example: { at: number; text: string };
  /** The file's decimal mark, as its text amounts write it. */
  mark: DecimalMark;
}

const thousandsOf = (v: number) => Math.round(v * 1000);

/** What Sheets misread in an amount column (see the file comment), or null when nothing says so. */
export function misreadThousands(values: readonly unknown[], locale: string): MisreadThousands | null {
  const decided = decimalMarkOf(values, locale);
  if (!decided.fromValues || decided.mark === null || decided.mark === localeDecimalMark(locale)) return null;
  const rescaled = new Map<number, number>();
  const doubtful: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (Number.isInteger(v)) {
      if (Math.abs(v) < 1000) doubtful.push(i);
      continue;
    }
    // Not what a thousands group leaves (0.5, 1.2345): these numbers are not Sheets' misreading.
    if (Math.abs(v) < 1 || Math.abs(v * 1000 - thousandsOf(v)) > 1e-6) return null;
    rescaled.set(i, thousandsOf(v));
  }
  if (!rescaled.size) return null;
  const at = values.findIndex((v) => typeof v === 'string' && decimalMarkOf([v], locale).fromValues);
  return { rescaled, doubtful, example: { at, text: String(values[at]) }, mark: decided.mark };
}

/** The export's values with its Amount column's misread numbers read again, and what was found. */
export function withThousandsRead(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  map: HeaderMap,
  locale: string,
): { values: readonly (readonly CellValue[])[]; found: (MisreadThousands & { column: number }) | null } {
  const column = map.columns.amount;
  if (column === undefined) return { values, found: null };
  const body = values.slice(headerRow + 1);
  const found = misreadThousands(
    body.map((r) => r[column] ?? ''),
    locale,
  );
  if (!found) return { values, found: null };
  const out = values.map((r, i) => {
    const v = found.rescaled.get(i - headerRow - 1);
    if (v === undefined) return r;
    const row = [...r];
    row[column] = v;
    return row;
  });
  return { values: out, found: { ...found, column } };
}

const MARK_WORDS = { ',': 'a decimal comma', '.': 'a decimal point' } as const;

/** The preview's words on amounts Sheets misread (see the file comment), or null. */
export function thousandsSaid(
  found: (MisreadThousands & { column: number }) | null,
  body: readonly (readonly CellValue[])[],
  name: (c: number) => string,
): string | null {
  if (!found) return null;
  const [[at, value]] = [...found.rescaled];
  const fileMark = found.mark;
  const sheetsMark = fileMark === ',' ? '.' : ',';
  const written = String(body[at]?.[found.column] ?? '');
  const doubt = found.doubtful.length
    ? ` ${counted(found.doubtful.length, 'whole amount')} under 1,000 (such as ${String(body[found.doubtful[0]]?.[found.column] ?? '')}) ${found.doubtful.length === 1 ? 'is' : 'are'} kept as ${found.doubtful.length === 1 ? 'it is' : 'they are'}, though the file may have written thousands there: check them.`
    : '';
  return `Amounts in ${name(found.column)} are written with ${MARK_WORDS[fileMark]} ("${found.example.text}"), but Sheets read them with ${MARK_WORDS[sheetsMark]} when the file was imported: ${found.rescaled.size} such as ${written} ${found.rescaled.size === 1 ? 'is' : 'are'} read as ${value.toLocaleString('en-US')}.${doubt} To have every amount as the file wrote it, import it again (File > Import) with "Convert text to numbers, dates, and formulas" unticked, then convert that tab.`;
}
