import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { webAssets } from './scripts/web-assets.js';

const outDir = path.resolve(import.meta.dirname, 'dist/web');

export default defineConfig({
  root: 'src/web',
  plugins: [react(), webAssets(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // The report and the server's tests read which chunks each page needs from here.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Every page needs these and they change only with an upgrade: one chunk that stays cached
            // across releases of the app's own code.
            {
              name: 'vendor-react',
              test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
