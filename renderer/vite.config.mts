import { defineConfig } from 'vite';

// The renderer is a static bundle: Electron serves it from app://, browser mode from 127.0.0.1. Relative base so
// both work; no external URLs at run time (the map works offline).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
