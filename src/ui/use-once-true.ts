import { useState } from 'react';

/**
 * True from the first render in which `value` is, on: a lazily loaded dialog is mounted when first
 * opened, and stays mounted after, so closing it keeps what the user typed.
 */
export function useOnceTrue(value: boolean): boolean {
  const [once, setOnce] = useState(value);
  if (value && !once) setOnce(true); // React's pattern for state that follows a prop, not an effect
  return once || value;
}
