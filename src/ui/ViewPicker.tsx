import { useState } from 'react';
import { store, useStore } from '../data/store';

/**
 * Named views: one click frames each region of the open scenario. A row of buttons on a wide
 * screen; on a narrow one (app.css) the same buttons drop down from a "Views" menu button.
 */
export function ViewPicker() {
  const views = useStore((state) => state.scenario?.views);
  const [open, setOpen] = useState(false);
  if (!views) return null;
  return (
    <nav className={`view-picker${open ? ' is-open' : ''}`} aria-label="Named views">
      <button type="button" className="view-picker-toggle" aria-expanded={open} aria-controls="view-picker-views" onClick={() => setOpen(!open)}>
        Views
      </button>
      <div className="view-picker-views" id="view-picker-views">
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            onClick={() => {
              setOpen(false);
              store.getState().requestFrame(view.bounds, 12);
            }}
          >
            {view.title}
          </button>
        ))}
      </div>
    </nav>
  );
}
