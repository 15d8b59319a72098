import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const apiUrl = process.env.HARBOR_API_URL ?? 'http://localhost:8080';
const proxy = {
  '/api': { target: apiUrl, changeOrigin: true },
  '/q': { target: apiUrl, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { proxy },
  test: {
    // e2e/ runs in a real browser through `npm run e2e`, not in jsdom.
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // The machine is shared by several builds: a test that types into a form can take seconds under load.
    testTimeout: 15_000,
  },
});
