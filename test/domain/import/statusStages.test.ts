// A status column (open / won / lost) gives a closed deal the stage of its outcome. With several Lost
// stages in CRM Settings ("Disqualified" listed before "Lost"), a lost deal takes the same one a lost
// date or a reason in a stage's name gives it: the stage named Lost, not whichever comes first.
import { convertValues } from '../../../src/domain/import/conversion';
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { proposeImportMapping } from '../../../src/domain/import/importMapping';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import type { StageDef } from '../../../src/shared/settings';

const TZ = 'America/New_York';

function converted(stages: StageDef[]) {
  const settings = { ...defaultSettings('owner@example.com'), stages };
  const values = [
    ['Deal - Title', 'Deal - Stage', 'Deal - Status', 'Deal - Value'],
    ['Acme', 'Negotiation', 'lost', '1000'],
    ['Globex', 'Negotiation', 'won', '2000'],
    ['Initech', 'Negotiation', 'open', '3000'],
  ];
  const mapping = proposeImportMapping(values, settings.stages, 'en_US', TZ, IMPORT_WORDS);
  const result = convertValues(values, mapping, {
    settings,
    timeZone: TZ,
    locale: 'en_US',
    year: 2026,
    newId: () => 'D-1',
    stageOf: new Map(),
  });
  const stage = result.header.indexOf('Stage');
  return result.rows.map((r) => r[stage]);
}

describe('a status column with several closed stages in CRM Settings', () => {
  const base = defaultSettings('owner@example.com').stages;
  const lost = base.find((s) => s.type === 'Lost')!;
  const won = base.find((s) => s.type === 'Won')!;

  it('gives a lost deal the stage named Lost when another Lost stage comes first', () => {
    const stages = [...base.filter((s) => s.type === 'Open'), won, { ...lost, name: 'Disqualified' }, lost];
    expect(converted(stages)).toEqual(['Lost', won.name, 'Negotiation']);
  });

  it('gives a won deal the stage named Won when another Won stage comes first', () => {
    const stages = [...base.filter((s) => s.type === 'Open'), { ...won, name: 'Renewed' }, won, lost];
    expect(converted(stages)).toEqual([lost.name, 'Won', 'Negotiation']);
  });
});
