// The briefing deck as a PDF: the same slides as pptx-deck.ts, one 16:9 page each, with every
// word as real text (searchable, selectable, read by screen readers' text extraction) and each
// event's map as an image. Runs in the page or in Node; nothing here needs a DOM.
//
// The font: the standard PDF fonts cover only Western European text, and a scenario names places
// in Korean, Japanese or Russian. Noto Sans KR covers Latin, Cyrillic, Hangul, kana and kanji in
// one family, so it is embedded (regular and bold) and every character is drawn from it.
//
// Subsetting (what we found, pdftoppm at 60 dpi and pdftotext on 평양 블라디보스토크, 東京 アルソム,
// Владивосток Бахмут, "Café Zürich"):
// - embedFont(bytes, { subset: true }) with @pdf-lib/fontkit 1.1 as shipped: most glyphs come out
//   blank, Latin included, while pdftotext still extracts every word. The fork (of fontkit ~1.7)
//   writes the subset's `loca` in the short format and halves the offsets without padding
//   odd-length glyph records, so every glyph after the first odd one is read from the wrong byte.
//   Fixed upstream in fontkit 1.8 (foliojs/fontkit#191), never in the fork.
// - No subset: glyphs draw, but 3.1 MB per weight, and pdf-lib writes widths (and ToUnicode) only
//   for glyphs reached through the cmap: the ones the font's own substitutions pick (the space
//   between Hangul words, digits after Latin text) get the default 1000-unit width, so words
//   drift apart and extraction breaks lines.
// - Subset with the subset's `loca` forced to the long format (below): every glyph draws, widths
//   and extraction are right, and the fonts cost a few kilobytes per deck. That is what we use.
//   tests/unit/pdf-deck.test.ts reads the embedded font programs back and checks the outlines.
//
// Speaker notes: PDF has no notes, so the slides' notes are left out (the .pptx keeps them).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { BRIEFING_COLOURS } from '../briefing-colours';
import { fitParagraphs, type FitOptions, type Paragraph, type PdfBox } from './pdf-text';
import { BANNER_HEIGHT, CAPTION_BOX, MAP_BOX, SLIDE } from './slide-layout';
import type { DeckModel } from './slide-model';

export interface DeckFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** A CSS hex colour as pdf-lib's RGB (0–1 per channel). */
const rgbOf = (hex: string) => rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
const [INK, MUTED, WARNING, BANNER] = [BRIEFING_COLOURS.ink, BRIEFING_COLOURS.muted, BRIEFING_COLOURS.warning, BRIEFING_COLOURS.banner].map(rgbOf) as [Color, Color, Color, Color];
const WHITE = rgb(1, 1, 1);

const POINTS_PER_INCH = 72;
const PAGE = { width: SLIDE.width * POINTS_PER_INCH, height: SLIDE.height * POINTS_PER_INCH };

/** A box in slide-layout.ts's terms (inches from the top-left corner) as PDF points from the bottom-left. */
function toPoints(box: { x: number; y: number; w: number; h: number }): PdfBox {
  return { left: box.x * POINTS_PER_INCH, bottom: PAGE.height - (box.y + box.h) * POINTS_PER_INCH, width: box.w * POINTS_PER_INCH, height: box.h * POINTS_PER_INCH };
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
/** The internals of the fork's TrueType subset that the fix below touches. */
interface TrueTypeSubsetInternals {
  loca?: { version?: number };
  _addGlyph?: (glyphId: number) => number;
}

/**
 * @pdf-lib/fontkit with the subset fix described at the top: the subset's `loca` is given the
 * long format before fontkit fills it, so it never halves the offsets. Patched per font object,
 * not on fontkit's prototypes, so nothing else that loads fontkit is changed.
 */
const subsetSafeFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      const internals = subset as unknown as TrueTypeSubsetInternals;
      const addGlyph = internals._addGlyph; // TrueType subsets only; a CFF font has no loca
      if (addGlyph) {
        internals._addGlyph = function addGlyphWithLongLoca(this: TrueTypeSubsetInternals, glyphId: number) {
          if (this.loca) this.loca.version = 1; // encode() makes a fresh loca, then adds the glyphs
          return addGlyph.call(this, glyphId);
        };
      }
      return subset;
    };
    return font;
  },
};

function draw(page: PDFPage, paragraphs: Paragraph[], box: PdfBox, options?: FitOptions): void {
  for (const line of fitParagraphs(paragraphs, box, options)) {
    page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font: line.font, color: line.color });
  }
}

