// Convert near Google's cell limit with a long History ("Date entered" columns): the spreadsheet would
// reach 7 million cells, so History keeps its newest 5,000 rows and the rest go to the hidden History
// archive, many to a cell, History's own rows first, then the import's. Compared with a twin converted
// with room to spare (History as rows): every History row there once and in order (the archive parsed
// here with JSON.parse), the same reports after a refresh. An import that fits only archived is
// converted, not refused; one that does not fit even so is refused with nothing changed.
import { createHash } from 'node:crypto';
import { Emulator } from '../../local/emulator';
import { allHistory, ARCHIVE, reports } from '../support/archivedHistory';
import { DIST, loadedEmulator } from '../support/emulator';
import { cells, padded, peakGrowth } from '../support/cellLimit';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const STAGES = ['Qualified', 'Proposal', 'Negotiation', 'Won'];

/** An export of `deals` deals, each with one to four "Date entered" cells, made the active tab. */
function exportTab(emu: Emulator, name: string, deals: number, prefix: string, entered = true): void {
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner'];
  if (entered) header.push(...STAGES.map((s) => `Date entered "${s}"`));
  const rows = [header];
  for (let i = 0; i < deals; i++) {
    const reached = i % STAGES.length;
    rows.push([
      `${prefix}${i}`,
      `${prefix} deal ${i}`,
      STAGES[reached],
      String(1000 + i),
      `2026-0${1 + (i % 9)}-15`,
      `rep${i % 3}@example.com`,
      ...(entered ? STAGES : []).map((_, k) =>
        k <= reached ? `2025-${String(1 + k * 3).padStart(2, '0')}-${1 + (i % 27)}` : '',
      ),
    ]);
  }
  const sheet = emu.ss.addSheet(name, undefined, rows.length + 5, header.length);
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}

/** The History tab's rows that hold anything. */
const historyTabRows = (emu: Emulator) =>
  emu
    .values('History')
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));

const everything = (emu: Emulator) =>
  emu.ss.sheets.map(
    (s) =>
      `${s.name} ${createHash('sha1')
        .update(JSON.stringify(emu.values(s.name)))
        .digest('hex')}`,
  );

