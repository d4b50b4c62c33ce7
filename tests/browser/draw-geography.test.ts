// Drawing geography with the mouse (Terra Draw on the main map): a zone drawn corner by corner
// and saved with its source is in the scenario and on the map, survives a reload, and Ctrl+Z
// takes it away; an event's point dragged elsewhere moves there. While drawing, a click on the map
// places a corner and selects nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { launchBrowser, openReadyApp, pagePoint, renderedIds, screenshot, waitForMapIdle, waitForRender } from './driver';

const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname;
const BALTIC_ID = 'baltic-cable-incidents-2023-2024';

/** Corners of the drawn zone, west of the example's incident area; the third lies inside that area. */
const CORNERS: [number, number][] = [
  [22.0, 59.1],
  [23.6, 59.1],
  [24.5, 59.8],
  [22.0, 59.75],
];

const state = (page: Page) =>
  page.evaluate(() => {
    const { scenario, drawing, selectedGeographyId, selectedEventId, eventSets } = window.tripwireStore!.getState();
    return {
      id: scenario?.id,
      zones: scenario?.layers.find((layer) => layer.id === 'zones')?.features.map((feature) => feature.properties.id) ?? [],
      drawing,
      selectedGeographyId,
      selectedEventId,
      balticconnector: eventSets.flatMap((set) => set.events).find((event) => event.id === 'balticconnector-damage-2023-10')?.geometry.coordinates as number[] | undefined,
    };
  });

async function openBaltic(browser: Browser) {
  const opened = await openReadyApp(browser);
  await opened.page.getByLabel('Open scenario file').setInputFiles(BALTIC);
  await expect.poll(() => state(opened.page).then((now) => now.id), { timeout: 30_000 }).toBe(BALTIC_ID);
  await waitForMapIdle(opened.page);
  await waitForRender(opened.page);
  return opened;
}

