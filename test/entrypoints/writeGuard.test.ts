// The write guard's promises (src/workbook/guard/writeGuard.ts), the same for each writer that goes
// through it: a typed stage, a paste, a refresh that finds a stage changed with no event, a re-import
// (Convert of a later export into the CRM) and a sidebar save. Each writer moves Deal C to Quote sent with 7777 where it can; then, at each of its calls in
// turn (for a refresh, until a few calls after its sweep lets go of Deals, then its last: see
// probedCallsOf), either a person sorts Deals just before the call (and, at calls that send writes out, also
// just after they landed), or Google refuses the call and the execution dies. After it and the next
// refresh:
// - every deal keeps its own Deal ID, company, amount and probability, no deal but Deal C gets Quote
//   sent, and History logs nothing for another deal (a
//   save's cells that landed on another deal before any read could see it are marked with a note, and
//   only then accepted: the one thing Sheets leaves no way to prevent);
// - Deal C's stage is the old one or Quote sent, and History ends at it with each change once;
// - every deal's Last seen records its own stage; no journal is left open.
import type { Emulator } from '../../local/emulator';
import type { DealRecord } from '../../src/shared/dealDto';
import { a1, columnOf, records, type } from '../support/crm';
import { fresh, probedCallsOf, twelveDeals } from '../support/races';
import { lastSeenStage } from '../support/refreshProbe';

const REP = 'rep@example.com';
const rowOf = (emu: Emulator, deal: string) => records(emu).findIndex((r) => r['Deal'] === deal) + 2;

const WRITERS: [string, (emu: Emulator) => void][] = [
  ['a typed stage', (emu) => type(emu, 'Stage', rowOf(emu, 'Deal C'), 'Quote sent', { user: REP })],
  [
    'a paste',
    (emu) => {
      const row = rowOf(emu, 'Deal C');
      emu.userEdit('Deals', `${a1(emu, 'Stage', row)}:${a1(emu, 'Amount', row)}`, [['Quote sent', 7777]], {
        user: REP,
        kind: 'paste',
      });
    },
  ],
  [
    'a refresh',
    (emu) => {
      emu.sheet('Deals').cellAt(rowOf(emu, 'Deal C'), columnOf(emu, 'Stage')).v = 'Quote sent';
      emu.run('menuRefresh', [], { user: REP });
    },
  ],
  [
    'a re-import',
    (emu) => {
      // A later export of every deal, Deal C moved on, converted into the CRM (merged by Deal ID).
      const rows = records(emu).map((r) => {
        const own = r['Deal'] === 'Deal C';
        return [
          r['Deal ID'],
          r['Deal'],
          r['Company'],
          r['Owner'],
          own ? 'Quote sent' : r['Stage'],
          own ? 7777 : r['Amount'],
        ];
      });
      const sheet = emu.ss.addSheet('Export');
      [['Deal ID', 'Deal', 'Company', 'Owner', 'Stage', 'Amount'], ...rows].forEach((r, i) =>
        r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v as string | number)),
      );
      emu.ss.activeSheet = sheet;
      emu.ui.answers.push({ button: 'YES' });
      emu.run('menuConvert', [], { user: REP });
    },
  ],
  [
    'a sidebar save',
    (emu) => {
      const id = String(records(emu)[rowOf(emu, 'Deal C') - 2]['Deal ID']);
      const form = emu.run<DealRecord>('getDeal', [id], { user: REP });
      emu.run('saveDeal', [{ ...form.deal, stage: 'Quote sent', amount: '7777' }, form.deal], { user: REP });
    },
  ],
];

interface Start {
  ids: Map<string, string>;
  company: Map<string, string>;
  amount: Map<string, number>;
  stage: Map<string, string>;
  probability: Map<string, number>;
  /** History's rows when the writer starts. */
  logged: number;
}

function startOf(emu: Emulator): Start {
  const rows = records(emu);
  const by = (f: string) => new Map(rows.map((r) => [String(r['Deal']), r[f]]));
  return {
    ids: by('Deal ID') as Map<string, string>,
    company: by('Company') as Map<string, string>,
    amount: by('Amount') as Map<string, number>,
    stage: by('Stage') as Map<string, string>,
    probability: by('Probability') as Map<string, number>,
    logged: records(emu, 'History').length,
  };
}

