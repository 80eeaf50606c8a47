// The latency model and buffered writes, in one place: what each call costs (LATENCY_MS in
// local/emulator/accounting.ts, where each figure's source is cited), that a read after writes forces
// them out at a price, and that writes nobody has forced out are invisible to anyone else and land
// later, by position.
// Sources (docs/performance.md has the table): SpreadsheetApp.flush reference ("Spreadsheet operations
// are sometimes bundled together to improve performance"); Google's best-practices page (alternating
// reads and writes is slow; 10,000 single-cell calls ~70 s against ~1 s batched); apps-script-facts.md
// (getLastRow near 160 ms a call; appendRow ~275 ms); published measurements of PropertiesService
// (get ~30 ms, set ~62 ms) and CacheService (get ~3 ms, put ~93 ms), and of a flush (~560 ms after a
// 4,000-cell write).
import * as path from 'node:path';
import { Accountant, Emulator } from '../../local/emulator';
import { LATENCY_MS } from '../../local/emulator/accounting';

const FIXTURE = path.join(__dirname, 'fixture-script');
const load = () => new Emulator({ timeZone: 'America/New_York', now: '2026-05-01T12:00:00Z' }).load(FIXTURE);

describe('the latency model', () => {
  it('charges a round trip per call, plus cells read, written and formatted', () => {
    const acc = new Accountant();
    acc.count('Range.getValues', { read: 10000 });
    acc.count('Sheet.appendRow', { written: 5 });
    acc.count('Range.setBackgrounds', { written: 10000 });
    acc.count('Sheet.getRange');
    expect(acc.estimatedMillis()).toBeCloseTo(7 + 100 + (275 + 0.15) + (7 + 1000), 6);
  });

  it('charges one format or rule applied to a whole range far less than formats given cell by cell', () => {
    const each = new Accountant();
    each.count('Range.setNumberFormats', { written: 100000 });
    const uniform = new Accountant();
    uniform.count('Range.setNumberFormat', { written: 100000 });
    uniform.count('Range.setDataValidation', { written: 100000 });
    expect(each.estimatedMillis()).toBeCloseTo(7 + 100000 * 0.1, 6);
    expect(uniform.estimatedMillis()).toBeCloseTo(2 * (7 + 100000 * 0.001), 6);
  });

  it('charges the sheet’s size calls as round trips, the content’s extent as measured (~160 ms)', () => {
    const acc = new Accountant();
    for (const m of ['Sheet.getLastRow', 'Sheet.getLastColumn', 'Sheet.getMaxRows', 'Sheet.getMaxColumns'])
      acc.count(m);
    acc.count('Sheet.getDataRange');
    expect(acc.snapshot().serviceCalls).toBe(5);
    expect(acc.estimatedMillis()).toBeCloseTo(3 * 160 + 2 * 7, 6);
  });

  it('charges properties and cache as measured: a read ~30 ms, a write ~60 ms; the cache ~3 and ~90 ms', () => {
    const acc = new Accountant();
    acc.count('Properties.getProperty');
    acc.count('Properties.setProperty');
    acc.count('Properties.deleteProperty');
    acc.count('Cache.get');
    acc.count('Cache.put');
    expect(acc.estimatedMillis()).toBeCloseTo(30 + 60 + 60 + 3 + 90, 6);
  });

  it('charges the time an execution waits: a lock not had within its timeout, and a sleep', () => {
    const emu = load();
    let waited = 0;
    emu.acc.beforeNext('Range.setValue', () => {
      const before = emu.acc.estimatedMillis();
      expect(emu.run('alsoLock')).toBe(false); // tryLock(100) while holdLock holds the document lock
      waited = emu.acc.estimatedMillis() - before;
    });
    emu.run('holdLock');
    expect(waited).toBeCloseTo(100 + 7, 6);
    const beforeSleep = emu.acc.estimatedMillis();
    emu.run('nap');
    expect(emu.acc.estimatedMillis() - beforeSleep).toBeCloseTo(2000, 6);
  });

  it('charges long text by the character: a packed cell costs what the short cells it holds would', () => {
    const emu = load();
    const sheet = emu.ss.addSheet('Long text', undefined, 10, 2);
    const time = () => emu.acc.estimatedMillis();
    let at = time();
    sheet.rangeAt(1, 1, 1, 2).setValues([['x'.repeat(45000), 'short']]);
    // Written: two cells and 45,000 - 20 characters past the first 20 of a cell, at 0.03 ms per 20.
    expect(time() - at).toBeCloseTo(7 + 2 * 0.03 + (45000 - 20) * (0.03 / 20), 6);
    at = time();
    sheet.rangeAt(1, 1, 1, 2).getValues();
    expect(time() - at).toBeCloseTo(7 + 2 * 0.01 + (45000 - 20) * (0.01 / 20), 6);
    at = time();
    sheet.rangeAt(2, 1, 1, 1).setValue('y'.repeat(20));
    sheet.appendRow(['z'.repeat(120)]);
    expect(time() - at).toBeCloseTo(7 + 0.03 + 275 + 0.03 + 100 * (0.03 / 20), 6);
  });

  it('charges a sheet copied on Google’s side by the cells it duplicates', () => {
    const emu = load();
    const sheet = emu.ss.addSheet('Big copy', undefined, 60000, 10);
    sheet.cellAt(1, 1).v = 'x';
    const before = emu.acc.estimatedMillis();
    emu.run('copyBigSheet');
    expect(emu.acc.estimatedMillis() - before).toBeGreaterThanOrEqual(600000 * 0.01);
  });

  it('charges a flush when a read follows writes, once however many writes are pending', () => {
    const acc = new Accountant();
    acc.execution = 1;
    acc.count('Range.setValues', { written: 100 });
    acc.count('Range.setNumberFormats', { written: 100 });
    const beforeRead = acc.estimatedMillis();
    acc.count('Range.getValues', { read: 0 });
    expect(acc.estimatedMillis() - beforeRead).toBeCloseTo(LATENCY_MS.call + LATENCY_MS.flush, 6);
    const beforeSecond = acc.estimatedMillis();
    acc.count('Range.getValues', { read: 0 });
    expect(acc.estimatedMillis() - beforeSecond).toBeCloseTo(LATENCY_MS.call, 6);
    expect(acc.snapshot().flushes).toBe(1);
  });

  it('charges flush() the flush only when writes are pending, and ending an execution nothing more', () => {
    const acc = new Accountant();
    acc.execution = 1;
    acc.count('SpreadsheetApp.flush');
    expect(acc.snapshot().flushes).toBe(0);
    acc.count('Range.setValue', { written: 1 });
    acc.count('SpreadsheetApp.flush');
    expect(acc.snapshot().flushes).toBe(1);
    acc.count('Range.setValue', { written: 1 });
    const atEnd = acc.estimatedMillis();
    acc.endExecution(1);
    expect(acc.estimatedMillis()).toBe(atEnd);
    acc.count('Range.getValue', { read: 1 });
    expect(acc.snapshot().flushes).toBe(1);
  });

  it('does not count a message to the person, or another service, as a read of the sheet', () => {
    const acc = new Accountant();
    acc.execution = 1;
    acc.count('Range.setValue', { written: 1 });
    acc.count('Spreadsheet.toast');
    acc.count('Properties.getProperty');
    expect(acc.snapshot().flushes).toBe(0);
    acc.count('Range.getValues', { read: 1 });
    expect(acc.snapshot().flushes).toBe(1);
  });
});

