// Probe: values typed just before a refresh's writes go out, whose checks start late (Sheets starts an
// edit's onEdit some time after the edit): never lost, never put back over a later value.
import type { Emulator } from '../../local/emulator';
import { a1, columnOf } from '../support/crm';
import { fresh } from '../support/races';
import { byName, probedCalls, startingPoint } from '../support/refreshProbe';

/**
 * Deals whose probability a rep types with a late check: Deal C's the sweep fills (a value of its own);
 * Deal B's, between rows it fills, it writes back as it read it.
 */
const LATE_ROWS = [
  ['Deal C', 4],
  ['Deal B', 3],
] as const;

/** The rep types `value` into those probabilities; the checks wait for runLateTriggers. */
function typeLate(emu: Emulator, value: string): void {
  for (const [, row] of LATE_ROWS)
    emu.userEdit('Deals', a1(emu, 'Probability', row), value, { user: 'rep@example.com', trigger: 'later' });
}

describe('a value typed just before the sweep’s writes go out', () => {
  const notes = (emu: Emulator) =>
    Object.keys(emu.properties.getDocumentProperties()!.getProperties()).filter((k) =>
      k.includes('refusedEdit'),
    );

  it('is put back and said in the summary, and the next refresh leaves no note behind', () => {
    // The sweep fills Deal C's probability from its new stage (Negotiation); the rep types 35% into
    // that cell before each call of the refresh in turn, so in some runs the fill, planned from an
    // earlier read, lands on it.
    const saved = startingPoint();
    const calls = probedCalls(saved);
    const putRight: number[] = [];
    for (const k of calls) {
      const emu = fresh(saved);
      emu.acc.beforeCall(k, () =>
        emu.userEdit('Deals', a1(emu, 'Probability', 4), '35%', { user: 'rep@example.com' }),
      );
      emu.run('menuRefresh');
      expect([k, byName(emu).get('Deal C')!['Probability']]).toEqual([k, 0.35]);
      if (
        emu.ui.dialogs
          .at(-1)!
          .message.includes(
            '1 row was sorted or typed in while this wrote to Deals; what it wrote there was put right.',
          )
      )
        putRight.push(k);
      // The typed value is the rep's own from then on, and the next refresh drops every note (one
      // typed after this sweep looked at them waits for it).
      emu.run('menuRefresh');
      expect([k, byName(emu).get('Deal C')!['Probability'], notes(emu)]).toEqual([k, 0.35, []]);
    }
    expect(putRight.length).toBeGreaterThan(0);
  });

  it('is kept when its check starts only after the refresh has finished with Deals', () => {
    // Sheets starts an edit's onEdit some time after the edit: typed between the sweep's re-check and
    // its flush, the value is written over, and its check comes too late for the sweep to see it.
    const saved = startingPoint();
    const calls = probedCalls(saved);
    const lost: string[] = [];
    for (const k of calls) {
      const emu = fresh(saved);
      emu.acc.beforeCall(k, () => typeLate(emu, '35%'));
      emu.run('menuRefresh');
      emu.runLateTriggers();
      for (const [deal] of LATE_ROWS)
        if (byName(emu).get(deal)!['Probability'] !== 0.35) lost.push(`${deal} at call ${k}`);
      emu.run('menuRefresh');
      for (const [deal] of LATE_ROWS)
        if (byName(emu).get(deal)!['Probability'] !== 0.35) lost.push(`${deal} at call ${k}, next refresh`);
    }
    expect(lost).toEqual([]);
  });

  it('is not put back by its late check over a value typed after it', () => {
    const saved = startingPoint();
    const calls = probedCalls(saved);
    const overwritten: string[] = [];
    let writtenOver = 0;
    for (const k of calls) {
      const emu = fresh(saved);
      emu.acc.beforeCall(k, () => typeLate(emu, '35%'));
      emu.run('menuRefresh');
      // Only where the refresh did write over the typed values do the late checks have anything to do.
      if (LATE_ROWS.every(([deal]) => byName(emu).get(deal)!['Probability'] === 0.35)) continue;
      writtenOver++;
      // A teammate types after the refresh, and their check runs before the late one.
      for (const [, row] of LATE_ROWS)
        emu.userEdit('Deals', a1(emu, 'Probability', row), '40%', { user: 'teammate@example.com' });
      emu.runLateTriggers();
      for (const [deal] of LATE_ROWS)
        if (byName(emu).get(deal)!['Probability'] !== 0.4) overwritten.push(`${deal} at call ${k}`);
    }
    expect(writtenOver).toBeGreaterThan(0);
    expect(overwritten).toEqual([]);
  });

  it('is not put back over a later value when it was typed before the sweep read Deals', () => {
    const emu = fresh(startingPoint());
    // A note left by an edit refused long before this refresh (its run started an hour earlier).
    emu.properties.getDocumentProperties()!.setProperty(
      'sheetsCrm.refusedEdit.1.old',
      JSON.stringify({
        row: 4,
        col: columnOf(emu, 'Probability'),
        dealId: '',
        value: '0.2',
        at: emu.env.nowMs - 3_600_000,
      }),
    );
    emu.run('menuRefresh');
    expect(byName(emu).get('Deal C')!['Probability']).not.toBe(0.2);
    expect(notes(emu)).toEqual([]);
  });
});
