// The Funnel tab's content: stage reach and cohort conversions (with skipped stages in strict mode),
// what was left out of the period and why, days in stage, win rates with won value, lost reasons,
// sales cycle, open quotes and velocity with the deals they rest on, and the coaching views.
import { counted } from '../values/text';
import type { Funnel, LostReasonRow, Rate } from './funnel';
import { DAYS, MONEY, PERCENT, ReportGrid, type ReportCell } from '../core/reportGrid';

/** Lays out the Funnel tab. `tail` adds tables shared by every report (unknowns). */
export function funnelReport(f: Funnel, status: ReportCell[], tail?: (g: ReportGrid) => void): ReportGrid {
  const g = new ReportGrid();
  g.title(`Funnel: ${f.period.toLowerCase()}, ${f.mode === 'Strict' ? 'strict' : 'any-stage'} counting`);
  g.status(status);
  g.blank();
  stageTable(g, f);
  countingNotes(g, f);
  g.blank();
  rateTables(g, f);
  lostTables(g, f);
  measures(g, f);
  coaching(g, f);
  tail?.(g);
  return g;
}

/** Reach, conversion and days per stage, with a chart, and the deals on stages CRM Settings lacks. */
function stageTable(g: ReportGrid, f: Funnel) {
  const stagesHeader = g.rows.length + 1;
  g.header([
    'Stage',
    'Deals that reached it',
    'Skipped it',
    'Moved on to a later stage',
    'Of those that reached it: won',
    'Average days in stage',
    'Stays averaged',
  ]);
  for (const s of f.stages)
    g.line(
      [
        s.stage,
        s.reached,
        s.skipped,
        s.toNext ?? '',
        s.toWon ?? '',
        s.avgDaysInStage ?? '',
        s.daysSample || '',
      ],
      ['', '0', '0', PERCENT, PERCENT, DAYS, '0'],
    );
  g.chart = {
    title: 'Deals reaching each stage',
    type: 'BAR',
    a1: `A${stagesHeader}:B${stagesHeader + f.stages.length}`,
    anchorColumn: 9,
  };
  for (const u of f.unknownStages) g.line([`Unknown stage: ${u.stage}`, u.deals], ['', '0']);
  if (f.noStage) g.line(['No stage', f.noStage], ['', '0']);
}

/** How deals were counted, and which were left out and why. */
function countingNotes(g: ReportGrid, f: Funnel) {
  g.line([
    f.mode === 'Strict'
      ? 'Strict: a deal counts in a stage only if it was recorded there; "Skipped it" counts deals that went past the stage without a recorded entry.'
      : 'Any stage: a deal that reached a later stage counts in every earlier stage.',
  ]);
  g.line([
    'Conversions are computed on the deals that reached each stage, so they never pass 100%. Lost deals count in every stage they passed.',
  ]);
  const openWithout = f.withoutHistory - f.closedWithoutHistory;
  if (openWithout)
    g.line([
      `${counted(openWithout, 'open deal')} in the period ${openWithout === 1 ? 'has' : 'have'} no stage history: ${f.mode === 'Strict' ? 'they count only in their current stage' : 'their path is taken from their current stage'}, and days in stage from Stage entered or Created.`,
    ]);
  if (f.closedWithoutHistory)
    g.line([
      `${counted(f.closedWithoutHistory, 'closed deal')} with no stage history ${f.closedWithoutHistory === 1 ? 'is' : 'are'} left out of reach, conversions and learned probabilities (where ${f.closedWithoutHistory === 1 ? 'it was' : 'they were'} won or lost is not known); win rates count ${f.closedWithoutHistory === 1 ? 'it' : 'them'}.`,
    ]);
  const left = [
    f.outsidePeriod
      ? `${counted(f.outsidePeriod, 'deal')} outside the period (${f.period.toLowerCase()}: closed deals by close date, open ones by created date)`
      : '',
    f.noDate
      ? `${counted(f.noDate, 'deal')} with no date to place ${f.noDate === 1 ? 'it' : 'them'} in the period (no close date when closed, no Created when open)`
      : '',
    f.unknownStages.length
      ? `${counted(
          f.unknownStages.reduce((a, u) => a + u.deals, 0),
          'deal',
        )} on stages CRM Settings lacks (listed above)`
      : '',
  ].filter(Boolean);
  g.line([`${counted(f.deals, 'deal')} counted.${left.length ? ` Not counted: ${left.join('; ')}.` : ''}`]);
}

