// Last seen (CRM) is written as a JSON array (shorter than the object form an earlier version wrote;
// every refresh reads the column, and long cells are priced by the character). A tab written in the
// object form is read as it is: a refresh a day later rewrites none of those cells and logs nothing
// new, and a deal that changes gets the array form.
import { demoWorkbook } from '../support/demoWorkbook';
import { a1, columnOf, records } from '../support/crm';

describe('Last seen in the form an earlier version wrote', () => {
  it('is kept by a refresh as long as it says the same, and replaced by the short form when the deal changes', () => {
    const emu = demoWorkbook(200);
    emu.run('menuRefresh');
    const cells = () => records(emu).map((r) => String(r['Last seen (CRM)']));
    expect(cells().every((t) => t.startsWith('['))).toBe(true);
    // The object form, written here from the array: [s, a, c, p, k, (id, rows)].
    const col = columnOf(emu, 'Last seen (CRM)');
    const objects = cells().map((t) => {
      const [s, a, c, p, k, id, rows] = JSON.parse(t) as unknown[];
      return [JSON.stringify(id === undefined ? { s, a, c, p, k } : { s, a, c, p, k, d: { id, rows } })];
    });
    emu.sheet('Deals').rangeAt(2, col, objects.length, 1).setValues(objects);
    const history = emu.values('History').length;
    emu.env.nowMs += 86_400_000;
    emu.run('menuRefresh');
    expect(cells()).toEqual(objects.map(([t]) => t));
    expect(emu.values('History').length).toBe(history);
    // A stage typed: that deal's Last seen in the short form, saying the new stage; the others as they were.
    const stage = String(records(emu)[4].Stage) === 'Negotiation' ? 'Quote sent' : 'Negotiation';
    emu.userEdit('Deals', a1(emu, 'Stage', 6), stage);
    const after = cells();
    expect((JSON.parse(after[4]) as unknown[])[0]).toBe(stage);
    expect(after.filter((t, i) => t !== objects[i][0]).length).toBe(1);
  });
});
