import { store } from '../data/store';
import { THEATERS, type Theater } from '../data/theaters';

/** Named views: one click frames each theater of the article. */
export function ViewPicker() {
  return (
    <nav className="view-picker" aria-label="Named views">
      {(Object.keys(THEATERS) as Theater[]).map((theater) => (
        <button key={theater} type="button" onClick={() => store.getState().requestFrame(THEATERS[theater].bounds, 12)}>
          {THEATERS[theater].label}
        </button>
      ))}
    </nav>
  );
}
