import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/crash/**', 'tests/chaos/**', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Processes killed with SIGKILL and real browsers: one file at a time, generous limits.
        test: {
          name: 'system',
          include: ['tests/crash/**/*.test.ts', 'tests/chaos/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
    reporters: ['default'],
  },
});
