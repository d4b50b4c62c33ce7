// Accessibility in the real app: axe-core finds nothing in each state a user reaches, and the
// timeline can be followed by ear (the polite live region and the map's text summary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, openApp, openReadyApp, screenshot, waitForMapIdle } from './driver';

const FIXTURES = new URL('../fixtures/browser-import/', import.meta.url).pathname;

/** Every axe-core violation (any impact), as "rule: elements", so a failure says what and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

const announcement = (page: Page) => page.getByTestId('timeline-announcement').innerText();

describe('axe-core finds no violations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('on the home screen, with the inset drawn', async () => {
    const { page } = await openReadyApp(browser);
    await page.waitForFunction(() => window.tripwireInset !== undefined, undefined, { timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('with an event selected in the past (the later events in sight are dimmed in the list)', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2000-07-19&event=putin-visits-pyongyang-2000' });
    await expect.poll(() => page.getByTestId('detail-panel').innerText()).toContain('Pyongyang');
    await expect.poll(() => page.locator('.event-row.is-future').count()).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('with a geography feature selected', async () => {
    const { page } = await openReadyApp(browser);
    await page.evaluate(() => window.tripwireStore!.getState().selectGeography('kadiz-2013'));
    await expect.poll(() => page.getByTestId('detail-panel').innerText()).toMatch(/Air Defense Identification Zone|KADIZ/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the export dialog', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2022-11-30&event=rus-chn-joint-air-patrol-2022-11' });
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('export-preview').innerText()).toContain('As of 30 Nov 2022');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the Deck… dialog', async () => {
    const { page } = await openReadyApp(browser);
    await page.getByRole('button', { name: 'Deck…' }).click();
    await page.getByRole('dialog', { name: 'Make a deck' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the Scenarios… dialog', async () => {
    const { page } = await openReadyApp(browser);
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenarios' });
    await expect.poll(() => dialog.getByRole('list', { name: 'Scenario library' }).innerText()).toContain('Built-in scenario');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the add-event form', async () => {
    const { page } = await openReadyApp(browser);
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('dialog', { name: 'Add event' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the column mapping step and the import report after it', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}acled-export.csv`);
    const dialog = page.getByRole('dialog', { name: /Which column is which/ });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toMatch(/Imported \d+ events/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the report of a broken import', async () => {
    const { page } = await openReadyApp(browser);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}broken.csv`);
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('was not imported');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('on a phone, with the event list open', async () => {
    const { page } = await openApp(browser, { width: 390, height: 844, hasTouch: true });
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Events', exact: true }).tap();
    await expect.poll(() => page.locator('.event-row').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('on a phone, with the inset shown', async () => {
    const { page } = await openApp(browser, { width: 390, height: 844, hasTouch: true });
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Inset map: Ukraine & Russia' }).tap();
    await page.waitForFunction(() => window.tripwireInset !== undefined, undefined, { timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('on a phone, with the timeline settings open', async () => {
    const { page } = await openApp(browser, { width: 390, height: 844, hasTouch: true });
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Timeline settings' }).tap();
    await page.getByRole('combobox', { name: 'Time mode' }).selectOption('window');
    await page.getByRole('combobox', { name: 'Window length' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a timeline a screen reader can follow', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('pressing End on the slider announces the date, and the events that appeared', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    await page.getByRole('slider').focus();
    await page.keyboard.press('End');
    await expect.poll(() => announcement(page)).toMatch(/^11 January 2023\. \d+ new events: .*and \d+ more\.$/);
    expect(await page.getByTestId('timeline-announcement').getAttribute('aria-live')).toBe('polite');
    await page.close();
  });

  it("stepping to the next event announces that event's title", async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    await page.getByRole('slider').focus();
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('.event-row.is-selected').count()).toBe(1);
    const title = await page.locator('.event-row.is-selected .event-row-title').innerText();
    await expect.poll(() => announcement(page)).toContain(`Selected: ${title}.`);
    await page.close();
  });

  it('while playing, it speaks at most once a second', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2000-01-01' });
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="timeline-announcement"]')!;
      const changes: number[] = [];
      (window as unknown as { announcements: number[] }).announcements = changes;
      new MutationObserver(() => changes.push(performance.now())).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(3500);
    await page.getByRole('button', { name: 'Pause' }).click();
    const times = await page.evaluate(() => (window as unknown as { announcements: number[] }).announcements);
    expect(times.length).toBeGreaterThanOrEqual(2);
    // A text change is one or two mutations (React may replace the text node, and under load the
    // two can be ~70 ms apart): mutations within 200 ms of an update's first one are that update.
    const spoken: number[] = [];
    for (const time of times) if (spoken.length === 0 || time - spoken[spoken.length - 1]! > 200) spoken.push(time);
    for (let i = 1; i < spoken.length; i++) expect(spoken[i]! - spoken[i - 1]!).toBeGreaterThanOrEqual(950);
    await page.close();
  });

  it("the map's canvas is described by an up-to-date summary: counts by category and the latest events", async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    expect(await page.locator('.maplibregl-canvas').first().getAttribute('aria-describedby')).toBe('map-summary');
    const summary = page.getByTestId('map-summary');
    await expect.poll(() => summary.textContent()).toMatch(/As of 1 July 2019, the map shows \d+ events \(.*diplomacy: \d+/);
    expect(await summary.textContent()).toContain('Putin–Kim summit in Vladivostok');
    expect(await summary.textContent()).not.toContain('2022');
    // Its button leads to the event list.
    await summary.getByRole('button', { name: 'Go to the event list' }).focus();
    await screenshot(page, 'map-summary-focused');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('event-list');
    await page.close();
  });
});

describe('motion and contrast preferences', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  /** Clicks the first named view in the page and answers whether the camera is still moving right after. */
  const cameraMovingAfterViewClick = (page: Page) =>
    page.evaluate(() => {
      document.querySelectorAll<HTMLButtonElement>('.view-picker-views button')[2]!.click();
      return window.tripwireMap!.isMoving();
    });

  it('with prefers-reduced-motion the camera jumps to a view instead of flying there', async () => {
    const reduced = await openReadyApp(browser, { reducedMotion: 'reduce' });
    expect(await cameraMovingAfterViewClick(reduced.page)).toBe(false);
    await reduced.page.close();
    const animated = await openReadyApp(browser, { reducedMotion: 'no-preference' });
    expect(await cameraMovingAfterViewClick(animated.page)).toBe(true);
    await animated.page.close();
  });

  it('in forced colours (high contrast) axe finds nothing and the slider handle is drawn in the text colour', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-04-25&event=vladivostok-summit-2019' });
    await page.emulateMedia({ forcedColors: 'active' });
    const handle = await page.locator('.timeline-handle').evaluate((element) => getComputedStyle(element).backgroundColor);
    const text = await page.locator('body').evaluate((element) => getComputedStyle(element).color);
    expect(handle).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'forced-colors-1280x720');
    await page.close();
  });
});
