// Names the console shows instead of codes: office names, behaviour titles and the bureau's name, each loaded once per
// tab (they change only when an administrator edits them) and shared by every page that shows them.
import { useEffect, useState } from 'react';
import { get } from '../api/client';
import type { Catalogue, Office } from '../api/types';

const cache = new Map<string, Promise<unknown>>();

function once<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = get<T>(path);
    // a failed load is retried next time rather than remembered
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

/** Test hook: forget what was loaded. */
export const resetLookups = () => cache.clear();

function useShared<T>(path: string | null): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!path) return;
    let current = true;
    once<T>(path).then((v) => current && setValue(v), () => undefined);
    return () => {
      current = false;
    };
  }, [path]);
  return value;
}

/** Offices as `{ value, label }` for selects, and a code → name function for cells; a code not (yet) known shows as —. */
export function useOffices(enabled = true) {
  const offices = useShared<Office[]>(enabled ? '/offices' : null) ?? [];
  const byCode = new Map(offices.map((o) => [o.code, o.name]));
  return {
    offices,
    options: offices.map((o) => ({ value: o.code, label: o.name })),
    officeName: (code: string | null | undefined) => (code ? (byCode.get(code) ?? '—') : '—'),
  };
}

/** Behaviour titles of the catalogue (every role may read it); a code of an older catalogue shows a neutral phrase. */
export function useBehaviours() {
  const catalogue = useShared<Catalogue>('/catalogue');
  const byCode = new Map((catalogue?.items ?? []).map((i) => [i.code, i.title]));
  return {
    items: catalogue?.items ?? [],
    behaviourTitle: (code: string | null | undefined) => (code ? (byCode.get(code) ?? (catalogue ? '清单外失信行为' : '…')) : '—'),
  };
}

export const DEFAULT_BUREAU = '教育局';

/** The bureau's name from the document settings (public route: the login and public pages show it). */
export function useBureauName(): string {
  return useShared<{ name: string | null }>('/public/bureau')?.name ?? '';
}
