// The colours every briefing output shares (PNG images, PowerPoint and PDF decks), so a slide and
// an image of the same event look alike. CSS hex; each writer converts to its own notation.
export const BRIEFING_COLOURS = {
  ink: '#1f1e1c',
  muted: '#5d5b56',
  /** Fact checks: the words that say an allegation was contradicted. */
  warning: '#9b2c3a',
  /** The handling marking's band. */
  banner: '#2b2b2b',
} as const;
