// Convert and Google's 10-million-cell limit: an import the spreadsheet cannot hold is refused before
// anything is written, and one whose reports would not fit is put to the person first. Judged against
// what a conversion and the refresh after it really add, measured on a twin of the spreadsheet with
// room to spare, never against the product's own estimate.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Emulator } from '../../local/emulator';
import { DIST, loadedEmulator } from '../support/emulator';
import { cells, padded, peakGrowth } from '../support/cellLimit';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const STAGES = ['Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'];

interface Export {
  deals: number;
  extraColumns: number;
  owners: number;
  /** every how many rows a deal has a "Date entered" cell (0: no such column) */
  enteredEvery: number;
  setUpFirst: boolean;
  /** deals the CRM already holds (converted from an earlier export): the new ones are added to them */
  held: number;
}

/** A tab as another CRM exports deals, made active, in a spreadsheet set up first or not. */
function workbookWith(e: Export): Emulator {
  const emu = loadedEmulator(OPTS);
  if (e.setUpFirst) emu.run('menuSetUp');
  if (e.held) {
    exportTab(emu, 'Earlier', { ...e, deals: e.held, enteredEvery: 0, extraColumns: 0 }, 'Old deal');
    emu.run('menuConvert');
  }
  exportTab(emu, 'Export', e, 'Deal');
  return emu;
}

function exportTab(emu: Emulator, name: string, e: Export, dealName: string): void {
  const header = ['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Company'];
  for (let c = 0; c < e.extraColumns; c++) header.push(`Custom field ${c + 1}`);
  if (e.enteredEvery) header.push('Date entered "Qualified"');
  const rows = [header];
  for (let i = 0; i < e.deals; i++) {
    const row = [
      `${dealName} ${i}`,
      STAGES[i % STAGES.length],
      String(1000 + i * 10),
      `2026-0${1 + (i % 9)}-15`,
      `rep${i % e.owners}@example.com`,
      `Company ${i % 50}`,
    ];
    for (let c = 0; c < e.extraColumns; c++) row.push(`x${(i * 7 + c) % 13}`);
    if (e.enteredEvery) row.push(i % e.enteredEvery === 0 ? '2026-01-05' : '');
    rows.push(row);
  }
  const sheet = emu.ss.addSheet(name, undefined, rows.length + 5, header.length + 1);
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}

/**
 * What Convert and then the first refresh really need, on a twin of `saved` with room to spare: the
 * most cells Convert holds at once beyond those before, what it leaves, and the most the refresh adds.
 */