describe('Convert near the cell limit with a long History', () => {
  it('keeps the newest 5,000 History rows and archives the rest in order, converting what fits only so', () => {
    // A CRM that holds deals with History already (converted as rows: far from the limit), then an
    // export of 6,000 deals bringing ~15,000 stage changes.
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    exportTab(emu, 'Earlier', 300, 'E-');
    emu.run('menuConvert');
    const held = emu.values('History').length - 1;
    expect(held).toBeGreaterThan(500);
    exportTab(emu, 'Export', 6000, 'N-');
    const saved = emu.save();

    // The twin, with room to spare: History as rows.
    const twin = Emulator.fromSaved(saved, OPTS).load(DIST);
    const plain = peakGrowth(twin, () => twin.run('menuConvert'));
    expect(twin.ss.sheets.map((s) => s.name)).not.toContain(ARCHIVE);
    const twinHistory = allHistory(twin);
    expect(twinHistory.length).toBeGreaterThan(held + 12_000);

    // One cell less than the conversion took as rows: converted all the same, History archived.
    const near = padded(saved, plain, OPTS);
    expect(cells(near)).toBeGreaterThan(7_000_000);
    const archived = peakGrowth(near, () => near.run('menuConvert'));
    expect(near.ui.dialogs.map((d) => d.message).join('\n')).not.toMatch(/Nothing was changed/);
    expect(near.values('Deals')).toHaveLength(6300 + 1);
    expect(historyTabRows(near)).toHaveLength(5000);
    expect(near.sheet(ARCHIVE).hidden).toBe(true);
    expect(allHistory(near)).toEqual(twinHistory);

    // The reports read the archive as History: the same as the twin's.
    for (const e of [twin, near]) {
      e.env.nowMs += 3_600_000;
      e.run('menuRefresh');
      expect(e.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    }
    expect(reports(near)).toEqual(reports(twin));
    expect(allHistory(near)).toEqual(allHistory(twin));

    // Converting the export again finds every change there already (the archive's included): none doubled.
    const sheet1 = near.sheet('Sheet1');
    sheet1.deleteRows(2, Math.ceil(300_000 / sheet1.maxColumns));
    expect(cells(near)).toBeGreaterThan(7_000_000);
    near.ss.activeSheet = near.sheet('Export');
    near.run('menuConvert');
    expect(near.ui.dialogs.at(-1)!.message).toMatch(/0 new deals added/);
    expect(allHistory(near)).toEqual(allHistory(twin));

    // One cell less than the archived conversion took: refused, nothing changed.
    const tight = padded(saved, archived, OPTS);
    const before = everything(tight);
    tight.run('menuConvert');
    expect(tight.ui.dialogs.at(-1)!.message).toMatch(
      /^Converting "Export" needs about [\d,]+ more cells .*Nothing was changed\./s,
    );
    expect(everything(tight)).toEqual(before);
  }, 120_000);

  it('adds a stage-history export near the limit to the archive the same way, and refuses one that cannot fit', () => {
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    exportTab(emu, 'Deals export', 3000, 'D-', false);
    emu.run('menuConvert');
    // Every deal's stage changes, as another CRM exports its stage history: four rows a deal.
    const rows = [['Deal ID', 'Stage', 'Date']];
    for (let i = 0; i < 3000; i++)
      STAGES.forEach((stage, k) =>
        rows.push([`D-${i}`, stage, `2024-${String(1 + k * 3).padStart(2, '0')}-${1 + (i % 27)}`]),
      );
    const sheet = emu.ss.addSheet('Stage history', undefined, rows.length + 5, 3);
    rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
    emu.ss.activeSheet = sheet;
    const saved = emu.save();

    const twin = Emulator.fromSaved(saved, OPTS).load(DIST);
    const plain = peakGrowth(twin, () => twin.run('menuConvert'));
    expect(twin.ui.dialogs.at(-1)!.message).toMatch(/added to History/);
    expect(allHistory(twin).length).toBeGreaterThan(10_000);

    const near = padded(saved, plain, OPTS);
    const archived = peakGrowth(near, () => near.run('menuConvert'));
    expect(near.ui.dialogs.at(-1)!.message).toMatch(/added to History/);
    expect(historyTabRows(near)).toHaveLength(5000);
    expect(allHistory(near)).toEqual(allHistory(twin));

    const tight = padded(saved, archived, OPTS);
    const before = everything(tight);
    tight.run('menuConvert');
    expect(tight.ui.dialogs.at(-1)!.message).toMatch(
      /^Adding the stage changes of "Stage history" to History needs about [\d,]+ more cells.*Nothing was changed\./s,
    );
    expect(everything(tight)).toEqual(before);
  }, 60_000);

  it('archives the History of an export converted before Set up (the History tab made on the way)', () => {
    const emu = loadedEmulator(OPTS);
    exportTab(emu, 'Export', 6000, 'N-');
    const saved = emu.save();
    const twin = Emulator.fromSaved(saved, OPTS).load(DIST);
    const plain = peakGrowth(twin, () => twin.run('menuConvert'));
    // Near the limit, with room for the tabs Set up makes (estimated as new 1,000 by 26 tabs).
    const near = padded(saved, plain + 300_000, OPTS);
    expect(cells(near)).toBeGreaterThan(7_000_000);
    near.run('menuConvert');
    expect(near.ui.dialogs.map((d) => d.message).join('\n')).not.toMatch(/Nothing was changed/);
    expect(historyTabRows(near)).toHaveLength(5000);
    expect(allHistory(near)).toEqual(allHistory(twin));
  }, 60_000);
});
