// A file writing amounts with a decimal comma ("1.200", "1.200,50") imported with text conversion on
// into a spreadsheet whose locale writes a decimal point: Sheets made 1.2 of "1.200" and left
// "1.200,50" as text. Expected values are written by hand from the file's own text.
import { misreadThousands } from '../../../src/domain/import/amountsMisread';

describe('amounts Sheets read with its own decimal mark', () => {
  it('reads a number with one to three decimals as the thousands the file wrote, when its text amounts say so', () => {
    const column = [1.2, 12.5, '1.200,50', 500, '2.345.678', 1.234, '', 7];
    const found = misreadThousands(column, 'en_US')!;
    expect([...found.rescaled]).toEqual([
      [0, 1200],
      [1, 12500],
      [5, 1234],
    ]);
    // Whole numbers under 1,000 may have been "7.000": they cannot be told apart, and are counted.
    expect(found.doubtful).toEqual([3, 7]);
    expect(found.example).toEqual({ at: 2, text: '1.200,50' });
  });

  it('works the other way: a decimal-point file in a decimal-comma spreadsheet', () => {
    const found = misreadThousands([1.2, '1,200.50', 3000], 'de_DE')!;
    expect([...found.rescaled]).toEqual([[0, 1200]]);
    expect(found.doubtful).toEqual([]);
  });

  it('changes nothing when the text amounts write the locale’s mark, or none, or numbers do not fit', () => {
    expect(misreadThousands([1.2, '1,200.50'], 'en_US')).toBeNull();
    expect(misreadThousands([1.2, 12.5, 500], 'en_US')).toBeNull();
    // 0.5 or four decimals cannot come from a thousands group: not Sheets' misreading.
    expect(misreadThousands([0.5, '1.200,50'], 'en_US')).toBeNull();
    expect(misreadThousands([1.2345, '1.200,50'], 'en_US')).toBeNull();
    expect(misreadThousands(['1.200,50', '300,00'], 'en_US')).toBeNull();
  });
});
