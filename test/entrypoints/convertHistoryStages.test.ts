// A stage history that passes through stages CRM Settings lacks (test/fixtures/exports: the deals in
// booked-deals.csv, their history in booked-history.csv, through "Meeting booked" and "Demo booked"
// before Negotiation): the stages are added where its deals pass through them, so the funnel counts
// them. Expected stages and figures are written out by hand.
import { crm, records } from '../support/crm';
import { convertedFixtures, stagesOf } from '../support/exports';

function importBoth() {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  return { emu, dialogs: convertedFixtures(emu, ['booked-deals.csv', 'booked-history.csv']) };
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
