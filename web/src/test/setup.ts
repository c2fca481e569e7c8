import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// antd measures and observes elements that jsdom does not lay out
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => undefined, removeListener: () => undefined,
    addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  }),
});
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
window.getComputedStyle = ((orig) => (el: Element) => orig(el))(window.getComputedStyle);

// findBy*/waitFor give up after 5 s, not 1 s: on a busy two-core machine antd's first render of a form can take longer
// than a second, and a test must fail for a missing message, not for a slow one
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
