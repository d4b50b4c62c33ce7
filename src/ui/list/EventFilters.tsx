import { store, useStore } from '../../data/store';
import { ACTORS, ACTOR_LABELS, CATEGORIES, categoryLabel, scenarioOwnCategories, type Actor } from '../../data/vocabulary';

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Free text, category and actor filters; the map hides what the list hides. */
export function EventFilters() {
  // The open scenario's own categories are offered too (re-rendered when it changes).
  useStore((state) => state.scenario?.categories);
  const filters = useStore((state) => state.filters);
  const setFilters = store.getState().setFilters;
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
          Filters{filters.categories.length + filters.actors.length > 0 ? ` (${filters.categories.length + filters.actors.length})` : ''}
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
        <button type="button" onClick={() => setFilters({ categories: [], actors: [], text: '' })}>
          Clear filters
        </button>
      </details>
    </div>
  );
}
