// Pointer interaction on the map: hover shows a tooltip, click selects an event or a piece of
// geography, and several events under one click get a chooser instead of hiding each other.
// While a shape is being drawn (store.drawing), the map's pointer belongs to the drawing.
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature, type PointLike } from 'maplibre-gl';
import type { TripwireStore } from '../data/store';
import { formatDay } from '../data/dates';
import { EVENTS_SOURCE } from '../layers/events';
import { OUT_OF_TIME } from '../layers/expressions';
import { dotRadiusFor, GPU_EVENTS_LAYER } from './events-drawer';
import { createEventPicker, type EventPicker } from './events-picker';

/** Pixels around the pointer that count as "on" a feature: fingers and trackpads are imprecise. */
const HIT_RADIUS = 6;

const hitBox = ({ x, y }: { x: number; y: number }): [PointLike, PointLike] => [
  [x - HIT_RADIUS, y - HIT_RADIUS],
  [x + HIT_RADIUS, y + HIT_RADIUS],
];

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text; // data is always text, never markup
  return node;
};

/** `interactiveLayerIds`: the style layers that answer clicks and hover, top first. */
export function startInteractions(map: MapLibreMap, store: TripwireStore, interactiveLayerIds: string[]): () => void {
  const tooltip = new Popup({ closeButton: false, closeOnClick: false, className: 'map-tooltip', offset: 12, maxWidth: '280px' });
  const chooser = new Popup({ closeButton: true, closeOnClick: true, className: 'map-chooser', offset: 10, maxWidth: '320px' });

  const eventsUnder = (features: MapGeoJSONFeature[]) => {
    const ids = [...new Set(features.filter((f) => f.source === EVENTS_SOURCE).map((f) => String(f.properties.id)))];
    const byId = new Map(store.getState().events.map((event) => [event.id, event]));
    return ids.map((id) => byId.get(id)).filter((event) => event !== undefined);
  };
  // Geography and routes out of their time are still in the tiles, drawn transparent (shownInTime): not a hit.
  const hits = (point: { x: number; y: number }) =>
    map.queryRenderedFeatures(hitBox(point), { layers: interactiveLayerIds }).filter((feature) => feature.state[OUT_OF_TIME] !== true);
  // Event dots are drawn by the GPU points layer, which MapLibre cannot query: an index answers instead.
  let picker: EventPicker | null = null;
  const dotsAt = (point: { x: number; y: number }) => {
    if (!map.getLayer(GPU_EVENTS_LAYER) || map.getLayoutProperty(GPU_EVENTS_LAYER, 'visibility') === 'none') return [];
    const state = store.getState();
    if (picker?.events !== state.events) picker = createEventPicker(state.events);
    return picker.pick(map, point, HIT_RADIUS + dotRadiusFor(state.events.length), state);
  };
  const eventsAt = (point: { x: number; y: number }, features: MapGeoJSONFeature[]) => [...dotsAt(point), ...eventsUnder(features)];

  const onMove = (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
    // While a shape is drawn the pointer is the drawing's (Terra Draw sets its own cursor): no tooltips.
    if (store.getState().drawing) {
      tooltip.remove();
      return;
    }
    const features = hits(event.point);
    const events = eventsAt(event.point, features);
    map.getCanvas().style.cursor = features.length > 0 || events.length > 0 ? 'pointer' : '';
    const first = events[0];
    store.getState().hoverEvent(first?.id ?? null);
    if (!first) {
      tooltip.remove();
      return;
    }
    const content = element('div', 'tooltip-body');
    content.append(element('strong', 'tooltip-title', first.title), element('span', 'tooltip-date', formatDay(first.start, first.precision)));
    if (events.length > 1) content.append(element('span', 'tooltip-more', `+ ${events.length - 1} more here — click to choose`));
    tooltip.setLngLat(event.lngLat).setDOMContent(content).addTo(map);
  };

  const onLeave = () => {
    tooltip.remove();
    store.getState().hoverEvent(null);
    map.getCanvas().style.cursor = '';
  };

  const onClick = (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
    // A click while drawing places a corner (geography-drawing.ts); it selects nothing.
    if (store.getState().drawing) return;
    // While the event form is open, a click places the event there (rounded to ~10 m).
    const form = store.getState().eventForm;
    if (form) {
      const round = (value: number) => Math.round(value * 1e4) / 1e4;
      store.getState().openEventForm({ ...form, position: [round(event.lngLat.lng), round(event.lngLat.lat)] });
      return;
    }
    const features = hits(event.point);
    const events = eventsAt(event.point, features);
    if (events.length > 1) {
      const list = element('div', 'chooser-body');
      list.append(element('p', 'chooser-heading', `${events.length} events here`));
      for (const candidate of events) {
        const button = element('button', 'chooser-option', `${formatDay(candidate.start, candidate.precision)} — ${candidate.title}`);
        button.type = 'button';
        button.addEventListener('click', () => {
          store.getState().selectEvent(candidate.id);
          chooser.remove();
        });
        list.append(button);
      }
      tooltip.remove();
      chooser.setLngLat(event.lngLat).setDOMContent(list).addTo(map);
      return;
    }
    if (events.length === 1) {
      store.getState().selectEvent(events[0]!.id);
      return;
    }
    const geography = features.find((feature) => feature.source !== EVENTS_SOURCE);
    if (geography) store.getState().selectGeography(String(geography.properties.id));
  };

  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);
  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onClick);
    tooltip.remove();
    chooser.remove();
  };
}
