// An outbound team's homemade pipeline (test/fixtures/exports/outbound-pipeline.csv): "Meeting booked",
// "Demo booked", "NDA signed" and "Verbal win" are open stages, not won ones; "Paid" is won and "Junk"
// lost; "Closed" says neither, so the preview asks, and "stage Closed = Lost" answers it. Every
// expected type, stage and probability is written out by hand from the file.
import { records } from '../support/crm';
import { convertedFixtures, importFixture, stagesOf } from '../support/exports';
import { crm } from '../support/crm';

function convert(answers: { button?: string; text?: string }[]) {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  const dialogs = convertedFixtures(emu, ['outbound-pipeline.csv'], answers);
  const types = Object.fromEntries(stagesOf(emu).map(([name, type]) => [String(name), type]));
  const stageOfDeal = Object.fromEntries(records(emu).map((r) => [String(r['Deal']), r['Stage']]));
  return { emu, dialogs, types, stageOfDeal };
}

const OPEN_AND_SURE = {
  'Meeting booked': 'Open',
  'Demo booked': 'Open',
  'NDA signed': 'Open',
  'Verbal win': 'Open',
  Paid: 'Won',
  Junk: 'Lost',
  Won: 'Won',
  Lost: 'Lost',
};

describe('stage names whose words mislead, converted', () => {
  it('keeps booked meetings and signed NDAs open, asks about "Closed", and takes Yes as read', () => {
    const { dialogs, types, stageOfDeal } = convert([{ button: 'YES' }]);
    expect(dialogs[0]).toContain(
      'Stages whose names say closed but not won or lost: "Closed" (2 deals) read as Won. If that is wrong, answer No and correct with "stage Closed = Lost".',
    );
    expect(types).toEqual({ ...OPEN_AND_SURE, Closed: 'Won' });
    expect(stageOfDeal['Corvid analytics']).toBe('Demo booked');
    expect(stageOfDeal['Fairlight media']).toBe('Closed');
  });

  it('takes "stage Closed = Lost" as the type of that stage, and refuses a stage no deal has', () => {
    const { dialogs, types } = convert([
      { button: 'NO' },
      { button: 'OK', text: 'stage Clossed = Lost' },
      { button: 'NO' },
      { button: 'OK', text: 'stage "Closed" = Lost' },
      { button: 'YES' },
    ]);
    // The previews, between the prompts: the first as read, the one after the typo, the one after.
    const previews = dialogs.filter((d) => d.includes('Yes: convert.'));
    expect(previews).toHaveLength(3);
    expect(previews[1]).toMatch(
      /^No deal has the stage "Clossed"\. Its stages: Meeting booked, Demo booked, /,
    );
    expect(previews[2]).not.toContain('Stages whose names say closed');
    expect(previews[2]).toContain('Closed (Lost)');
    expect(types).toEqual({ ...OPEN_AND_SURE, Closed: 'Lost' });
  });

  it('refuses to retype a stage CRM Settings holds, saying where to change it', () => {
    const { dialogs, types } = convert([
      { button: 'NO' },
      { button: 'OK', text: 'stage Lost = Won' },
      { button: 'CANCEL' },
    ]);
    const previews = dialogs.filter((d) => d.includes('Yes: convert.'));
    expect(previews[1]).toMatch(
      /^"Lost" is a stage of CRM Settings already \(Lost\); change its type there, under Stages, then convert again\./,
    );
    expect(types).toMatchObject({ Lost: 'Lost' });
  });

  it('puts open deals of booked meetings in the pipeline at an open probability, not at 100%', () => {
    const { emu } = convert([{ button: 'YES' }]);
    const byDeal = Object.fromEntries(records(emu).map((r) => [String(r['Deal']), r['Probability']]));
    for (const deal of ['Brightwave intro', 'Corvid analytics', 'Dunmore logistics', 'Elkstone retail']) {
      expect(byDeal[deal]).toBeGreaterThan(0);
      expect(byDeal[deal]).toBeLessThan(1);
    }
    expect(byDeal['Harbor freight']).toBe(1);
    expect(byDeal['Ironleaf labs']).toBe(0);
  });
});

describe('a Zoho export whose lost stage names its reason, imported again', () => {
  it('gives a deal lost since the first import its stage and the reason its stage names', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    const rows = importFixture(emu, 'zoho-deals.csv');
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    // The same export a week later: Zylker website (Qualification before) lost to a competitor.
    const again = rows.map((r) => [...r]);
    const stageCol = again[0].indexOf('Stage');
    const zylker = again.findIndex((r) => r[0] === 'zcrm_4876000000512001');
    again[zylker][stageCol] = 'Closed Lost to Competition';
    const sheet = emu.ss.addSheet('Zoho again', undefined, 1000, 26);
    again.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.message).toContain('0 new deals added to "Deals", 1 updated');
    expect(emu.ui.dialogs.length).toBeGreaterThan(seen);
    const byId = Object.fromEntries(records(emu).map((r) => [String(r['Deal ID']), r]));
    expect([byId['zcrm_4876000000512001']['Stage'], byId['zcrm_4876000000512001']['Lost reason']]).toEqual([
      'Lost',
      'Lost to competitor',
    ]);
    // Lost before, still lost for the same reason: unchanged.
    expect([byId['zcrm_4876000000512004']['Stage'], byId['zcrm_4876000000512004']['Lost reason']]).toEqual([
      'Lost',
      'Lost to competitor',
    ]);
  });
});
