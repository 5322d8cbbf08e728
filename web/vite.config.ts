// Builds the web app (web/) into dist/web, which the server serves; `vite` in dev proxies /api to the server.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Vite's own warning for a chunk over 500 kB stands (the largest, the KPI detail page's lazy chart, is 470 kB).
    // What each route loads first is measured by `npm run bench` (bench/browser.ts), against issue 9's 250 kB gzip.
  },
  server: {
    port: 5173,
    // No changeOrigin: the server's CSRF check wants Origin to match Host, which holds when Host stays the dev server's.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
