import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Where /api and /q go: HARBOR_API_URL if given (the browser tests point it at their contract proxy), else the
// backend `make run` starts on HARBOR_HTTP_PORT (scripts/run-dev.sh).
const apiUrl = process.env.HARBOR_API_URL ?? `http://localhost:${process.env.HARBOR_HTTP_PORT || 8080}`;
// The dev server's port (`make run` also passes it as --port).
const webPort = Number(process.env.HARBOR_WEB_PORT || 5173);
const proxy = {
  '/api': { target: apiUrl, changeOrigin: true },
  '/q': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: webPort, strictPort: true, proxy },
  preview: { proxy },
  test: {
    // e2e/ runs in a real browser through `npm run e2e`, not in jsdom.
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // jsdom tests of whole screens take a few seconds on a busy 2-core machine; the default 5 s made them flaky.
    testTimeout: 20_000,
  },
});