/** Rows "b" and "a" in A1:B2, to sort while a write is pending. */
function twoRows() {
  const emu = load();
  const sheet = emu.sheet('Sheet1');
  sheet.rangeAt(1, 1, 2, 2).setValues([
    ['b', 'row of b'],
    ['a', 'row of a'],
  ]);
  return { emu, sheet };
}

/** A1:B2 as it is now. */
const corner = (emu: ReturnType<typeof load>) =>
  emu
    .values('Sheet1')
    .slice(0, 2)
    .map((r) => r.slice(0, 2));

describe('buffered writes', () => {
  it('are invisible to another execution until forced out, then land over what it wrote', () => {
    const emu = load();
    let seen: unknown;
    emu.acc.beforeNext('Utilities.sleep', () => {
      seen = emu.run('readCell', ['A1'], { user: 'rep@example.com' });
      emu.run('writeCell', ['A1', 'theirs'], { user: 'rep@example.com' });
    });
    expect(emu.run('writeAndPause', ['A1', 'mine', false])).toBe('mine');
    expect(seen).toBe('');
    // Landed last, by position: the other execution's write is gone.
    expect(emu.values('Sheet1')[0][0]).toBe('mine');
  });

  it('are seen by everyone once flush() forced them out', () => {
    const emu = load();
    let seen: unknown;
    emu.acc.beforeNext('Utilities.sleep', () => (seen = emu.run('readCell', ['A1'])));
    emu.run('writeAndPause', ['A1', 'mine', true]);
    expect(seen).toBe('mine');
  });

  it('land by position: a person’s sort in between moves the row, not the pending write', () => {
    const { emu, sheet } = twoRows();
    emu.acc.beforeNext('Utilities.sleep', () => sheet.rangeAt(1, 1, 2, 2).sort(1));
    emu.run('writeAndPause', ['B1', 'written for b', false]);
    expect(corner(emu)).toEqual([
      ['a', 'written for b'],
      ['b', 'row of b'],
    ]);
  });

  it('of formats only land by position with their formats, not with the values the cells held', () => {
    // A number format (or a note, or formats copied) written for b's row and still pending when a sort
    // moves the rows: Sheets sends the format, so a's row gets the format and keeps its values.
    const { emu, sheet } = twoRows();
    emu.acc.beforeNext('Utilities.sleep', () => sheet.rangeAt(1, 1, 2, 2).sort(1));
    emu.run('formatAndPause', ['B1', '0.00%']);
    expect(corner(emu)).toEqual([
      ['a', 'row of a'],
      ['b', 'row of b'],
    ]);
    expect(sheet.cellAt(1, 2).nf).toBe('0.00%');
    expect(sheet.cellAt(2, 2).nf).toBeUndefined();
  });

  it('land before a read, which is a round trip of its own: a sort between the two moves the written row', () => {
    // The flush a read forces is charged as its own round trip (above), so a person's sort can reach
    // Sheets after the writes and before the read; the read then sees the row the sort put there.
    const { emu, sheet } = twoRows();
    emu.acc.beforeNext('Range.getValue', () => sheet.rangeAt(1, 1, 2, 2).sort(1), true);
    expect(emu.run('writeAndPause', ['B1', 'written for b', false])).toBe('row of a');
    expect(corner(emu)).toEqual([
      ['a', 'row of a'],
      ['b', 'written for b'],
    ]);
  });

  it('are seen by the next execution once the one that wrote them has ended', () => {
    const emu = load();
    emu.run('writeCell', ['C3', 'done']);
    expect(emu.run('readCell', ['C3'])).toBe('done');
  });
});
