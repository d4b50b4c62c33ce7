// The briefing deck as a PowerPoint file: a title slide, then one slide per event with its map
// as a picture and every word as ordinary, editable text boxes (briefers reword slides; text
// baked into an image cannot be reworded, searched or read by a screen reader).
// Runs in the page (the CLI only saves the bytes), but nothing here needs a DOM: PptxGenJS runs in Node too.
import PptxGenJS from 'pptxgenjs';
import type { DeckModel } from './slide-model';
import { BANNER_HEIGHT, CAPTION_BOX, MAP_BOX, SLIDE } from './slide-layout';
import { BRIEFING_COLOURS } from '../briefing-colours';

// Fonts every office machine has, so the deck looks the same on the briefer's laptop.
const HEADING_FONT = 'Calibri';
const BODY_FONT = 'Calibri';
// PptxGenJS takes colours as RRGGBB, without the '#'.
const [INK, MUTED, WARNING, BANNER] = [BRIEFING_COLOURS.ink, BRIEFING_COLOURS.muted, BRIEFING_COLOURS.warning, BRIEFING_COLOURS.banner].map((hex) => hex.slice(1).toUpperCase());

/** The handling marking as a dark band across the top and the bottom of the slide, as on the briefing images. */
function addHandlingBanner(slide: PptxGenJS.Slide, handling: string) {
  if (!handling) return;
  for (const y of [0, SLIDE.height - BANNER_HEIGHT]) {
    slide.addText(handling, { x: 0, y, w: SLIDE.width, h: BANNER_HEIGHT, fill: { color: BANNER }, color: 'FFFFFF', bold: true, fontFace: BODY_FONT, fontSize: 9, align: 'center', valign: 'middle', margin: 0 });
  }
}

/** `images`: each event's map as PNG base64 (no data: prefix), by event id. */
export async function buildDeck(model: DeckModel, images: Record<string, string>): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = model.titleSlide.title;
  pptx.author = model.author || 'Tripwire';
  pptx.company = 'Tripwire';

  const title = pptx.addSlide();
  addHandlingBanner(title, model.handling);
  title.addText(model.titleSlide.title, { x: 0.6, y: 1.2, w: SLIDE.width - 1.2, h: 1.1, fontFace: HEADING_FONT, fontSize: 34, bold: true, color: INK, valign: 'bottom' });
  title.addText(model.titleSlide.asOfRange, { x: 0.6, y: 2.35, w: SLIDE.width - 1.2, h: 0.5, fontFace: BODY_FONT, fontSize: 18, color: MUTED });
  title.addText(
    [{ text: 'Sources', options: { bold: true, breakLine: true } }, ...model.titleSlide.sources.map((source) => ({ text: source, options: { bullet: true, breakLine: true } }))],
    { x: 0.6, y: 3.1, w: SLIDE.width - 1.2, h: 2.1, fontFace: BODY_FONT, fontSize: 12, color: MUTED, valign: 'top' },
  );

  for (const slideModel of model.slides) {
    const image = images[slideModel.eventId];
    if (!image) throw new Error(`no map image for event "${slideModel.eventId}"`);
    const slide = pptx.addSlide();
    addHandlingBanner(slide, model.handling);
    slide.addText(slideModel.title, { x: 0.4, y: 0.2, w: SLIDE.width - 0.8, h: 0.6, fontFace: HEADING_FONT, fontSize: 24, bold: true, color: INK, valign: 'middle', fit: 'shrink' });
    slide.addText(slideModel.asOf, { x: 0.4, y: 0.78, w: SLIDE.width - 0.8, h: 0.3, fontFace: BODY_FONT, fontSize: 12, color: MUTED });
    slide.addImage({ data: `image/png;base64,${image}`, ...MAP_BOX, altText: slideModel.altText });
    const { dateLine, quote, attribution, factCheck } = slideModel.caption;
    // One text box, one paragraph each: edits reflow instead of overlapping fixed boxes.
    slide.addText(
      [
        { text: dateLine, options: { fontSize: 12, color: MUTED, breakLine: true, paraSpaceAfter: 8 } },
        { text: quote, options: { fontSize: 15, italic: true, color: INK, breakLine: true, paraSpaceAfter: 8 } },
        { text: `— ${attribution}`, options: { fontSize: 12, color: MUTED, breakLine: true, paraSpaceAfter: 8 } },
        ...(factCheck ? [{ text: factCheck, options: { fontSize: 12, color: WARNING, breakLine: true } }] : []),
      ],
      { ...CAPTION_BOX, fontFace: BODY_FONT, valign: 'top', fit: 'shrink' },
    );
    slide.addText(slideModel.sourceLine, { x: 0.4, y: 5.1, w: SLIDE.width - 0.8, h: 0.35, fontFace: BODY_FONT, fontSize: 9, color: MUTED });
    slide.addNotes(slideModel.notes);
  }
  const bytes = await pptx.write({ outputType: 'uint8array' });
  if (!(bytes instanceof Uint8Array)) throw new Error('PptxGenJS did not return bytes');
  return bytes;
}