function needed(saved: ReturnType<Emulator['save']>) {
  const twin = Emulator.fromSaved(saved, OPTS).load(DIST);
  const start = cells(twin);
  const conversion = peakGrowth(twin, () => twin.run('menuConvert'));
  const converted = cells(twin) - start;
  const refresh = peakGrowth(twin, () => twin.run('menuRefresh'));
  expect(twin.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  return { conversion, converted, refresh };
}

/**
 * Every tab's name and a print of its values, as a person would see them. CRM Settings is left out
 * when `settings` is false: Convert makes it with its defaults while reading the export, before it
 * shows the mapping (as when the person cancels there).
 */
const everything = (emu: Emulator, settings: boolean) =>
  emu.ss.sheets
    .filter((s) => settings || s.name !== 'CRM Settings')
    .map(
      (s) =>
        `${s.name} ${createHash('sha1')
          .update(JSON.stringify(emu.values(s.name)))
          .digest('hex')}`,
    );

const anExport: fc.Arbitrary<Export> = fc.record({
  deals: fc.integer({ min: 1, max: 700 }),
  extraColumns: fc.integer({ min: 0, max: 30 }),
  owners: fc.integer({ min: 1, max: 6 }),
  enteredEvery: fc.constantFrom(0, 1, 3),
  setUpFirst: fc.boolean(),
  held: fc.constantFrom(0, 0, 40),
});

describe('Convert near the cell limit', () => {
  it('refuses, changing nothing, an import the spreadsheet cannot hold, and asks before one whose reports it cannot', () => {
    fc.assert(
      fc.property(anExport, (e) => {
        const saved = workbookWith(e).save();
        // The most cells Convert and then the first refresh need, with room to spare.
        const { conversion, converted, refresh } = needed(saved);
        const total = Math.max(conversion, converted + refresh);

        // Room for all but one cell of the conversion: refused, nothing changed.
        const tight = padded(saved, conversion, OPTS);
        const seen = everything(tight, e.setUpFirst);
        tight.run('menuConvert');
        const said = tight.ui.dialogs.at(-1)!;
        expect(said.message).toMatch(
          /^Converting "Export" needs about [\d,]+ more cells .*Nothing was changed\./,
        );
        expect(said.message).toContain('The way out:');
        expect(everything(tight, e.setUpFirst)).toEqual(seen);

        // Room for the conversion but not for its reports: asked first (or refused); no changes nothing.
        const roomy = padded(saved, total, OPTS);
        const kept = everything(roomy, e.setUpFirst);
        roomy.ui.answers.push({ button: 'YES' }, { button: 'NO' });
        roomy.run('menuConvert');
        const asked = roomy.ui.dialogs.find((d) => d.title === 'Not enough room for the reports');
        if (asked)
          expect(asked.message).toMatch(/Refresh would fail until cells are freed\.[\s\S]*Convert anyway\?$/);
        else expect(roomy.ui.dialogs.at(-1)!.message).toMatch(/Nothing was changed\./);
        expect(everything(roomy, e.setUpFirst)).toEqual(kept);

        // With room for both and some to spare (the estimate counts a made tab as a new one, 1,000 by
        // 26): converted without a question, and refreshed.
        const ample = padded(saved, total + 300_000, OPTS);
        ample.run('menuConvert');
        expect(ample.ui.dialogs.map((d) => d.title)).not.toContain('Not enough room for the reports');
        expect(ample.values('Deals')).toHaveLength(e.held + e.deals + 1);
        ample.run('menuRefresh');
        expect(ample.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
      }),
      { numRuns: 8, seed: 30, endOnFailure: true },
    );
  }, 120_000);

  it('converts a later export of the deals it holds where there is no room for new deals (they are updates)', () => {
    // The deals converted once, then the same export again (a weekly re-import): every row matches a
    // deal by name and company, so it adds no row.
    const e: Export = { deals: 1500, extraColumns: 0, owners: 3, enteredEvery: 0, setUpFirst: true, held: 0 };
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    exportTab(emu, 'Earlier', e, 'Old deal');
    emu.run('menuConvert');
    exportTab(emu, 'Export', e, 'Old deal');
    const saved = emu.save();
    const { conversion } = needed(saved);
    // Room for what it really takes, and 1,000 cells more: far less than 1,500 new rows of Deals take.
    const tight = padded(saved, conversion + 1000, OPTS);
    tight.ui.answers.push({ button: 'YES' }, { button: 'YES' });
    tight.run('menuConvert');
    const done = tight.ui.dialogs.at(-1)!;
    // Before, "needs about 39,000 more cells (the new deals)… Nothing was changed."
    expect(done.title).toBe('Sheets CRM: conversion done');
    expect(done.message).toContain(`0 new deals added to "Deals", 0 updated, ${e.deals} unchanged.`);

    // The same deals, every one now Won: each change is a History row, 1,200 of them (a fifth were
    // Won), more than History has rows to spare. With room for all but the last cell of what that
    // takes: refused, nothing changed (before, it wrote the deals and failed on History, sheet full).
    const won = Emulator.fromSaved(saved, OPTS).load(DIST);
    const stages = won.sheet('Export');
    for (let r = 2; r <= e.deals + 1; r++) stages.cellAt(r, 2).v = 'Won';
    const wonSaved = won.save();
    const need = needed(wonSaved).conversion;
    const full = padded(wonSaved, need, OPTS);
    const before = everything(full, true);
    full.ui.answers.push({ button: 'YES' }, { button: 'YES' });
    full.run('menuConvert');
    expect(full.ui.dialogs.at(-1)!.message).toMatch(
      /^Converting "Export" needs about [\d,]+ more cells \(1,200 changes to deals it holds, each a row of History\).*Nothing was changed\./s,
    );
    expect(everything(full, true)).toEqual(before);
  });

  it('asks before converting an export whose reports would not fit: no changes nothing, yes converts', () => {
    // Enough deals for the reports to outgrow the rows the tabs Set up made have to spare.
    const e: Export = { deals: 6000, extraColumns: 2, owners: 4, enteredEvery: 0, setUpFirst: true, held: 0 };
    const saved = workbookWith(e).save();
    const { conversion, converted, refresh } = needed(saved);
    expect(converted + refresh).toBeGreaterThan(conversion + 20_000);
    // Room for the most the conversion needs at once, not for the reports after it.
    const room = Math.round((conversion + converted + refresh) / 2);
    for (const answer of ['NO', 'YES']) {
      const emu = padded(saved, room, OPTS);
      const before = everything(emu, true);
      emu.ui.answers.push({ button: 'YES' }, { button: answer });
      emu.run('menuConvert');
      const asked = emu.ui.dialogs.find((d) => d.title === 'Not enough room for the reports');
      expect(asked?.message).toMatch(
        /^Converting "Export" fits, but the reports would then need about [\d,]+ more cells/,
      );
      if (answer === 'NO') {
        expect(everything(emu, true)).toEqual(before);
        expect(emu.ss.toasts.at(-1)?.message).toBe('Conversion cancelled; nothing was changed.');
      } else expect(emu.values('Deals')).toHaveLength(e.deals + 1);
    }
  }, 60_000);
});
