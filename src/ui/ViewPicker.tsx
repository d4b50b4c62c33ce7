import { store, useStore } from '../data/store';

/** Named views: one click frames each region of the open scenario. */
export function ViewPicker() {
  const views = useStore((state) => state.scenario?.views);
  if (!views) return null;
  return (
    <nav className="view-picker" aria-label="Named views">
      {views.map((view) => (
        <button key={view.id} type="button" onClick={() => store.getState().requestFrame(view.bounds, 12)}>
          {view.title}
        </button>
      ))}
    </nav>
  );
}