describe('drawing geography on the map', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a zone drawn with four clicks and saved with its source is in the scenario and on the map, survives a reload, and Ctrl+Z removes it', async () => {
    const { page, consoleErrors } = await openBaltic(browser);
    await page.getByRole('button', { name: 'Draw geography' }).click();
    const form = page.getByRole('dialog', { name: 'Draw geography' });
    expect(await form.getByLabel('Layer', { exact: true }).inputValue()).toBe('zones');
    await form.getByRole('button', { name: 'Polygon' }).click();
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(true);

    for (const [index, corner] of CORNERS.entries()) {
      const { x, y } = await pagePoint(page, corner);
      await page.mouse.click(x, y);
      if (index === 2) {
        await waitForRender(page);
        await screenshot(page, 'draw-geography-placing');
      }
    }
    // A click on the first corner closes the polygon.
    const first = await pagePoint(page, CORNERS[0]!);
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Drawn: a polygon of 4 corners');
    // The third click was inside the incident area: it placed a corner, it did not select the area.
    expect(await state(page)).toMatchObject({ selectedGeographyId: null, selectedEventId: null });

    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Patrol box west');
    await form.getByRole('textbox', { name: /^Source \(where/ }).fill('Drawn by hand for this test');
    await screenshot(page, 'draw-geography-drawn');
    // The map is kept: a new feature of an existing layer only updates that layer's source.
    await page.evaluate(() => ((window as unknown as { mapBeforeSave: unknown }).mapBeforeSave = window.tripwireMap));
    await form.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => state(page).then((now) => now.zones), { timeout: 20_000 }).toEqual(['gulf-incident-area', 'patrol-box-west']);
    // Selected once the edit is in the journal, a moment after the shape is on screen.
    await expect.poll(() => state(page)).toMatchObject({ drawing: false, selectedGeographyId: 'patrol-box-west' });
    expect(await page.evaluate(() => (window as unknown as { mapBeforeSave: unknown }).mapBeforeSave === window.tripwireMap)).toBe(true);
    await waitForRender(page);
    expect(await renderedIds(page, ['zones-fill'])).toEqual(['gulf-incident-area', 'patrol-box-west']);
    // Drawn where it was clicked: the saved corners are the clicked places (to a pixel or so).
    const saved = await page.evaluate(() => window.tripwireStore!.getState().scenario!.layers[0]!.features[1]!.geometry.coordinates as number[][][]);
    expect(saved[0]).toHaveLength(5);
    saved[0]!.slice(0, 4).forEach(([lon, lat], index) => {
      expect(lon).toBeCloseTo(CORNERS[index]![0], 1);
      expect(lat).toBeCloseTo(CORNERS[index]![1], 1);
    });
    await screenshot(page, 'draw-geography-saved');

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => state(page).then((now) => now.zones), { timeout: 30_000 }).toEqual(['gulf-incident-area', 'patrol-box-west']);
    await waitForRender(page);
    expect(await renderedIds(page, ['zones-fill'])).toEqual(['gulf-incident-area', 'patrol-box-west']);

    await page.keyboard.press('Control+z');
    await expect.poll(() => state(page).then((now) => now.zones)).toEqual(['gulf-incident-area']);
    await waitForRender(page);
    expect(await renderedIds(page, ['zones-fill'])).toEqual(['gulf-incident-area']);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a zone reshaped by dragging a corner, its details edited and the zone deleted: each one undoable step; Escape cancels', async () => {
    const { page, consoleErrors } = await openBaltic(browser);
    const zone = () => page.evaluate(() => window.tripwireStore!.getState().scenario!.layers[0]!.features.find((feature) => feature.properties.id === 'gulf-incident-area'));
    const original = (await zone())!;
    // An ordinary click on the zone (no drawing on) selects it.
    const inside = await pagePoint(page, [25.2, 59.9]);
    await page.mouse.click(inside.x, inside.y);
    await expect.poll(() => state(page).then((now) => now.selectedGeographyId)).toBe('gulf-incident-area');
    const edit = page.getByRole('navigation', { name: 'Edit this geography' });

    // Escape cancels a reshape: nothing changes.
    await edit.getByRole('button', { name: 'Edit shape' }).click();
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(false);
    expect(await zone()).toEqual(original);
    expect((await state(page)).selectedGeographyId).toBe('gulf-incident-area');

    await edit.getByRole('button', { name: 'Edit shape' }).click();
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(true);
    await waitForRender(page);
    const corner = await pagePoint(page, [24, 59.67]);
    const target = await pagePoint(page, [23.4, 59.35]);
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 12 });
    await page.mouse.up();
    await waitForRender(page);
    await screenshot(page, 'draw-geography-reshape');
    await edit.getByRole('button', { name: 'Save shape' }).click();
    await expect.poll(() => zone().then((feature) => JSON.stringify(feature!.geometry)), { timeout: 20_000 }).not.toBe(JSON.stringify(original.geometry));
    const ring = (await zone())!.geometry.coordinates[0] as number[][];
    expect(ring.some(([lon, lat]) => Math.abs(lon! - 23.4) < 0.05 && Math.abs(lat! - 59.35) < 0.05)).toBe(true);
    expect(ring.filter(([lon, lat]) => lon === 24 && lat === 59.67)).toEqual([]);

    // The form, prefilled; a validity ending before it starts is refused beside the field.
    await edit.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('dialog', { name: 'Edit geography' });
    expect(await form.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Gulf of Finland incident area (illustrative)');
    expect(await form.getByLabel('Approximate', { exact: false }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: /^Valid from/ }).fill('2024-06-01');
    await form.getByRole('textbox', { name: /^Valid to/ }).fill('2024-01-01');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('#geography-form-validTo-issue').innerText()).toBe('ends (2024-01-01) before it starts (2024-06-01)');
    await screenshot(page, 'draw-geography-details-refused');
    await form.getByRole('textbox', { name: /^Valid from/ }).fill('');
    await form.getByRole('textbox', { name: /^Valid to/ }).fill('');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Incident area (revised)');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => zone().then((feature) => feature?.properties.name)).toBe('Incident area (revised)');
    expect(JSON.stringify((await zone())!.geometry)).toBe(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));

    await page.getByRole('navigation', { name: 'Edit this geography' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => state(page).then((now) => now.zones)).toEqual([]);
    expect(await page.locator('.notices').innerText()).toContain('Deleted “Incident area (revised)”');
    // Three undos: the delete, the details, the shape.
    for (const expected of [{ name: 'Incident area (revised)', moved: true }, { name: original.properties.name, moved: true }, { name: original.properties.name, moved: false }]) {
      await page.keyboard.press('Control+z');
      await expect.poll(() => zone().then((feature) => feature && { name: feature.properties.name, moved: JSON.stringify(feature.geometry) !== JSON.stringify(original.geometry) })).toEqual(expected);
    }
    expect(await zone()).toEqual(original);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a place drawn into a new layer of the built-in scenario goes into its copy, drawn and in the legend', async () => {
    const { page, consoleErrors } = await openReadyApp(browser);
    await page.getByRole('button', { name: 'Draw geography' }).click();
    const form = page.getByRole('dialog', { name: 'Draw geography' });
    await form.getByLabel('Layer', { exact: true }).selectOption({ label: 'New layer…' });
    await form.getByRole('textbox', { name: 'Layer title' }).fill('Ports of call');
    await form.getByLabel('Layer kind').selectOption('places');
    // A places layer draws points: only the Point button is offered.
    expect(await form.getByRole('group', { name: 'Shape' }).getByRole('button').allInnerTexts()).toEqual(['Point']);
    await form.getByRole('button', { name: 'Point' }).click();
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(true);
    const where = await pagePoint(page, [135, 40]);
    await page.mouse.click(where.x, where.y);
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Drawn: a point');
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Test anchorage');
    await form.getByRole('textbox', { name: /^Source \(where/ }).fill('Drawn by hand for this test');
    await form.getByRole('button', { name: 'Save' }).click();

    // The built-in scenario is read-only: the edit lands in a copy, made first.
    await expect.poll(() => page.evaluate(() => window.tripwireStore!.getState().scenario!.layers.at(-1)!.id), { timeout: 30_000 }).toBe('ports-of-call');
    expect((await state(page)).id).toBe('russia-north-korea-2023-copy');
    const layer = await page.evaluate(() => window.tripwireStore!.getState().scenario!.layers.at(-1)!);
    expect(layer).toMatchObject({ id: 'ports-of-call', title: 'Ports of call', style: { kind: 'places' }, features: [{ properties: { id: 'test-anchorage', kind: 'place' } }] });
    const [lon, lat] = layer.features[0]!.geometry.coordinates as number[];
    expect(lon).toBeCloseTo(135, 1);
    expect(lat).toBeCloseTo(40, 1);
    await waitForMapIdle(page);
    await waitForRender(page);
    expect(await renderedIds(page, ['ports-of-call-points'])).toEqual(['test-anchorage']);
    expect(await page.getByTestId('legend').innerText()).toContain('Ports of call');
    await screenshot(page, 'draw-geography-new-layer');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('an event’s point dragged on the map moves there, as one undoable step', async () => {
    const { page, consoleErrors } = await openBaltic(browser);
    await page.locator('.event-row', { hasText: 'Balticconnector' }).click();
    const edit = page.getByRole('navigation', { name: 'Edit this event' });
    await edit.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => state(page).then((now) => now.drawing)).toBe(true);
    await waitForRender(page);

    const from = await pagePoint(page, [24.6, 59.8]);
    const to = await pagePoint(page, [23.2, 59.3]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await screenshot(page, 'draw-geography-move');
    expect((await state(page)).balticconnector).toEqual([24.6, 59.8]);
    await edit.getByRole('button', { name: 'Save position' }).click();

    await expect.poll(() => state(page).then((now) => now.balticconnector), { timeout: 20_000 }).not.toEqual([24.6, 59.8]);
    const [lon, lat] = (await state(page)).balticconnector!;
    expect(lon).toBeCloseTo(23.2, 1);
    expect(lat).toBeCloseTo(59.3, 1);
    expect((await state(page)).drawing).toBe(false);
    await waitForRender(page);
    await screenshot(page, 'draw-geography-moved');

    await page.keyboard.press('Control+z');
    await expect.poll(() => state(page).then((now) => now.balticconnector)).toEqual([24.6, 59.8]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
