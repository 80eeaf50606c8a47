// Tabs that list deals: one per segment (subtotals, then its deals) and Data issues (one row per deal
// that breaks a rule, what to fix in words, sorted by owner as a fix list, with a link to its row). Each
// list is a uniform body: formats per column, so its size never changes how a tab is written.
import { FIELD_BY_KEY } from '../../shared/fields';
import type { Deal } from '../deals/deal';
import { checkText, type Violation } from '../dataQuality/dealChecks';
import { DATE, MONEY, PERCENT, ReportGrid, type ReportCell } from '../core/reportGrid';

const value = (p: Deal['amount']) => (p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : '');
const date = (p: Deal['closeDate']) => (p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : '');
const amountOf = (d: Deal) => (d.amount.kind === 'ok' ? d.amount.value : 0);
const probabilityOf = (d: Deal) =>
  d.probability.kind === 'ok' ? d.probability.value : (d.stage?.probability ?? 0);

/**
 * A link to a row of the Deals tab, as a formula the report writes. It shows the row's number (the
 * column is headed Row), so the column sorts and filters as numbers, and each of the ~100,000 cells a
 * large list holds sends six characters fewer.
 */
export function rowLink(dealsSheetId: number, row: number): ReportCell {
  // Joined, not a template: a template's text is kept in pieces, put together again when first read
  // (the list's prints read every character of a hundred thousand of them).
  return { formula: ['=HYPERLINK("#gid=', dealsSheetId, '&range=A', row, '",', row, ')'].join('') };
}

/** The tab for one segment: subtotals, then its deals. */
export function segmentReport(
  segment: string,
  deals: readonly Deal[],
  status: ReportCell[],
  dealsSheetId: number,
): ReportGrid {
  const g = new ReportGrid();
  const byType = (t: string) => deals.filter((d) => d.stage?.type === t);
  const open = byType('Open');
  const sum = (ds: readonly Deal[], f: (d: Deal) => number) => ds.reduce((a, d) => a + f(d), 0);
  g.title(`Segment ${segment}`);
  g.status(status);
  g.blank();
  g.header([
    'Deals',
    'Open',
    'Won',
    'Lost',
    'Unknown or no stage',
    'Open amount',
    'Weighted',
    'Won amount',
    'Lost amount',
  ]);
  g.line(
    [
      deals.length,
      open.length,
      byType('Won').length,
      byType('Lost').length,
      deals.filter((d) => !d.stage).length,
      sum(open, amountOf),
      sum(open, (d) => amountOf(d) * probabilityOf(d)),
      sum(byType('Won'), amountOf),
      sum(byType('Lost'), amountOf),
    ],
    ['0', '0', '0', '0', '0', MONEY, MONEY, MONEY, MONEY],
    true,
  );
  g.blank();
  const formats = ['', '', '', '', '', '', MONEY, DATE, PERCENT];
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
  ]);
  g.body(formats, 1); // Deal ID: text
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
      ],
      formats,
    );
  return g;
}

/**
 * Rows listed per owner: a fix list longer than this is not read row by row, and at 100k deals an
 * uncapped tab holds half the deals, shifts with every new issue and is written again every day. The
 * counts stay whole, and the rest is a filter of the Check column away.
 */
export const ISSUES_LISTED_PER_OWNER = 500;

/**
 * Data issues: one row per deal that breaks a rule, what to fix in words, sorted by owner (each owner's
 * first ISSUES_LISTED_PER_OWNER rows, then how many more), with a link to its row.
 */
export function dataIssuesReport(
  issues: readonly { deal: Deal; violations: Violation[] }[],
  status: ReportCell[],
  dealsSheetId: number,
): ReportGrid {
  const g = new ReportGrid();
  const ownerOf = (d: Deal) => d.owner || '(no owner)';
  g.title('Data issues');
  g.status(status);
  const owners = new Map<string, number>();
  for (const i of issues) owners.set(ownerOf(i.deal), (owners.get(ownerOf(i.deal)) ?? 0) + 1);
  const perOwner = [...owners.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([o, n]) => `${o}: ${n}`);
  const capped = [...owners.values()].some((n) => n > ISSUES_LISTED_PER_OWNER);
  g.line([
    issues.length
      ? `Rows to fix per owner: ${perOwner.join('; ')}${capped ? ` (the first ${ISSUES_LISTED_PER_OWNER} of each are listed)` : ''}`
      : 'No rule is broken. Nice work.',
  ]);
  g.header(['Owner', 'Row', 'Deal ID', 'Deal', 'Stage', 'What to fix']);
  g.body([], 0); // Owner: text
  // Owners compared once each (localeCompare is slow over tens of thousands of rows), then by rank.
  const rank = new Map([...owners.keys()].sort((a, b) => a.localeCompare(b)).map((o, i) => [o, i]));
  const sorted = [...issues].sort(
    (a, b) => rank.get(ownerOf(a.deal))! - rank.get(ownerOf(b.deal))! || a.deal.row - b.deal.row,
  );
  // One row per deal, its fixes in the words of its Check cell: a deal is one task for its owner, and
  // at 100k deals the tab is half the size it is with a row per rule.
  let listed = 0;
  sorted.forEach(({ deal, violations }, i) => {
    const owner = ownerOf(deal);
    if (i > 0 && ownerOf(sorted[i - 1].deal) !== owner) listed = 0;
    if (++listed <= ISSUES_LISTED_PER_OWNER)
      g.line([
        owner,
        rowLink(dealsSheetId, deal.row),
        deal.id,
        deal.name,
        deal.stageText,
        checkText(violations),
      ]);
    else if (listed === ISSUES_LISTED_PER_OWNER + 1) {
      const more = owners.get(owner)! - ISSUES_LISTED_PER_OWNER;
      g.line([
        owner,
        '',
        '',
        '',
        '',
        `and ${more} more ${more === 1 ? 'row' : 'rows'}: filter Owner and Check on Deals to see them all`,
      ]);
    }
  });
  return g;
}
