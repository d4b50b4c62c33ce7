import { useStore } from '../data/store';
import { DetailPanel } from './detail/DetailPanel';
import { EventForm } from './edit/EventForm';
import { GeographyForm } from './edit/GeographyForm';

/** Beside the map: the event form or the geography form while one is open, the selection's detail otherwise. */
export function DetailOrForm() {
  const eventForm = useStore((state) => state.eventForm);
  const geographyForm = useStore((state) => state.geographyForm);
  if (eventForm) return <EventForm key={eventForm.editing ?? eventForm.prefilled?.key ?? 'new'} />;
  if (geographyForm) return <GeographyForm key={geographyForm.editing ?? 'new'} />;
  return <DetailPanel />;
}
