// Probe: a re-import (Convert of a later export into a Deals tab that holds the deals) that fails at
// each of its service calls in turn, then Convert run again and a refresh. Each change the later export
// brings must end up in Deals and be in History exactly once; a run that failed must not leave a
// change logged twice, and the second Convert must succeed.
import type { Emulator } from '../../local/emulator';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import { crm, records } from '../support/crm';
import { fresh } from '../support/races';
import { Range } from '../../local/emulator/range';

const HEADER = ['Deal ID', 'Deal', 'Company', 'Owner', 'Stage', 'Amount', 'Close date', 'Created'];
const STAGES = ['Qualification', 'Proposal', 'Negotiation'];

/** The first export: twelve deals. */
const first = Array.from({ length: 12 }, (_, i) => [
  `X-${100 + i}`,
  `Deal ${i}`,
  `Co ${i}`,
  'Ana Diaz',
  STAGES[i % 3],
  String(1000 * (i + 1)),
  `2026-${String((i % 9) + 1).padStart(2, '0')}-15`,
  '2025-12-01',
]);
/** The later export: eight deals moved on a stage, eight with another amount, eight another close date. */
const later = first.map((r, i) => {
  const out = [...r];
  if (i < 8) out[4] = STAGES[(i % 3) + 1] ?? 'Won';
  if (i >= 2 && i < 10) out[5] = String(1000 * (i + 1) + 500);
  if (i >= 4) out[6] = `2026-${String((i % 9) + 2).padStart(2, '0')}-20`;
  return out;
});
const CHANGES = later.flatMap((r, i) =>
  (['Stage', 'Amount', 'Close date'] as const)
    .filter((h) => r[HEADER.indexOf(h)] !== first[i][HEADER.indexOf(h)])
    .map((h) => ({ id: r[0], field: h })),
);

/** Puts an export into a new active tab, each cell as written (File > Import with conversion off). */
function importTab(emu: Emulator, name: string, rows: string[][]): void {
  const sheet = emu.ss.addSheet(name);
  [HEADER, ...rows].forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}

function startingPoint(): SavedWorkbook {
  const emu = crm({ now: '2026-11-23T17:00:00Z' });
  importTab(emu, 'first', first);
  emu.run('menuConvert');
  expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
  emu.run('menuRefresh');
  return emu.save();
}

describe('a re-import that fails part-way', () => {
  const saved = startingPoint();

  it('logs each change exactly once when Convert is run again, and the second run succeeds', () => {
    expect(CHANGES).toHaveLength(24);
    const probe = fresh(saved);
    importTab(probe, 'later', later);
    const start = probe.acc.snapshot().total;
    probe.run('menuConvert');
    const calls = probe.acc.snapshot().total - start;
    expect(probe.ui.dialogs.at(-1)!.message).toContain('0 new deals added to "Deals", 12 updated');
    const problems: string[] = [];
    let failed = 0;
    // Every service call (a handle or builder step reaches nothing and cannot fail; failing each of the
    // ~300 calls took ~50 s, too long for CI).
    const tried = probe.acc.serviceCallsSince(start);
    for (const k of tried) {
      const emu = fresh(saved);
      importTab(emu, 'later', later);
      emu.acc.injectFault({ nth: k });
      emu.run('menuConvert');
      emu.acc.clearFaults();
      if (emu.ui.dialogs.at(-1)!.title !== 'Sheets CRM: conversion done') failed++;
      emu.ss.activeSheet = emu.ss.sheets.find((s) => s.name === 'later')!;
      emu.run('menuConvert');
      const title = emu.ui.dialogs.at(-1)!.title;
      if (title !== 'Sheets CRM: conversion done')
        problems.push(`call ${k}: the second Convert said "${title}"`);
      emu.run('menuRefresh');
      const deals = new Map(records(emu).map((r) => [String(r['Deal ID']), r]));
      const history = records(emu, 'History');
      for (const { id, field } of CHANGES) {
        const row = later.find((r) => r[0] === id)!;
        const logged = history.filter((h) => h['Deal ID'] === id && h['Field'] === field);
        const stored = deals.get(id)?.[field];
        const expected = row[HEADER.indexOf(field)];
        const shown = stored instanceof Date ? stored.toISOString().slice(0, 10) : String(stored);
        if (field !== 'Close date' && shown !== expected)
          problems.push(`call ${k}: ${id} ${field} is ${shown}, not ${expected}`);
        if (logged.length !== 1) problems.push(`call ${k}: ${id} ${field} logged ${logged.length}×`);
      }
    }
    console.log(`re-import faults: ${tried.length} of ${calls} calls tried, ${failed} failed runs`);
    expect(failed).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

describe('a re-import that changes two deals far apart', () => {
  it('writes their rows, not every row between them', () => {
    const many = Array.from({ length: 3000 }, (_, i) => [
      `X-${100 + i}`,
      `Deal ${i}`,
      `Co ${i}`,
      'Ana Diaz',
      STAGES[i % 3],
      String(1000 + i),
      '2026-06-15',
      '2025-12-01',
    ]);
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    importTab(emu, 'first', many);
    emu.run('menuConvert');
    const moved = new Set([5, 7, 2900]);
    importTab(
      emu,
      'later',
      many.map((r, i) => (moved.has(i) ? [...r.slice(0, 4), 'Won', ...r.slice(5)] : r)),
    );
    emu.ui.answers.push({ button: 'YES' });
    // The rows of Deals written, seen at the emulator's Range.
    const spy = jest.spyOn(Range.prototype, 'setValues');
    const formulas = jest.spyOn(Range.prototype, 'getFormulas');
    emu.run('menuConvert');
    const rows = new Set(
      spy.mock.contexts
        .filter((r) => r.sheet.name === 'Deals')
        .flatMap((r) => Array.from({ length: r.box.numRows }, (_, i) => r.box.row + i)),
    );
    // The sweep after writes Probability and Forecast category (a person may type there) with the
    // stage's: their formulas are read where a block spans cells it leaves (row 6's), not the whole tab
    // (78,000 cells).
    const formulaCells = formulas.mock.contexts
      .filter((r) => r.sheet.name === 'Deals')
      .reduce((n, r) => n + r.box.numRows * r.box.numCols, 0);
    spy.mockRestore();
    formulas.mockRestore();
    expect(formulaCells).toBeLessThan(100);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
    const deals = records(emu);
    const rowOf = (id: string) => 2 + deals.findIndex((d) => d['Deal ID'] === id);
    for (const i of moved) expect(deals[rowOf(`X-${100 + i}`) - 2]['Stage']).toBe('Won');
    // Before, the Stage column was written from the first deal changed to the last (2,896 rows); now
    // rows close together are one block (the one between written back as it was).
    expect([...rows].sort((a, b) => a - b)).toEqual(['X-105', 'X-106', 'X-107', 'X-3000'].map(rowOf));
  });
});
