import { useStore } from '../data/store';

/**
 * Like useState, but kept in the store under `key` ("deck.ticked"): a dialog is unmounted when it
 * closes (src/ui/Dialogs.tsx), and what the user chose in it is there when it opens again.
 */
export function useKeptState<T>(key: string, initial: T): [T, (value: T) => void] {
  const kept = useStore((state) => state.keptFields[key]) as T | undefined;
  const keepField = useStore((state) => state.keepField);
  return [kept === undefined ? initial : kept, (value: T) => keepField(key, value)];
}
