// The PDF deck's font files, in the page. Vite copies the two Noto Sans KR files into the build
// as assets (`?url`: a same-origin address, not 12 MB of base64 in a script), so a deck needs no
// font server and works offline. Import this module only when a PDF is asked for (make-deck
// does, dynamically): the fonts are fetched only then, and nothing enters the first load.
import boldUrl from '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf?url';
import type { DeckFonts } from './pdf-deck';

async function fetchFont(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`could not load the PDF font ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Noto Sans KR regular and bold (about 6 MB each; the browser's cache keeps them after the first deck). */
export async function loadPdfFonts(signal?: AbortSignal): Promise<DeckFonts> {
  const [regular, bold] = await Promise.all([fetchFont(regularUrl, signal), fetchFont(boldUrl, signal)]);
  return { regular, bold };
}