/** A page with the handling marking as a dark band across its top and bottom, as on the briefing images. */
function addPage(pdf: PDFDocument, handling: string, bold: PDFFont): PDFPage {
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  if (!handling) return page;
  for (const y of [0, SLIDE.height - BANNER_HEIGHT]) {
    const band = toPoints({ x: 0, y, w: SLIDE.width, h: BANNER_HEIGHT });
    page.drawRectangle({ x: band.left, y: band.bottom, width: band.width, height: band.height, color: BANNER });
    draw(page, [{ text: handling, font: bold, size: 9, color: WHITE }], band, { align: 'middle', center: true });
  }
  return page;
}

function drawTitlePage(pdf: PDFDocument, model: DeckModel, regular: PDFFont, bold: PDFFont): void {
  const page = addPage(pdf, model.handling, bold);
  const { title, asOfRange, sources } = model.titleSlide;
  const width = SLIDE.width - 1.2;
  draw(page, [{ text: title, font: bold, size: 34, color: INK }], toPoints({ x: 0.6, y: 1.2, w: width, h: 1.1 }), { align: 'bottom' });
  draw(page, [{ text: asOfRange, font: regular, size: 18, color: MUTED }], toPoints({ x: 0.6, y: 2.35, w: width, h: 0.5 }));
  draw(
    page,
    [{ text: 'Sources', font: bold, size: 12, color: MUTED, spaceAfter: 2 }, ...sources.map((source) => ({ text: source, font: regular, size: 12, color: MUTED, spaceAfter: 2, bullet: true }))],
    toPoints({ x: 0.6, y: 3.1, w: width, h: 2.1 }),
  );
}

/**
 * `images`: each event's map as PNG bytes, by event id; drawn at their own pixel size scaled
 * into the map box, so their resolution is what the caller rendered (no resampling here).
 */
export async function buildPdfDeck(model: DeckModel, images: Record<string, Uint8Array>, fonts: DeckFonts): Promise<Uint8Array> {
  const missing = model.slides.find((slide) => !images[slide.eventId]);
  if (missing) throw new Error(`no map image for event "${missing.eventId}"`);

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(subsetSafeFontkit);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });

  const now = new Date();
  pdf.setTitle(model.titleSlide.title, { showInWindowTitleBar: true });
  pdf.setAuthor(model.author || 'Tripwire');
  pdf.setKeywords(model.titleSlide.sources);
  pdf.setSubject(`Briefing deck: ${model.titleSlide.asOfRange}`);
  pdf.setCreator('Tripwire');
  pdf.setProducer('Tripwire (pdf-lib)');
  pdf.setLanguage('en');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  drawTitlePage(pdf, model, regular, bold);
  const width = SLIDE.width - 0.8;
  for (const slide of model.slides) {
    const page = addPage(pdf, model.handling, bold);
    // One line at 24 pt, else two lines shrunk to fit (as PowerPoint's shrink-on-overflow does).
    draw(page, [{ text: slide.title, font: bold, size: 24, color: INK }], toPoints({ x: 0.4, y: 0.2, w: width, h: 0.6 }), { align: 'middle' });
    draw(page, [{ text: slide.asOf, font: regular, size: 12, color: MUTED }], toPoints({ x: 0.4, y: 0.78, w: width, h: 0.3 }));

    const image = await pdf.embedPng(images[slide.eventId]!);
    const map = toPoints(MAP_BOX);
    const scale = Math.min(map.width / image.width, map.height / image.height);
    const drawn = { width: image.width * scale, height: image.height * scale };
    page.drawImage(image, { x: map.left + (map.width - drawn.width) / 2, y: map.bottom + (map.height - drawn.height) / 2, ...drawn });

    // captionFor already puts a quote in typographic quotes (a summary stands without them).
    // No italic for the quote as in the .pptx: Noto Sans KR has no italic, and a slanted CJK
    // font is worse than an upright one; size and ink colour set it apart.
    const { dateLine, quote, attribution, factCheck } = slide.caption;
    draw(
      page,
      [
        { text: dateLine, font: regular, size: 12, color: MUTED, spaceAfter: 8 },
        { text: quote, font: regular, size: 15, color: INK, spaceAfter: 8 },
        { text: attribution ? `— ${attribution}` : '', font: regular, size: 12, color: MUTED, spaceAfter: 8 },
        { text: factCheck ?? '', font: regular, size: 12, color: WARNING },
      ],
      toPoints(CAPTION_BOX),
      { minScale: 0.6 },
    );
    draw(page, [{ text: slide.sourceLine, font: regular, size: 9, color: MUTED }], toPoints({ x: 0.4, y: 5.1, w: width, h: 0.35 }));
  }
  return pdf.save();
}
