import { store, useStore } from '../data/store';
import { download } from './export/download';

/** Non-blocking messages (a link that was partly ignored, saved data set aside, …), dismissable. */
export function Notices() {
  const notices = useStore((state) => state.notices);
  const setAside = useStore((state) => state.setAsideData);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {notices.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
      {setAside !== null && (
        <button type="button" onClick={() => download(setAside, 'tripwire-saved-data.json', 'application/json')}>
          Download the set-aside data
        </button>
      )}{' '}
      <button type="button" onClick={() => store.getState().dismissNotices()}>
        Dismiss
      </button>
    </div>
  );
}
