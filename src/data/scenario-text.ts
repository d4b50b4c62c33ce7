// How a scenario names itself and its sources in the header, the export footer and captions.
import { formatDay, parseIsoPartialDate } from './dates';
import type { ScenarioHead, ScenarioSource, ScenarioView } from './scenario-schema';

/** `Reuters, “Cable damaged in the Baltic” (Oct 2023)`. */
export function sourceReference(source: ScenarioSource): string {
  const span = source.date ? parseIsoPartialDate(source.date) : null;
  const when = span ? ` (${formatDay(span.start, span.precision === 'year' ? 'year' : 'month')})` : '';
  return `${source.publisher}, “${source.title}”${when}`;
}

/** The header's source line: every source, publisher and title. */
export const sourcesLine = (head: Pick<ScenarioHead, 'sources'>): string =>
  head.sources.map((source) => `${source.publisher}, “${source.title}”`).join('; ');

/** The view the map opens on: the named default, else the first. */
export const defaultViewOf = (head: Pick<ScenarioHead, 'views' | 'defaultView'>): ScenarioView =>
  head.views.find((view) => view.id === head.defaultView) ?? head.views[0]!;

/** The inset's view, if the scenario has one. */
export const insetViewOf = (head: Pick<ScenarioHead, 'views' | 'insetView'> | null): ScenarioView | null =>
  head?.views.find((view) => view.id === head.insetView) ?? null;

/**
 * Whether a map centred at `[lon, lat]` is far from a view: outside it by more than its own
 * size. The inset (and an export's inset) is worth its space only then.
 */
export function isFarFrom(view: Pick<ScenarioView, 'bounds'>, [lon, lat]: readonly number[]): boolean {
  const [west, south, east, north] = view.bounds;
  const width = east - west;
  const height = north - south;
  return lon! < west - width || lon! > east + width || lat! < south - height || lat! > north + height;
}
