import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the built site served by `astro preview` (the same static files any
 * host would serve). Browser: Debian's chromium (`apt-get install chromium`); set CHROMIUM_PATH
 * to use another Chromium or Chrome binary.
 *
 * The web server builds first unless LAYERLAB_E2E_PREBUILT=1 says dist/ is already fresh
 * (scripts/test-all.mjs builds in its own step).
 */
export const e2ePort = 4329;
const baseURL = `http://127.0.0.1:${e2ePort}`;
const preview = `astro preview --host 127.0.0.1 --port ${e2ePort}`;
const isCI = process.env.CI === "true" || process.env.CI === "1";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    serviceWorkers: "block",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: process.env.LAYERLAB_E2E_PREBUILT === "1" ? preview : `astro build && ${preview}`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
