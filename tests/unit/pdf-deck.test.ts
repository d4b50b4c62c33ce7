import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdfDeck, type DeckFonts } from '../../src/briefing/deck/pdf-deck';
import { fitParagraphs } from '../../src/briefing/deck/pdf-text';
import type { DeckModel, EventSlide } from '../../src/briefing/deck/slide-model';
import { brokenGlyphs, pageTexts } from '../pdf-reading';

const fontFile = (weight: string) => new Uint8Array(readFileSync(new URL(`../../node_modules/@expo-google-fonts/noto-sans-kr/${weight}/NotoSansKR_${weight}.ttf`, import.meta.url)));
const tinyPng = () => new Uint8Array(PNG.sync.write(new PNG({ width: 4, height: 3 })));

/** Characters from every script a scenario may use; each must be drawn, not only extractable. */
const SCRIPTS = { korean: '평양 블라디보스토크', japanese: '東京 アルソム', russian: 'Владивосток Бахмут', latin: 'Café Zürich' };
const CHECKED = [...new Set(Object.values(SCRIPTS).join('').replace(/\s/g, ''))];

const eventSlide = (eventId: string, title: string, quote: string): EventSlide => ({
  eventId,
  title,
  asOf: 'As of 30 Nov 2022 · cumulative since Apr 2019',
  caption: { dateLine: '25 April 2019 — the article: “April 25, 2019”', quote: `“${quote}”`, attribution: 'Kim, analyst — Newsweek', factCheck: 'Fact check: no launch that month.' },
  sourceLine: 'Source: Newsweek · Basemap: Natural Earth (public domain)',
  altText: 'Map',
  notes: 'Quote: …',
});

const MODEL: DeckModel = {
  author: 'J. Analyst',
  handling: 'UNCLASSIFIED // FOR TRAINING',
  titleSlide: { title: `Briefing: ${SCRIPTS.latin}`, asOfRange: 'Events from 25 April 2019 to 11 January 2023', sources: ['Newsweek, “Rockets”', 'Basemap: Natural Earth (public domain)'] },
  slides: [eventSlide('seoul', `Summit in ${SCRIPTS.korean}`, SCRIPTS.japanese), eventSlide('bakhmut', `Shells to ${SCRIPTS.russian}`, 'they met in April')],
};

describe('the PDF deck', () => {
  let fonts: DeckFonts;
  let bytes: Uint8Array;
  let pdf: PDFDocument;
  beforeAll(async () => {
    fonts = { regular: fontFile('400Regular'), bold: fontFile('700Bold') };
    bytes = await buildPdfDeck(MODEL, { seoul: tinyPng(), bakhmut: tinyPng() }, fonts);
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  });

  it('has a title page and one 16:9 page per event, the size of the PowerPoint slide', () => {
    expect(pdf.getPageCount()).toBe(1 + MODEL.slides.length);
    expect(pdf.getPages().map((page) => [page.getWidth(), page.getHeight()])).toEqual(Array(3).fill([720, 405]));
  });

  it('carries the deck title and the author in its metadata', () => {
    expect(pdf.getTitle()).toBe(MODEL.titleSlide.title);
    expect(pdf.getAuthor()).toBe('J. Analyst');
  });

  it('has every slide’s words as extractable text, in every script', () => {
    const [titlePage, seoul, bakhmut] = pageTexts(pdf);
    expect(titlePage).toContain(SCRIPTS.latin);
    expect(seoul).toContain(SCRIPTS.korean);
    expect(seoul).toContain(SCRIPTS.japanese);
    expect(bakhmut).toContain(SCRIPTS.russian);
  });

  it('draws every Korean, Japanese, Cyrillic and accented glyph (the embedded subset keeps their outlines)', () => {
    expect(brokenGlyphs(pdf, fonts, CHECKED)).toEqual([]);
  });

  it('the glyph check catches the blank subsets of @pdf-lib/fontkit as shipped', async () => {
    // Without pdf-deck's fix: the same font and text, subset by the unpatched fork.
    const broken = await PDFDocument.create();
    broken.registerFontkit(fontkit);
    const font = await broken.embedFont(fonts.regular, { subset: true });
    broken.addPage().drawText(Object.values(SCRIPTS).join(' '), { x: 10, y: 10, size: 12, font });
    const reloaded = await PDFDocument.load(await broken.save());
    expect(brokenGlyphs(reloaded, fonts, CHECKED).length).toBeGreaterThan(0);
  });

  it('refuses a deck with an event whose map image is missing, naming the event', async () => {
    await expect(buildPdfDeck(MODEL, { seoul: tinyPng() }, fonts)).rejects.toThrow('no map image for event "bakhmut"');
  });

  it('wraps, shrinks and at last truncates text so that nothing falls outside its box', async () => {
    const scratch = await PDFDocument.create();
    scratch.registerFontkit(fontkit);
    const font = await scratch.embedFont(fonts.regular, { subset: true });
    const box = { left: 100, bottom: 100, width: 120, height: 60 };
    const longWord = 'ÅВладивосток'.repeat(6); // Å: the tallest capital; the box's top must hold it
    const lines = fitParagraphs([{ text: `${longWord} ${'평양 '.repeat(80)}`, font, size: 15, color: rgb(0, 0, 0) }], box);
    expect(lines.length).toBeGreaterThan(1);
    // Where the glyphs really reach (their outlines' boxes), not where the layout thinks they do.
    const outlines = fontkit.create(fonts.regular);
    for (const line of lines) {
      const glyphs = outlines.layout(line.text).glyphs;
      const top = line.y + (Math.max(...glyphs.map((glyph) => glyph.bbox.maxY)) * line.size) / 1000;
      const bottom = line.y + (Math.min(...glyphs.map((glyph) => glyph.bbox.minY)) * line.size) / 1000;
      expect(line.x + font.widthOfTextAtSize(line.text, line.size)).toBeLessThanOrEqual(box.left + box.width);
      expect(top).toBeLessThanOrEqual(box.bottom + box.height);
      expect(bottom).toBeGreaterThanOrEqual(box.bottom);
    }
    expect(lines[0]!.text.startsWith('ÅВладивосток')).toBe(true); // the long word is broken, not dropped
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    expect(lines[0]!.size).toBe(7.5); // shrunk to the minimum (half) before truncating
  });
});
