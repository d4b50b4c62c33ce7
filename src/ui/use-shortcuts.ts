import { useEffect } from 'react';
import { session } from '../session';
import { store } from '../data/store';
import { stepToEvent } from '../data/step-events';
import { redoEdit, undoEdit } from '../actions';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** App-wide keys: Ctrl+Z undo, Ctrl+Shift+Z redo, E export, P present; while presenting, PageDown/PageUp step (clickers send these), Escape leaves. */
export function useShortcuts({ presenting, setPresenting }: { presenting: boolean; setPresenting: (on: boolean) => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      // Ctrl+Z undoes the last edit; Ctrl+Shift+Z (or Ctrl+Y) redoes it. In a text field they stay the field's own.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'z' || event.key === 'Z' || event.key === 'y')) {
        event.preventDefault();
        void (event.shiftKey || event.key === 'y' ? redoEdit(session) : undoEdit(session));
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (presenting && (event.key === 'PageDown' || event.key === 'PageUp')) {
        event.preventDefault();
        stepToEvent(store, event.key === 'PageDown' ? 1 : -1);
      } else if (presenting && event.key === 'Escape') {
        setPresenting(false);
      } else if (event.key === 'e' || event.key === 'E') {
        // Or the "e" would land in the dialog's title field, which takes focus.
        event.preventDefault();
        store.getState().openDialog({ kind: 'export' });
      } else if (event.key === 'p' || event.key === 'P') {
        setPresenting(!presenting);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, setPresenting]);
}