/** Win rates overall and by owner, segment, lead source and industry. */
function rateTables(g: ReportGrid, f: Funnel) {
  const rates = (title: string, rows: Rate[]) => {
    g.header([title, 'Won', 'Lost', 'Win rate', 'Won value']);
    for (const r of rows)
      g.line([r.name, r.won, r.lost, r.winRate ?? '', r.wonValue], ['', '0', '0', PERCENT, MONEY]);
    g.blank();
  };
  rates('Win rate, all closed deals', [f.winRate]);
  rates('Win rate by owner', f.byOwner);
  rates('Win rate by segment', f.bySegment);
  rates('Win rate by lead source', f.byLeadSource);
  rates('Win rate by industry', f.byIndustry);
}

/** Why deals were lost: overall, per segment, and to which competitor. */
function lostTables(g: ReportGrid, f: Funnel) {
  const reasons = (title: string, rows: LostReasonRow[]) => {
    g.header([title, 'Deals', 'Value']);
    if (rows.length === 0) g.line(['(none)']);
    for (const r of rows) g.line([r.reason, r.count, r.value], ['', '0', MONEY]);
    g.blank();
  };
  reasons('Lost reason', f.lostReasons);
  for (const s of f.lostBySegment) reasons(`Lost reason, segment ${s.segment}`, s.reasons);
  reasons('Lost to competitor', f.lostByCompetitor);
}

/** Sales cycle, open quotes and velocity, each with the deals it rests on. */
function measures(g: ReportGrid, f: Funnel) {
  g.header(['Measure', 'Value', 'Based on']);
  g.line(
    [
      'Sales cycle, created to won (days)',
      f.salesCycleDays ?? '',
      `${counted(f.salesCycleDeals, 'won deal')} with both dates`,
    ],
    ['', DAYS, ''],
  );
  if (f.openQuotes)
    g.line(
      [
        `Open quotes (deals in ${f.openQuotes.stage})`,
        f.openQuotes.value,
        counted(f.openQuotes.count, 'deal'),
      ],
      ['', MONEY, ''],
    );
  g.line(
    [
      'Sales velocity (expected won value per 30 days)',
      f.velocityPer30Days ?? '',
      `${counted(f.velocityInputs.openDeals, 'open deal')} with an amount; average of ${counted(f.velocityInputs.wonDeals, 'won deal')} with an amount`,
    ],
    ['', MONEY, ''],
  );
}

/** The sales manager's tables: conversion per rep and stage beside the team's, win rate per rep and segment, learned probabilities. */
function coaching(g: ReportGrid, f: Funnel) {
  g.blank();
  g.title('Coaching');
  g.line([
    'Conversion from each stage to a later one, per rep beside the team. Differences of 10 points or more on at least 5 deals are named; every figure shows its deal count.',
  ]);
  const stages = f.teamStages.cells.map((c) => c.stage);
  g.header([
    'Conversion to a later stage',
    ...stages.flatMap((s) => [s, `${s}: deals`]),
    'Above the team in',
    'Below the team in',
  ]);
  const row = (r: typeof f.teamStages, compare: boolean) => {
    const above: string[] = [];
    const below: string[] = [];
    if (compare)
      r.cells.forEach((c, i) => {
        const team = f.teamStages.cells[i].conversion;
        if (c.conversion === null || team === null || c.reached < 5) return;
        if (c.conversion - team >= 0.1) above.push(c.stage);
        if (team - c.conversion >= 0.1) below.push(c.stage);
      });
    g.line(
      [
        r.owner,
        ...r.cells.flatMap((c) => [c.conversion ?? '', c.reached]),
        above.join(', '),
        below.join(', '),
      ],
      ['', ...r.cells.flatMap(() => [PERCENT, '0']), '', ''],
      !compare,
    );
  };
  for (const r of f.repStages) row(r, true);
  row(f.teamStages, false);
  g.blank();
  g.header(['Win rate by owner and segment', ...f.segments.flatMap((s) => [`${s}`, `${s}: closed deals`])]);
  for (const r of f.repSegments)
    g.line(
      [r.owner, ...r.rates.flatMap((x) => [x.winRate ?? '', x.won + x.lost])],
      ['', ...r.rates.flatMap(() => [PERCENT, '0'])],
    );
  g.blank();
  g.line([
    'Learned: the share of closed deals that entered the stage and were won. Sheets CRM > Use learned probabilities copies them into CRM Settings.',
  ]);
  g.header([
    'Learned probability by stage',
    'Probability in CRM Settings',
    'Learned from your deals',
    'Closed deals that entered it',
    'Of which won',
  ]);
  for (const l of f.learned)
    g.line([l.stage, l.configured, l.learned ?? '', l.closedDeals, l.won], ['', PERCENT, PERCENT, '0', '0']);
}
