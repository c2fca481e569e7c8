/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The console shows the server's own words for stages and tasks: workflows/labels.ts is pure data with type-only
// imports, so it is bundled as it is (the same alias is in tsconfig.json's paths).
const SERVER_LABELS = fileURLToPath(new URL('../workflows/labels.ts', import.meta.url));

/**
 * Writes a .br and a .gz beside every hashed script, style sheet and SVG, at the highest settings: the API
 * (src/web-console.ts) serves them as they are, so compressing costs the build, never a request.
 */
function precompress(): Plugin {
  return {
    name: 'edu-credit:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/^assets\/.*\.(js|css|svg)$/.test(name)) continue;
        const file = join(options.dir ?? 'dist', name);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// The API serves the built app (dist/) itself on :3000; `npm run dev` proxies /api there for quick UI work.
export default defineConfig({
  plugins: [react(), precompress()],
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
    // antd forms render slowly in jsdom; on a loaded two-core machine one test took 5.2 s against the default 5 s
    testTimeout: 30_000,
  },
});
