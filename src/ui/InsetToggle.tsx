/**
 * The phone's way to the inset: there is no room to keep it on screen, so it shows only when
 * asked for (App), from this small button at the map's lower right.
 */
export function InsetToggle({ shown, title, onToggle }: { shown: boolean; title: string; onToggle: () => void }) {
  return (
    <button type="button" className="inset-toggle" aria-pressed={shown} onClick={onToggle}>
      {/* Named by what it shows and starting with its visible word, for speech input. */}
      Inset<span className="visually-hidden"> map: {title}</span>
    </button>
  );
}
