// Tabs that list deals: one per segment (with subtotals) and Data issues (every rule a row breaks, in
// words, grouped per owner as a fix list, each with a link to its row).
import { FIELD_BY_KEY } from '../../shared/fields';
import type { Deal } from '../deal';
import type { Violation } from '../rules';
import { DATE, MONEY, PERCENT, ReportGrid, type ReportCell } from '../reportGrid';

const value = (p: Deal['amount']) => (p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : '');
const date = (p: Deal['closeDate']) => (p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : '');

/** A link to a row of the Deals tab, as a formula the report writes. */
export function rowLink(dealsSheetId: number, row: number): ReportCell {
  return { formula: `=HYPERLINK("#gid=${dealsSheetId}&range=A${row}","Row ${row}")` };
}

/** The tab for one segment: subtotals, then its deals. */
export function segmentReport(
  segment: string,
  deals: readonly Deal[],
  status: ReportCell[],
  dealsSheetId: number,
): ReportGrid {
  const g = new ReportGrid();
  const open = deals.filter((d) => d.stage?.type === 'Open');
  const amount = (ds: readonly Deal[]) =>
    ds.reduce((a, d) => a + (d.amount.kind === 'ok' ? d.amount.value : 0), 0);
  const weighted = open.reduce(
    (a, d) =>
      a +
      (d.amount.kind === 'ok'
        ? d.amount.value * (d.probability.kind === 'ok' ? d.probability.value : (d.stage?.probability ?? 0))
        : 0),
    0,
  );
  g.title(`Segment ${segment}`);
  g.status(status);
  g.blank();
  g.header(['Deals', 'Open', 'Open amount', 'Weighted', 'Won amount', 'Lost amount']);
  g.line(
    [
      deals.length,
      open.length,
      amount(open),
      weighted,
      amount(deals.filter((d) => d.stage?.type === 'Won')),
      amount(deals.filter((d) => d.stage?.type === 'Lost')),
    ],
    ['0', '0', MONEY, MONEY, MONEY, MONEY],
    true,
  );
  g.blank();
  g.header([
    'Row',
    FIELD_BY_KEY.dealId.header,
    'Deal',
    'Company',
    'Owner',
    'Stage',
    'Amount',
    'Close date',
    'Probability',
    'Industry',
    'Employees',
  ]);
  for (const d of deals)
    g.line(
      [
        rowLink(dealsSheetId, d.row),
        d.id,
        d.name,
        d.company,
        d.owner,
        d.stageText,
        value(d.amount),
        date(d.closeDate),
        d.probability.kind === 'ok' ? d.probability.value : '',
        d.industry,
        d.employees.kind === 'ok' ? d.employees.value : '',
      ],
      ['', '', '', '', '', '', MONEY, DATE, PERCENT, '', '0'],
    );
  return g;
}

/** Data issues: per owner, each row that breaks a rule, with the rule in words and a link. */
export function dataIssuesReport(
  issues: readonly { deal: Deal; violations: Violation[] }[],
  status: ReportCell[],
  dealsSheetId: number,
): ReportGrid {
  const g = new ReportGrid();
  g.title('Data issues');
  g.status(status);
  g.blank();
  const byOwner = new Map<string, { deal: Deal; violations: Violation[] }[]>();
  for (const i of issues) {
    const owner = i.deal.owner || '(no owner)';
    (byOwner.get(owner) ?? byOwner.set(owner, []).get(owner)!).push(i);
  }
  if (issues.length === 0) g.line(['No rule is broken. Nice work.']);
  for (const [owner, list] of [...byOwner.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    g.header([`${owner}: ${list.length} ${list.length === 1 ? 'row' : 'rows'} to fix`]);
    g.header(['Row', 'Deal ID', 'Deal', 'Stage', 'What to fix']);
    for (const { deal, violations } of list)
      for (const v of violations)
        g.line([rowLink(dealsSheetId, deal.row), deal.id, deal.name, deal.stageText, v.message]);
    g.blank();
  }
  return g;
}
