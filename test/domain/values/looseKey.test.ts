// looseKey compares labels (stages, industries, headers, lost reasons) ignoring case and punctuation.
// It kept only a-z and digits, so a name in Cyrillic, Greek or Japanese was the empty key, and any two
// such names were one. Expected keys are written out by hand; ASCII text is compared with the old
// rule, written here.
import fc from 'fast-check';
import { foldedKey, looseKey } from '../../../src/domain/values/text';

/** The rule for ASCII text, as it always was. */
const asciiRule = (s: string) =>
  s
    .toLowerCase()
    .replace(/[%]/g, ' % ')
    .replace(/[^a-z0-9%@]+/g, ' ')
    .trim();

describe('looseKey', () => {
  it('keeps letters of every script, folding case and punctuation', () => {
    expect(looseKey('  Переговоры ')).toBe('переговоры');
    expect(looseKey('Закрыто и не реализовано')).toBe('закрыто и не реализовано');
    expect(looseKey('受注')).toBe('受注');
    expect(looseKey('Κλειστό-Κερδισμένο')).toBe('κλειστό κερδισμένο');
    expect(foldedKey('Gagné')).toBe('gagne');
    // Korean syllables come apart under NFD: folded, they are whole again (as word lists write them).
    expect(foldedKey('수주')).toBe('수주'.normalize('NFC'));
    expect(foldedKey('수주').length).toBe(2);
  });

  it('tells apart names in other scripts (none is the empty key)', () => {
    const names = ['Переговоры', 'Принимают решение', '受注', '失注', 'מכירה', 'بيع'];
    const keys = names.map(looseKey);
    expect(keys.every((k) => k !== '')).toBe(true);
    expect(new Set(keys).size).toBe(names.length);
  });

  it('reads ASCII text as it always did (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(looseKey(s)).toBe(asciiRule(s));
      }),
    );
  });
});
