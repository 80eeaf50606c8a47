// Search with the index a refresh keeps, on workbooks where some words are held by most deals (so the
// rarest word goes first, common words are checked on rows read, and a query of common words looks in
// the newest rows first). Random queries are judged against a search written here over every row: a
// shown deal holds every word (one typo allowed), a query some deal holds never says "no deal", a page
// is full when 20 or more hold it, and the count is exact unless the result says "about".
import fc from 'fast-check';
import type { Emulator } from '../../local/emulator';
import type { SearchResult, SidebarModel } from '../../src/shared/dealDto';
import type { FieldKey } from '../../src/shared/fields';
import { crm, records } from '../support/crm';
import { row } from '../support/deals';
import { holdsWithinOneEdit } from '../support/typos';

const COMMON = ['inc', 'renewal', 'platform'];
const RARE = ['globex', 'initech', 'hooli', 'stark', 'vandelay', 'wonka', 'tyrell', 'kaffe', 'æblegård'];

/** A team's deals: most hold "inc" or "renewal", each company word a few hundred. */
function workbook(seed: number, count: number): { emu: Emulator; owner: { name: string; email: string } } {
  const emu = crm();
  const rand = fc.sample(fc.integer({ min: 0, max: 999 }), { seed, numRuns: count * 4 });
  const deals = emu.sheet('Deals');
  if (deals.maxRows < count + 1) deals.insertRowsAfter(deals.maxRows, count + 1 - deals.maxRows);
  const owners = ['owner@example.com', 'sam@example.com', 'kim@other.io'];
  const rows = Array.from({ length: count }, (_, i) => {
    const [a, b, c, d] = rand.slice(i * 4, i * 4 + 4);
    const company = `${RARE[a % RARE.length]} ${a < 850 ? 'Inc' : 'Ltd'}`;
    const fields: Partial<Record<FieldKey, string>> = {
      dealId: `D-${1000 + i}`,
      deal: `${RARE[b % RARE.length]} ${c < 700 ? 'renewal' : c < 900 ? 'platform' : 'pilot'}`,
      company,
      owner: owners[d % owners.length],
      stage: 'Qualified',
    };
    return row(fields);
  });
  deals.rangeAt(2, 1, count, rows[0].length).setValues(rows);
  emu.run('menuRefresh');
  return { emu, owner: emu.run<SidebarModel>('getSidebarModel').owners[0] };
}

/** The edit-distance check is slow: the same texts recur, so each answer is kept. */
const seen = new Map<string, boolean>();
function oneEditIn(hay: string, word: string): boolean {
  const key = `${hay}\u0000${word}`;
  if (!seen.has(key)) seen.set(key, holdsWithinOneEdit(hay, word));
  return seen.get(key)!;
}

interface Known {
  id: string;
  deal: string;
  company: string;
  owner: string;
}
/** The deals holding every word, as typed (`exact`) and with one typo allowed in words of 4+ letters. */
function judged(deals: Known[], words: string[], ownerNames: Map<string, string>) {
  const fields = (d: Known, w: string) => [
    ...(/[^\p{L}]/u.test(w) ? [d.id] : []),
    d.deal,
    d.company,
    d.owner,
    ownerNames.get(d.owner.toLowerCase()) ?? '',
  ];
  const exactly = (d: Known, w: string) => fields(d, w).some((f) => f.toLowerCase().includes(w));
  const nearly = (d: Known, w: string) =>
    exactly(d, w) || ([...w].length >= 4 && fields(d, w).some((f) => oneEditIn(f.toLowerCase(), w)));
  return {
    exact: deals.filter((d) => words.every((w) => exactly(d, w))),
    near: deals.filter((d) => words.every((w) => nearly(d, w))),
  };
}

