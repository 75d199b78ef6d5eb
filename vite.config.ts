import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './src/build/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'src/ui',
  plugins: [react(), cspPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, outDir: '../../dist', emptyOutDir: true },
  server: { port: 5173, fs: { allow: [root] } },
  preview: { port: 4173 },
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      // unit: one function or node at a time, on data made in the test or kept in tests/fixtures.
      {
        extends: true,
        test: { root, name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      // integration: whole flows, the templates and the command line (real processes).
      {
        extends: true,
        test: { root, name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      // data: checks on the public data sets in ../shared/data (skipped without them; required when CI=true).
      {
        extends: true,
        test: { root, name: 'data', include: ['tests/data/**/*.test.ts'], environment: 'node', testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          root,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
