import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves client/dist at `/` and `/b/:id`, so assets must resolve
// from the site root whatever the page's path is.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      '/sync': { target: 'ws://localhost:8787', ws: true },
    },
  },
});
