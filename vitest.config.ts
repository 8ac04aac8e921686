// One vitest run for the whole repository: each package is a project (TOOLCHAIN.md: about twice as fast as one run per package).
import { defineConfig } from 'vitest/config';

const globalSetup = ['packages/domain/src/testing/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/test/**/*.test.ts'], globalSetup } },
      { test: { name: 'api', include: ['packages/api/test/**/*.test.ts'], globalSetup } },
      { test: { name: 'server', include: ['apps/server/test/**/*.test.ts'], globalSetup } },
      { test: { name: 'worker', include: ['apps/worker/test/**/*.test.ts'], globalSetup } },
      { test: { name: 'desktop', include: ['apps/desktop/test/unit/**/*.test.ts'] } },
      { test: { name: 'e2e', include: ['apps/desktop/test/e2e/**/*.test.ts'], globalSetup, testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'scripts', include: ['scripts/test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
