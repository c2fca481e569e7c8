/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console shows the server's own words for stages and tasks: workflows/labels.ts is pure data with type-only
// imports, so it is bundled as it is (the same alias is in tsconfig.json's paths).
const SERVER_LABELS = fileURLToPath(new URL('../workflows/labels.ts', import.meta.url));

// The API serves the built app (dist/) itself on :3000; `npm run dev` proxies /api there for quick UI work.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@server/labels': SERVER_LABELS } },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' }, fs: { allow: ['.', SERVER_LABELS] } },
  build: {
    outDir: 'dist',
    // helmet's CSP allows only same-origin scripts: never inline the module preload polyfill
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
