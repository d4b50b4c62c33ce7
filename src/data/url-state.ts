// The view as a URL hash, and back. Pure and total: any string decodes to a valid partial view
// plus a list of what was ignored, so a hostile or mangled link can never crash the app.
import { dayToIso, parseIsoPartialDate } from './dates';
import { WINDOW_MONTH_CHOICES, type TimeMode, type TimeScale } from './slices/timeline';
import { STATUSES } from './vocabulary';

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
}

export interface UrlView {
  /** The scenario in the browser's library the link is about; absent for the built-in one. */
  scenarioId?: string | null;
  time?: number;
  mode?: TimeMode;
  windowMonths?: number;
  scale?: TimeScale;
  /** Focus start day; null = all years. */
  focusFrom?: number | null;
  selectedEventId?: string | null;
  camera?: Camera;
  hiddenLayers?: string[];
  categories?: string[];
  actors?: string[];
  statuses?: string[];
  text?: string;
}

const MAX_HASH_LENGTH = 4000;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACTOR = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const list = (value: string) => (value ? value.split(',') : []);

export function encodeView(view: Required<Omit<UrlView, 'camera'>> & { camera: Camera | null }): string {
  const params = new URLSearchParams();
  if (view.scenarioId) params.set('s', view.scenarioId);
  params.set('t', dayToIso(Math.floor(view.time!)));
  params.set('mode', view.mode === 'window' ? `window-${view.windowMonths}` : 'cumulative');
  if (view.scale !== 'linear') params.set('scale', view.scale);
  params.set('from', view.focusFrom === null ? 'all' : dayToIso(view.focusFrom));
  if (view.selectedEventId) params.set('event', view.selectedEventId);
  if (view.camera) {
    const { center, zoom, bearing } = view.camera;
    params.set('map', [center[0].toFixed(3), center[1].toFixed(3), zoom.toFixed(2), bearing.toFixed(0)].join(','));
  }
  if (view.hiddenLayers.length > 0) params.set('hide', view.hiddenLayers.join(','));
  if (view.categories.length > 0) params.set('cat', view.categories.join(','));
  if (view.actors.length > 0) params.set('actor', view.actors.join(','));
  if (view.statuses.length > 0) params.set('status', view.statuses.join(','));
  if (view.text) params.set('q', view.text);
  return params.toString();
}

export function decodeView(hash: string): { view: UrlView; ignored: string[] } {
  const view: UrlView = {};
  const ignored: string[] = [];
  const text = hash.replace(/^#/, '');
  if (!text) return { view, ignored };
  if (text.length > MAX_HASH_LENGTH) return { view, ignored: ['the link is too long to be a Tripwire view'] };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { view, ignored: ['the link could not be read'] };
  }
  const reject = (key: string, value: string, why: string) => ignored.push(`${key}=${value.slice(0, 40)}: ${why}`);
  const known = new Set(['s', 't', 'mode', 'scale', 'from', 'event', 'map', 'hide', 'cat', 'actor', 'status', 'q']);

  for (const [key, value] of params) {
    if (!known.has(key)) {
      reject(key, value, 'unknown setting');
      continue;
    }
    if (key === 's') {
      if (ID.test(value) && value.length <= 100) view.scenarioId = value;
      else reject(key, value, 'not a scenario id');
    } else if (key === 't') {
      const span = parseIsoPartialDate(value);
      if (span) view.time = span.start;
      else reject(key, value, 'not a date (YYYY-MM-DD)');
    } else if (key === 'mode') {
      const windowMatch = /^window-(\d+)$/.exec(value);
      if (value === 'cumulative') view.mode = 'cumulative';
      else if (windowMatch && (WINDOW_MONTH_CHOICES as readonly number[]).includes(Number(windowMatch[1]))) {
        view.mode = 'window';
        view.windowMonths = Number(windowMatch[1]);
      } else reject(key, value, `expected cumulative or window-N with N in ${WINDOW_MONTH_CHOICES.join('/')}`);
    } else if (key === 'scale') {
      if (value === 'linear' || value === 'even') view.scale = value;
      else reject(key, value, 'expected linear or even');
    } else if (key === 'from') {
      const span = parseIsoPartialDate(value);
      if (value === 'all') view.focusFrom = null;
      else if (span) view.focusFrom = span.start;
      else reject(key, value, 'expected all or a date');
    } else if (key === 'event') {
      if (ID.test(value) && value.length <= 100) view.selectedEventId = value;
      else reject(key, value, 'not an event id');
    } else if (key === 'map') {
      const numbers = value.split(',').map(Number);
      const [lon, lat, zoom, bearing = 0] = numbers;
      const valid =
        numbers.length >= 3 && numbers.length <= 4 && numbers.every(Number.isFinite) &&
        Math.abs(lon!) <= 180 && Math.abs(lat!) <= 85 && zoom! >= 0 && zoom! <= 20 && Math.abs(bearing) <= 360;
      if (valid) view.camera = { center: [lon!, lat!], zoom: zoom!, bearing };
      else reject(key, value, 'expected lon,lat,zoom[,bearing] in range');
    } else if (key === 'hide') {
      const ids = list(value);
      if (ids.every((id) => ID.test(id))) view.hiddenLayers = ids;
      else reject(key, value, 'not a list of layer ids');
    } else if (key === 'cat') {
      // Any well-formed category: an imported scenario may have its own.
      const values = list(value);
      const valid = values.filter((v) => ID.test(v) && v.length <= 60);
      if (valid.length < values.length) reject(key, value, 'not a list of categories');
      view.categories = valid;
    } else if (key === 'actor') {
      const values = list(value);
      const valid = values.filter((v) => ACTOR.test(v));
      if (valid.length < values.length) reject(key, value, 'not a list of actors');
      view.actors = valid;
    } else if (key === 'status') {
      const values = list(value);
      if (values.every((v) => (STATUSES as readonly string[]).includes(v))) view.statuses = values;
      else reject(key, value, `not a list of statuses (${STATUSES.join(', ')})`);
    } else if (key === 'q') {
      view.text = value.slice(0, 200);
    }
  }
  return { view, ignored };
}
