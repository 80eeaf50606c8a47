// Exports that group their deals (a monday.com board, a grouped report) repeat the header row above
// each group, under a row naming the group ("Won", "Q3 pipeline"). Converted as rows, the header's
// words became deals ("Name", owner "Owner", stage "Stage" added to CRM Settings) and each title a
// deal with no stage. Such rows are found here, left out of the conversion (the backup keeps them),
// and said in the preview and the summary.
import type { CellValue } from '../deals/deal';
import { counted, rowsNamed } from '../values/text';
import { normaliseHeader } from './headerVocabulary';

/** Rows of an export that hold no deal: 1-based sheet rows. */
export interface SectionRows {
  /** rows repeating the header row */
  repeats: number[];
  /** one-cell rows right above a repeated header (blank rows between), with their text */
  titles: { row: number; text: string }[];
}

const filled = (row: readonly CellValue[]) => row.filter((v) => String(v ?? '').trim() !== '').length;

/**
 * Whether `row` repeats `header`: at least two cells filled (one, when the header has one), and each
 * filled cell says what the header says in its column (compared as headers are read: case, spaces
 * and punctuation aside).
 */
function repeatsHeader(row: readonly CellValue[], header: readonly string[]): boolean {
  let same = 0;
  for (let c = 0; c < row.length; c++) {
    const v = String(row[c] ?? '').trim();
    if (v === '') continue;
    if (normaliseHeader(v) !== header[c]) return false;
    same++;
  }
  const need = Math.min(2, header.filter(Boolean).length);
  return need > 0 && same >= need;
}

/**
 * The rows below the header row (0-based `headerRow`; none when it is below 0) that repeat it, and
 * the one-cell rows that title the group under a repeated header: set apart from the group above by
 * a blank row, with only blank rows between it and the repeated header. Any other one-cell row may
 * be a deal with only its name, and is kept.
 */
export function sectionRowsOf(values: readonly (readonly CellValue[])[], headerRow: number): SectionRows {
  const out: SectionRows = { repeats: [], titles: [] };
  if (headerRow < 0) return out;
  const header = (values[headerRow] ?? []).map((v) => normaliseHeader(v));
  let title: { row: number; text: string } | null = null;
  let afterBlank = true;
  for (let i = headerRow + 1; i < values.length; i++) {
    const row = values[i];
    const n = filled(row);
    if (n === 0) {
      afterBlank = true;
      continue;
    }
    if (repeatsHeader(row, header)) {
      out.repeats.push(i + 1);
      if (title) out.titles.push(title);
      title = null;
    } else if (n === 1 && afterBlank) {
      title = { row: i + 1, text: row.map((v) => String(v ?? '').trim()).find(Boolean)! };
    } else title = null;
    afterBlank = false;
  }
  return out;
}

/** The export's values with its section rows blanked (row numbers unchanged), and which they were. */
export function withoutSections(
  values: CellValue[][],
  headerRow: number,
): { values: CellValue[][]; sections: SectionRows } {
  const sections = sectionRowsOf(values, headerRow);
  return {
    values: blankedRows(values, [...sections.repeats, ...sections.titles.map((t) => t.row)]),
    sections,
  };
}

/** The values with `rows` (1-based) blanked, row numbers unchanged (the same array when there are none). */
export function blankedRows(values: CellValue[][], rows: readonly number[]): CellValue[][] {
  if (!rows.length) return values;
  const gone = new Set(rows);
  return values.map((r, i) => (gone.has(i + 1) ? r.map(() => '') : r));
}

/** The preview's and the summary's words on section rows left out, or ''. */
export function sectionsSaid({ repeats, titles }: SectionRows): string {
  if (!repeats.length) return '';
  const titled = titles.slice(0, 6).map((t) => `row ${t.row} "${t.text.slice(0, 40)}"`);
  if (titles.length > 6) titled.push('…');
  const repeatWords = `${counted(repeats.length, 'row')} ${repeats.length === 1 ? 'repeats' : 'repeat'} the header row (${rowsNamed(repeats, 8)})`;
  const titleWords = titles.length
    ? ` and ${counted(titles.length, 'row')} ${titles.length === 1 ? 'is the title' : 'are titles'} of the ${titles.length === 1 ? 'group' : 'groups'} below ${titles.length === 1 ? 'it' : 'them'} (${titled.join(', ')})`
    : '';
  return `${repeatWords}${titleWords}: not converted (the original keeps them).`;
}
