// The search index a refresh keeps: which words are common (counted here by brute force over random
// deals), what it stores and reads back, and the order and rows a search takes from it.
import fc from 'fast-check';
import {
  buildSearchIndex,
  COMMON_DEALS,
  dealsHolding,
  firstRowSearched,
  likelyTypo,
  lookupOrder,
  mostDealsHold,
  ownerColumnHolds,
  readSearchIndex,
  storedIndex,
  type SearchIndex,
} from '../../../src/domain/sidebar/searchIndex';
import { holdsWithinOneEdit } from '../../support/typos';

const VOCAB = ['acme', 'globex', 'renewal', 'pilot', 'inc', 'gmbh', 'straße', 'ÅRHUS', 'x-1', '7'];
const deal = fc.record({
  row: fc.integer({ min: 2, max: 5000 }),
  name: fc.array(fc.constantFrom(...VOCAB), { maxLength: 4 }).map((w) => w.join(' ')),
  company: fc.array(fc.constantFrom(...VOCAB), { maxLength: 3 }).map((w) => w.join(', ')),
  owner: fc.constantFrom('ana@x.io', 'BEN@X.IO', 'carla', ' dee@y.io ', ''),
});
const owners = [
  { name: 'Ana Alves', email: 'ana@x.io' },
  { name: 'Ben Berg', email: 'ben@x.io' },
];
/** Deals whose name or company holds `word` as a whole word, counted here (no product code). */
const countHolding = (deals: { name: string; company: string }[], word: string) =>
  deals.filter((d) =>
    `${d.name} ${d.company}`
      .toLowerCase()
      .split(/[\s,]+/)
      .includes(word),
  ).length;

describe('search index', () => {
  it('keeps the words 50 or more deals hold, with exact counts, commonest first', () => {
    fc.assert(
      fc.property(fc.array(deal, { minLength: 0, maxLength: 400 }), (deals) => {
        const index = buildSearchIndex(deals, owners);
        const vocab = [...new Set(VOCAB.map((w) => w.toLowerCase()))];
        const expected = vocab
          .map((w) => [w, countHolding(deals, w)] as [string, number])
          .filter(([, n]) => n >= 50)
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        // 'x-1' is two words to search ('x', '1'): compare only the vocabulary's single words.
        expect(index.words.filter(([w]) => vocab.includes(w))).toEqual(
          expected.filter(([w]) => !w.includes('-')),
        );
        expect(index.lastRow).toBe(Math.max(1, ...deals.map((d) => d.row)));
        // Owner cells no Settings owner has, trimmed and lowercased.
        const others = [
          ...new Set(deals.map((d) => d.owner.trim().toLowerCase()).filter((o) => o && !o.endsWith('@x.io'))),
        ].sort();
        expect(index.owners).toEqual(others);
        expect(readSearchIndex(storedIndex(index))).toEqual(index);
      }),
      { numRuns: 60 },
    );
  });

  it('stays a few KB whatever the cells hold', () => {
    const long = 'w'.repeat(5000);
    const deals = Array.from({ length: 300 }, (_, i) => ({
      row: i + 2,
      name: `${long} word${i % 3} ${'abcdefghijklmnopqrstuvwxyz'.repeat(4).slice(i % 90)}`,
      company: `co${i % 2}`,
      owner: `${'o'.repeat(i)}@z.io`,
    }));
    const index = buildSearchIndex(deals, owners);
    expect(index.words.some(([w]) => w === long)).toBe(false);
    expect(index.owners).toBeNull(); // too many to keep: the Owner column is always searched
    expect(storedIndex(index).length).toBeLessThan(3000);
  });

  it('reads anything unexpected as no index', () => {
    for (const raw of [undefined, '', '{', 'null', '[]', '{"w":[["a",1]]}', '{"w":3,"o":[],"r":9}'])
      expect(readSearchIndex(raw)).toBeNull();
    expect(readSearchIndex('{"w":[["a",1],[2,3]],"o":null,"r":9}')).toEqual({
      words: [['a', 1]],
      owners: null,
      lastRow: 9,
    });
  });

  const index: SearchIndex = {
    words: [
      ['renewal', 60000],
      ['stark', 8000],
      ['inc', 3000],
    ],
    owners: ['carla'],
    lastRow: 100001,
  };

  it('looks the rarest word up first, and common words in the newest rows', () => {
    expect(dealsHolding(index, 'new')).toBe(60000);
    expect(dealsHolding(index, 'zebra')).toBe(0);
    expect(lookupOrder(['renewal', 'stark', 'zebra', 'in'], index)).toEqual([
      'zebra',
      'in',
      'stark',
      'renewal',
    ]);
    expect(lookupOrder(['ab', 'abcd'], null)).toEqual(['abcd', 'ab']);
    expect(firstRowSearched(index, 'zebra')).toBe(2);
    expect(firstRowSearched(null, 'renewal')).toBe(2);
    // About COMMON_DEALS of the word's deals are in the rows searched.
    for (const w of ['renewal', 'stark', 'inc']) {
      const rows = index.lastRow + 1 - firstRowSearched(index, w);
      const expectedDeals = (dealsHolding(index, w) * rows) / (index.lastRow - 1);
      expect(Math.abs(expectedDeals - COMMON_DEALS)).toBeLessThan(2);
    }
    expect(mostDealsHold(index, 'renewal')).toBe(true);
    expect(mostDealsHold(index, 'stark')).toBe(false);
    expect(mostDealsHold(null, 'renewal')).toBe(false);
  });

  it('takes a word one edit from a common word, and held by none, for a typo', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('s', 't', 'a', 'r', 'k', 'i', 'n', 'c'), maxLength: 7 }),
        (w) => {
          const expected =
            [...w].length >= 4 &&
            dealsHolding(index, w) === 0 &&
            index.words.some(([word]) => holdsWithinOneEdit(word, w));
          expect(likelyTypo(index, w)).toBe(expected);
        },
      ),
    );
    expect(likelyTypo(index, 'strk')).toBe(true);
    expect(likelyTypo(null, 'strk')).toBe(false);
  });

  it('searches the Owner column only for a word some owner holds, or when unsure', () => {
    expect(ownerColumnHolds(index, owners, 'alves', false)).toBe(true);
    expect(ownerColumnHolds(index, owners, 'x.io', false)).toBe(true);
    expect(ownerColumnHolds(index, owners, 'carla', false)).toBe(true);
    expect(ownerColumnHolds(index, owners, 'globex', false)).toBe(false);
    expect(ownerColumnHolds(index, owners, 'alvez', false)).toBe(false);
    expect(ownerColumnHolds(index, owners, 'alvez', true)).toBe(true);
    expect(ownerColumnHolds(null, owners, 'globex', false)).toBe(true);
    expect(ownerColumnHolds({ ...index, owners: null }, owners, 'globex', false)).toBe(true);
  });
});
