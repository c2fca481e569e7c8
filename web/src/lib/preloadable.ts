import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A page loaded on demand that renders at once when its code is already here. React.lazy suspends on its first
 * render even then, and React 19 holds content back for at least 300 ms after a Suspense fallback shows (its
 * fallback throttle): the largest single wait between 登录 and the worklist's first row (bench/web-first-load.bench.ts).
 * `preload` loads the code (the login page calls it while the person types); a page mounted before it arrived goes
 * through React.lazy as usual, and keeps that form for its whole life (switching would remount it).
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    loading ??= load().then((m) => {
      loaded = m.default;
      return m;
    }, (err: unknown) => {
      loading = undefined; // a failed load is tried again by the next caller
      throw err;
    });
    return loading;
  };
  const Lazy = lazy(preload);
  function Page(props: P) {
    const [component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(component, props);
  }
  return { Page, preload };
}
