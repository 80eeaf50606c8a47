// A stage history that passes through stages CRM Settings lacks (test/fixtures/exports: the deals in
// booked-deals.csv, their history in booked-history.csv, through "Meeting booked" and "Demo booked"
// before Negotiation): the stages are added where its deals pass through them, so the funnel counts
// them. Expected stages and figures are written out by hand.
import { crm, records } from '../support/crm';
import { importFixture, stagesOf } from '../support/exports';

function importBoth() {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  const dialogs: string[] = [];
  for (const file of ['booked-deals.csv', 'booked-history.csv']) {
    importFixture(emu, file);
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuConvert');
    dialogs.push(...emu.ui.dialogs.slice(seen).map((d) => d.message));
  }
  return { emu, dialogs };
}

describe('a stage history through stages CRM Settings lacks', () => {
  it('adds them where its deals pass through them, says so before and after, and logs every move', () => {
    const { emu, dialogs } = importBoth();
    // The deals import (fresh CRM) kept Negotiation (80%), the one open stage its deals are in; the two
    // stages before it share the way from 0 to 80%: 27% and 53%.
    expect(stagesOf(emu)).toEqual([
      ['Meeting booked', 'Open', 0.27],
      ['Demo booked', 'Open', 0.53],
      ['Negotiation', 'Open', 0.8],
      ['Won', 'Won', 1],
      ['Lost', 'Lost', 0],
    ]);
    const ask = dialogs.find((d) => d.includes('is a stage history'))!;
    expect(ask).toContain(
      'Its deals pass through stages CRM Settings lacks, added where they pass through them: Meeting booked (Open, 27%), Demo booked (Open, 53%).',
    );
    expect(dialogs.at(-1)).toContain('2 stages added to CRM Settings: Meeting booked, Demo booked.');
    expect(records(emu, 'History').map((h) => h['To'])).toHaveLength(7);
  });
});
