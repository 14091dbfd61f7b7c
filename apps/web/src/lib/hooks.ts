import { useEffect, useState } from 'react';

/**
 * The value, `ms` after it last changed (the first value at once). The
 * setter makes a value current right away, for changes that should not wait
 * (an example was loaded, a fix was applied).
 */
export function useDebounced<T>(value: T, ms: number): [T, (now: T) => void] {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    if (Object.is(current, value)) return;
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
  }, [value, ms, current]);
  return [current, setCurrent];
}
