// Small inline icons: the media-control characters (⏮ ⏭) are missing from many system fonts.
const Svg = ({ children }: { children: React.ReactNode }) => (
  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

export const PlayIcon = () => (
  <Svg>
    <path d="M3 1.5v11l9-5.5z" fill="currentColor" />
  </Svg>
);
export const PauseIcon = () => (
  <Svg>
    <path d="M3 1.5h3v11H3zM8 1.5h3v11H8z" fill="currentColor" />
  </Svg>
);
export const PreviousIcon = () => (
  <Svg>
    <path d="M2 1.5h2v11H2zM12 1.5v11L4.5 7z" fill="currentColor" />
  </Svg>
);
export const NextIcon = () => (
  <Svg>
    <path d="M10 1.5h2v11h-2zM2 1.5v11L9.5 7z" fill="currentColor" />
  </Svg>
);
