// Browser tests of the real dist/Sidebar.html in headless chromium, with google.script.run bridged to
// dist/Code.js on the emulator: creating, moving, losing a deal, a conflict, a sorted sheet, and an
// accessibility check (labels, focus order, contrast).
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../local/playground/server';
import type { Emulator } from '../../local/emulator';
import { launch, screenshot } from '../support/browser';
import { DIST } from '../support/emulator';
import { cell, columnOf, crm, pasteRows, record, records, type } from '../support/crm';

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
const status = (page: Page) => page.locator('#status');

async function fillNewDeal(page: Page) {
  await page.click('#new-deal');
  await page.fill('#f-deal', 'Acme renewal');
  await page.fill('#f-company', 'Acme Inc');
  await page.fill('#f-contact', 'Ann Lee');
  await page.fill('#f-amount', '12,000');
  await page.fill('#f-closeDate', '2026-06-30');
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
    const ctx = await open();
    const { page } = ctx;
    await fillNewDeal(page);
    await page.click('#save');
    await page.waitForSelector('#status.ok');
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

  it('shows a conflict when another execution edited the deal, and loses nothing', async () => {
    const ctx = await open();
    const { page, emu } = ctx;
    await fillNewDeal(page);
    await page.click('#save');
    await page.waitForSelector('#status.ok');
    type(emu, 'Amount', 2, '20000', { user: 'boss@example.com' });
    await page.fill('#f-amount', '15000');
    await page.selectOption('#f-stage', 'Qualified');
    await page.click('#save');
    await page.waitForSelector('#conflict:not([hidden])');
    const listed = await page.locator('#conflict-changes li').allTextContents();
    expect(listed).toEqual([
      'Changed in the sheet: Amount is now "20000" (you have "15000")',
      'Your change: Stage "Qualified"',
    ]);
    expect(cell(emu, 'Amount', 2)).toBe(20000);
    expect(await page.inputValue('#f-amount')).toBe('15000');
    await screenshot(page, 'sidebar-conflict');
    await page.click('#keep-mine');
    await page.click('#save');
    await page.waitForSelector('#status.ok');
    expect(cell(emu, 'Amount', 2)).toBe(15000);
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

  it('finds deals added by others after pressing Reload deals', async () => {
    const ctx = await open();
    const { page, emu } = ctx;
    type(emu, 'Deal', 2, 'Wayne pilot', { user: 'rep@example.com' });
    await page.fill('#search', 'wayne');
    expect(await page.locator('#results li').count()).toBe(0);
    await page.click('#reload');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === '1 deal.');
    await page.fill('#search', '');
    await page.fill('#search', 'wayne');
    expect(await page.locator('#results li .name').allTextContents()).toEqual(['Wayne pilot']);
  });

  it('passes an accessibility check: labels, focus order and contrast', async () => {
    const ctx = await open((emu) => type(emu, 'Deal', 2, 'Acme'));
    const { page } = ctx;
    await page.click('#new-deal');
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    });
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
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
      'reload',
      'f-deal',
      'f-company',
      'f-contact',
      'f-email',
      'f-owner',
    ]);
    await screenshot(page, 'sidebar-new-deal');
  });
});
