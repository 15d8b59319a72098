import { useEffect, useState } from 'react';

/** The value once typing has paused for `delayMs`: a search or preview is asked once per word, not on every key. */
export function useSettled<T>(value: T, delayMs = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
