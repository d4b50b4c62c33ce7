// HTML pasted from a browser, reduced to its text: the words in reading order, one blank line
// between paragraphs (headings, list items, table rows), a line break for <br>. Nothing of the
// markup is kept or rendered: scripts, styles and other non-text parts are dropped, and the
// result is plain text the draft reads and the review shows as text.

/** The parts of a DOM node this reads: a DOMParser document in the page, plain objects in tests. */
export interface MarkupNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<MarkupNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(' '),
);
/** Elements whose content is not the page's text. */
const SKIPPED = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE HEAD TITLE IFRAME OBJECT EMBED SVG CANVAS MATH SELECT OPTION'.split(' '));

const PARAGRAPH = '\u0000';

/** The node's text, paragraphs apart by one blank line. */
export function textOfMarkup(root: MarkupNode): string {
  const parts: string[] = [];
  const walk = (node: MarkupNode, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      parts.push(inPre ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, doctype
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push(PARAGRAPH);
    for (let index = 0; index < node.childNodes.length; index++) walk(node.childNodes[index]!, inPre || name === 'PRE');
    if (block) parts.push(PARAGRAPH);
  };
  walk(root, false);
  return parts
    .join('')
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .join('\n')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Text pasted from HTML in the page: parsed inertly (DOMParser runs no script and loads nothing), then reduced. */
export function textOfHtml(html: string): string {
  return textOfMarkup(new DOMParser().parseFromString(html, 'text/html'));
}
