// A stage history passing through stages CRM Settings lacks ("Meeting booked" before "Negotiation"):
// they become stages, open ones placed where deals pass through them, so the funnel counts them.
// Expected orders and probabilities are worked out by hand.
import fc from 'fast-check';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { endedAs, stagesFromHistory } from '../../../src/domain/import/historyStages';
import { defaultSettings } from '../../../src/shared/defaultSettings';

const current = defaultSettings('o@example.com').stages;
// Default open stages: Opportunity identified 10%, Qualified 25%, Solution designed with customer 40%, Quote sent 60%,
// Negotiation 80%; then Won, Lost.
const names = (s: { name: string }[]) => s.map((x) => x.name);

describe('stages a history passes through that CRM Settings lacks', () => {
  it('places each new open stage after the last stage deals reach before it, else before the first after it', () => {
    const p = stagesFromHistory(
      [
        ['Meeting booked', 'Demo booked', 'Negotiation', 'Won'],
        ['Meeting booked', 'Qualified', 'Demo booked', 'Quote sent', 'Lost'],
        ['Meeting booked', 'Demo booked', 'Negotiation'],
        ['Qualified', 'Churned'],
      ],
      current,
      IMPORT_WORDS,
    )!;
    expect(names(p.stages)).toEqual([
      'Opportunity identified',
      'Meeting booked',
      'Qualified',
      'Demo booked',
      'Solution designed with customer',
      'Quote sent',
      'Negotiation',
      'Won',
      'Lost',
      'Churned',
    ]);
    expect(p.added.map((s) => [s.name, s.type, s.probability])).toEqual([
      ['Meeting booked', 'Open', 0.18],
      ['Demo booked', 'Open', 0.33],
      ['Churned', 'Lost', 0],
    ]);
    // CRM Settings' own stages keep their order and their figures.
    const kept = p.stages.filter((s) => current.some((c) => c.name === s.name));
    expect(kept).toEqual(current);
  });

  it('puts a stage deals only reach after every open stage last among the open ones', () => {
    const p = stagesFromHistory([['Negotiation', 'Contract out', 'Won']], current, IMPORT_WORDS)!;
    expect(names(p.stages).slice(4, 7)).toEqual(['Negotiation', 'Contract out', 'Won']);
    expect(p.added.map((s) => [s.name, s.probability])).toEqual([['Contract out', 0.9]]);
  });

  it('names a stage that says closed but not won or lost as unsure, with its deals, until the person says', () => {
    const paths = [
      ['Qualified', 'Closed'],
      ['Qualified', 'Closed', 'Lost'],
      ['Qualified', 'Churned'],
    ];
    const guessed = stagesFromHistory(paths, current, IMPORT_WORDS)!;
    expect(guessed.unsure).toEqual([
      { name: 'Closed', type: expect.stringMatching(/^(Won|Lost)$/), rows: 2 },
    ]);
    // "Churned" says lost: not asked about.
    expect(guessed.added.find((s) => s.name === 'Churned')?.type).toBe('Lost');
    const said = stagesFromHistory(paths, current, IMPORT_WORDS, { closed: 'Lost' })!;
    expect(said.unsure).toEqual([]);
    expect(said.added.find((s) => s.name === 'Closed')).toMatchObject({ type: 'Lost', probability: 0 });
  });

  it('guesses an unsure closed name as the deals ending there are now, still asking', () => {
    const at = (d: number) => new Date(Date.UTC(2026, 0, d));
    const entry = (dealId: string, d: number, to: string) => ({
      time: at(d),
      dealId,
      field: 'Stage',
      from: '',
      to,
      user: '',
    });
    const entries = [
      entry('A', 1, 'Qualified'),
      entry('A', 5, 'Closed'),
      entry('B', 2, 'Qualified'),
      entry('B', 9, 'Closed'),
      entry('C', 3, 'Closed'),
      entry('C', 8, 'Negotiation'),
    ];
    const now: Record<string, 'Open' | 'Won' | 'Lost'> = { A: 'Lost', B: 'Lost', C: 'Open' };
    const ended = endedAs(entries, (id) => now[id]);
    // A and B end at Closed and are Lost now; C left Closed for Negotiation (it ends there, open).
    expect([...ended]).toEqual([['Closed', 'Lost']]);
    const p = stagesFromHistory([['Qualified', 'Closed']], current, IMPORT_WORDS, {}, ended)!;
    expect(p.unsure).toEqual([{ name: 'Closed', type: 'Lost', rows: 1 }]);
    expect(p.added.find((s) => s.name === 'Closed')).toMatchObject({ type: 'Lost', probability: 0 });
    // Deals that disagree say nothing of Closed (A Won, B Lost); C, ending at Negotiation, is Lost.
    expect([...endedAs(entries, (id) => (id === 'A' ? 'Won' : 'Lost'))]).toEqual([['Negotiation', 'Lost']]);
  });

  it('is null when every stage of the history is in CRM Settings', () => {
    expect(stagesFromHistory([['Qualified', 'negotiation', 'WON']], current, IMPORT_WORDS)).toBeNull();
  });
});

describe('over random histories', () => {
  const pool = ['Meeting booked', 'Demo booked', 'Trial', 'Security review', 'Legal', 'Churned', 'Junk'];
  const own = current.map((s) => s.name);
  const path = fc.array(fc.constantFrom(...pool, ...own), { minLength: 1, maxLength: 8 });

  it('keeps CRM Settings’ stages as they are, adds each new one once, open probabilities never falling', () => {
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 30 }), (paths) => {
        const p = stagesFromHistory(paths, current, IMPORT_WORDS);
        const seen = new Set(paths.flat().filter((s) => !own.includes(s)));
        if (!seen.size) return p === null;
        expect(p).not.toBeNull();
        expect(p!.stages.filter((s) => own.includes(s.name))).toEqual(current);
        expect(names(p!.added).sort()).toEqual([...seen].sort());
        expect(new Set(names(p!.stages)).size).toBe(p!.stages.length);
        const open = p!.stages.filter((s) => s.type === 'Open').map((s) => s.probability);
        open.forEach((q, i) => expect(q).toBeGreaterThanOrEqual(i ? open[i - 1] : 0));
        for (const s of p!.stages) expect(s.probability).toBeGreaterThanOrEqual(0);
        return true;
      }),
      { numRuns: 100 },
    );
  });
});
