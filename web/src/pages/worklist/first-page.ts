import { get } from '../../api/client';
import type { WorklistPage } from '../../api/types';

/** The worklist page's code: routes.tsx loads it lazily with this, sign-in starts it before the shell renders. */
export const loadWorklistPage = () => import('./WorklistPage');

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
