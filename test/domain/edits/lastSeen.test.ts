// Last seen brought to what History last logged (a run that logged and died before writing Last seen).
import { seenAsLogged, type LastSeen } from '../../../src/domain/edits/lastSeen';

const SEEN: LastSeen = { s: 'Qualified', a: 1000, c: '2026-09-30', p: 0.2, k: 'Pipeline' };

describe('seenAsLogged', () => {
  it('takes the stage, amount and close date History logged, and keeps what History does not name', () => {
    // 2026-11-01 02:30 UTC is still October 31 in New York.
    const logged = new Map<string, string | number | Date>([
      ['Stage', ' Quote sent '],
      ['Amount', 2500],
      ['Close date', new Date(Date.UTC(2026, 10, 1, 2, 30))],
    ]);
    expect(seenAsLogged(SEEN, logged, 'America/New_York')).toEqual({
      s: 'Quote sent',
      a: 2500,
      c: '2026-10-31',
      p: 0.2,
      k: 'Pipeline',
    });
    expect(seenAsLogged(SEEN, new Map([['Next step', 'Call']]), 'UTC')).toEqual(SEEN);
  });

  it('reads an emptied amount or close date as none, and keeps a text History holds as text', () => {
    const out = seenAsLogged(
      SEEN,
      new Map<string, string>([
        ['Amount', ''],
        ['Close date', 'next spring'],
      ]),
      'UTC',
    );
    expect(out.a).toBeNull();
    expect(out.c).toBe('next spring');
    expect(seenAsLogged(SEEN, new Map([['Amount', 'about 5k']]), 'UTC').a).toBe('about 5k');
  });
});
