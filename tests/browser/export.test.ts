import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
// JSZip comes with PptxGenJS: the deck is a zip of XML parts, read here without an unzip binary.
import JSZip from 'jszip';
import { exportPng, OUTPUT_DIR, launchBrowser, openReadyApp, screenshot } from './driver';
import { readPngText } from '../../src/briefing/png-text';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { pageTexts } from '../pdf-reading';

const run = promisify(execFile);

/** Grey-level variance of a region of a PNG: ~0 when blank, hundreds when a map is drawn. */
function regionVariance(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  const values: number[] = [];
  const step = Math.max(1, Math.floor((x1 - x0) / 120));
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      const i = (y * png.width + x) * 4;
      values.push((png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3);
    }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
}

/** Pixels within a small tolerance of an RGB colour, between two rows. */
function countColour(png: PNG, [r, g, b]: [number, number, number], y0: number, y1: number, x0: number): number {
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = Math.round(x0); x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i]! - r) < 12 && Math.abs(png.data[i + 1]! - g) < 12 && Math.abs(png.data[i + 2]! - b) < 12) count++;
    }
  }
  return count;
}

describe('briefing images', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the export dialog previews the title, the as-of stamp and the caption from the selected event', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2022-11-30&event=rus-chn-joint-air-patrol-2022-11' });
    await page.keyboard.press('e');
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.innerText()).toContain('As of 30 Nov 2022 · cumulative since 1963');
    const text = await preview.innerText();
    expect(await page.getByRole('dialog', { name: 'Export briefing image' }).getByLabel('Title').inputValue()).toBe('Russia–North Korea ties and the balance of power in East Asia');
    expect(text).toContain('Russia–North Korea ties and the balance of power in East Asia');
    expect(text).toContain('Russia–China joint air patrol');
    expect(text).toContain('to scramble its jets in November');
    await screenshot(page, 'export-dialog');
    await page.close();
  });

  it('a 2× slide export is 3840×2160, fully drawn, and carries its alt text', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2022-11-30&event=rus-chn-joint-air-patrol-2022-11' });
    const bytes = await exportPng(page, { size: 'slide', pixelRatio: 2, title: 'Test briefing', handling: 'UNCLASSIFIED // FOR TRAINING' });
    writeFileSync(join(OUTPUT_DIR, 'export-slide-2x.png'), bytes);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([3840, 2160]);
    // Every quarter of the map band is drawn, not just the part that was ready first.
    const top = Math.round(png.height * 0.15);
    const bottom = Math.round(png.height * 0.65);
    const middle = Math.round(png.width / 2);
    for (const [x0, x1] of [[0, middle], [middle, png.width]] as const) {
      const half = Math.round((top + bottom) / 2);
      expect(regionVariance(png, x0, top, x1, half)).toBeGreaterThan(30);
      expect(regionVariance(png, x0, half, x1, bottom)).toBeGreaterThan(30);
    }
    // The event layer (data given to the map after it loaded) is drawn too: right of the legend,
    // the selected event's category colour (military activity) covers its enlarged marker.
    expect(countColour(png, [0xd5, 0x5e, 0x00], top, bottom, png.width * 0.25)).toBeGreaterThan(300);
    const text = readPngText(new Uint8Array(bytes));
    expect(text.Title).toBe('Test briefing');
    expect(text.Description).toContain('As of 30 Nov 2022');
    expect(text.Description).toContain('Russia–China joint air patrol');
    await page.close();
  });

  it("lists in the image's legend only the layers and events it shows", async () => {
    // Over the Korean Peninsula: the ADIZs are in frame, the Kurils are not; the inset adds Ukraine.
    const { page } = await openReadyApp(browser, { hash: 't=2022-11-30&map=127.5,37.5,6,0' });
    const { legend, altText } = await page.evaluate(async () => {
      const { model } = await window.tripwireExport!.render({ size: 'slide-720', pixelRatio: 1, title: 'Korea', handling: '' });
      return { legend: model.legend.map((entry) => entry.label), altText: model.altText };
    });
    expect(legend).toContain('Air Defense Identification Zones');
    expect(legend).not.toContain('Kuril Islands (southern four disputed)');
    const layersLine = altText.split('\n').find((line) => line.startsWith('Layers shown:'));
    expect(layersLine).not.toContain('Kuril');
    // An event in the inset's frame counts; one far outside both frames (Vladivostok, 2019) does not.
    expect(altText).toContain('Russia’s war in Ukraine begins');
    expect(altText).not.toContain('Putin–Kim summit in Vladivostok');
    await page.close();
  });

  it.each(['us-alleges-prk-arms-to-wagner-2022', 'us-alleges-prk-shells-to-russia-2022', 'soviet-missile-support-1980s', 'kn23-launches-alsom-island-2022-01'])(
    'a slide framed on %s has every vertex of its route clear of the legend, inset, scale bar and north arrow',
    async (eventId) => {
      const { page } = await openReadyApp(browser, { hash: `t=2023-01-11&event=${eventId}` });
      const landed = await page.evaluate(async (eventId) => {
        const event = window.tripwireStore!.getState().events.find((candidate) => candidate.id === eventId)!;
        const vertices = (event.geometry.type === 'Point' ? [event.geometry.coordinates] : event.geometry.coordinates) as [number, number][];
        const lons = vertices.map(([lon]) => lon);
        const lats = vertices.map(([, lat]) => lat);
        const result = await window.tripwireExport!.render({
          size: { width: 1920, height: 1080 }, pixelRatio: 1, title: '', handling: '', permalinkBase: '',
          subject: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
        });
        // Web Mercator, as MapLibre projects (512-pixel tiles): each vertex's place on the page.
        const { camera, mapSize, unit, mapTop, overlays } = result.layout;
        const world = 512 * 2 ** camera.zoom;
        const x = (lon: number) => ((lon + 180) / 360) * world;
        const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
        const onPage = ([lon, lat]: [number, number]): [number, number] => [(mapSize.width / 2 + x(lon) - x(camera.center[0])) * unit, mapTop + (mapSize.height / 2 + y(lat) - y(camera.center[1])) * unit];
        return { points: vertices.map(onPage) as [number, number][], overlays, map: { top: mapTop, width: mapSize.width * unit, height: mapSize.height * unit } };
      }, eventId);
      for (const [px, py] of landed.points) {
        expect(px).toBeGreaterThan(0);
        expect(px).toBeLessThan(landed.map.width);
        expect(py).toBeGreaterThan(landed.map.top);
        expect(py).toBeLessThan(landed.map.top + landed.map.height);
        for (const box of landed.overlays) {
          const under = px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
          expect(under, `${eventId}: vertex at ${px.toFixed(0)},${py.toFixed(0)} under ${JSON.stringify(box)}`).toBe(false);
        }
      }
      await page.close();
    },
  );

  it('presentation mode shows the caption below the map, folds the legend, and frames the event clear of every panel', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11&event=us-alleges-prk-arms-to-wagner-2022' });
    await page.waitForSelector('.inset-map', { state: 'attached' });
    await page.keyboard.press('p');
    await page.waitForSelector('[data-testid="presentation-caption"]');
    const measure = () => page.evaluate(() => {
      const map = window.tripwireMap!;
      const frame = map.getContainer().getBoundingClientRect();
      const state = window.tripwireStore!.getState();
      const event = state.events.find((candidate) => candidate.id === state.selectedEventId)!;
      const vertices = (event.geometry.type === 'Point' ? [event.geometry.coordinates] : event.geometry.coordinates) as [number, number][];
      // A hidden panel (the inset, when the frame already shows its theater) has an empty box.
      const rect = (selector: string) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      };
      return {
        points: vertices.map((vertex) => {
          const { x, y } = map.project(vertex);
          return [frame.left + x, frame.top + y] as [number, number];
        }),
        map: { left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom },
        panels: { legend: rect('.legend'), inset: rect('.inset-map'), scale: rect('.maplibregl-ctrl-scale') },
        caption: rect('[data-testid="presentation-caption"]'),
        legendOpen: (document.querySelector('.legend') as HTMLDetailsElement).open,
        moving: window.tripwireMap!.isMoving(),
      };
    });
    // The camera moves (600 ms) once the caption has taken its place: wait until it has come to rest on the event.
    const settled = (now: Awaited<ReturnType<typeof measure>>) => !now.moving && now.points.every(([x, y]) => x > now.map.left && x < now.map.right && y > now.map.top && y < now.map.bottom);
    await expect.poll(async () => settled(await measure()), { timeout: 20_000 }).toBe(true);
    await page.waitForTimeout(300);
    const landed = await measure();
    await screenshot(page, 'presentation-wagner-1280');
    expect(landed.legendOpen).toBe(false);
    // The caption is a band below the map: it covers neither the map nor the inset on it.
    expect(landed.caption.top).toBeGreaterThanOrEqual(landed.map.bottom - 1);
    expect(landed.caption.top).toBeGreaterThanOrEqual(landed.panels.inset.bottom - 1);
    for (const [x, y] of landed.points) {
      expect(x).toBeGreaterThan(landed.map.left);
      expect(x).toBeLessThan(landed.map.right);
      expect(y).toBeGreaterThan(landed.map.top);
      expect(y).toBeLessThan(landed.map.bottom);
      for (const [name, box] of Object.entries(landed.panels)) {
        const under = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        expect(under, `vertex at ${x.toFixed(0)},${y.toFixed(0)} under the ${name}`).toBe(false);
      }
    }
    await page.close();
  });

  it('npm run brief --each-event writes one image per event and an index, in date order', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const { stdout } = await run('node', ['scripts/brief.mjs', '--each-event', '--events', 'tests/fixtures/brief-events.geojson', '--out', out, '--size', '800x450'], { timeout: 180_000 });
    expect(stdout).toContain('[2/2]');
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      '2019-04-25-fixture-summit.alt.txt',
      '2019-04-25-fixture-summit.png',
      '2022-01-fixture-launch.alt.txt',
      '2022-01-fixture-launch.png',
      'index.html',
    ]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index.indexOf('fixture-summit')).toBeLessThan(index.indexOf('fixture-launch'));
    expect(index).toContain('Fixture missile launch &#60;b&#62;not bold&#60;/b&#62;');
    expect([PNG.sync.read(readFileSync(join(out, '2022-01-fixture-launch.png'))).width]).toEqual([800]);
  });

  it('npm run brief takes a CSV with its own column names, through the detected mapping', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const file = join(out, 'drill.png');
    const { stdout } = await run('node', ['scripts/brief.mjs', '--event', '2023-01-11-air-raid-drill-in-seoul', '--events', 'tests/fixtures/browser-import/kepler-style.csv', '--out', file, '--size', '800x450'], { timeout: 120_000 });
    expect(stdout).toContain('drill.png');
    expect(readFileSync(file.replace(/\.png$/, '.alt.txt'), 'utf8')).toContain('Air raid drill in Seoul');
  });

  it('npm run brief --scenario briefs another situation, titled with its title and credited to its source', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const file = join(out, 'baltic.png');
    await run('node', ['scripts/brief.mjs', '--scenario', 'tests/fixtures/scenarios/baltic-example.tripwire.json', '--event', 'estlink-2-damage-2024-12', '--out', file, '--size', '800x450'], { timeout: 120_000 });
    const altText = readFileSync(file.replace(/\.png$/, '.alt.txt'), 'utf8');
    expect(altText).toMatch(/^Baltic Sea cable incidents 2023–2024\./);
    expect(altText).toContain('Estlink 2');
    expect(altText).toContain('Tripwire example');
    expect(altText).not.toMatch(/Newsweek|Korea/);
  });

  it('npm run brief exits non-zero with a message for an unknown event, and leaves nothing behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const failure = await run('node', ['scripts/brief.mjs', '--event', 'no-such-event', '--out', join(out, 'x.png')], { timeout: 120_000 }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('no event called "no-such-event"');
    expect(readdirSync(out)).toEqual([]);
  });
  it('npm run brief --format pptx writes one deck: a title slide, then a slide per event with editable text, a map picture and notes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const file = join(out, 'deck.pptx');
    const { stdout } = await run('node', ['scripts/brief.mjs', '--each-event', '--events', 'tests/fixtures/brief-events.geojson', '--format', 'pptx', '--out', file, '--size', '1280x720'], { timeout: 180_000 });
    expect(stdout).toContain('[2/2]');
    // Staged and moved into place: only the deck is left.
    expect(readdirSync(out)).toEqual(['deck.pptx']);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = async (name: string) => {
      const text = await zip.file(name)?.async('string');
      if (text === undefined) throw new Error(`the deck has no ${name}`);
      return text;
    };
    // The words PowerPoint shows and lets one edit: every <a:t> run, XML entities decoded.
    const textOf = (xml: string) =>
      [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('\n');
    expect(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort()).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml']);
    expect(textOf(await part('ppt/slides/slide1.xml'))).toContain('Events from 25 April 2019 to January 2022');

    const events = [
      { slide: 2, title: 'Fixture summit in Vladivostok', quote: 'A short quote for the fixture.', other: 'Fixture missile launch' },
      { slide: 3, title: 'Fixture missile launch <b>not bold</b>', quote: 'Another quote for the fixture.', other: 'Fixture summit' },
    ];
    for (const { slide, title, quote, other } of events) {
      const xml = await part(`ppt/slides/slide${slide}.xml`);
      const text = textOf(xml);
      // In date order, and the caption is text on the slide, not pixels in the picture.
      expect(text).toContain(title);
      expect(text).toContain(`“${quote}”`);
      expect(text).not.toContain(other);
      // Exactly one picture, described for screen readers.
      expect(xml.match(/<p:pic>/g)).toHaveLength(1);
      expect(xml).toMatch(/<p:cNvPr [^>]*descr="Map framed on /);
      const relations = await part(`ppt/slides/_rels/slide${slide}.xml.rels`);
      expect(relations.match(/\.\.\/media\/[^"]+\.png/g)).toHaveLength(1);
      const notes = textOf(await part(`ppt/notesSlides/notesSlide${slide}.xml`));
      expect(notes).toContain(`Quote: ${quote}`);
      expect(notes).toContain('Status: ');
    }
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(2);
    // The map alone, at the map box's shape: no header, caption or footer bands in the picture.
    const picture = PNG.sync.read(Buffer.from(await zip.file(media[0]!)!.async('uint8array')));
    expect(picture.width / picture.height).toBeCloseTo(5.9 / 3.85, 1);
    // A header band would make the top rows white paper; the map's land and sea are not white.
    let white = 0;
    const y = 3;
    const [x0, x1] = [Math.round(picture.width * 0.4), Math.round(picture.width * 0.8)];
    for (let x = x0; x < x1; x++) {
      const i = (y * picture.width + x) * 4;
      if (picture.data[i]! > 250 && picture.data[i + 1]! > 250 && picture.data[i + 2]! > 250) white++;
    }
    expect(white / (x1 - x0)).toBeLessThan(0.5);
  });

  it('npm run brief --format pdf writes one PDF: a page per slide, every word as text in the embedded font, the handling band, the maps at print resolution', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const file = join(out, 'deck.pdf');
    const args = ['--each-event', '--events', 'tests/fixtures/brief-events.geojson', '--format', 'pdf', '--handling', 'UNCLASSIFIED // FOR TRAINING', '--author', 'J. Analyst', '--out', file, '--size', '1280x720'];
    const { stdout } = await run('node', ['scripts/brief.mjs', ...args], { timeout: 180_000 });
    expect(stdout).toContain('2 of 2 slides show their event clear');
    expect(readdirSync(out)).toEqual(['deck.pdf']);
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe('Russia–North Korea ties and the balance of power in East Asia');
    expect(pdf.getAuthor()).toBe('J. Analyst');
    const [titlePage, summit, launch] = pageTexts(pdf);
    expect(titlePage).toContain('Events from 25 April 2019 to January 2022');
    expect(summit).toContain('Fixture summit in Vladivostok');
    expect(summit).toContain('A short quote for the fixture.');
    expect(launch).toContain('Fixture missile launch <b>not bold</b>');
    for (const page of [titlePage, summit, launch]) expect(page).toContain('UNCLASSIFIED // FOR TRAINING');
    // Each map image has ~300 pixels per inch of its 5.9-inch box.
    const images = [...pdf.context.enumerateIndirectObjects()].map(([, object]) => object).filter((object) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(2);
    for (const image of images) expect((image as PDFRawStream).dict.lookup(PDFName.of('Width'), PDFNumber).asNumber() / 5.9).toBeGreaterThan(290);
  });

  it('npm run brief --format pptx refuses an --out that is not a .pptx', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brief-'));
    const failure = await run('node', ['scripts/brief.mjs', '--each-event', '--format', 'pptx', '--out', join(out, 'deck')], { timeout: 60_000 }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('--out must end in .pptx');
    expect(readdirSync(out)).toEqual([]);
  });
  it('the "Deck…" dialog makes a .pptx of the ticked events, in the order chosen, with a view chosen for one, and never moves the page behind it', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const before = await page.evaluate(() => {
      const state = window.tripwireStore!.getState();
      const [first, second] = [...state.events].sort((a, b) => a.start - b.start || a.key - b.key);
      return { time: state.time, selectedEventId: state.selectedEventId, scenarioId: state.scenario!.id, first: first!.title, second: second!.title };
    });
    await page.getByRole('button', { name: 'Deck…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a deck' });
    await dialog.getByRole('radio', { name: /Ticked below/ }).check();
    await dialog.getByRole('checkbox', { name: before.first }).check();
    await dialog.getByRole('checkbox', { name: before.second }).check();
    // Closed and opened again, the dialog keeps what was chosen in it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: 'Deck…' }).click();
    await expect.poll(() => dialog.getByRole('checkbox', { name: before.second }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: `Move “${before.second}” up` }).click();
    // The first event is in Moscow: a slide set to the Korean Peninsula cannot show it, and says so.
    await dialog.getByRole('combobox', { name: `View for “${before.first}”` }).selectOption({ label: 'Korean Peninsula' });
    // The slides are drawn from a copy of the state: the page's own time and selection never move.
    await page.evaluate(() => {
      const moves: string[] = [];
      (window as unknown as { pageMoves: string[] }).pageMoves = moves;
      window.tripwireStore!.subscribe((state, previous) => {
        if (state.time !== previous.time || state.selectedEventId !== previous.selectedEventId) moves.push(`${state.time} ${state.selectedEventId}`);
      });
    });
    const downloading = page.waitForEvent('download', { timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Make deck' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/Slide \d of 2…|Building|Saved/);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${before.scenarioId}-deck.pptx`);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort();
    expect(slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/slides/slide3.xml']);
    const textOf = async (name: string) =>
      [...(await zip.file(name)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('\n');
    // The second event was moved up: it is the first event slide.
    expect(await textOf('ppt/slides/slide2.xml')).toContain(before.second);
    expect(await textOf('ppt/slides/slide3.xml')).toContain(before.first);
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain(`Saved ${before.scenarioId}-deck.pptx`);
    expect(await dialog.getByRole('status').innerText()).toContain('1 slide could not show the whole event clear of the legend and inset');
    const after = await page.evaluate(() => {
      const { time, selectedEventId } = window.tripwireStore!.getState();
      return { time, selectedEventId };
    });
    expect(after).toEqual({ time: before.time, selectedEventId: before.selectedEventId });
    expect(await page.evaluate(() => (window as unknown as { pageMoves: string[] }).pageMoves)).toEqual([]);
    await page.close();
  });
  it('the "Deck…" dialog cancels between slides, and makes a .zip of full briefing PNGs', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const before = await page.evaluate(() => {
      const state = window.tripwireStore!.getState();
      const [first] = [...state.events].sort((a, b) => a.start - b.start || a.key - b.key);
      return { time: state.time, scenarioId: state.scenario!.id, first: first!.title, count: state.events.length };
    });
    await page.getByRole('button', { name: 'Deck…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a deck' });
    const status = dialog.getByRole('status');
    // Every event: cancelled after the first slide has started.
    await dialog.getByRole('button', { name: 'Make deck' }).click();
    await expect.poll(() => status.innerText()).toMatch(new RegExp(`Slide \\d+ of ${before.count}…`));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toContain('Cancelled');
    expect(await page.evaluate(() => window.tripwireStore!.getState().time)).toBe(before.time);
    // One ticked event as a PNG: the full briefing image (header, caption, footer) and its alt text.
    await dialog.getByLabel('Format').selectOption('zip');
    await dialog.getByRole('radio', { name: /Ticked below/ }).check();
    await dialog.getByRole('checkbox', { name: before.first }).check();
    const downloading = page.waitForEvent('download', { timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Make deck' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${before.scenarioId}-deck.zip`);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^1-.+\.alt\.txt$/);
    expect(names[1]).toMatch(/^1-.+\.png$/);
    expect(await zip.file(names[0]!)!.async('string')).toContain(before.first);
    const png = PNG.sync.read(Buffer.from(await zip.file(names[1]!)!.async('uint8array')));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    await page.close();
  });
});
