import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The UI is built into out/renderer/ with relative URLs, so the same files are served
// by `headroom serve` (http://127.0.0.1) and by the desktop app (app://headroom).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
