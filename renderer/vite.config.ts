import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const studioServer = process.env.ATELIER_DEV_SERVER ?? 'http://127.0.0.1:4173';

/**
 * The renderer is one static bundle served by the studio server (web mode) or loaded by the
 * Electron window. Relative asset paths (`base: './'`) let both hosts serve it from any folder;
 * no inline scripts, because the Electron window's CSP allows `script-src 'self'` only.
 */
export default defineConfig({
  // The config runs in Node but sits in renderer/, whose lint forbids Node imports: paths are
  // relative to this folder instead (Vite resolves outDir against root).
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // three.js is one large module graph, loaded lazily with the first project page.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: studioServer, changeOrigin: false },
      '/collab': { target: studioServer, ws: true, changeOrigin: false },
    },
  },
});
