import { defineConfig } from 'vitest/config';

// Unit tests cover plain logic, so they run in Node without a DOM.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
