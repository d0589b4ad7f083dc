import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/fresh-build.ts', 'test/support/test-temp-root.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
