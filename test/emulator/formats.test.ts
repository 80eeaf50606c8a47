// Formats of cells, against a model written here: number formats, backgrounds, notes and validation
// rules set over ranges of empty and filled cells, values typed and cleared, and the tab saved and
// loaded between them. (The emulator shares one frozen cell among all empty cells of the same formats;
// a change to one of them must change no other.)
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import type { Sheet } from '../../local/emulator/sheet';

const ROWS = 12;
const COLS = 4;

interface ModelCell {
  v: string;
  nf: string;
  bg: string;
  note: string;
  rule: string;
}
const blank = (): ModelCell => ({ v: '', nf: 'General', bg: '#ffffff', note: '', rule: '' });

const box = fc.record({
  row: fc.integer({ min: 1, max: ROWS }),
  col: fc.integer({ min: 1, max: COLS }),
  rows: fc.integer({ min: 1, max: ROWS }),
  cols: fc.integer({ min: 1, max: COLS }),
});
const op = fc.oneof(
  fc.record({ kind: fc.constant('format' as const), box, f: fc.constantFrom('0%', '#,##0', '@', '') }),
  fc.record({ kind: fc.constant('background' as const), box, f: fc.constantFrom('#ff0000', '#00ff00', '') }),
  fc.record({ kind: fc.constant('note' as const), box, f: fc.constantFrom('check', 'call', '') }),
  fc.record({ kind: fc.constant('rule' as const), box, f: fc.constantFrom('A or B', 'C or D', '') }),
  fc.record({ kind: fc.constant('clearFormat' as const), box, f: fc.constant('') }),
  fc.record({ kind: fc.constant('type' as const), box, f: fc.constantFrom('x', 'y', '') }),
  fc.record({ kind: fc.constant('reload' as const), box, f: fc.constant('') }),
);

/** The box cut to the tab's 12 × 4 cells. */
function clip(b: { row: number; col: number; rows: number; cols: number }) {
  return { ...b, rows: Math.min(b.rows, ROWS - b.row + 1), cols: Math.min(b.cols, COLS - b.col + 1) };
}

/** Reads the tab's 12 × 4 cells as the model holds them. */
function read(sheet: Sheet): ModelCell[][] {
  const range = sheet.rangeAt(1, 1, ROWS, COLS);
  const values = range.getValues();
  const nfs = range.getNumberFormats();
  const bgs = range.getBackgrounds();
  const notes = range.getNotes();
  const rules = range.getDataValidations();
  return values.map((row, r) =>
    row.map((v, c) => ({
      v: String(v),
      nf: nfs[r][c],
      bg: bgs[r][c],
      note: notes[r][c],
      rule: rules[r][c]?.getHelpText() ?? '',
    })),
  );
}

describe('cell formats', () => {
  it('change exactly the cells of the range, whatever else the tab holds, across saves and loads', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        let emu = new Emulator({ timeZone: 'UTC' });
        const model = Array.from({ length: ROWS }, () => Array.from({ length: COLS }, blank));
        for (const { kind, box: b, f } of ops) {
          if (kind === 'reload') {
            emu = Emulator.fromSaved(emu.save(), {});
            continue;
          }
          const sheet = emu.spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
          const { row, col, rows, cols } = clip(b);
          const range = sheet.getRange(row, col, rows, cols);
          if (kind === 'format') range.setNumberFormat(f);
          if (kind === 'background') range.setBackground(f || null);
          if (kind === 'note') range.setNote(f || null);
          if (kind === 'clearFormat') range.clearFormat();
          if (kind === 'type')
            range.setValues(Array.from({ length: rows }, () => Array<string>(cols).fill(f)));
          if (kind === 'rule')
            range.setDataValidation(
              f
                ? emu.spreadsheetApp
                    .newDataValidation()
                    .requireValueInList(f.split(' or '))
                    .setAllowInvalid(true)
                    .setHelpText(f)
                    .build()
                : null,
            );
          for (let r = row; r < row + rows; r++)
            for (let c = col; c < col + cols; c++) {
              const m = model[r - 1][c - 1];
              if (kind === 'format') m.nf = f || 'General';
              if (kind === 'background') m.bg = f || '#ffffff';
              if (kind === 'note') m.note = f;
              if (kind === 'rule') m.rule = f;
              if (kind === 'type') m.v = f;
              if (kind === 'clearFormat') Object.assign(m, { nf: 'General', bg: '#ffffff' });
            }
        }
        expect(read(emu.spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0])).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });
});
