// The event form's fields ⇄ an event. What the analyst typed is checked by the same validator as
// any import, and each problem is put beside the field it is about.
import { normaliseEvents, type TripwireEvent } from '../events';
import { exportedProperties } from '../event-properties';
import type { EventProperties } from '../schemas';
import { validateEventFeature, type ValidationIssue } from '../validate';

/** The form's fields, as typed. Lists are comma-separated; a route is one "lon, lat" per line. */
export interface EventFormValues {
  title: string;
  date: string;
  endDate: string;
  longitude: string;
  latitude: string;
  /** For a route: its vertices, one "lon, lat" per line (longitude and latitude are then unused). */
  route: string;
  category: string;
  status: string;
  actors: string;
  place: string;
  summary: string;
  quote: string;
  speaker: string;
  dateAsWritten: string;
  source: string;
  sourceUrl: string;
}

export type EventFormField = keyof EventFormValues;

const FIELDS_OF_PROPERTIES: Partial<Record<string, EventFormField>> = { endDate: 'endDate', actors: 'actors', sourceUrl: 'sourceUrl' };

export function eventFormValuesOf(event: TripwireEvent | null, position: [number, number] | null): EventFormValues {
  const point = event?.geometry.type === 'Point' ? event.geometry.coordinates : (position ?? null);
  return {
    title: event?.title ?? '',
    date: event?.date ?? '',
    endDate: event?.endDate ?? '',
    longitude: point ? String(point[0]) : '',
    latitude: point ? String(point[1]) : '',
    route: event?.geometry.type === 'LineString' ? event.geometry.coordinates.map((position) => position.join(', ')).join('\n') : '',
    category: event?.category ?? 'military-activity',
    status: event?.status ?? 'reported',
    actors: event?.actors.join(', ') ?? '',
    place: event?.place ?? '',
    summary: event?.summary ?? '',
    quote: event?.quote ?? '',
    speaker: event?.speaker ?? '',
    dateAsWritten: event?.dateAsWritten ?? '',
    source: event?.source ?? '',
    sourceUrl: event?.sourceUrl ?? '',
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** "Ship seized off Busan" + 2024-03 → "ship-seized-off-busan-2024-03". */
export const idFor = (title: string, date: string) =>
  `${title}-${date}`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 90) || 'event';

/**
 * The event the form values describe, or the problems by field. `base`: the event being edited (its
 * id, set, fields the form does not show and key stay); for a new one, `id`, `eventSetId` and `key` are given.
 * `extra`: fields the form does not show for a new event (a drafted event's date reasoning).
 */
export function eventFromFormValues(
  values: EventFormValues,
  { base, id, eventSetId, key, extra }: { base: TripwireEvent | null; id: string; eventSetId: string; key: number; extra?: Partial<EventProperties> | undefined },
): { event: TripwireEvent; issues: null } | { event: null; issues: Partial<Record<EventFormField, string>> } {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const geometry =
    values.route.trim() !== ''
      ? { type: 'LineString' as const, coordinates: values.route.trim().split('\n').map((line) => line.split(',').map(number)) }
      : { type: 'Point' as const, coordinates: [number(values.longitude), number(values.latitude)] };
  const properties = {
    ...(base ? exportedProperties(base) : {}),
    ...extra,
    id: base?.id ?? id,
    title: values.title,
    date: values.date.trim(),
    endDate: optional(values.endDate),
    category: values.category,
    status: values.status,
    actors: values.actors.split(',').map((actor) => actor.trim()).filter(Boolean),
    place: optional(values.place),
    summary: optional(values.summary),
    quote: optional(values.quote),
    speaker: optional(values.speaker),
    dateAsWritten: optional(values.dateAsWritten),
    source: optional(values.source),
    sourceUrl: optional(values.sourceUrl),
  };
  for (const field of Object.keys(properties) as (keyof typeof properties)[]) if (properties[field] === undefined) delete properties[field];
  const checked = validateEventFeature({ type: 'Feature', geometry, properties }, 0);
  // An empty coordinate is not a bad number: the analyst has not placed the event yet.
  const unplaced: Partial<Record<EventFormField, string>> = {};
  if (values.route.trim() === '') for (const field of ['longitude', 'latitude'] as const) if (values[field].trim() === '') unplaced[field] = 'needed: type it, or click the map';
  if (!checked.event || checked.issues.length > 0) return { event: null, issues: { ...byField(checked.issues, values.route.trim() !== ''), ...unplaced } };
  const [event] = normaliseEvents([checked.event], base?.eventSetId ?? eventSetId);
  return { event: { ...event!, key: base?.key ?? key }, issues: null };
}

/** "features[0] › properties.title" → title; "geometry.coordinates[1]" → latitude. */
function byField(issues: readonly ValidationIssue[], isRoute: boolean): Partial<Record<EventFormField, string>> {
  const fields: Partial<Record<EventFormField, string>> = {};
  for (const { location, message } of issues) {
    const path = location.split(' › ').slice(1).join('.');
    let field: EventFormField;
    if (path.startsWith('geometry')) field = isRoute ? 'route' : path.endsWith('[0]') ? 'longitude' : 'latitude';
    else {
      const name = path.replace(/^properties\./, '').split(/[.[]/)[0]!;
      field = (FIELDS_OF_PROPERTIES[name] ?? (name in eventFormValuesOf(null, null) ? name : 'title')) as EventFormField;
    }
    fields[field] ??= message;
  }
  return fields;
}
