// The playground's board and report pages in headless chromium: the board workbook a founder would
// share, and the CRM's report tabs, drawn with their charts and without console errors.
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../local/playground/server';
import { createDemoWorkbook } from '../../local/playground/session';
import { axeViolations, launch, screenshot } from '../support/browser';
import { DIST } from '../support/emulator';

let browser: Browser;
let playground: Playground;
let page: Page | undefined;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  const emu = createDemoWorkbook(new Date('2026-03-10T15:00:00Z'));
  emu.run('menuUpdateBoard');
  playground = await startPlayground(emu, DIST);
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});
afterAll(async () => {
  await playground?.close();
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  errors.length = 0;
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${playground.url}${path}`);
  return page;
}

describe('the playground in a browser', () => {
  it('renders the board workbook with its charts drawn, and no console errors', async () => {
    const p = await open('/board');
    await p.waitForSelector('.ct-chart svg');
    expect(await p.locator('h2').allTextContents()).toEqual(['Board', 'Board definitions']);
    expect(await p.locator('figcaption').allTextContents()).toEqual([
      'Expected against target',
      'Won and lost by month',
      'Pipeline by month',
      'Lost value by reason',
    ]);
    expect(await p.locator('.ct-chart svg').count()).toBe(4);
    expect(await p.locator('.ct-chart .ct-bar, .ct-chart .ct-slice-pie').count()).toBeGreaterThan(5);
    expect(await p.locator('main').textContent()).toContain('Since the last board meeting');
    // Each chart says what its colours are, and its axis reads 2,500,000 rather than 2500000.
    const legends = await p
      .locator('figure')
      .evaluateAll((figs) =>
        figs.map((f) => [...f.querySelectorAll('.legend li')].map((li) => li.textContent)),
      );
    expect(legends[0]).toEqual(['Expected (won + weighted)', 'Target']);
    expect(legends[1]).toEqual(['Won', 'Lost']);
    expect(legends[2]).toEqual([
      'Open pipeline (1st of month)',
      'Weighted next 3 months (1st of month)',
      'New pipeline',
    ]);
    expect(legends[3].length).toBeGreaterThan(1);
    // The demo has a year of History and no Forecast history before today: page one's forecast record
    // and the monthly trend stand on snapshots rebuilt from History, and say so.
    const text = (await p.locator('main').textContent())!;
    expect(text).not.toContain('No month has a forecast snapshot yet');
    expect(text).toMatch(/\d+ of these months are judged against a forecast rebuilt from History/);
    expect(text).toMatch(/The forecast (was about right|ran high|ran low): won came to \d+% of it/);
    const axis = await p.locator('.ct-axis-title, .ct-label.ct-vertical').allTextContents();
    expect(axis.length).toBeGreaterThan(3);
    expect(axis.filter((t) => /^\d{4,}$/.test(t.trim()))).toEqual([]);
    // The board's two frozen rows (title and status) are the table's head, and stay at the top of its
    // cells' box as it scrolls (the cells are sticky; a row's own box does not move).
    const box = p.locator('section').first().locator('.table');
    expect(await box.locator('thead tr').count()).toBe(2);
    await box.evaluate((el) => (el.scrollTop = 600));
    const top = (l: ReturnType<Page['locator']>) => l.evaluate((el) => el.getBoundingClientRect().top);
    const boxTop = await top(box);
    const titleTop = await top(box.locator('thead tr').first().locator('th, td').first());
    const bodyTop = await top(box.locator('tbody tr').first().locator('th, td').first());
    expect(Math.abs(titleTop - boxTop)).toBeLessThan(2);
    expect(bodyTop).toBeLessThan(boxTop - 100); // the rest scrolled away
    await box.evaluate((el) => (el.scrollTop = 0));
    await screenshot(p, 'board');
    expect(await axeViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('renders the CRM report tabs with their charts', async () => {
    const p = await open('/reports');
    await p.waitForSelector('.ct-chart svg');
    expect(await p.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Forecast', 'Funnel', 'Forecast history']),
    );
    expect(await p.locator('.ct-chart svg').count()).toBe(3);
    await screenshot(p, 'reports');
    expect(errors).toEqual([]);
  });
});
