// A team's own formula columns: Amount computed as =Seats*Price on each row. Sheets gives the CRM the
// formula's value, and the CRM must count it and never write over the formula.
import { cell, columnOf, crm, records, type } from '../support/crm';

describe('an Amount column the team computes with a formula', () => {
  it('is counted at the formula’s values, and the formulas are still there after a refresh and an edit', () => {
    const emu = crm();
    const deals = emu.sheet('Deals');
    const width = emu.values('Deals')[0].length;
    // The team adds Seats and Price after the CRM's columns, and makes Amount a formula of them.
    if (deals.maxColumns < width + 2)
      deals.insertColumnsAfter(deals.maxColumns, width + 2 - deals.maxColumns);
    deals.rangeAt(1, width + 1, 1, 2).setValues([['Seats', 'Price']]);
    const amount = columnOf(emu, 'Amount');
    /** A1 letters of a 1-based column, written here (not taken from the product). */
    const letter = (n: number): string =>
      n <= 0 ? '' : letter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
    const rows = [
      ['Acme', 'Qualified', 10, 120],
      ['Globex', 'Quote sent', 4, 900],
      ['Initech', 'Negotiation', 25, 80],
    ] as const;
    rows.forEach(([name, stage, seats, price], i) => {
      const r = i + 2;
      type(emu, 'Deal', r, name);
      type(emu, 'Stage', r, stage);
      type(emu, 'Close date', r, '2026-04-20');
      deals.rangeAt(r, width + 1, 1, 2).setValues([[seats, price]]);
      deals.rangeAt(r, amount).setFormula(`=${letter(width + 1)}${r}*${letter(width + 2)}${r}`);
    });
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    // The amounts as the formulas give them, and the weighted forecast from the stages' probabilities
    // (Qualified 25%, Quote sent 60%, Negotiation 80%, CRM Settings' defaults), by hand.
    expect(records(emu).map((r) => r['Amount'])).toEqual([1200, 3600, 2000]);
    const weighted = 1200 * 0.25 + 3600 * 0.6 + 2000 * 0.8;
    expect(emu.ui.dialogs.at(-1)!.message).toContain(
      `next 3 months ${Math.round(weighted).toLocaleString('en-US')}`,
    );
    for (const r of [2, 3, 4]) expect(String(cell(emu, 'Check', r))).not.toMatch(/Amount/);
    type(emu, 'Next step', 2, 'Send order form');
    emu.run('menuRefresh');
    expect(
      deals
        .rangeAt(2, amount, 3, 1)
        .getFormulas()
        .map((f) => f[0]),
    ).toEqual([
      `=${letter(width + 1)}2*${letter(width + 2)}2`,
      `=${letter(width + 1)}3*${letter(width + 2)}3`,
      `=${letter(width + 1)}4*${letter(width + 2)}4`,
    ]);
  });
});
