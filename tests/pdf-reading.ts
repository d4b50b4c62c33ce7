// Reading a PDF deck back as a reader would, for the unit and browser tests: each page's text
// through its font's ToUnicode map, and each embedded glyph's outline against the original font
// (pdf-lib's fontkit once blanked glyphs in subsets while their text still extracted).
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { DeckFonts } from '../src/briefing/deck/pdf-deck';

/** What a PDF reader needs to show and extract a font's text: its program and its ToUnicode map. */
interface EmbeddedFont {
  name: string;
  program: Uint8Array;
  /** Glyph id in the embedded program → the text it stands for. */
  glyphText: Map<number, string>;
}

const decoded = (stream: unknown) => decodePDFRawStream(stream as PDFRawStream).decode();

function embeddedFonts(pdf: PDFDocument): Map<PDFDict, EmbeddedFont> {
  const fonts = new Map<PDFDict, EmbeddedFont>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendant = pdf.context.lookup(object.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
    const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const toUnicode = new TextDecoder().decode(decoded(object.lookup(PDFName.of('ToUnicode'))));
    const glyphText = new Map<number, string>();
    for (const [, glyph, utf16] of toUnicode.matchAll(/^<([0-9a-f]{4})> <([0-9a-f]+)>$/gim)) {
      glyphText.set(parseInt(glyph!, 16), String.fromCharCode(...utf16!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16))));
    }
    fonts.set(object, { name: String(object.get(PDFName.of('BaseFont'))), program: decoded(descriptor.lookup(PDFName.of('FontFile2'))), glyphText });
  }
  return fonts;
}

/** Each page's text as a reader extracts it: the hex strings shown, through their font's ToUnicode. */
export function pageTexts(pdf: PDFDocument): string[] {
  const fonts = embeddedFonts(pdf);
  return pdf.getPages().map((page) => {
    const resources = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const contents = page.node.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    const operators = streams.map((stream) => new TextDecoder().decode(decoded(stream))).join('\n');
    let font: EmbeddedFont | undefined;
    let text = '';
    for (const [, fontName, hex] of operators.matchAll(/\/(\S+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj/g)) {
      if (fontName) font = fonts.get(pdf.context.lookup(resources.get(PDFName.of(fontName)) as PDFRef, PDFDict));
      else text += `${hex!.match(/.{4}/g)!.map((glyph) => font?.glyphText.get(parseInt(glyph, 16)) ?? '\uFFFD').join('')}\n`;
    }
    return text;
  });
}

/**
 * Characters whose glyph in the embedded font program is blank or not the original font's outline:
 * the failure pdftoppm shows and pdftotext hides (the text extracts, the glyphs are gone).
 */
export function brokenGlyphs(pdf: PDFDocument, originals: DeckFonts, characters: string[]): string[] {
  const broken = new Set<string>();
  const found = new Set<string>();
  for (const { name, program, glyphText } of embeddedFonts(pdf).values()) {
    const embedded = fontkit.create(program);
    const original = fontkit.create(name.includes('Bold') ? originals.bold : originals.regular);
    for (const [glyphId, text] of glyphText) {
      if (!characters.includes(text)) continue;
      found.add(text);
      const want = original.glyphForCodePoint(text.codePointAt(0)!);
      try {
        const outline = embedded.getGlyph(glyphId).path.toSVG();
        if (outline === '' || outline !== want.path.toSVG()) broken.add(text);
      } catch {
        broken.add(text); // a glyph record read from the wrong offset may not even decode
      }
    }
  }
  // A character that no font maps was never drawn at all: as broken as a blank one.
  return [...characters.filter((character) => !found.has(character)), ...broken];
}
