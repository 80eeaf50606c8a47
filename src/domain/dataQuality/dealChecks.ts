// Data-quality rules: what is wrong with a deal, in words a rep can act on ("Quote sent needs Amount,
// Close date"). The same rules drive the Check column, row highlights and the Data issues tab.
import { fieldLabel, type FieldKey } from '../../shared/fields';
import { FORECAST_CATEGORIES, type Settings, type StageDef } from '../../shared/settings';
import { isoDay } from '../../shared/zonedTime';
import { daysBetween } from '../values/cellParsing';
import { clipped, rowsNamed } from '../values/text';
import { hasValue, type Deal } from '../deals/deal';
import { requiredFor } from '../settings/stageLookup';
import { knownIndustry, knownOwner } from '../deals/dealSet';
import { lostDealProblem, needsMessage } from '../../shared/stageRules';
import { bothReadings, otherCurrency } from '../../shared/amountReading';

/** A deal whose close date was pushed this many times is flagged. */
export const PUSHES_FLAGGED = 3;
/** A closed deal's close date further than this from the day it was closed is flagged. */
const CLOSED_DAYS_APART = 30;
/** An amount of 0 is flagged from this probability up (earlier stages may not know the amount yet). */
export const ZERO_AMOUNT_FROM_PROBABILITY = 0.4;

export type RuleId =
  | 'no-stage'
  | 'unknown-stage'
  | 'missing-field'
  | 'lost-no-reason'
  | 'unknown-lost-reason'
  | 'competitor-missing'
  | 'reason-not-lost'
  | 'bad-value'
  | 'overdue'
  | 'next-step-overdue'
  | 'close-date-far'
  | 'zero-amount'
  | 'stale'
  | 'timed-out'
  | 'duplicate-id'
  | 'unknown-owner'
  | 'unknown-industry'
  | 'unknown-category'
  | 'twin-deal'
  | 'pushed';

export interface Violation {
  rule: RuleId;
  message: string;
}

export interface RuleContext {
  settings: Settings;
  now: Date;
  timeZone: string;
  /** Rows on which each Deal ID appears, when the whole sheet is known. */
  idRows?: ReadonlyMap<string, number[]>;
  /**
   * Other rows holding the same deal, company, owner, stage, amount and close date (a row pasted twice),
   * when the whole sheet is known (see sameDealRows in editEffects.ts).
   */
  twins?: readonly number[];
}

// The fields the missing-field rule checks per stage (the Lost reason has rules of its own), worked
// out once per stage list rather than once per deal.
const checkedByStages = new WeakMap<readonly StageDef[], Map<string, FieldKey[]>>();
function checkedFields(stage: StageDef, stages: readonly StageDef[]): FieldKey[] {
  let byName = checkedByStages.get(stages);
  if (!byName) checkedByStages.set(stages, (byName = new Map()));
  let fields = byName.get(stage.name);
  if (!fields) {
    fields = requiredFor(stage, stages).filter((k) => k !== 'lostReason');
    byName.set(stage.name, fields);
  }
  return fields;
}

/**
 * For an amount whose one separator could be a decimal point or a thousands one ("€1.200"): both
 * readings and how to write it; null for any other text.
 */
function eitherSeparator(raw: string): string | null {
  const both = bothReadings(raw);
  return both ? `could be ${both[0]} or ${both[1]} (write it as a plain number, such as ${both[1]})` : null;
}

/** The longest message of one broken rule, in characters. */
const MAX_MESSAGE = 300;

