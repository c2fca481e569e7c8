// Issue #22: the worklist after 登录 shows no loading spinner when its code was loaded while the person typed.
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

const page = (text: string) => preloadable(() => Promise.resolve({ default: () => <p>{text}</p> }));

describe('a page loaded on demand', () => {
  it('renders at once, without its loading fallback, once preloaded', async () => {
    const { Page, preload } = page('我的待办');
    await preload();
    render(<Suspense fallback={<p>加载中…</p>}><Page /></Suspense>);
    expect(screen.getByText('我的待办')).toBeTruthy();
    expect(screen.queryByText('加载中…')).toBeNull();
  });

  it('shows the fallback and then the page when it was not preloaded', async () => {
    const { Page } = page('案件列表');
    render(<Suspense fallback={<p>加载中…</p>}><Page /></Suspense>);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('案件列表')).toBeTruthy();
  });

  it('loads its code once however often it is preloaded', async () => {
    let loads = 0;
    const { preload } = preloadable(() => { loads++; return Promise.resolve({ default: () => null }); });
    await Promise.all([preload(), preload()]);
    await preload();
    expect(loads).toBe(1);
  });
});