/** What is wrong with the workbook after a writer's run and the next refresh (empty when nothing is). */
function problemsOf(emu: Emulator, start: Start): string[] {
  const problems: string[] = [];
  const tab = emu.sheet('Deals');
  const noted = (row: number, header: string) =>
    (tab.cellAt(row, columnOf(emu, header)).note ?? '').includes('while Deals was being sorted');
  records(emu).forEach((r, i) => {
    const deal = String(r['Deal']);
    if (!start.ids.has(deal)) return;
    const row = i + 2;
    if (r['Deal ID'] !== start.ids.get(deal)) problems.push(`${deal} has Deal ID ${String(r['Deal ID'])}`);
    if (r['Company'] !== start.company.get(deal))
      problems.push(`${deal} has company ${String(r['Company'])}`);
    const own = deal === 'Deal C';
    const amountOk = r['Amount'] === start.amount.get(deal) || (own && r['Amount'] === 7777);
    if (!amountOk && !noted(row, 'Amount')) problems.push(`${deal} has amount ${String(r['Amount'])}`);
    const stageOk = r['Stage'] === start.stage.get(deal) || (own && r['Stage'] === 'Quote sent');
    if (!stageOk && !noted(row, 'Stage')) problems.push(`${deal} has stage ${String(r['Stage'])}`);
    if (!own && r['Probability'] !== start.probability.get(deal) && !noted(row, 'Probability'))
      problems.push(`${deal} has probability ${String(r['Probability'])}`);
    const seen = lastSeenStage(r);
    if (seen !== r['Stage'])
      problems.push(`${deal}'s Last seen records ${seen}, its stage is ${String(r['Stage'])}`);
  });
  const id = start.ids.get('Deal C');
  const others = records(emu, 'History')
    .slice(start.logged)
    .filter((h) => h['Deal ID'] !== id);
  for (const h of others)
    problems.push(
      `History logged ${String(h['Field'])} ${String(h['From'])} → ${String(h['To'])} for ${String(h['Deal ID'])}`,
    );
  const chain = records(emu, 'History')
    .filter((h) => h['Deal ID'] === id && h['Field'] === 'Stage')
    .map((h) => [String(h['From']), String(h['To'])]);
  const stageNow = records(emu).find((r) => r['Deal'] === 'Deal C')!['Stage'];
  if (chain.at(-1)?.[1] !== stageNow)
    problems.push(`Deal C is ${String(stageNow)}, History ends at ${chain.at(-1)?.[1]}`);
  if (chain.some(([from], i) => i > 0 && from !== chain[i - 1][1]))
    problems.push(`History breaks: ${chain.join(' ')}`);
  for (const [key, v] of Object.entries(emu.properties.document.data))
    if (key.startsWith('sheetsCrm.journal') && v) problems.push(`journal ${key} left open`);
  return problems;
}

describe('the write guard, for each writer', () => {
  const start = twelveDeals(['Qualified', 'Negotiation']);
  start.run('menuRefresh');
  const saved = start.save();

  it.each(WRITERS)(
    '%s: a sort at any call, or a failure at any call, loses, moves or doubles nothing',
    (name, write) => {
      const { flushes, probed } = probedCallsOf(saved, write);
      const problems: string[] = [];
      let events = 0;
      for (const k of probed)
        for (const what of ['sort', 'sort after writes', 'fault'] as const) {
          if (what === 'sort after writes' && !flushes.has(k)) continue;
          // A re-import's ~200 calls failing one by one are reimportFaults.test.ts's (with History checked
          // the same way); here, its sorts.
          if (what === 'fault' && name === 'a re-import') continue;
          const emu = fresh(saved);
          const first = startOf(emu);
          const stageCol = columnOf(emu, 'Stage');
          if (what === 'fault') emu.acc.injectFault({ nth: k });
          else
            emu.acc.beforeCall(
              k,
              () =>
                emu
                  .sheet('Deals')
                  .rangeAt(2, 1, 12, emu.sheet('Deals').maxColumns)
                  .sort({ column: stageCol }),
              what === 'sort after writes',
            );
          try {
            write(emu);
          } catch {
            // The execution died: the next refresh completes what it left.
          }
          emu.acc.clearFaults();
          events++;
          emu.run('menuRefresh');
          for (const p of problemsOf(emu, first)) problems.push(`${what} at call ${k}: ${p}`);
        }
      expect(events).toBeGreaterThanOrEqual(probed.length);
      expect(problems).toEqual([]);
    },
  );
});
