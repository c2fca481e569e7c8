import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

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

afterEach(() => cleanup());
