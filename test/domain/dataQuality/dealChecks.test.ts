// The data-quality rules on single deals, with the words a rep reads in the Check column.
import { checkDeal, checkText } from '../../../src/domain/dataQuality/dealChecks';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { deal, TZ } from '../../support/deals';

const settings = defaultSettings('owner@example.com');
const now = new Date('2026-03-10T15:00:00Z');
const check = (fields: Parameters<typeof deal>[0], idRows?: Map<string, number[]>) =>
  checkText(checkDeal(deal(fields, settings), { settings, now, timeZone: TZ, idRows }));

/** An open deal with every field its stage needs, entered 9 days before `now`. */
const COMPLETE_OPEN = {
  deal: 'Acme',
  stage: 'Quote sent',
  amount: 5000,
  closeDate: new Date('2026-04-30T04:00:00Z'),
  contact: 'Ann',
  stageEntered: new Date('2026-03-01T15:00:00Z'),
};

describe('checkDeal', () => {
  it('passes a complete open deal', () => {
    expect(check(COMPLETE_OPEN)).toBe('');
  });

  it('names the other rows of the same deal, company, owner, stage, amount and close date (a row pasted twice)', () => {
    const check9 = (twins: number[]) =>
      checkText(checkDeal(deal(COMPLETE_OPEN, settings, 4), { settings, now, timeZone: TZ, twins }));
    expect(check9([9])).toBe(
      'Same deal, company, owner, stage, amount and close date as row 9: if it is one deal, delete a row',
    );
    expect(check9([9, 12])).toContain('as rows 9, 12:');
    expect(check9([])).toBe('');
  });

  it('reads a forecast category in any case or spacing, and names one it does not know', () => {
    // Salesforce writes "Best Case"; a warehouse best_case.
    for (const written of ['Best Case', 'best_case', ' COMMIT ', 'Pipeline'])
      expect(check({ ...COMPLETE_OPEN, forecastCategory: written })).toBe('');
    expect(check({ ...COMPLETE_OPEN, forecastCategory: 'Upside' })).toBe(
      'Forecast category "Upside" is not Pipeline, Best case, Commit, Closed or Omitted: the forecast counts it as its stage’s (Best case)',
    );
  });

  it('names the fields a stage needs, accumulated from the earlier open stages', () => {
    expect(check({ deal: 'Acme', stage: 'Qualified' })).toBe('Qualified needs Amount, Close date, Contact');
  });

  it('asks Won only for what Won needs, not for every earlier stage’s fields', () => {
    expect(check({ deal: 'Acme', stage: 'Won' })).toBe('');
  });

  it('says an amount typed in another currency than the CRM’s, instead of counting it in dollars', () => {
    const base = { deal: 'Acme', stage: 'Lost', lostReason: 'Price' };
    expect(check({ ...base, amount: '£1,200' })).toBe(
      'Amount "£1,200" is in GBP, and this CRM counts in USD (write it in USD, or list its currency under Exchange rates in CRM Settings)',
    );
    expect(check({ ...base, amount: '$1,200' })).toBe('');
  });

  it('flags an open deal whose next step date has passed, naming the step; not a closed one', () => {
    const open = { ...COMPLETE_OPEN, nextStep: 'Send the revised quote' };
    // NOW is 10 March 2026 (New York): the 9th has passed, the 10th has not.
    expect(check({ ...open, nextStepDate: new Date('2026-03-09T15:00:00Z') })).toBe(
      'Next step "Send the revised quote" was due 2026-03-09',
    );
    expect(check({ ...open, nextStepDate: new Date('2026-03-10T15:00:00Z') })).toBe('');
    expect(check({ ...open, nextStep: '', nextStepDate: new Date('2026-03-02T15:00:00Z') })).toBe(
      'Next step was due 2026-03-02',
    );
    expect(
      check({
        deal: 'Acme',
        stage: 'Lost',
        lostReason: 'Price',
        nextStepDate: new Date('2026-03-02T15:00:00Z'),
      }),
    ).toBe('');
  });

  it('flags a closed deal whose close date is more than 30 days from the day it was closed (issue 27)', () => {
    const won = { deal: 'Acme', stage: 'Won', amount: 5000, stageEntered: new Date('2026-03-05T15:00:00Z') };
    // Marked Won on 5 March 2026; the close date still says the planned 30 November 2025: 95 days.
    expect(check({ ...won, closeDate: new Date('2025-11-30T17:00:00Z') })).toBe(
      'Close date 2025-11-30 is 95 days from when the deal was marked Won (2026-03-05)',
    );
    expect(check({ ...won, closeDate: new Date('2026-02-03T17:00:00Z') })).toBe(''); // 30 days: fine
    expect(
      check({
        deal: 'Acme',
        stage: 'Lost',
        lostReason: 'Price',
        stageEntered: won.stageEntered,
        closeDate: new Date('2026-06-30T16:00:00Z'),
      }),
    ).toBe('Close date 2026-06-30 is 117 days from when the deal was marked Lost (2026-03-05)');
    // No Stage entered (an import without one): nothing to compare.
    expect(
      check({ deal: 'Acme', stage: 'Won', amount: 5000, closeDate: new Date('2025-11-30T17:00:00Z') }),
    ).toBe('');
  });

  it('says an empty or unknown stage in words', () => {
    expect(check({ deal: 'Acme' })).toBe('Stage is empty');
    // A lost reason says what the stage likely is (an export's lost deals with their stage left blank).
    expect(check({ deal: 'Acme', lostReason: 'Price' })).toBe(
      'Stage is empty, with Lost reason "Price": if it was lost, set Stage to Lost',
    );
    expect(check({ deal: 'Acme', stage: 'Pending' })).toBe(
      'Stage "Pending" is not a stage in CRM Settings (add it to Stages)',
    );
  });

  it('asks a lost deal for its reason, and a competitor when the reason needs one', () => {
    expect(check({ deal: 'Acme', stage: 'Lost' })).toBe('Lost needs a Lost reason');
    expect(check({ deal: 'Acme', stage: 'Lost', lostReason: 'Lost to competitor' })).toBe(
      'Lost to competitor needs Competitor',
    );
    expect(check({ deal: 'Acme', stage: 'Lost', lostReason: 'Too expensive' })).toBe(
      'Lost reason "Too expensive" is not in CRM Settings',
    );
  });

  it('flags a lost reason on a deal that is not lost: an export’s lost deal left at its last stage, or a deal reopened', () => {
    expect(check({ ...COMPLETE_OPEN, lostReason: 'Price' })).toBe(
      'Lost reason "Price" on a deal at Quote sent: if it was lost, set Stage to Lost; if not, clear the reason',
    );
    expect(check({ deal: 'Acme', stage: 'Won', amount: 100, closeDate: now, lostReason: 'Price' })).toContain(
      'Lost reason "Price" on a deal at Won',
    );
    expect(check({ deal: 'Acme', stage: 'Lost', lostReason: 'Price' })).toBe('');
  });

  it('keeps unreadable values visible, naming the column and the value', () => {
    expect(check({ deal: 'Acme', stage: 'Lost', lostReason: 'Price', amount: 'about 5k' })).toBe(
      'Amount "about 5k" is not a valid number',
    );
    // A separator that could be a decimal point or a thousands one: both readings, and how to write it.
    expect(check({ deal: 'Acme', stage: 'Lost', lostReason: 'Price', amount: '1.200' })).toBe(
      'Amount "1.200" could be 1.2 or 1200 (write it as a plain number, such as 1200)',
    );
  });

  it('flags an open deal whose close date has passed, counting days in the spreadsheet zone', () => {
    const text = check({
      deal: 'Acme',
      stage: 'Negotiation',
      amount: 100,
      contact: 'Ann',
      closeDate: new Date('2026-03-09T05:00:00Z'),
      stageEntered: now,
    });
    expect(text).toBe('Close date 2026-03-09 has passed');
  });

  it('flags a deal idle past its stage’s limit', () => {
    const text = check({
      deal: 'Acme',
      stage: 'Quote sent',
      amount: 100,
      contact: 'Ann',
      closeDate: new Date('2026-05-01T04:00:00Z'),
      stageEntered: new Date('2026-02-20T15:00:00Z'),
    });
    // Entered 2026-02-20 in New York, 18 days before now (2026-03-10): over the 14 allowed.
    expect(text).toBe('No stage change since 2026-02-20 (Quote sent allows 14 days)');
  });

  it('says a deal idle past the timeout once: the day, then what to consider', () => {
    const idle = {
      deal: 'Acme',
      amount: 100,
      contact: 'Ann',
      closeDate: new Date('2026-05-01T04:00:00Z'),
      stageEntered: new Date('2025-11-20T15:00:00Z'),
    };
    // 110 days before now: over the stage's 14 days and CRM Settings' 90 (timed out).
    expect(check({ ...idle, stage: 'Quote sent' })).toBe(
      'No stage change since 2025-11-20 (Quote sent allows 14 days); consider Lost, Timed out',
    );
    // A stage with no limit of its own: the day is said with the timeout.
    const noLimit = {
      ...settings,
      stages: settings.stages.map((s) => (s.name === 'Quote sent' ? { ...s, staleAfterDays: null } : s)),
    };
    const text = checkText(
      checkDeal(deal({ ...idle, stage: 'Quote sent' }, noLimit), { settings: noLimit, now, timeZone: TZ }),
    );
    expect(text).toBe('No stage change since 2025-11-20: consider Lost, Timed out');
  });

  it('with no Stage entered (an import without stage history), dates idleness from the last update, not from creation', () => {
    // Created 2025-11-20 and last modified 2026-03-05 in the CRM it came from: the stage may have
    // changed any day up to the 5th, so "no stage change since 2025-11-20" could be false; since the
    // 5th it is true. 5 days is within Quote sent's 14, so nothing is said.
    const imported = {
      deal: 'Acme',
      stage: 'Quote sent',
      amount: 100,
      contact: 'Ann',
      closeDate: new Date('2026-05-01T04:00:00Z'),
      created: new Date('2025-11-20T15:00:00Z'),
    };
    expect(check({ ...imported, updated: new Date('2026-03-05T15:00:00Z') })).toBe('');
    // Last modified 2026-02-01: idle since then for sure (37 days).
    expect(check({ ...imported, updated: new Date('2026-02-01T15:00:00Z') })).toBe(
      'No stage change since 2026-02-01 (Quote sent allows 14 days)',
    );
    // Nothing but its creation known: dated from there, as before.
    expect(check(imported)).toBe(
      'No stage change since 2025-11-20 (Quote sent allows 14 days); consider Lost, Timed out',
    );
    // A Stage entered, when there is one, is what counts (an update since does not restart the clock).
    expect(
      check({
        ...imported,
        stageEntered: new Date('2026-02-01T15:00:00Z'),
        updated: new Date('2026-03-09T15:00:00Z'),
      }),
    ).toBe('No stage change since 2026-02-01 (Quote sent allows 14 days)');
  });

  it('names the other rows of a duplicate Deal ID when the whole sheet is known', () => {
    const rows = new Map([['D-1', [2, 5, 9]]]);
    expect(check({ dealId: 'D-1', deal: 'Acme', stage: 'Lost', lostReason: 'Price' }, rows)).toBe(
      'Deal ID D-1 is also on rows 5, 9',
    );
  });
});
