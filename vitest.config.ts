import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Statistical validation tests replicate whole simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    pool: 'threads',
  },
});
