// Drafting in the app: paste an article, find its dated statements, review them beside the text
// (keys and buttons), accept three (one placed by a click on the map), and see them on the map and
// the timeline. The gazetteer is fetched from this origin only when drafting, and the dialog has
// no axe-core violation in either step.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { drawnEventIds, launchBrowser, openApp, openReadyApp, pagePoint, screenshot, waitForMapIdle, waitForRender } from './driver';

const ARTICLE = readFileSync(new URL('../fixtures/draft/article.txt', import.meta.url), 'utf8');
const TITLE = "With Putin's Support, Kim Jong Un Could Shift Balance of Power in East Asia";

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

const storeEvents = (page: Page) => page.evaluate(() => window.tripwireStore!.getState().events.map((event) => ({ id: event.id, title: event.title, date: event.date, quote: event.quote, source: event.source, dateReasoning: event.dateReasoning })));

const option = (page: Page, words: string) => page.getByRole('option').filter({ hasText: words });

/** Opens the dialog, fills in the source and finds the candidates. */
async function draftArticle(page: Page) {
  await page.getByRole('button', { name: 'Draft from text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Draft events from a source text' });
  await dialog.waitFor();
  await dialog.getByLabel('Title').fill(TITLE);
  await dialog.getByLabel('Published').fill('2023-01-11');
  await dialog.getByLabel('Link').fill('https://www.newsweek.com/putin-kim-jong-un-north-korea-russia-asia-1772542');
  await dialog.getByRole('textbox', { name: /^Text/ }).fill(ARTICLE);
  await dialog.getByRole('button', { name: 'Find events' }).click();
  const review = page.getByRole('dialog', { name: /^Review the draft/ });
  await expect.poll(() => review.getByRole('option').count(), { timeout: 90_000 }).toBeGreaterThan(20);
  return review;
}

