import { useCallback, useEffect, useState } from 'react';
import { store } from '../data/store';
import { PHONE_QUERY } from './use-media-query';

/**
 * The event list's place. Phone (≤ 600 px): a sheet over the map, closed at first, closed again when
 * an event is chosen (so its detail sheet can be read) and by Escape; tablet: a side panel that
 * folds away; desktop: always there (app.css hides the toggle).
 */
export function useListSheet(phone: boolean) {
  const [listOpen, setListOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);
  useEffect(
    () =>
      store.subscribe(
        (state) => state.selectedEventId,
        (id) => {
          if (id !== null && window.matchMedia(PHONE_QUERY).matches) setListOpen(false);
        },
      ),
    [],
  );
  // Escape closes the phone's list sheet, as it closes the detail.
  useEffect(() => {
    if (!phone || !listOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setListOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone, listOpen]);
  /** Opens the list and puts the focus in it (the screen reader summary's "Go to the event list"). */
  const showList = useCallback(() => {
    setListOpen(true);
    requestAnimationFrame(() => document.getElementById('event-list')?.focus());
  }, []);
  return { listOpen, setListOpen, showList };
}
