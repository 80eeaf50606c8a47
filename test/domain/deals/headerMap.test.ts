// The Deals header read by name: a second column of a field's name (or one of its other names) is an
// extra the CRM does not read, listed so that it can be said; the words name each column by letter.
import { mapHeaders } from '../../../src/domain/deals/headerMap';
import { doubledColumns } from '../../../src/domain/deals/headerCheck';
import { FIELDS } from '../../../src/shared/fields';

const HEADER = FIELDS.map((f) => f.header);
/** A 0-based column's letters, worked out here. */
const letter = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : letter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));

describe('a second column of a field’s name', () => {
  it('reads the first, lists the others (by name or by another name of the field), and says which', () => {
    const header = [...HEADER, 'Notes 2', ' stage ', 'Deal stage', 'Amount', ''];
    const map = mapHeaders(header);
    const at = (name: string) => header.indexOf(name);
    expect(map.columns.stage).toBe(HEADER.indexOf('Stage'));
    expect(map.columns.amount).toBe(HEADER.indexOf('Amount'));
    expect(map.doubles).toEqual([
      ['stage', at(' stage ')],
      ['stage', at('Deal stage')],
      ['amount', header.lastIndexOf('Amount')],
    ]);
    expect(map.extras).toEqual(expect.arrayContaining([at('Notes 2'), ...map.doubles!.map(([, c]) => c)]));
    const said = doubledColumns(map)!;
    const stage = letter(HEADER.indexOf('Stage'));
    expect(said).toContain(
      `column ${letter(at(' stage '))} is a second Stage column (the CRM reads column ${stage})`,
    );
    expect(said).toContain(`column ${letter(at('Deal stage'))} is a second Stage column`);
    expect(said).toContain(`column ${letter(header.lastIndexOf('Amount'))} is a second Amount column`);
    expect(said).toMatch(/Rename them \(for example "Stage \(old\)"\) or delete them\.$/);
  });

  it('finds none in the header the CRM makes, nor for a column of another name', () => {
    expect(mapHeaders(HEADER).doubles).toEqual([]);
    expect(doubledColumns(mapHeaders([...HEADER, 'Stage (old)', 'Next stage']))).toBeNull();
  });
});
