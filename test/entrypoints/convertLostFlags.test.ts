// A warehouse's or a homemade sheet's lost flag beside the stage (test/fixtures/exports): an "Is Lost"
// column of TRUE/FALSE says which deals were lost, whether a "Is Won" flag stands beside it
// (won-lost-flags.csv) or not (lost-flag-only.csv). Deals flagged lost take the Lost stage, not the
// open stage they stopped in. Expected stages are written out by hand from the files.
import { crm, records } from '../support/crm';
import { convertedFixtures } from '../support/exports';

function convert(file: string) {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  const [shown] = convertedFixtures(emu, [file]);
  const stages = Object.fromEntries(records(emu).map((r) => [String(r['Deal']), r['Stage']]));
  return { stages, shown: shown ?? '' };
}

describe('a lost flag beside the stage', () => {
  it('with a won flag: lost deals Lost, won ones Won, the rest keep their stage', () => {
    const { stages, shown } = convert('won-lost-flags.csv');
    expect(stages).toEqual({
      Alpha: 'Proposal',
      Beta: 'Lost',
      Gamma: 'Won',
      Delta: 'Lost',
      Eps: 'Qualified',
    });
    expect(shown).toContain(
      'G "Is Won" says which deals were won and H "Is Lost" which were lost: won deals take a Won stage, lost ones a Lost stage, and the others keep theirs.',
    );
  });

  it('alone: lost deals Lost, the rest keep their stage', () => {
    const { stages, shown } = convert('lost-flag-only.csv');
    expect(stages).toEqual({
      Alpha: 'Proposal',
      Beta: 'Lost',
      Gamma: 'Negotiation',
      Delta: 'Lost',
      Eps: 'Qualified',
    });
    expect(shown).toContain('G "Is Lost" says which deals were lost: those take the Lost stage.');
  });
});
