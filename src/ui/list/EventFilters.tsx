import { store, useStore } from '../../data/store';
import { NO_FILTERS } from '../../data/slices/filters';
import { ACTORS, ACTOR_LABELS, CATEGORIES, categoryLabel, scenarioOwnCategories, STATUS_LABELS, STATUSES, type Actor } from '../../data/vocabulary';

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Free text, category, actor and status filters; the map hides what the list hides. */
export function EventFilters() {
  // The open scenario's own categories are offered too (re-rendered when it changes).
  useStore((state) => state.scenario?.categories);
  const filters = useStore((state) => state.filters);
  const setFilters = store.getState().setFilters;
  const chosen = filters.categories.length + filters.actors.length + filters.statuses.length;
  return (
    <div className="event-filters">
      <input
        type="search"
        placeholder="Search events…"
        aria-label="Search events"
        value={filters.text}
        onChange={(event) => setFilters({ text: event.target.value })}
      />
      <details>
        <summary>
          Filters{chosen > 0 ? ` (${chosen})` : ''}
        </summary>
        <fieldset>
          <legend>Category</legend>
          {[...CATEGORIES, ...scenarioOwnCategories()].map((category) => (
            <label key={category}>
              <input
                type="checkbox"
                checked={filters.categories.includes(category)}
                onChange={() => setFilters({ categories: toggle(filters.categories, category) })}
              />
              {categoryLabel(category)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Actor</legend>
          {ACTORS.map((actor: Actor) => (
            <label key={actor}>
              <input type="checkbox" checked={filters.actors.includes(actor)} onChange={() => setFilters({ actors: toggle(filters.actors, actor) })} />
              {ACTOR_LABELS[actor]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status}>
              <input type="checkbox" checked={filters.statuses.includes(status)} onChange={() => setFilters({ statuses: toggle(filters.statuses, status) })} />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      </details>
    </div>
  );
}
