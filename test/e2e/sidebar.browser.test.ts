// Browser tests of the real dist/Sidebar.html in headless chromium, with google.script.run bridged to
// dist/Code.js on the emulator: creating, moving, losing a deal, teammates' changes, a sorted sheet,
// search, a slow load, unsaved changes, the keyboard path, the sticky action bar, a day-first locale,
// and an accessibility check (axe, focus order).
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../local/playground/server';
import type { Emulator } from '../../local/emulator';
import { axeViolations, launch, screenshot } from '../support/browser';
import { DIST } from '../support/emulator';
import { a1, cell, columnOf, crm, pasteRows, record, records, type } from '../support/crm';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Ctx {
  emu: Emulator;
  playground: Playground;
  page: Page;
}

/** What the current test opened; closed in afterEach, whether the test passed or not. */
let opened: Partial<Ctx> = {};
afterEach(async () => {
  await opened.page?.close();
  await opened.playground?.close();
  opened = {};
});

async function open(setup: (emu: Emulator) => void = () => undefined): Promise<Ctx> {
  const emu = crm();
  setup(emu);
  const playground = await startPlayground(emu, DIST);
  opened = { emu, playground };
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  opened.page = page;
  await page.goto(`${playground.url}/sidebar`);
  await page.waitForSelector('#app[data-ready="true"]');
  return { emu, playground, page };
}
const deals = (emu: Emulator) => emu.values('Deals');
/** Delays every call of the server function `fn` by `ms`, as google.script.run's latency does. */
async function slowCalls(page: Page, fn: string, ms: number): Promise<void> {
  await page.route('**/run', async (route) => {
    if ((route.request().postData() ?? '').includes(`"fn":"${fn}"`))
      await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}
/** A deal row as pasted into the grid, with what its stage requires. */
const deal = (name: string, stage: string) => ({
  Deal: name,
  Company: `${name} Co`,
  Contact: 'Ann',
  Email: '',
  Owner: 'owner@example.com',
  Stage: stage,
  Amount: '100',
  'Close date': '2026-04-01',
});
const status = (page: Page) => page.locator('#status');

async function fillNewDeal(page: Page) {
  await page.click('#new-deal');
  await page.fill('#f-deal', 'Acme renewal');
  await page.fill('#f-company', 'Acme Inc');
  await page.fill('#f-contact', 'Ann Lee');
  await page.fill('#f-amount', '12,000');
  await page.fill('#f-closeDate', '2026-06-30');
}

/** The sidebar open on a new deal the rep filled in and saved (row 2 of Deals). */
async function openSavedDeal(): Promise<Ctx> {
  const ctx = await open();
  await fillNewDeal(ctx.page);
  await ctx.page.click('#save');
  await ctx.page.waitForSelector('#status.ok');
  return ctx;
}

describe('the deal sidebar in a browser', () => {
  it('creates a deal', async () => {
    const ctx = await open();
    await fillNewDeal(ctx.page);
    await ctx.page.click('#save');
    await ctx.page.waitForSelector('#status.ok');
    expect(await status(ctx.page).textContent()).toMatch(
      /^Created Acme renewal \(Opportunity identified\) as D-/,
    );
    expect(record(ctx.emu, 2)).toMatchObject({
      Deal: 'Acme renewal',
      Company: 'Acme Inc',
      Contact: 'Ann Lee',
    });
    await screenshot(ctx.page, 'sidebar-created');
  });

  it('moves a deal through the stages, hitting and fixing a required-field error, to Won', async () => {
    // Today is 20 May 2026 (noon UTC, the same day in the spreadsheet's zone).
    const ctx = await open((emu) => {
      emu.env.nowMs = Date.parse('2026-05-20T12:00:00Z');
    });
    const { page } = ctx;
    await page.click('#new-deal');
    await page.fill('#f-deal', 'Globex pilot');
    await page.selectOption('#f-stage', 'Qualified');
    await page.click('#save');
    expect(await page.locator('#err-amount').textContent()).toBe('Qualified needs Amount');
    expect(await page.locator('#f-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#err-contact').textContent()).toBe('Qualified needs Contact');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-contact');
    await screenshot(page, 'sidebar-required-field-error');
    expect(deals(ctx.emu)).toHaveLength(1);
    await page.fill('#f-amount', '-8000');
    await page.click('#save');
    expect(await page.locator('#err-amount').textContent()).toBe(
      'Amount cannot be negative (-8000); write what the deal is worth',
    );
    await page.fill('#f-amount', '8k');
    // A date typed in the spreadsheet's order (en_US: month first) is echoed in words; an impossible
    // one is refused with the reason, not rolled over or emptied.
    await page.fill('#f-closeDate', '02/31/2026');
    expect(await page.locator('#hint-closeDate').textContent()).toBe(
      '"02/31/2026": February 2026 has 28 days',
    );
    await page.fill('#f-closeDate', '05/31/2026');
    expect(await page.locator('#hint-closeDate').textContent()).toBe('Sun 31 May 2026');
    await page.fill('#f-contact', 'Hank');
    await page.click('#save');
    await page.waitForSelector('#status.ok');
    const globex = records(ctx.emu).find((r) => r.Deal === 'Globex pilot');
    expect(globex?.Amount).toBe(8000);
    const zone = ctx.emu.ss.getSpreadsheetTimeZone();
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(globex?.['Close date'] as Date)).toBe(
      '2026-05-31',
    );
    for (const stage of ['Solution designed with customer', 'Quote sent', 'Negotiation']) {
      await page.selectOption('#f-stage', stage);
      await page.click('#save');
      await page.waitForFunction(
        (s) => document.getElementById('status')?.textContent === `Saved Globex pilot (${s}).`,
        stage,
      );
    }
    // Mark won proposes today for the future close date, shows it, and leaves the save to the rep:
    // focus is on Save, and Ctrl+Enter saves from anywhere in the form.
    await page.click('#mark-won');
    expect(await status(page).textContent()).toBe(
      'Won, closing today (Wed 20 May 2026). Save (Ctrl+Enter) to record it.',
    );
    expect(await page.inputValue('#f-closeDate')).toBe('2026-05-20');
    expect(await page.locator('#hint-closeDate').textContent()).toBe('Wed 20 May 2026');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('save');
    expect(records(ctx.emu).find((r) => r.Deal === 'Globex pilot')?.Stage).toBe('Negotiation');
    await page.focus('#f-notes');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Saved Globex pilot (Won).',
    );
    const won = records(ctx.emu).find((r) => r.Deal === 'Globex pilot');
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(won?.['Close date'] as Date)).toBe(
      '2026-05-20',
    );
    // The close date moved from 31 May to today is recorded beside the stage change.
    const history = ctx.emu
      .values('History')
      .slice(1)
      .map((r) => [
        r[2],
        typeof r[4] === 'string'
          ? r[4]
          : new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(r[4] as Date),
      ]);
    expect(history).toEqual([
      ['Stage', 'Qualified'],
      ['Stage', 'Solution designed with customer'],
      ['Stage', 'Quote sent'],
      ['Stage', 'Negotiation'],
      ['Stage', 'Won'],
      ['Close date', '2026-05-20'],
    ]);
    expect(await page.locator('#history li').count()).toBe(6);
    await screenshot(page, 'sidebar-won');
  });

  it('marks a deal lost with a reason, asking for the competitor', async () => {
    const ctx = await openSavedDeal();
    const { page } = ctx;
    await page.click('#mark-lost');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-lostReason');
    await page.selectOption('#f-lostReason', 'Lost to competitor');
    expect(await page.locator('#wrap-competitor').isVisible()).toBe(true);
    await page.click('#save');
    expect(await page.locator('#err-competitor').textContent()).toBe('Lost to competitor needs Competitor');
    await page.fill('#f-competitor', 'Globex');
    await page.click('#save');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Saved Acme renewal (Lost).',
    );
    expect(record(ctx.emu, 2)).toMatchObject({
      Stage: 'Lost',
      'Lost reason': 'Lost to competitor',
      Competitor: 'Globex',
    });
    await screenshot(page, 'sidebar-lost');
  });

  it('marks a deal lost or won with the stage named so when CRM Settings lists another of that type first', async () => {
    const ctx = await open((emu) => {
      // "Disqualified" (Lost) listed before "Lost", and "Renewed" (Won) before "Won".
      emu.userEdit('CRM Settings', 'A8', 'Renewed');
      emu.userEdit('CRM Settings', 'A9', 'Disqualified');
      emu.userEdit('CRM Settings', 'A10:F11', [
        ['Won', 'Won', 1, 'Closed', '', ''],
        ['Lost', 'Lost', 0, 'Omitted', 'Lost reason', ''],
      ]);
    });
    const { page } = ctx;
    await fillNewDeal(page);
    await page.click('#save');
    await page.waitForSelector('#status.ok');
    await page.click('#mark-lost');
    expect(await page.inputValue('#f-stage')).toBe('Lost');
    await page.click('#mark-won');
    expect(await page.inputValue('#f-stage')).toBe('Won');
  });

  it('shows a reopened deal’s lost reason, so the rep can clear what the Check column flags', async () => {
    const ctx = await openSavedDeal();
    const { page } = ctx;
    await page.click('#mark-lost');
    await page.selectOption('#f-lostReason', 'Price');
    await page.click('#save');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Saved Acme renewal (Lost).',
    );
    // Reopened: the reason is still on the deal, so it stays in sight (hidden, it could not be cleared).
    await page.selectOption('#f-stage', 'Negotiation');
    expect(await page.locator('#wrap-lostReason').isVisible()).toBe(true);
    expect(await page.inputValue('#f-lostReason')).toBe('Price');
    await page.selectOption('#f-lostReason', '');
    await page.click('#save');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Saved Acme renewal (Negotiation).',
    );
    expect(record(ctx.emu, 2)).toMatchObject({ Stage: 'Negotiation', 'Lost reason': '' });
    // Once cleared, an open deal's form hides the field again.
    expect(await page.locator('#wrap-lostReason').isVisible()).toBe(false);
  });

  it('keeps a teammate’s change to another field silently, and asks only about a field changed on both sides', async () => {
    const ctx = await openSavedDeal();
    const { page, emu } = ctx;
    type(emu, 'Lead source', 2, 'Referral', { user: 'boss@example.com' });
    type(emu, 'Amount', 2, '20000', { user: 'boss@example.com' });
    await page.fill('#f-amount', '15000');
    await page.selectOption('#f-stage', 'Qualified');
    await page.click('#save');
    await page.waitForSelector('#conflict:not([hidden])');
    const listed = await page.locator('#conflict-changes li').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(
      /^Amount: you typed “15000”; boss@example\.com changed it to “20000” \(.+\)\. It was “12000”\.$/,
    );
    expect(cell(emu, 'Amount', 2)).toBe(20000);
    expect(cell(emu, 'Stage', 2)).toBe('Opportunity identified');
    expect(await page.inputValue('#f-amount')).toBe('15000');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('keep-mine');
    await screenshot(page, 'sidebar-conflict');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#status.ok');
    expect(record(emu, 2)).toMatchObject({ Amount: 15000, Stage: 'Qualified', 'Lead source': 'Referral' });
    expect(await page.inputValue('#f-leadSource')).toBe('Referral');
  });

  it('says a value pasted in the sheet was changed there without naming anyone, as Google does not say who', async () => {
    const ctx = await openSavedDeal();
    const { page, emu } = ctx;
    // Boss types a lead source (History names them); then a paste replaces it (no entry, no name).
    type(emu, 'Lead source', 2, 'Referral', { user: 'boss@example.com' });
    emu.userEdit('Deals', a1(emu, 'Lead source', 2), 'Partner', { kind: 'paste', user: 'pat@example.com' });
    await page.selectOption('#f-leadSource', 'Event');
    await page.click('#save');
    await page.waitForSelector('#conflict:not([hidden])');
    expect(await page.locator('#conflict-changes li').allTextContents()).toEqual([
      'Lead source: you typed “Event”; it was changed in the sheet to “Partner” (by a paste or a script: Google does not say who). It was “—”.',
    ]);
  });

  it('puts the sheet’s value in the form with Use theirs, keeping the rep’s other changes to save', async () => {
    const ctx = await openSavedDeal();
    const { page, emu } = ctx;
    type(emu, 'Amount', 2, '20000', { user: 'boss@example.com' });
    await page.fill('#f-amount', '15000');
    await page.fill('#f-nextStep', 'Send contract');
    await page.click('#save');
    await page.waitForSelector('#conflict:not([hidden])');
    await page.click('#use-theirs');
    expect(await page.inputValue('#f-amount')).toBe('20000');
    expect(await status(page).textContent()).toBe(
      'The sheet’s values are in the form. Save (Ctrl+Enter) to record your other changes.',
    );
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.ok');
    expect(record(emu, 2)).toMatchObject({ Amount: 20000, 'Next step': 'Send contract' });
  });

  it('updates the right row when the Deals tab was sorted between load and save', async () => {
    const ctx = await open((emu) =>
      pasteRows(emu, 2, [
        {
          Deal: 'Zeta',
          Company: 'Z Co',
          Contact: 'Zed',
          Email: '',
          Owner: '',
          Stage: 'Qualified',
          Amount: '100',
          'Close date': '2026-09-01',
        },
        {
          Deal: 'Alpha',
          Company: 'A Co',
          Contact: 'Al',
          Email: '',
          Owner: '',
          Stage: 'Qualified',
          Amount: '200',
          'Close date': '2026-09-01',
        },
      ]),
    );
    const { page, emu } = ctx;
    await page.fill('#search', 'zeta');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    emu.sheet('Deals').sort(columnOf(emu, 'Deal'), true);
    await page.selectOption('#f-stage', 'Quote sent');
    await page.click('#save');
    await page.waitForSelector('#status.ok');
    expect(records(emu).map((r) => [r['Deal'], r['Stage']])).toEqual([
      ['Alpha', 'Qualified'],
      ['Zeta', 'Quote sent'],
    ]);
  });

  it('finds a deal typed into the grid at once, counts matches, and offers to create one when none match', async () => {
    const ctx = await open();
    const { page, emu } = ctx;
    type(emu, 'Deal', 2, 'Wayne pilot', { user: 'rep@example.com' });
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Wayne pilot']);
    expect(await page.locator('#results-count').textContent()).toBe('1 deal found.');
    await page.fill('#search', 'Umbrella rollout');
    await page.waitForFunction(
      () => document.getElementById('results-count')?.textContent === 'No deal matches.',
    );
    expect(await page.locator('#results li .name').allTextContents()).toEqual([
      'Create deal “Umbrella rollout”',
    ]);
    await page.keyboard.press('Enter');
    expect(await page.locator('#deal-title').textContent()).toBe('New deal');
    expect(await page.inputValue('#f-deal')).toBe('Umbrella rollout');
    expect(await page.inputValue('#f-owner')).toBe('owner@example.com');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-company');
  });

  it('keeps what the rep types while a save is on its way (1.5 s), and says it is not saved yet', async () => {
    const ctx = await openSavedDeal();
    const { page, emu } = ctx;
    await slowCalls(page, 'saveDeal', 1500);
    await page.fill('#f-amount', '15000');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saving…');
    await page.focus('#f-notes');
    await page.keyboard.type('call back Tuesday');
    await page.waitForSelector('#status.ok');
    expect(await page.inputValue('#f-notes')).toBe('call back Tuesday');
    expect(await page.inputValue('#f-amount')).toBe('15000');
    expect(await status(page).textContent()).toContain(
      'What you typed while it saved (Notes) is not saved yet',
    );
    expect(record(emu, 2)).toMatchObject({ Amount: 15000, Notes: '' });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => /^Saved/.test(document.getElementById('status')?.textContent ?? ''));
    await page.waitForSelector('#status.ok');
    expect(record(emu, 2)).toMatchObject({ Amount: 15000, Notes: 'call back Tuesday' });
  });

  it('opens another deal chosen while a save is on its way only once it is saved, never mixing the two (1.5 s)', async () => {
    const ctx = await open((emu) =>
      pasteRows(emu, 2, [deal('Wayne pilot', 'Quote sent'), deal('Globex pilot', 'Quote sent')]),
    );
    const { page, emu } = ctx;
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    await slowCalls(page, 'saveDeal', 1500);
    let saves = 0;
    page.on('request', (r) => void (/"fn":"saveDeal"/.test(r.postData() ?? '') && saves++));
    await page.fill('#f-nextStep', 'Call Bruce');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saving…');
    // Before, the form was asked about as unsaved; on Discard it showed Globex, then the save's answer
    // drew Wayne over it with Globex's values as "typed while it saved": one more Save wrote them to Wayne.
    await page.fill('#search', 'globex');
    await page.waitForSelector('#results li .name:text("Globex pilot")');
    await page.keyboard.press('Enter');
    expect(await page.locator('#unsaved').isVisible()).toBe(false);
    await page.waitForFunction(
      () => (document.getElementById('f-deal') as HTMLInputElement)?.value === 'Globex pilot',
    );
    expect(await page.inputValue('#f-nextStep')).toBe('');
    expect(await page.inputValue('#f-company')).toBe('Globex pilot Co');
    expect(record(emu, 2)).toMatchObject({
      Deal: 'Wayne pilot',
      Company: 'Wayne pilot Co',
      'Next step': 'Call Bruce',
    });
    expect(record(emu, 3)).toMatchObject({ Deal: 'Globex pilot', 'Next step': '' });
    // A second Ctrl+Enter while a save is on its way does not send it again.
    await page.fill('#f-nextStep', 'Send deck');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.ok');
    expect(await status(page).textContent()).toMatch(/^Saved/);
    expect(record(emu, 3)).toMatchObject({ 'Next step': 'Send deck' });
    expect(saves).toBe(2);
  });

  it('opens what the query as typed finds, waiting for it, not the list of an earlier query (1 s searches)', async () => {
    const ctx = await open((emu) =>
      pasteRows(emu, 2, [deal('Gadget rollout', 'Qualified'), deal('Globex pilot', 'Qualified')]),
    );
    const { page } = ctx;
    await slowCalls(page, 'searchDeals', 1000);
    await page.focus('#search');
    await page.keyboard.type('g');
    await page.waitForSelector('#results li');
    expect(await page.locator('#results li .name').allTextContents()).toEqual([
      'Gadget rollout',
      'Globex pilot',
    ]);
    // "lobex" and Enter at once: the list on screen is still the one for "g".
    await page.keyboard.type('lobex');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    expect(await page.inputValue('#f-deal')).toBe('Globex pilot');
  });

  it('names a new deal after the query as typed, not after a prefix that matched nothing (1 s searches)', async () => {
    const ctx = await open();
    const { page } = ctx;
    await slowCalls(page, 'searchDeals', 1000);
    await page.focus('#search');
    await page.keyboard.type('Umb');
    await page.waitForSelector('#results li');
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Create deal “Umb”']);
    await page.keyboard.type('rella rollout');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    expect(await page.inputValue('#f-deal')).toBe('Umbrella rollout');
  });

  it('does not save on a plain Enter in a field: keys that strayed into the deal name are not saved by it', async () => {
    const ctx = await open((emu) => pasteRows(emu, 2, [deal('Wayne pilot', 'Qualified')]));
    const { page, emu } = ctx;
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-deal');
    // The rep goes on typing a next search, and presses Enter, in the deal name.
    await page.keyboard.type('acme');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(cell(emu, 'Deal', 2)).toBe('Wayne pilot');
    expect(await status(page).textContent()).not.toMatch(/^Saved/);
    // Ctrl+Enter is the way to save from a field.
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.ok');
    expect(cell(emu, 'Deal', 2)).toBe('Wayne pilotacme');
  });

  it('blocks typing while a deal loads, so no key lands in the deal', async () => {
    const ctx = await open((emu) => type(emu, 'Deal', 2, 'Wayne pilot'));
    const { page } = ctx;
    await slowCalls(page, 'getDeal', 700);
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Opening deal…');
    await page.keyboard.type('back');
    await page.waitForSelector('#editor:not([hidden])');
    await page.waitForFunction(() => document.activeElement?.id === 'f-deal');
    expect(await page.inputValue('#f-deal')).toBe('Wayne pilot');
  });

  it('asks before switching away from unsaved changes, and keeps them on Keep editing', async () => {
    const ctx = await open((emu) =>
      pasteRows(emu, 2, [deal('Wayne pilot', 'Quote sent'), deal('Acme renewal', 'Quote sent')]),
    );
    const { page, emu } = ctx;
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    await page.fill('#f-nextStep', 'Call Bruce');
    await page.click('#new-deal');
    expect(await page.locator('#unsaved').isVisible()).toBe(true);
    expect(await page.locator('#unsaved-message').textContent()).toBe(
      'You changed Wayne pilot and have not saved it.',
    );
    await page.click('#unsaved-stay');
    expect(await page.inputValue('#f-nextStep')).toBe('Call Bruce');
    await page.click('#close');
    await page.click('#unsaved-save');
    await page.waitForSelector('#editor[hidden]', { state: 'attached' });
    expect(record(emu, 2)['Next step']).toBe('Call Bruce');
  });

  it('marks won and lost from the keyboard in a few keys, then offers Reopen on the closed deal', async () => {
    const ctx = await open((emu) => {
      emu.env.nowMs = Date.parse('2026-05-20T12:00:00Z');
      pasteRows(emu, 2, [deal('Zeta', 'Negotiation'), deal('Yak', 'Negotiation')]);
    });
    const { page, emu } = ctx;
    const keys: string[] = [];
    const press = async (k: string) => {
      keys.push(k);
      await page.keyboard.press(k);
    };
    await page.fill('#search', 'zeta');
    await page.waitForSelector('#results li');
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-deal');
    keys.length = 0; // counted from the open deal
    await press('Alt+KeyW');
    await press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Zeta (Won).');
    expect(keys.length).toBeLessThanOrEqual(6);
    expect(record(emu, 2).Stage).toBe('Won');
    expect(await page.locator('#mark-won').isVisible()).toBe(false);
    expect(await page.locator('#reopen').isVisible()).toBe(true);
    await press('Alt+KeyR');
    expect(await page.inputValue('#f-stage')).toBe('Negotiation');
    await press('Control+Enter');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Saved Zeta (Negotiation).',
    );

    await page.fill('#search', 'yak');
    await page.waitForSelector('#results li');
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-deal');
    keys.length = 0;
    await press('Alt+KeyL');
    await press('ArrowDown'); // the first reason, Price
    await press('Control+Enter');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Saved Yak (Lost).');
    expect(keys.length).toBeLessThanOrEqual(6);
    expect(record(emu, 3)).toMatchObject({ Stage: 'Lost', 'Lost reason': 'Price' });
  });

  it('opens on the rep’s day, most pressing first; Enter opens the first, Alt+N saves it and opens the next (1–2 s calls)', async () => {
    const ctx = await open((emu) => {
      emu.env.nowMs = Date.parse('2026-05-20T12:00:00Z');
      pasteRows(emu, 2, [
        deal('Late close', 'Negotiation'),
        deal('Step due', 'Negotiation'),
        deal('Fine', 'Negotiation'),
      ]);
      type(emu, 'Close date', 2, '2026-05-01'); // passed
      type(emu, 'Close date', 3, '2026-07-01');
      type(emu, 'Next step', 3, 'Send the quote');
      type(emu, 'Next step date', 3, '2026-05-18'); // due two days ago
      type(emu, 'Close date', 4, '2026-07-01');
      // A second owner in CRM Settings, with a deal of his own: the day picker appears.
      const owners = emu.values('CRM Settings')[1].map(String).indexOf('Owner');
      const letter = (n: number) => String.fromCharCode(65 + n);
      emu.userEdit('CRM Settings', `${letter(owners)}4:${letter(owners + 1)}4`, [['Sam', 'sam@example.com']]);
      pasteRows(emu, 5, [{ ...deal('Sam late', 'Negotiation'), Owner: 'sam@example.com' }]);
      emu.run('menuRefresh');
    });
    const { page, emu } = ctx;
    for (const [fn, ms] of [
      ['getMyDay', 1500],
      ['getDeal', 1200],
      ['saveDeal', 2000],
    ] as const)
      await slowCalls(page, fn, ms);
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForSelector('#results li');
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Step due', 'Late close']);
    expect(await page.locator('#results-count').textContent()).toMatch(
      /^My day: 2 deals to look at, most pressing first \(as of 2026-05-20 \d\d:\d\d\)/,
    );
    expect(await page.locator('#results li .meta').first().textContent()).toContain(
      'Next step "Send the quote" was due 2026-05-18',
    );
    expect(await page.locator('#day-picker').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sidebar-my-day');
    // A manager looks at Sam's day, then back at their own.
    await page.selectOption('#day-owner', 'sam@example.com');
    await page.waitForFunction(() =>
      document.getElementById('results-count')?.textContent?.startsWith('sam@'),
    );
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Sam late']);
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#day-owner', '');
    await page.waitForFunction(() =>
      document.getElementById('results-count')?.textContent?.startsWith('My day'),
    );
    await page.focus('#search');
    const keys: string[] = [];
    const press = async (k: string) => {
      keys.push(k);
      await page.keyboard.press(k);
    };
    await press('Enter');
    await page.waitForFunction(() => document.getElementById('deal-title')?.textContent === 'Step due');
    // The rep moves the step on (typed text is not counted as keys), then saves and goes to the next.
    await page.fill('#f-nextStepDate', '2026-05-27');
    await press('Alt+KeyN');
    await page.waitForFunction(
      () => document.getElementById('deal-title')?.textContent === 'Late close',
      null,
      {
        timeout: 15_000,
      },
    );
    expect(keys).toEqual(['Enter', 'Alt+KeyN']);
    // The list, as of the last refresh, no longer shows the deal whose to-do was just done.
    await page.waitForFunction(() => document.querySelectorAll('#results li').length === 1, null, {
      timeout: 10_000,
    });
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Late close']);
    expect(String(cell(emu, 'Next step date', 3))).toContain('2026-05-27');
    expect(
      records(emu, 'History').some(
        (h) => h['Field'] === 'Next step date' && String(h['To']).includes('2026-05-27'),
      ),
    ).toBe(true);
  });

  it('keeps Save, Won, Lost and Close in view at 300 × 600, wherever the form is scrolled', async () => {
    const ctx = await open((emu) => type(emu, 'Deal', 2, 'Wayne pilot'));
    const { page } = ctx;
    await page.setViewportSize({ width: 300, height: 600 });
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    const inView = (id: string) =>
      page.evaluate((i) => {
        const r = document.getElementById(i)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      }, id);
    for (const scroll of [0, 400, 100000]) {
      await page.evaluate((y) => window.scrollTo(0, y), scroll);
      for (const id of ['save', 'mark-won', 'mark-lost', 'close'])
        expect([scroll, id, await inView(id)]).toEqual([scroll, id, true]);
    }
    expect(await inView('status')).toBe(true);
    await screenshot(page, 'sidebar-sticky-actions');
  });

  it('brings a refused field into view above the action bar, and says in the status what it needs', async () => {
    const ctx = await open((emu) => type(emu, 'Deal', 2, 'Wayne pilot'));
    const { page } = ctx;
    await page.setViewportSize({ width: 300, height: 600 });
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    await page.selectOption('#f-stage', { label: 'Lost' });
    // Fields further down are cleared, and the page is at its top: the refused field lies far below.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#save');
    await page.waitForFunction(() => document.activeElement?.id === 'f-lostReason');
    const placed = await page.evaluate(() => {
      const field = document.getElementById('f-lostReason')!.getBoundingClientRect();
      const bar = document.querySelector('.actions')!.getBoundingClientRect();
      return { top: field.top >= 0, aboveBar: field.bottom <= bar.top };
    });
    expect(placed).toEqual({ top: true, aboveBar: true });
    expect(await status(page).textContent()).toBe('Some fields need attention: Lost needs Lost reason.');
  });

  it('reads dates and amounts in a day-first, decimal-comma spreadsheet', async () => {
    const ctx = await open((emu) => {
      emu.ss.setSpreadsheetLocale('de_DE');
      emu.run('menuSetUp'); // set up again: the CRM reads the spreadsheet's locale then
    });
    const { page, emu } = ctx;
    await fillNewDeal(page);
    await page.fill('#f-amount', '1.234,50');
    await page.fill('#f-closeDate', '13.01.2026');
    expect(await page.locator('#hint-closeDate').textContent()).toBe('Tue 13 Jan 2026');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.ok');
    const zone = emu.ss.getSpreadsheetTimeZone();
    const saved = record(emu, 2);
    expect(saved.Amount).toBe(1234.5);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(saved['Close date'] as Date)).toBe(
      '2026-01-13',
    );
  });

  it('lets the playground grid and the sidebar be tried together: typing in the grid fires onEdit, and the grid follows sidebar saves', async () => {
    const ctx = await open((emu) => pasteRows(emu, 2, [deal('Pasted pilot', 'Quote sent')]));
    const { playground, emu } = ctx;
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    try {
      await page.goto(playground.url);
      const grid = (header: string, row: number) =>
        page.locator(`#grid input[aria-label="${header}, row ${row}"]`);
      await grid('Deal', 2).fill('Typed in the grid');
      await grid('Deal', 2).press('Enter');
      await page.waitForFunction(() =>
        /^Edited Deal, row 2\.$/.test(document.getElementById('grid-status')?.textContent ?? ''),
      );
      expect(String(cell(emu, 'Deal ID', 2))).toMatch(/^D-/);
      expect(await grid('Deal ID', 2).inputValue()).toBe(String(cell(emu, 'Deal ID', 2)));
      // The sidebar in the page's frame finds that deal and saves it; the grid shows the save.
      const sidebar = page.frameLocator('iframe[title="Deal sidebar"]');
      await sidebar.locator('#search').fill('pasted');
      await sidebar.locator('#results li').first().waitFor();
      await sidebar.locator('#search').press('Enter');
      await sidebar.locator('#f-nextStep').fill('Call from the sidebar');
      await sidebar.locator('#f-nextStep').press('Control+Enter');
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLInputElement>('#grid input')].some(
          (i) => i.value === 'Call from the sidebar',
        ),
      );
      expect(cell(emu, 'Next step', 2)).toBe('Call from the sidebar');
    } finally {
      await page.close();
    }
  });

  it('says when to retry a save that meets a running refresh, and keeps what was typed', async () => {
    const ctx = await open((emu) => pasteRows(emu, 2, [deal('Wayne pilot', 'Quote sent')]));
    const { page, emu } = ctx;
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#editor:not([hidden])');
    // The refresh holds the document lock for the whole save: the server's answer is the busy error.
    await page.route('**/run', async (route) => {
      if (!(route.request().postData() ?? '').includes('"fn":"saveDeal"')) return route.continue();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: 'Another Sheets CRM task is still running in this spreadsheet. Try again in a minute.',
        }),
      });
    });
    await page.fill('#f-nextStep', 'Send the contract');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.error');
    expect(await status(page).textContent()).toBe(
      'Not saved: Another Sheets CRM task is still running in this spreadsheet. Try again in a minute. What you typed is still in the form.',
    );
    expect(await page.inputValue('#f-nextStep')).toBe('Send the contract');
    await page.unroute('**/run');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#status.ok');
    expect(record(emu, 2)['Next step']).toBe('Send the contract');
  });

  it('shows what the sheet knows of a deal, and its whole History on Show all', async () => {
    const ctx = await open((emu) => {
      pasteRows(emu, 2, [deal('Wayne pilot', 'Quote sent')]);
      for (let i = 1; i <= 12; i++) type(emu, 'Next step', 2, `Step ${i}`, { user: 'rep@example.com' });
    });
    const { page, emu } = ctx;
    await page.fill('#search', 'wayne');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#facts dt');
    const facts = await page
      .locator('#facts')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
        ),
      );
    expect(facts).toMatchObject({
      'Deal ID': String(cell(emu, 'Deal ID', 2)),
      Probability: expect.stringMatching(/^\d+% \(from stage\)$/),
      Forecast: expect.stringMatching(/\(from stage\)$/),
      'In stage': '0 days',
    });
    expect(await page.locator('#history li').count()).toBe(10);
    expect(await page.locator('#history li').first().textContent()).toMatch(
      /^Next step: Step 11 → Step 12 · .+ · rep@example\.com$/,
    );
    expect(await page.locator('#show-all').textContent()).toBe('Show all 13');
    await page.click('#show-all');
    await page.waitForFunction(() => document.querySelectorAll('#history li').length === 13);
    expect(await page.locator('#show-all').isVisible()).toBe(false);
  });

  it('passes an accessibility check: labels, focus order and contrast', async () => {
    const ctx = await open((emu) => type(emu, 'Deal', 2, 'Acme'));
    const { page } = ctx;
    await page.fill('#search', 'acme');
    await page.waitForSelector('#results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#facts dt');
    expect(await axeViolations(page)).toEqual([]);
    // Focus moves through the page in reading order, with no positive tabindex.
    expect(await page.locator('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').count()).toBe(0);
    await page.focus('#search');
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual([
      'search',
      'new-deal',
      'f-deal',
      'f-company',
      'f-contact',
      'f-email',
      'f-owner',
      'f-stage',
    ]);
    await screenshot(page, 'sidebar-new-deal');
  });
});
