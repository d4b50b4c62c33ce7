import { useEffect, useRef } from 'react';
import { store, useStore } from '../../data/store';
import { EventDetail } from './EventDetail';
import { GeographyDetail } from './GeographyDetail';
import { selectedEvent } from '../../data/selectors';

/** The right-hand panel: the selected event or geography. Escape closes it. */
export function DetailPanel() {
  const event = useStore(selectedEvent);
  const geographyId = useStore((state) => state.selectedGeographyId);
  const geography = useStore((state) =>
    geographyId ? (Object.values(state.geography).flat().find((feature) => feature.properties.id === geographyId) ?? null) : null,
  );
  const panelRef = useRef<HTMLElement>(null);
  const open = Boolean(event ?? geography);

  useEffect(() => {
    if (!open) return;
    const onKey = (keyEvent: KeyboardEvent) => {
      if (keyEvent.key !== 'Escape') return;
      store.getState().selectEvent(null);
      store.getState().selectGeography(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!open) return null;
  return (
    <section ref={panelRef} className="detail-panel" aria-label="Details" data-testid="detail-panel">
      <button
        type="button"
        className="detail-close"
        aria-label="Close details (Escape)"
        onClick={() => {
          store.getState().selectEvent(null);
          store.getState().selectGeography(null);
        }}
      >
        ×
      </button>
      {event ? <EventDetail event={event} /> : geography ? <GeographyDetail feature={geography} /> : null}
    </section>
  );
}