/** The values of a deal that could not be read: an amount, a date, a number, a stamp. */
function badValues(deal: Deal, currency: string, add: (rule: RuleId, message: string) => void): void {
  const badValue = (label: string, p: { kind: string; raw?: string }, what: string) => {
    if (p.kind === 'bad') add('bad-value', `${label} "${p.raw}" is not a valid ${what}`);
  };
  const otherMoney = deal.amount.kind === 'bad' ? otherCurrency(deal.amount.raw, currency) : null;
  if (otherMoney && deal.amount.kind === 'bad')
    add(
      'bad-value',
      `Amount "${deal.amount.raw}" is in ${otherMoney}, and this CRM counts in ${currency} (write it in ${currency}, or list its currency under Exchange rates in CRM Settings)`,
    );
  else if (deal.amount.kind === 'bad' && eitherSeparator(deal.amount.raw))
    add('bad-value', `Amount "${deal.amount.raw}" ${eitherSeparator(deal.amount.raw)}`);
  else badValue('Amount', deal.amount, 'number');
  badValue('Close date', deal.closeDate, 'date');
  badValue('Employees', deal.employees, 'number');
  badValue('Next step date', deal.nextStepDate, 'date');
  badValue('Probability', deal.probability, 'percentage');
  for (const stamp of deal.unreadStamps ?? []) add('bad-value', `${stamp} is not a valid date`);
}

/** Every rule a deal breaks, in a stable order. */
export function checkDeal(deal: Deal, ctx: RuleContext): Violation[] {
  const out: Violation[] = [];
  // A message quotes what the row holds (a stage, an owner, rows sharing an ID), which may be long:
  // cut, so that the Check cell and Data issues stay readable and within a cell's limit.
  const add = (rule: RuleId, message: string) => out.push({ rule, message: clipped(message, MAX_MESSAGE) });
  const { settings, timeZone } = ctx;

  badValues(deal, settings.general.currency, add);

  const stage = deal.stage;
  if (!deal.stageText)
    add(
      'no-stage',
      deal.lostReason.trim()
        ? `Stage is empty, with Lost reason "${deal.lostReason.trim()}": if it was lost, set Stage to Lost`
        : 'Stage is empty',
    );
  else if (!stage)
    add('unknown-stage', `Stage "${deal.stageText}" is not a stage in CRM Settings (add it to Stages)`);
  if (stage) {
    const missing = checkedFields(stage, settings.stages).filter((k) => !hasValue(deal, k));
    if (missing.length) add('missing-field', needsMessage(stage.name, missing.map(fieldLabel)));
    if (stage.type === 'Lost') {
      const problem = lostDealProblem(stage.name, deal.lostReason, deal.competitor, settings.lostReasons);
      if (problem) add(problem.rule, problem.message);
    } else if (deal.lostReason.trim())
      // An export's lost deal left at the stage it was lost at (no status column), or a deal reopened.
      add(
        'reason-not-lost',
        `Lost reason "${deal.lostReason.trim()}" on a deal at ${stage.name}: if it was lost, set Stage to Lost; if not, clear the reason`,
      );
    if (stage.type === 'Open') openDealChecks(deal, stage, ctx, add);
    else closedDateCheck(deal, stage, timeZone, add);
    const probability = deal.probability.kind === 'ok' ? deal.probability.value : stage.probability;
    if (
      stage.type !== 'Lost' &&
      deal.amount.kind === 'ok' &&
      deal.amount.value === 0 &&
      probability >= ZERO_AMOUNT_FROM_PROBABILITY
    )
      add('zero-amount', `Amount is 0 at ${Math.round(probability * 100)}%`);
  }
  if (deal.owner && !knownOwner(deal.owner, settings))
    add('unknown-owner', `Owner "${deal.owner}" is not in CRM Settings (add it to Owners)`);
  if (deal.industry && !knownIndustry(deal.industry, settings))
    add('unknown-industry', `Industry "${deal.industry}" is not in CRM Settings (add it to Industries)`);
  if (
    deal.forecastCategory &&
    deal.stage &&
    !(FORECAST_CATEGORIES as readonly string[]).includes(deal.forecastCategory)
  )
    add(
      'unknown-category',
      `Forecast category "${deal.forecastCategory}" is not ${FORECAST_CATEGORIES.slice(0, -1).join(', ')} or ${FORECAST_CATEGORIES.at(-1)}: the forecast counts it as its stage’s (${deal.stage.category})`,
    );
  if (deal.closeDatePushes >= PUSHES_FLAGGED)
    add('pushed', `Close date pushed ${deal.closeDatePushes} times`);
  const rows = deal.id ? ctx.idRows?.get(deal.id) : undefined;
  if (rows && rows.length > 1)
    add(
      'duplicate-id',
      `Deal ID ${deal.id} is also on ${rowsNamed(
        rows.filter((r) => r !== deal.row),
        SHOWN_ROWS,
      )}`,
    );
  const twins = ctx.twins;
  if (twins?.length)
    add(
      'twin-deal',
      `Same deal, company, owner, stage, amount and close date as ${rowsNamed(twins, SHOWN_ROWS)}: if it is one deal, delete a row`,
    );
  return out;
}