describe('drafting events from a source text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('bad input is refused beside its field; pasted HTML becomes its text', async () => {
    const { page } = await openReadyApp(browser);
    const before = (await storeEvents(page)).length;
    await page.getByRole('button', { name: 'Draft from text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Draft events from a source text' });
    await dialog.getByLabel('Published').fill('11/01/2023');
    await dialog.getByRole('button', { name: 'Find events' }).click();
    await expect.poll(() => dialog.getByLabel('Published').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.innerText()).toContain('“11/01/2023” is not a real date written YYYY-MM-DD');
    expect(await dialog.innerText()).toContain('needed: paste the article, or open a text file');
    expect(await dialog.getByRole('textbox', { name: /^Text/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Pasted from a browser: the words, a blank line between paragraphs, no script, no markup rendered.
    await dialog.getByRole('textbox', { name: /^Text/ }).evaluate((field) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'plain version');
      data.setData('text/html', '<h1>Kim meets <em>Putin</em></h1><p>In   September 2023 <b>they</b> met.</p><script>window.pasted = 1</script><img src="https://example.org/x.png" onerror="window.pasted = 2">');
      field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Text/ }).inputValue()).toBe('Kim meets Putin\n\nIn September 2023 they met.');
    expect(await page.evaluate(() => (window as unknown as { pasted?: number }).pasted)).toBeUndefined();
    // An opened HTML file is reduced the same way; its name stands in for a missing title.
    await dialog.getByLabel('Open a source text file').setInputFiles({ name: 'kim-in-russia.html', mimeType: 'text/html', buffer: Buffer.from('<html><head><title>x</title></head><body><p>Kim arrived in Vostochny.</p><p>Talks followed.</p></body></html>') });
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Text/ }).inputValue()).toBe('Kim arrived in Vostochny.\n\nTalks followed.');
    expect(await dialog.getByLabel('Title').inputValue()).toBe('kim-in-russia');
    expect((await storeEvents(page)).length).toBe(before);
    await page.close();
  });

  it('paste the article, review, accept three (keys and buttons; one placed on the map), and see them on the map and the timeline', async () => {
    const { page, consoleErrors, requestedUrls } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const origin = new URL(inject('baseUrl')).origin;
    // Nothing of the gazetteer is loaded with the app.
    expect(requestedUrls.filter((url) => /cities-.*\.pbf|countries-.*\.json|draft\.worker|DraftDialog/.test(url))).toEqual([]);
    const before = await storeEvents(page);
    const timelineMarks = await page.locator('.timeline-event').count();

    const review = await draftArticle(page);
    expect(requestedUrls.filter((url) => /cities-.*\.pbf/.test(url))).toHaveLength(1);
    expect(requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    // The text is shown as text, each candidate's quote marked in it.
    expect(await review.getByTestId('draft-text').evaluate((element) => element.textContent)).toBe(ARTICLE);
    expect(await review.locator('mark.draft-quote').count()).toBeGreaterThan(15);
    expect(await option(page, 'last August').innerText()).toContain("'last August' → Aug 2022, published 11 Jan 2023");
    expect(await option(page, 'April 25, 2019').innerText()).toContain('Vladivostok');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'draft-review-1280x720');

    // Keys: J moves down to "April 25, 2019" (the fourth candidate), A accepts it and moves on to "last August"; A again.
    const list = review.getByRole('listbox', { name: 'Candidate events' });
    await expect.poll(() => list.evaluate((element) => element === document.activeElement)).toBe(true);
    for (let step = 0; step < 3; step++) await page.keyboard.press('j');
    expect(await review.getByRole('option', { selected: true }).innerText()).toContain('April 25, 2019');
    await page.keyboard.press('a');
    await expect.poll(() => option(page, 'April 25, 2019').innerText(), { timeout: 30_000 }).toContain('Accepted');
    expect(await review.getByRole('option', { selected: true }).innerText()).toContain('last August');
    await page.keyboard.press('a');
    await expect.poll(() => option(page, 'last August').innerText(), { timeout: 30_000 }).toContain('Accepted');

    // "six decades ago" names no place: A refuses it and says how to place it.
    await option(page, 'six decades ago').click();
    await page.keyboard.press('a');
    await expect.poll(() => review.getByTestId('draft-status').innerText()).toContain('has no place yet');
    expect(await option(page, 'six decades ago').innerText()).not.toContain('Accepted');
    // R rejects the selected one.
    await option(page, '2 weeks ago').click();
    await page.keyboard.press('r');
    await expect.poll(() => option(page, '2 weeks ago').innerText()).toContain('Rejected');

    // Edit opens the event form itself, filled in; a click on the map places it; Save accepts it.
    await option(page, 'six decades ago').click();
    await review.getByRole('button', { name: 'Edit…' }).click();
    const form = page.getByRole('dialog', { name: 'Add event from the draft' });
    await form.waitFor();
    expect(await form.innerText()).toContain('No place was found in the text');
    expect(await form.getByLabel('Quote', { exact: false }).inputValue()).toContain('six decades ago');
    const point = await pagePoint(page, [127.5, 40]);
    await page.mouse.click(point.x, point.y);
    // Where the click landed, to a pixel's precision.
    await expect.poll(async () => Math.abs(Number(await form.getByLabel('Longitude', { exact: false }).inputValue()) - 127.5)).toBeLessThan(0.1);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => option(page, 'six decades ago').innerText(), { timeout: 30_000 }).toContain('Accepted');

    const added = (await storeEvents(page)).filter((event) => !before.some((old) => old.id === event.id));
    expect(added.map((event) => event.date).sort()).toEqual(['1963', '2019-04-25', '2022-08']);
    for (const event of added) {
      expect(ARTICLE).toContain(event.quote);
      expect(event.source).toBe(`${TITLE} (published 11 Jan 2023)`);
      expect(event.dateReasoning).toMatch(/→/);
    }
    // On the map and on the timeline.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await waitForRender(page);
    const drawn = await drawnEventIds(page);
    for (const event of added) expect(drawn).toContain(event.id);
    expect(await page.locator('.timeline-event').count()).toBe(timelineMarks + 3);
    for (const event of added) expect(await page.locator(`.timeline-event[title$="— ${event.title}"]`).count()).toBeGreaterThan(0);
    // The event saved through the form is selected: its quote is cited to the source given, not to the scenario's article.
    await expect.poll(() => page.getByTestId('detail-quote').innerText()).toContain(`${TITLE} (published 11 Jan 2023)`);
    await screenshot(page, 'draft-accepted-on-map');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('merges the selected candidate into the next; on a phone the dialog is a full-screen sheet, text above the list; undo takes an accept back', async () => {
    // A phone's event list is closed at first: the app is ready when the map is.
    const { page } = await openApp(browser, { width: 390, height: 844, hasTouch: true });
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    const review = await draftArticle(page);
    const count = await review.getByRole('option').count();
    await option(page, 'made his debut in North Korea').first().click();
    await review.getByRole('button', { name: 'Merge with next' }).click();
    await expect.poll(() => review.getByRole('option').count()).toBe(count - 1);
    expect(await review.getByTestId('draft-status').innerText()).toContain('Merged');
    const box = (await review.boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    const text = (await review.getByRole('region', { name: /^Source text/ }).boundingBox())!;
    const list = (await review.getByRole('region', { name: 'Candidates' }).boundingBox())!;
    expect(text.height).toBeGreaterThan(150);
    expect(list.height).toBeGreaterThan(250);
    expect(text.y + text.height).toBeLessThanOrEqual(list.y + 1);
    expect(await review.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'draft-review-390x844');
    // Accepted, then undone (Ctrl+Z, as for any edit): the candidate is to decide again.
    await option(page, 'last August').click();
    await review.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => option(page, 'last August').innerText(), { timeout: 30_000 }).toContain('Accepted');
    await page.keyboard.press('Control+z');
    await expect.poll(() => review.getByTestId('draft-status').innerText()).toContain('undone');
    expect(await option(page, 'last August').innerText()).not.toContain('Accepted');
    await page.close();
  });
});
