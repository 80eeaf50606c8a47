// Probes: a refresh that fails at each call, values typed just before its writes go out (checks that
// start late), and rows a person deletes or inserts while it writes. Edits and sorts at each call are
// in refreshRaces.test.ts.
import type { Emulator } from '../../local/emulator';
import { a1, columnOf, records } from '../support/crm';
import { fresh } from '../support/races';
import {
  byName,
  callsOfRefresh,
  dealRows,
  historyKeys,
  lastSeenStage,
  runOfRefresh,
  startingPoint,
} from '../support/refreshProbe';

describe('a refresh that fails part-way', () => {
  it('leaves each deal as before or as after, and never logs a change twice, whichever call fails', () => {
    const saved = startingPoint();
    const clean = fresh(saved);
    const rowsBefore = dealRows(clean);
    clean.run('menuRefresh');
    const rowsAfter = dealRows(clean);
    const expected = historyKeys(clean).sort();
    const total = callsOfRefresh(saved);
    let faults = 0;
    const halfWritten: string[] = [];
    for (let k = 1; k <= total; k++) {
      const emu = fresh(saved);
      emu.acc.injectFault({ nth: k });
      emu.run('menuRefresh'); // the menu catches the error and says it in an alert
      if (emu.ui.dialogs.at(-1)?.title !== 'Sheets CRM: reports refreshed') faults++;
      dealRows(emu).forEach((row, i) => {
        if (row !== rowsBefore[i] && row !== rowsAfter[i]) halfWritten.push(`row ${i + 2} at call ${k}`);
      });
      emu.acc.clearFaults();
      emu.run('menuRefresh');
      const keys = historyKeys(emu);
      expect([k, keys.length - new Set(keys).size]).toEqual([k, 0]);
      expect([k, [...keys].sort()]).toEqual([k, expected]);
    }
    expect(faults).toBeGreaterThan(0);
    expect(halfWritten).toEqual([]);
  });
});

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
    const total = callsOfRefresh(saved);
    const putRight: number[] = [];
    for (let k = 1; k <= total; k++) {
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
    const total = callsOfRefresh(saved);
    const lost: string[] = [];
    for (let k = 1; k <= total; k++) {
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
    const total = callsOfRefresh(saved);
    const overwritten: string[] = [];
    let writtenOver = 0;
    for (let k = 1; k <= total; k++) {
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

describe('a refresh while a person deletes or inserts a row', () => {
  const saved = startingPoint();
  const { calls: total, flushes } = runOfRefresh(saved);

  it('writes nothing on the wrong row: no deal takes another’s values, no blank row gets a Deal ID, and the next refresh brings every deal up to date', () => {
    const problems: string[] = [];
    let races = 0;
    // From 20 calls before the first read that forces writes out (the sweep reads Deals, History and
    // re-checks rows before it) to the fourth (the Deals writes are out and read back by then; after
    // it the refresh writes report tabs only). A row moved before the re-check is caught by it (the
    // sort probe above races every call); every call would take ~140 s.
    const forced = [...flushes].sort((a, b) => a - b);
    const from = Math.max(1, forced[0] - 20);
    const to = Math.min(total, forced[3]);
    for (let k = from; k <= to; k++)
      for (const kind of ['delete', 'insert'] as const)
        for (const afterWrites of flushes.has(k) ? [false, true] : [false]) {
          const emu = fresh(saved);
          const ids = new Map(records(emu).map((r) => [String(r['Deal']), String(r['Deal ID'])]));
          emu.acc.beforeCall(
            k,
            () => {
              races++;
              const deals = emu.sheet('Deals');
              if (kind === 'delete') deals.deleteRows(5, 1);
              else deals.insertRowsBefore(4, 1);
            },
            afterWrites,
          );
          emu.run('menuRefresh');
          const race = `${kind} before call ${k}${afterWrites ? ' (after the writes)' : ''}`;
          const check = (when: string) => {
            const rows = records(emu);
            rows.forEach((row, i) => {
              const name = String(row['Deal']);
              const filled = Object.entries(row).filter(([, v]) => v !== '' && v !== null);
              if (!name && filled.length)
                problems.push(
                  `${race}, ${when}: row ${i + 2} holds ${filled.map(([h]) => h).join(', ')} but no deal`,
                );
              else if (name && String(row['Deal ID']) !== ids.get(name))
                problems.push(`${race}, ${when}: ${name} has another Deal ID`);
              else if (
                name &&
                ![String(row['Stage']), ''].includes(lastSeenStage(row)) &&
                when === 'after the next refresh'
              )
                problems.push(`${race}, ${when}: ${name}'s Last seen records ${lastSeenStage(row)}`);
            });
          };
          check('after the refresh');
          emu.run('menuRefresh');
          check('after the next refresh');
          // The next refresh brings every deal's probability to its stage's (none was typed).
          for (const row of records(emu))
            if (row['Deal'] && row['Stage'] === 'Negotiation' && row['Probability'] !== 0.8)
              problems.push(
                `${race}: ${String(row['Deal'])} probability ${String(row['Probability'])} for Negotiation`,
              );
        }
    console.log(`refresh row races: ${races} (calls ${from} to ${to} of ${total})`);
    expect(races).toBeGreaterThanOrEqual(2 * (to - from + 1));
    expect([...new Set(problems)]).toEqual([]);
  });
});
