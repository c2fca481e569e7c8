import { get } from '../../api/client';
import { preloadable } from '../../lib/preloadable';
import type { WorklistPage } from '../../api/types';

/**
 * The worklist page, loaded on demand (routes.tsx mounts `worklistPage.Page`); the login page preloads its code while
 * the person types and again at sign-in, so it renders without suspending.
 */
export const worklistPage = preloadable(() => import('./WorklistPage'));

/**
 * Called by the login page once its form is up: a person takes seconds to type a name, a password and a code, and
 * the worklist's code (the table, the filters: ~400 KB of script) loads and runs meanwhile, when the browser is idle,
 * instead of after 登录. Not part of the login page's own first load (bench/web-first-load.bench.ts reports it apart).
 */
export function preloadWorklistWhenIdle(): () => void {
  const load = () => {
    void worklistPage.preload().catch(() => undefined); // the route loads it again if this failed
    void import('./warm-up').then((m) => {
      if (!signedIn) removeWarmUp ??= m.renderWarmUp();
    }, () => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(load, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(load, 300);
  return () => window.clearTimeout(id);
}

let signedIn = false;
let removeWarmUp: (() => void) | undefined;

/** The signed-in shell has rendered (layout/Shell.tsx): its own components hold antd's styles now (warm-up.tsx). */
export function warmUpEnded(): void {
  signedIn = true;
  removeWarmUp?.();
  removeWarmUp = undefined;
}

/** The worklist as it opens: first page, twenty rows, by due date, no filter. */
export const FIRST_PAGE = { page: 1, pageSize: 20, sort: 'dueDate' } as const;

let early: { at: number; answer: Promise<WorklistPage> } | null = null;

/**
 * Sign-in asks for the first page while the worklist's code is still loading and rendering, instead of after: the
 * rows come that much sooner (bench/web-first-load.bench.ts). Kept in a module of its own so the login page does not
 * load the worklist's code to call it.
 */
export function prefetchFirstPage(): void {
  const answer = get<WorklistPage>('/tasks', FIRST_PAGE);
  answer.catch(() => undefined); // the page asks again if it failed
  early = { at: Date.now(), answer };
}

/** The prefetched first page if it is fresh (taken once), else a new request. */
export function firstPage(): Promise<WorklistPage> {
  const e = early;
  early = null;
  return e && Date.now() - e.at < 10_000 ? e.answer.catch(() => get<WorklistPage>('/tasks', FIRST_PAGE)) : get<WorklistPage>('/tasks', FIRST_PAGE);
}
