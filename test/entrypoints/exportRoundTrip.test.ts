// Round trip: a CRM exported for HubSpot or Pipedrive, then converted into an empty CRM by our own
// Convert, holds the same deals (by Deal ID: name, stage, amount, close date) and gives the same
// forecast and win rate. A property over random CRMs; expected deals come from the generated data.
import fc from 'fast-check';
import type { Emulator } from '../../local/emulator';
import { crm, records, tableUnder } from '../support/crm';
import { day } from '../support/exports';
import { crmWithDeals, exportedFiles, finalStage, plannedDeals, type PlannedDeal } from '../support/exitCrm';

/** The file put into a new tab as File > Import does with text conversion off, then converted. */
function convertInto(emu: Emulator, rows: string[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const sheet = emu.ss.addSheet('Import', undefined, rows.length + 10, Math.max(26, width));
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  emu.run('menuConvert');
  expect(emu.ui.dialogs.at(-1)!.message).toMatch(/deals converted/);
}

/** What a refresh says of the forecast and win rate, and the Forecast tab's horizons. */
function figures(emu: Emulator): unknown {
  emu.run('menuRefresh');
  const said = emu.ui.dialogs
    .at(-1)!
    .message.split('\n')
    .filter((l) => /^(Weighted forecast|Win rate)/.test(l));
  const horizons = tableUnder(emu, 'Forecast', 'Horizon');
  expect([said.length, horizons.length]).toEqual([2, 3]);
  return { said, horizons };
}

function sameCrm(deals: readonly PlannedDeal[], target: 'Hubspot' | 'Pipedrive'): void {
  const source = crmWithDeals(deals);
  source.run(`menuExport${target}`);
  const file = exportedFiles(source).get('deals.csv')!;
  const copy = crm();
  convertInto(copy, file);
  const byId = new Map(records(copy).map((r) => [String(r['Deal ID']), r]));
  expect([...byId.keys()].sort()).toEqual(deals.map((d) => d.id).sort());
  for (const d of deals) {
    const r = byId.get(d.id)!;
    expect([d.id, r['Deal'], r['Stage'], r['Amount'], day(r['Close date'])]).toEqual([
      d.id,
      d.name,
      finalStage(d),
      d.amount,
      d.close,
    ]);
  }
  expect(figures(copy)).toEqual(figures(source));
}

describe('Exported for another CRM and converted back', () => {
  it.each(['Hubspot', 'Pipedrive'] as const)(
    '%s: the same deals, stages, amounts, close dates and forecast',
    (target) =>
      fc.assert(
        fc.property(plannedDeals(10), (deals) => sameCrm(deals, target)),
        { numRuns: 8, seed: 3232 },
      ),
  );
});
