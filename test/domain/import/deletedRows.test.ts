// Rows an export marks deleted: found by a deleted flag (every value a yes or a no) or a status of
// "deleted" in the languages exports write; nothing else is taken for one.
import { deletedRowsOf } from '../../../src/domain/import/deletedRows';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';

const rows = (header: string[], ...body: string[][]) => deletedRowsOf([header, ...body], 0, IMPORT_WORDS);

describe('rows marked deleted', () => {
  it.each([
    ['IsDeleted', ['true', 'false', 'TRUE']],
    ['is_deleted', ['1', '0', '1']],
    ['Deleted', ['yes', '', 'yes']],
  ])('by a %s flag', (h, flags) =>
    expect(rows(['Name', h], ...flags.map((f, i) => [`d${i}`, f]))).toEqual({ column: 1, rows: [2, 4] }),
  );

  it.each(['deleted', 'Gelöscht', 'supprimée', 'Eliminado'])('by a status of %s', (word) =>
    expect(rows(['Name', 'Status'], ['a', 'open'], ['b', word], ['c', 'won'])).toEqual({
      column: 1,
      rows: [3],
    }),
  );

  it.each([
    [
      'a flag of other words',
      ['Name', 'Deleted'],
      [
        ['a', 'by Ann'],
        ['b', 'yes'],
      ],
    ],
    [
      'no row marked',
      ['Name', 'IsDeleted'],
      [
        ['a', 'false'],
        ['b', '0'],
      ],
    ],
    [
      'a status never deleted',
      ['Name', 'Status'],
      [
        ['a', 'open'],
        ['b', 'lost'],
      ],
    ],
    [
      '"deleted" in another column',
      ['Name', 'Notes'],
      [
        ['a', 'deleted'],
        ['b', ''],
      ],
    ],
  ])('finds none with %s', (_what, header, body) => expect(rows(header, ...body)).toBeNull());
});
