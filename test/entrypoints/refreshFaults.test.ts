// Probes: a refresh that fails at each service call, and rows a person deletes or inserts while it writes
// (a handle or builder step reaches nothing and cannot fail: what happens before one happens before the
// next service call).
// Edits and sorts at each call are in refreshRaces.test.ts, values typed just before its writes go out
// in refreshLateChecks.test.ts (separate files, so that they run side by side).
import { records } from '../support/crm';
import { fresh } from '../support/races';
import { dealRows, historyKeys, lastSeenStage, runOfRefresh, startingPoint } from '../support/refreshProbe';

describe('a refresh that fails part-way', () => {
  it('leaves each deal as before or as after, and never logs a change twice, whichever call fails', () => {
    const saved = startingPoint();
    const clean = fresh(saved);
    const rowsBefore = dealRows(clean);
    clean.run('menuRefresh');
    const rowsAfter = dealRows(clean);
    const expected = historyKeys(clean).sort();
    // Every service call fails in turn (a handle or builder step reaches nothing and cannot fail: a
    // failure there is the failure of the next service call).
    const { service } = runOfRefresh(saved);
    let faults = 0;
    const halfWritten: string[] = [];
    for (const k of service) {
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

describe('a refresh while a person deletes or inserts a row', () => {
  const saved = startingPoint();
  const { calls: total, flushes, service } = runOfRefresh(saved);

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
    for (const k of service.filter((c) => c >= from && c <= to))
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
    expect(races).toBeGreaterThanOrEqual(2 * service.filter((c) => c >= from && c <= to).length);
    expect([...new Set(problems)]).toEqual([]);
  });
});
