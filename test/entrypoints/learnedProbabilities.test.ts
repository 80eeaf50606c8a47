// Learned probabilities on deals whose paths are known, against figures worked out by hand. The
// funnel is Strict (CRM Settings' default): a closed deal counts at a stage it is recorded in.
//
//   deal  History (From → To)                       result  recorded
//   D1    – → Discovery → Demo → Proposal → Won       Won     Discovery, Demo, Proposal
//   D2    – → Discovery → Demo → Lost                  Lost    Discovery, Demo
//   D3    – → Discovery → Lost                         Lost    Discovery
//   D4    – → Discovery → Demo → Proposal → Lost       Lost    Discovery, Demo, Proposal
//   D5    – → Discovery → Proposal → Won               Won     Discovery, Proposal
//   D6    Proposal → Lost (history starts late)        Lost    Proposal (its From)
//   D7    Demo → Won (history starts late)             Won     Demo (its From)
//   D8    no history                                   Lost    unknown: left out
//   D9    – → Discovery → Demo → Won                   Won     Discovery, Demo
//   D10   – → Discovery → Demo → Proposal → Lost       Lost    Discovery, Demo, Proposal
//
//   Discovery: D1 D2 D3 D4 D5 D9 D10 = 7, won D1 D5 D9 = 3 → 3/7 (43%)
//   Demo:      D1 D2 D4 D7 D9 D10    = 6, won D1 D7 D9    = 3 → 1/2 (50%)
//   Proposal:  D1 D4 D5 D6 D10       = 5, won D1 D5       = 2 → 2/5 (40%)
// Were History's From not counted as reached, Demo would read 2/5 and Proposal 2/4.
import type { Emulator } from '../../local/emulator';
import { crm, tableUnder } from '../support/crm';
import { importFixture } from '../support/exports';
import { writeTrailsAsJson } from '../support/indexCells';

function withPaths(): Emulator {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  importFixture(emu, 'deals-with-paths.csv');
  emu.run('menuConvert');
  importFixture(emu, 'deals-with-paths-history.csv');
  emu.run('menuConvert');
  emu.run('menuRefresh');
  return emu;
}

describe('learned probabilities on deals whose paths are known', () => {
  it('equal the share won of the closed deals known to have reached each stage, History’s From included', () => {
    const emu = withPaths();
    const learned = tableUnder(emu, 'Funnel', 'Learned probability by stage').map((r) => [
      r['Learned probability by stage'],
      r['Learned from your deals'],
      r['Closed deals that entered it'],
      r['Of which won'],
    ]);
    expect(learned).toEqual([
      ['Discovery', 3 / 7, 7, 3],
      ['Demo', 1 / 2, 6, 3],
      ['Proposal', 2 / 5, 5, 2],
    ]);
    expect(emu.values('Funnel').flat().join(' ')).toMatch(/1 closed deal with no stage history is left out/);
  });

  it('are proposed for CRM Settings as worked out, never 100% or 0% for an open stage', () => {
    const emu = withPaths();
    emu.run('menuUseLearnedProbabilities');
    const stages = emu
      .values('CRM Settings')
      .slice(2)
      .filter((r) => r[1] === 'Open')
      .map((r) => [r[0], r[2]]);
    expect(stages).toEqual([
      ['Discovery', 0.43],
      ['Demo', 0.5],
      ['Proposal', 0.4],
    ]);
  });

  // A History index written before moves kept the stage they left (no From in its trails, no "from"
  // in its pointer) is read again in full once, so the Funnel counts From without waiting for a change.
  it('counts History’s From after an index written before it was kept, rebuilding that index once', () => {
    const emu = withPaths();
    writeTrailsAsJson(emu, (t) => ({ ...t, moves: t.moves.map((m) => [m[0], m[1]]) }));
    const doc = emu.properties.document.data as Record<string, string>;
    const pointer = JSON.parse(doc['sheetsCrm.historyIndex']) as Record<string, unknown>;
    delete pointer.from;
    doc['sheetsCrm.historyIndex'] = JSON.stringify(pointer);
    emu.run('menuRefresh');
    const learned = tableUnder(emu, 'Funnel', 'Learned probability by stage').map((r) => [
      r['Learned probability by stage'],
      r['Closed deals that entered it'],
    ]);
    expect(learned).toEqual([
      ['Discovery', 7],
      ['Demo', 6],
      ['Proposal', 5],
    ]);
  });
});
