// The Funnel tab's content: stage reach and conversions (with skipped stages in strict mode), days in
// stage, win rates, lost reasons, sales cycle, open quotes and velocity.
import type { Funnel, LostReasonRow, Rate } from './funnel';
import { DAYS, MONEY, PERCENT, ReportGrid, type ReportCell } from '../reports/reportGrid';

/** Lays out the Funnel tab. */
export function funnelReport(f: Funnel, status: ReportCell[]): ReportGrid {
  const g = new ReportGrid();
  g.title(`Funnel: ${f.period.toLowerCase()}, ${f.mode === 'Strict' ? 'strict' : 'any-stage'} counting`);
  g.status(status);
  g.blank();
  const stagesHeader = g.rows.length + 1;
  g.header([
    'Stage',
    'Deals that reached it',
    'Skipped it',
    'Converted to next stage',
    'Converted to Won',
    'Average days in stage',
  ]);
  for (const s of f.stages)
    g.line(
      [s.stage, s.reached, s.skipped, s.toNext ?? '', s.toWon ?? '', s.avgDaysInStage ?? ''],
      ['', '0', '0', PERCENT, PERCENT, DAYS],
    );
  g.chart = {
    title: 'Deals reaching each stage',
    type: 'BAR',
    a1: `A${stagesHeader}:B${stagesHeader + f.stages.length}`,
    anchorColumn: 8,
  };
  g.line([
    f.mode === 'Strict'
      ? 'Strict: a deal counts in a stage only if it was recorded there; "Skipped it" counts deals that jumped over the stage.'
      : 'Any stage: a deal that reached a later stage counts in every earlier stage.',
  ]);
  if (f.withoutHistory)
    g.line([
      `${f.withoutHistory} deals have no stage history (imported before the CRM): their path is taken from their current stage, and days in stage from Stage entered or Created.`,
    ]);
  g.blank();
  const rates = (title: string, rows: Rate[]) => {
    g.header([title, 'Won', 'Lost', 'Win rate']);
    for (const r of rows) g.line([r.name, r.won, r.lost, r.winRate ?? ''], ['', '0', '0', PERCENT]);
    g.blank();
  };
  rates('Win rate', [f.winRate]);
  rates('Win rate by owner', f.byOwner);
  rates('Win rate by segment', f.bySegment);
  rates('Win rate by lead source', f.byLeadSource);
  const reasons = (title: string, rows: LostReasonRow[]) => {
    g.header([title, 'Deals', 'Value']);
    if (rows.length === 0) g.line(['(none)']);
    for (const r of rows) g.line([r.reason, r.count, r.value], ['', '0', MONEY]);
    g.blank();
  };
  reasons('Lost reason', f.lostReasons);
  for (const s of f.lostBySegment) reasons(`Lost reason, segment ${s.segment}`, s.reasons);
  reasons('Lost to competitor', f.lostByCompetitor);
  g.header(['Measure', 'Value']);
  g.line(['Sales cycle, created to won (days)', f.salesCycleDays ?? ''], ['', DAYS]);
  if (f.openQuotes)
    g.line(
      [`Open quotes (deals in ${f.openQuotes.stage})`, f.openQuotes.count, f.openQuotes.value],
      ['', '0', MONEY],
    );
  g.line(['Sales velocity (expected won value per 30 days)', f.velocityPer30Days ?? ''], ['', MONEY]);
  return g;
}
