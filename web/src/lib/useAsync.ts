import { useCallback, useEffect, useState } from 'react';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

const sameKey = (a: readonly unknown[] | null, b: readonly unknown[]) => !!a && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Loads on mount and whenever `deps` change; the last request wins. Loading is derived, not stored: the state
 * remembers which deps its answer belongs to, so a change of deps shows the spinner in the same render.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const key = [...deps, tick];
  const [state, setState] = useState<{ key: unknown[] | null; data?: T; error?: unknown }>({ key: null });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ key, data }),
      (error: unknown) => current && setState({ key, error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps (and reload's tick) are the dependencies, as with useMemo
  }, key);
  return { data: state.data, error: state.error, loading: !sameKey(state.key, key), reload };
}
