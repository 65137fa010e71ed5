// Build and dev-server configuration for the Svelte clients (client/) and the Vitest test runner.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompress } from './scripts/precompress-plugin.ts';

export default defineConfig({
  root: 'client',
  // precompress: .br and .gz twins of the built JS/CSS/HTML, served by server/static.ts.
  plugins: [svelte(), precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true } } },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
