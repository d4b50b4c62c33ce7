// index.html for a briefing pack: every image in date order with its caption and alt text.
// All text is escaped: event titles and quotes are data, never markup.
import { writeFileSync } from 'node:fs';

const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function writeIndex(path, images, title) {
  const items = images
    .map(
      (image) => `  <figure>
    <img src="${escape(image.fileName)}" alt="${escape(image.altText)}" width="${image.width}" height="${image.height}">
    <figcaption><strong>${escape(image.date)} — ${escape(image.title)}</strong>${image.caption ? `<br><q>${escape(image.caption.quote.slice(1, -1))}</q>` : ''}</figcaption>
  </figure>`,
    )
    .join('\n');
  writeFileSync(
    path,
    `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>${escape(title)} — briefing pack</title>
<style>body{font-family:'Noto Sans','Liberation Sans',sans-serif;max-width:1100px;margin:2rem auto;color:#222}figure{margin:0 0 2.5rem}img{width:100%;height:auto;border:1px solid #ccc}figcaption{margin-top:.4rem}</style>
<h1>${escape(title)}</h1>
<p>${images.length} images, one per event, in date order. Each image's alt text is also in the matching .alt.txt file.</p>
${items}
</html>
`,
  );
}