type Add = (rule: RuleId, message: string) => void;

/**
 * Other rows a whole-tab rule names (the first few, then "…"): a Deal ID filled down a thousand rows
 * would otherwise write every row's number into each of their Check cells.
 */
export const SHOWN_ROWS = 5;

/**
 * With no Stage entered (an export without stage history), the stage may have changed any day up to
 * the deal's last update, so idleness is counted from the later of its creation and its last update:
 * "no stage change since" then says what is known, never a day the stage may have changed after.
 */
function idleSince(deal: Deal): Date | null {
  const { created, updated } = deal;
  if (!created || !updated) return created ?? updated;
  return updated.getTime() > created.getTime() ? updated : created;
}

/**
 * An open deal's dates: close date passed, next step due, idle for longer than the stage allows or
 * than the timeout. Worded with days, not counts of days since, so the words change only with the deal.
 */
function openDealChecks(deal: Deal, stage: StageDef, ctx: RuleContext, add: Add): void {
  const { settings, now, timeZone } = ctx;
  if (deal.closeDate.kind === 'ok' && daysBetween(deal.closeDate.value, now, timeZone) > 0)
    add('overdue', `Close date ${isoDay(deal.closeDate.value, timeZone)} has passed`);
  // A to-do whose day has gone: named with its day, so the words change only when the deal does.
  const step = deal.nextStepDate;
  if (step.kind === 'ok' && daysBetween(step.value, now, timeZone) > 0)
    add(
      'next-step-overdue',
      `Next step${deal.nextStep ? ` "${deal.nextStep}"` : ''} was due ${isoDay(step.value, timeZone)}`,
    );
  // Worded with the day of the last change, not a count of days: the words, and so the Check
  // column and Data issues, then change only when the deal does, not every morning.
  const since = deal.stageEntered ?? idleSince(deal);
  const idle = since ? daysBetween(since, now, timeZone) : null;
  const day = () => isoDay(since!, timeZone);
  const stale = idle !== null && stage.staleAfterDays !== null && idle > stage.staleAfterDays;
  if (stale)
    add('stale', `No stage change since ${day()} (${stage.name} allows ${stage.staleAfterDays} days)`);
  // The day is said once: after the stage's limit, the timeout adds only what to consider.
  const timeout = settings.general.timedOutAfterDays;
  if (idle !== null && timeout !== null && idle > timeout)
    add('timed-out', `${stale ? '' : `No stage change since ${day()}: `}consider Lost, Timed out`);
}

/**
 * Reports count a closed deal in its close date's month: a close date far from the day it was closed
 * (a planned date never updated) puts it in the wrong month.
 */
function closedDateCheck(deal: Deal, stage: StageDef, timeZone: string, add: Add): void {
  if (deal.stageEntered && deal.closeDate.kind === 'ok') {
    const apart = Math.abs(daysBetween(deal.closeDate.value, deal.stageEntered, timeZone));
    if (apart > CLOSED_DAYS_APART)
      add(
        'close-date-far',
        `Close date ${isoDay(deal.closeDate.value, timeZone)} is ${apart} days from when the deal was marked ${stage.name} (${isoDay(deal.stageEntered, timeZone)})`,
      );
  }
}

/** The Check column's text for a list of violations. */
export function checkText(violations: readonly Violation[]): string {
  return violations.map((v) => v.message).join('; ');
}
