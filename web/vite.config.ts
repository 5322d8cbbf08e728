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
    // Mantine, React and the router together are one cacheable vendor chunk.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    // No changeOrigin: the server's CSRF check wants Origin to match Host, which holds when Host stays the dev server's.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
