// Probe (issue 25): a run that logs a change to History and dies before it writes the deal's Last seen,
// followed by an edit back to the value Last seen still shows whose run dies too. With nothing else,
// Last seen then equals the cell and no later run can tell that History's last value is another one:
// the way back is never logged. Each way a change is logged (a typed stage, a paste, a refresh that
// finds a stage changed with no event) is failed at each of its calls in turn (a refresh's until a few
// after its sweep, then its last: probedCallsOf); the edit back is failed
// at its first call or half-way; then a refresh runs. History must end at the cell's value, with each change
// once, and no journal left open.
import type { Emulator } from '../../local/emulator';
import { a1, records, type } from '../support/crm';
import { fresh, probedCallsOf, twelveDeals } from '../support/races';

const REP = 'rep@example.com';
const DEAL = 'Deal C';
const rowOf = (emu: Emulator) => records(emu).findIndex((r) => r['Deal'] === DEAL) + 2;
const stageOf = (emu: Emulator) => String(records(emu).find((r) => r['Deal'] === DEAL)!['Stage']);

/** The ways a change to Quote sent gets logged. */
const FIRST: [string, (emu: Emulator) => void][] = [
  ['a typed stage', (emu) => type(emu, 'Stage', rowOf(emu), 'Quote sent', { user: REP })],
  ['a paste', (emu) => emu.userEdit('Deals', a1(emu, 'Stage', rowOf(emu)), [['Quote sent']], { user: REP })],
  [
    'a refresh after a change with no event',
    (emu) => {
      emu.sheet('Deals').cellAt(rowOf(emu), columnNumber(emu, 'Stage')).v = 'Quote sent';
      emu.run('menuRefresh');
    },
  ],
];

function columnNumber(emu: Emulator, header: string): number {
  return (
    (emu.sheet('Deals').rangeAt(1, 1, 1, emu.sheet('Deals').maxColumns).getValues()[0] as string[]).indexOf(
      header,
    ) + 1
  );
}

/** Calls `act` makes when nothing fails. */
function callsOf(emu: Emulator, act: (emu: Emulator) => void): number {
  const before = emu.acc.snapshot().total;
  act(emu);
  return emu.acc.snapshot().total - before;
}

/** Runs `act` with a fault at its `k`th call; whether it died. */
function failing(emu: Emulator, k: number, act: () => void): boolean {
  emu.acc.injectFault({ nth: k });
  try {
    act();
    return false;
  } catch {
    return true;
  } finally {
    emu.acc.clearFaults();
  }
}

describe('a run that logged a change and died, then an edit back that died', () => {
  const start = twelveDeals(['Qualified', 'Negotiation']);
  start.run('menuRefresh');
  const saved = start.save();

  it.each(FIRST)('after %s, History ends at the cell’s value with each change once', (_, first) => {
    const { calls: firstCalls, probed } = probedCallsOf(saved, first);
    const probe = fresh(saved);
    first(probe);
    const backCalls = callsOf(probe, (emu) => type(emu, 'Stage', rowOf(emu), 'Qualified', { user: REP }));
    expect(firstCalls).toBeGreaterThan(3);
    expect(backCalls).toBeGreaterThan(3);
    const problems: string[] = [];
    let loggedThenDied = 0;
    // The edit back fails at its first call (before it reads anything), half-way, or not at all.
    const backFaults = [0, 1, Math.ceil(backCalls / 2)];
    for (const k of probed)
      for (const j of backFaults) {
        const emu = fresh(saved);
        const id = String(records(emu).find((r) => r['Deal'] === DEAL)!['Deal ID']);
        failing(emu, k, () => first(emu));
        const logged = records(emu, 'History').some((h) => h['Deal ID'] === id && h['To'] === 'Quote sent');
        if (logged && stageOf(emu) === 'Quote sent') loggedThenDied++;
        // The rep types the old stage back; that run fails at its jth call (0: it does not fail).
        if (j > 0) failing(emu, j, () => type(emu, 'Stage', rowOf(emu), 'Qualified', { user: REP }));
        else type(emu, 'Stage', rowOf(emu), 'Qualified', { user: REP });
        emu.run('menuRefresh');
        const chain = records(emu, 'History')
          .filter((h) => h['Deal ID'] === id && h['Field'] === 'Stage')
          .map((h) => `${String(h['From'])}→${String(h['To'])}`);
        const ends = chain.length ? chain.at(-1)!.split('→')[1] : 'Qualified';
        const linked = chain.every((link, i) => i === 0 || link.split('→')[0] === chain[i - 1].split('→')[1]);
        if (ends !== stageOf(emu) || !linked)
          problems.push(`call ${k}, back failing at ${j}: cell ${stageOf(emu)}, History ${chain.join(', ')}`);
        const open = Object.entries(emu.properties.document.data).filter(
          ([key, v]) => key.startsWith('sheetsCrm.journal') && v,
        );
        if (open.length) problems.push(`call ${k}, back failing at ${j}: journal left open`);
      }
    // The case is reached: some runs logged the change and died with the cell changed.
    expect(loggedThenDied).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
