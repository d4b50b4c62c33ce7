import { useSyncExternalStore } from 'react';

/** The layouts' breakpoints; layout.css uses the same numbers. */
export const PHONE_QUERY = '(max-width: 600px)';
export const TABLET_QUERY = '(max-width: 1100px)';

/** Whether a media query matches now; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
