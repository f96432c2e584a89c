import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves client/dist at `/` and `/b/:id`, so assets must resolve
// from the site root whatever the page's path is.
export default defineConfig(({ mode }) => ({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Maps would publish the whole source, comments included, to anyone who
    // opens a board. `vite` (the dev server) always has them; a build has
    // them only with `vite build --mode development`, for debugging locally,
    // and the server never serves them (plugins/clientPages.ts).
    sourcemap: mode === 'development',
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      '/sync': { target: 'ws://localhost:8787', ws: true },
    },
  },
}));
