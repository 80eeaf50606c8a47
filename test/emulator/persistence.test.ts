// Conformance of the emulator's saved workbooks: loading keeps nothing of the saved form, so one saved
// workbook seeds any number of emulators (the race probes load one hundreds of times) and what one of
// them does reaches neither the saved form nor the others.
import { Emulator } from '../../local/emulator';
import { DIST } from '../support/emulator';
import { startingPoint } from '../support/refreshProbe';

/** Marks every object and array inside `x`. */
function touch(x: unknown): void {
  if (!x || typeof x !== 'object') return;
  Object.values(x).forEach(touch);
  (x as Record<string, unknown>).touched = true;
}

describe('saved workbooks', () => {
  it('seed many emulators, none of which changes the saved form or another', () => {
    const saved = startingPoint();
    const before = JSON.stringify(saved);
    const a = Emulator.fromSaved(saved).load(DIST);
    const b = Emulator.fromSaved(saved).load(DIST);
    // A refresh writes cells, formats, rules, charts, metadata, properties and the board's state.
    a.run('menuRefresh');
    a.sheet('Deals').cellAt(2, 2).v = 'changed by hand';
    // Whatever the emulator holds on to, changed in place, as any later emulator code might.
    const held = [
      ...a.ss.metadata,
      ...a.ss.sheets.flatMap((sh) => [
        ...sh.conditionalRules,
        ...sh.protections,
        ...sh.charts,
        ...sh.metadata,
      ]),
      ...a.scriptApp.triggers,
    ].map((x) => x.spec as object);
    expect(held.length).toBeGreaterThan(3);
    held.forEach(touch);
    a.scriptApp.getProjectTriggers().forEach((t) => a.scriptApp.deleteTrigger(t));
    expect(JSON.stringify(a.save())).not.toEqual(before);
    expect(JSON.stringify(saved)).toEqual(before);
    expect(JSON.stringify(b.save())).toEqual(before);
  });

  it('share no cell between loads: every way of changing a loaded cell changes only its own tab', () => {
    // Loads share the saved cells until one changes (Sheet.cellAt copies a shared cell first).
    const saved = startingPoint();
    const before = JSON.stringify(saved);
    const a = Emulator.fromSaved(saved).load(DIST);
    const b = Emulator.fromSaved(saved).load(DIST);
    const deals = a.sheet('Deals');
    deals.rangeAt(2, 1, 3, 4).setValues([
      ['x', 1, 2, 3],
      ['y', 4, 5, 6],
      ['z', 7, 8, 9],
    ]);
    deals.rangeAt(5, 1, 2, 3).setNumberFormat('0.0').setBackground('#ff0000').setFontWeight('bold');
    deals.rangeAt(7, 1, 1, 5).clearFormat();
    deals.rangeAt(8, 1, 1, 5).setDataValidation(null);
    deals.rangeAt(2, 1, 12, deals.maxColumns).sort({ column: 1, ascending: false });
    a.userEdit('Deals', 'C9', 'typed', { kind: 'paste' });
    a.sheet('History').clearContents();
    a.sheet('CRM Settings').clear();
    const changed = JSON.stringify(a.save());
    expect(changed).not.toEqual(before);
    expect(JSON.stringify(saved)).toEqual(before);
    expect(JSON.stringify(b.save())).toEqual(before);
    // A third load sees the saved cells, not a's.
    expect(JSON.stringify(Emulator.fromSaved(saved).load(DIST).save())).toEqual(before);
  });

  it('is plain JSON as saved (a number as JSON holds it), sharing nothing with the live workbook', () => {
    const emu = Emulator.fromSaved(startingPoint()).load(DIST);
    const deals = emu.sheet('Deals');
    deals.cellAt(2, 8).v = -0;
    deals.cellAt(3, 8).v = Number.NaN;
    const saved = emu.save();
    // What a JSON file would give back, exactly: -0 is 0 there, and a number that is not finite is null.
    expect(saved).toStrictEqual(JSON.parse(JSON.stringify(saved)));
    const cells = saved.spreadsheet.sheets.find((sh) => sh.name === 'Deals')!.cells;
    const at = (r: number, c: number) => cells.find((x) => x.r === r && x.c === c);
    expect(Object.is(at(2, 8)?.v, 0)).toBe(true);
    expect(at(3, 8)?.v).toBeNull();
    // Changing the saved form changes nothing in the emulator it came from.
    const again = JSON.stringify(emu.save());
    for (const sh of saved.spreadsheet.sheets) for (const cell of sh.cells) cell.v = 'changed';
    expect(JSON.stringify(emu.save())).toEqual(again);
  });
});
