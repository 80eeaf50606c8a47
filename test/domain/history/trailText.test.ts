// The History index's compact trail text: any trail (stage names with any characters, times before and
// after 1970, pushes) comes back exactly through its text and the index's list of stage names, which
// only grows; the text is much shorter than JSON; text that is not a trail is refused; a trail whose
// names the list has no room for stays JSON. Checked against a parser written here too.
import fc from 'fast-check';
import {
  decodeCompact,
  encodeCompact,
  labelWithStages,
  StageCodes,
  stagesInLabel,
} from '../../../src/domain/history/trailText';
import { decodeTrail, encodeTrail, type DealTrail } from '../../../src/domain/history/historyIndex';
import type { Move } from '../../../src/domain/history/stageMoves';

const time = fc.integer({ min: -4_000_000_000_000, max: 4_000_000_000_000 });
const stage = fc.oneof(fc.constantFrom('Qualified', 'Won', 'Lost', ''), fc.string({ maxLength: 30 }));
const move: fc.Arbitrary<Move> = fc.oneof(fc.tuple(time, stage), fc.tuple(time, stage, stage));
const trail: fc.Arbitrary<DealTrail> = fc.record({
  moves: fc.array(move, { maxLength: 8 }),
  pushes: fc.array(time, { maxLength: 4 }),
});

/** The text read here: "~" moves "|" pushes, numbers in base 36, stages by position in `names`. */
function parsedHere(text: string, names: string[]): DealTrail {
  const [moves, pushes] = text.slice(1).split('|');
  const n = (s: string) => parseInt(s, 36);
  return {
    moves: (moves ? moves.split(' ') : []).map((m): Move => {
      const [t, to, from] = m.split('.');
      return from === undefined ? [n(t), names[n(to)]] : [n(t), names[n(to)], names[n(from)]];
    }),
    pushes: pushes ? pushes.split(' ').map(n) : [],
  };
}

describe('compact trail text', () => {
  it('gives every trail back exactly, through its text and the list of names, which only grows', () => {
    fc.assert(
      fc.property(fc.array(trail, { minLength: 1, maxLength: 20 }), (trails) => {
        const codes = new StageCodes();
        const texts: string[] = [];
        let names: string[] = [];
        for (const t of trails) {
          texts.push(encodeCompact(t, codes)!);
          // Names are added at the end, never moved.
          expect(codes.names.slice(0, names.length)).toEqual(names);
          names = [...codes.names];
        }
        // Through the header cell's label, as the index keeps the list.
        const list = stagesInLabel(labelWithStages(codes.names))!;
        expect(list).toEqual(codes.names);
        texts.forEach((text, i) => {
          expect(decodeCompact(text, list)).toEqual(trails[i]);
          expect(parsedHere(text, list)).toEqual(trails[i]);
          expect(decodeTrail(text, list)).toEqual(trails[i]);
        });
        // A list read back goes on from where it was.
        const again = new StageCodes(list);
        for (const t of trails) expect(encodeCompact(t, again)).toBe(texts[trails.indexOf(t)]);
        expect(again.grew).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('takes less than half the characters of JSON for a typical trail', () => {
    const t: DealTrail = {
      moves: [
        [1736953200000, 'Opportunity identified'],
        [1737644400000, 'Qualified'],
        [1739113200000, 'Solution designed with customer'],
        [1741446000000, 'Quote sent', 'Qualified'],
      ],
      pushes: [1741446000000],
    };
    const codes = new StageCodes(['Opportunity identified', 'Qualified', 'Solution designed with customer']);
    const text = encodeCompact(t, codes)!;
    expect(text.length).toBeLessThan(JSON.stringify([t.moves, t.pushes]).length / 2);
    expect(text).toBe('~m5y136o0.0 m69gm000.1 m6xr3hc0.2 m80bzhc0.3.1|m80bzhc0');
  });

  it('refuses text that is not a compact trail, and a code past the list', () => {
    const names = ['Won', 'Lost'];
    for (const bad of [
      '',
      '~',
      'Won',
      '[[],[]]',
      '~a.0',
      '~a.2|',
      '~a|',
      '~a.0.0.0|',
      '~a.x!|',
      '~a.0|b c!',
      '~|||',
      '~a.0 |',
      '~|a ',
      '~a.-1|',
      '~-.0|',
      '~a..0|',
      '~a.0.|',
      '~ a.0|',
    ])
      expect(decodeCompact(bad, names)).toBeNull();
    expect(decodeCompact('~a.1|', names)).toEqual({ moves: [[10, 'Lost']], pushes: [] });
    expect(decodeCompact('~-a.1.0|-b z', names)).toEqual({
      moves: [[-10, 'Lost', 'Won']],
      pushes: [-11, 35],
    });
    // Any text: a trail or null, never a throw, and a trail only from text that starts with "~".
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('~', '|', '.', ' ', '-', 'a', '0', 'z', '1', '!') }),
        (t) => {
          const got = decodeCompact(t, names);
          if (got) expect(t.startsWith('~')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    // Without the list, a compact cell is not read (the index is then read from History again).
    expect(decodeTrail('~a.1|')).toBeNull();
    expect(stagesInLabel('Stage moves and close-date pushes · stages: [1,2]')).toBeNull();
    expect(stagesInLabel('Stage moves and close-date pushes')).toEqual([]);
  });

  it('keeps a trail as JSON when the list has no room for its names', () => {
    const codes = new StageCodes();
    const long = (i: number) => `${i} ${'x'.repeat(990)}`;
    let i = 0;
    for (; codes.code(long(i)) !== null; i++) expect(codes.names[i]).toBe(long(i));
    // The list stays within what the header cell takes beside its label (40,000 characters as JSON).
    expect(JSON.stringify(codes.names).length).toBeLessThanOrEqual(40_000);
    expect(JSON.stringify([...codes.names, long(i)]).length).toBeGreaterThan(40_000);
    expect(codes.code(long(99))).toBeNull();
    const t: DealTrail = { moves: [[5, long(99)]], pushes: [] };
    expect(encodeCompact(t, codes)).toBeNull();
    const text = encodeTrail(t, codes);
    expect(JSON.parse(text)).toEqual([[[5, long(99)]], []]);
    expect(decodeTrail(text, codes.names)).toEqual(t);
  });
});
