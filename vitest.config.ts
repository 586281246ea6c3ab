import { defineConfig } from "vitest/config";

/**
 * Unit tests (next to the code) and cross-component suites in tests/. The browser suite
 * (tests/e2e, Playwright) and the real-Docker suite (tests/real, vitest.real.config.ts) run
 * separately: see scripts/test-all.mjs.
 */
export default defineConfig({
  test: {
    include: ["simulator/**/*.test.ts", "verify/**/*.test.ts", "src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/real/**", "**/node_modules/**", "dist/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
