// A text field as the CRM reads it is the cell's text trimmed: the shortcut for texts with nothing to
// trim must give what String.prototype.trim gives, for every space and line break trim knows.
import fc from 'fast-check';
import { fieldText } from '../../../src/domain/deals/deal';

describe('a text field as the CRM reads it', () => {
  it('is the text trimmed, whatever is at its ends (random texts)', () => {
    // Every character trim takes off (ECMAScript's WhiteSpace and LineTerminator), and neighbours
    // of the shortcut's bounds (!, ~, DEL, the first non-ASCII letters).
    const spaces =
      ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const piece = fc.oneof(
      fc.constantFrom(...spaces.split('')),
      fc.constantFrom('!', '~', '\u007f', '\u0080', '\u00ff', 'a', 'Z', '0', 'é', '\u200b', '\ud83d\ude00'),
      fc.string({ maxLength: 3 }),
    );
    let trimmedSome = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        if (text.trim() !== text) trimmedSome++;
        expect(fieldText(text)).toBe(text.trim());
      }),
      { numRuns: 5000 },
    );
    expect(trimmedSome).toBeGreaterThan(1000);
  });
});
