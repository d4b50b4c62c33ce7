import { store, useStore } from '../data/store';

/** Non-blocking messages (a link that was partly ignored, …), dismissable. */
export function Notices() {
  const notices = useStore((state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {notices.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
      <button type="button" onClick={() => store.getState().dismissNotices()}>
        Dismiss
      </button>
    </div>
  );
}
