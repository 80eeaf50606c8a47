// Most of Deals gone since the last refresh (rows cleared or deleted by a slip, a filter copy pasted
// over the tab): before, the refresh went on with what was left, and the reports, Forecast history's
// row for the day and the board took it as the team's pipeline. Now the menu refresh asks first, and
// the schedule leaves everything as it was and says why at the next menu refresh.
import type { Emulator } from '../../local/emulator';
import { demoWorkbook } from '../support/demoWorkbook';
import { importFixture } from '../support/exports';

/** Every tab's values, as text, to compare before and after. */
const everything = (emu: Emulator) =>
  JSON.stringify(emu.ss.getSheets().map((s) => [s.getName(), emu.values(s.getName())]));

/** A refreshed CRM of `total` deals an hour later with all but `keep` of its deal rows cleared. */
function cleared(keep: number, total = 60): Emulator {
  const emu = demoWorkbook(total);
  emu.run('menuRefresh');
  emu.env.nowMs += 3_600_000;
  const deals = emu.sheet('Deals');
  const width = emu.values('Deals')[0].length;
  deals
    .rangeAt(2 + keep, 1, total - keep, width)
    .setValues(Array.from({ length: total - keep }, () => Array(width).fill('')));
  return emu;
}

describe('A refresh after most deals are gone from Deals', () => {
  it('asks first from the menu, and on No changes nothing', () => {
    const emu = cleared(5);
    const before = everything(emu);
    emu.ui.answers.push({ button: 'NO' });
    emu.run('menuRefresh');
    const asked = emu.ui.dialogs.find((d) => /fewer/.test(d.message))!;
    expect(asked.message).toContain('Deals held 60 deals at the last refresh and holds 5 now');
    expect(asked.message).toContain('Edit > Undo');
    expect(asked.buttons).toEqual(['YES', 'NO']);
    expect(emu.ui.dialogs.at(-1)!.message).toContain('Nothing was changed');
    expect(everything(emu)).toBe(before);
  });

  it('refreshes with what is left on Yes, and does not ask again', () => {
    const emu = cleared(5);
    emu.ui.answers.push({ button: 'YES' });
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.some((d) => /Deals held 60 deals/.test(d.message))).toBe(true);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(emu.values('Forecast')[1][0]).toMatch(/5 deals/);
    emu.env.nowMs += 3_600_000;
    const asked = emu.ui.dialogs.length;
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.slice(asked).map((d) => d.title)).toEqual(['Sheets CRM: reports refreshed']);
  });

  it('leaves everything as it was on a scheduled refresh, and the next menu refresh says why', () => {
    const emu = cleared(5);
    emu.run('menuScheduleRefresh');
    const before = everything(emu);
    // The run fails (Google's execution log and failure email say so), having written nothing.
    expect(() => emu.fireTrigger('scheduledRefresh')).toThrow(/Deals held 60 deals/);
    expect(everything(emu)).toBe(before);
    emu.ui.answers.push({ button: 'NO' });
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.map((d) => d.message).join('\n')).toMatch(
      /scheduled refresh .* failed: Deals held 60 deals/,
    );
  });

  it('does not ask after Convert put an export in place of the cleared tab', () => {
    const emu = cleared(0);
    importFixture(emu, 'hubspot-deals.csv');
    emu.run('menuConvert');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: conversion done');
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.some((d) => /fewer/.test(d.message))).toBe(false);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  });

  it('does not ask when a few deals go, or when a small CRM loses most of its deals', () => {
    const few = cleared(40);
    few.run('menuRefresh');
    expect(few.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(few.ui.dialogs.some((d) => /fewer/.test(d.message))).toBe(false);
    const small = cleared(2, 15);
    small.run('menuRefresh');
    expect(small.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(small.ui.dialogs.some((d) => /fewer/.test(d.message))).toBe(false);
  });
});