const query = fc
  .array(
    fc.oneof(
      fc.constantFrom(...COMMON, ...RARE, 'ltd', 'pilot', 'sam', 'ana', 'd-10', 'zebra'),
      // A piece of a word, or a word with one letter dropped (a typo).
      fc
        .tuple(fc.constantFrom(...COMMON, ...RARE), fc.nat(), fc.boolean())
        .map(([w, i, drop]) =>
          drop ? w.slice(0, i % w.length) + w.slice((i % w.length) + 1) : w.slice(i % 3, (i % 3) + 3),
        ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((ws) => ws.join(' '));

describe('search with the index a refresh keeps', () => {
  it('finds what a search of every row finds, at 3,000 deals with common words', () => {
    const { emu, owner } = workbook(7, 3000);
    // Deals added after the refresh (not in the index): found too.
    const tab = emu.sheet('Deals');
    tab.insertRowsAfter(tab.maxRows, 1);
    tab
      .rangeAt(3002, 1, 1, row({}).length)
      .setValues([
        row({ dealId: 'D-9999', deal: 'zebra renewal', company: 'Okapi Inc', stage: 'Qualified' }),
      ]);
    const deals: Known[] = records(emu).map((r) => ({
      id: String(r['Deal ID']),
      deal: String(r['Deal']),
      company: String(r['Company']),
      owner: String(r['Owner']),
    }));
    const names = new Map([[owner.email.toLowerCase(), owner.name]]);
    let approximate = 0;
    fc.assert(
      fc.property(query, (q) => {
        const words = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))];
        const r = emu.run<SearchResult>('searchDeals', [q]);
        const { exact, near } = judged(deals, words, names);
        const nearIds = new Set(near.map((d) => d.id));
        expect(r.deals.every((d) => nearIds.has(d.id))).toBe(true);
        expect(new Set(r.deals.map((d) => d.id)).size).toBe(r.deals.length);
        expect(r.deals.length).toBe(Math.min(20, r.deals.length ? r.total : 0));
        if (exact.length) expect(r.deals.length).toBe(Math.min(20, Math.max(exact.length, r.deals.length)));
        if (r.approximate) {
          approximate++;
          // An estimate: within a factor of two of the deals that hold the words.
          expect(r.total).toBeGreaterThanOrEqual(exact.length / 2);
          expect(r.total).toBeLessThanOrEqual(near.length * 2);
        } else {
          expect(r.total).toBeGreaterThanOrEqual(exact.length);
          expect(r.total).toBeLessThanOrEqual(near.length);
        }
      }),
      { numRuns: 100, seed: 29, endOnFailure: true },
    );
    expect(approximate).toBeGreaterThanOrEqual(5); // the estimating paths were taken
    expect(emu.run<SearchResult>('searchDeals', ['zebra']).deals.map((d) => d.id)).toEqual(['D-9999']);
  });

  it('looks a query of common words up in the newest rows when they fill a page', () => {
    const { emu } = workbook(8, 3000);
    const scanned = (q: string) => {
      const before = emu.acc.snapshot().cellsRead;
      const r = emu.run<SearchResult>('searchDeals', [q]);
      return { r, read: emu.acc.snapshot().cellsRead - before };
    };
    // "inc" is in ~85% of companies (counted here): every match would be that many cells.
    const holding = records(emu).filter((r) => /inc/i.test(`${r['Deal']} ${r['Company']}`)).length;
    const inc = scanned('inc');
    expect(inc.r).toMatchObject({ approximate: true });
    expect(inc.r.deals).toHaveLength(20);
    // Beyond what any search reads (a word found nowhere), fewer cells than "inc" has matches.
    expect(inc.read - scanned('zebra').read).toBeLessThan(holding * 0.9);
    expect(Math.abs(inc.r.total - holding) / holding).toBeLessThan(0.1);
    // The rows looked in are the newest ones that hold about 2,000 of its deals.
    const rows = inc.r.deals.map((d) => Number(d.id.slice(2)) - 1000 + 2);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(3001 - Math.ceil((3000 * 2000) / holding));
  });

  it('leaves the Owner column alone for a word no owner holds, and looks a likely typo up once', () => {
    const { emu } = workbook(9, 3000);
    const lookups = (q: string) => {
      const before = emu.acc.snapshot();
      const r = emu.run<SearchResult>('searchDeals', [q]);
      const count = (s: typeof before) => s.byMethod['TextFinder.findAll'] ?? 0;
      const n = count(emu.acc.snapshot()) - count(before);
      return { r, n };
    };
    // Deal name and company only; an owner not in CRM Settings (sam@example.com) adds the Owner column.
    expect(lookups('hooli').n).toBe(2);
    const sam = lookups('sam');
    expect(sam.n).toBe(3);
    expect(sam.r.deals.every((d) => d.owner === 'sam@example.com')).toBe(true);
    // "strk" is one letter from "stark", a word the index knows: one lookup with the typo forgiven.
    const typo = lookups('strk');
    expect(typo.n).toBe(2);
    expect(typo.r.deals).toHaveLength(20);
    expect(typo.r.deals.every((d) => /stark/i.test(`${d.deal} ${d.company}`))).toBe(true);
  });

  it('looks in every row when the newest rows do not fill a page: never "no deal" by chance', () => {
    // "inc" and "cloud" are each in more than 2,000 deals; only the 10 oldest hold both.
    const emu = crm();
    const count = 4110;
    const deals = emu.sheet('Deals');
    deals.insertRowsAfter(deals.maxRows, count + 1 - deals.maxRows);
    const rows = Array.from({ length: count }, (_, i) =>
      row({
        dealId: `D-${i}`,
        deal: i < 10 || i >= 2010 ? 'Cloud rollout' : 'Rollout',
        company: i < 2010 ? 'Hooli Inc' : 'Hooli Ltd',
        stage: 'Qualified',
      }),
    );
    deals.rangeAt(2, 1, count, rows[0].length).setValues(rows);
    emu.run('menuRefresh');
    const r = emu.run<SearchResult>('searchDeals', ['cloud inc']);
    expect(r).toMatchObject({ total: 10, approximate: false });
    expect(r.deals.map((d) => d.id)).toEqual(Array.from({ length: 10 }, (_, i) => `D-${i}`));
  });
});
