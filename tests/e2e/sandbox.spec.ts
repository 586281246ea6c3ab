import { expect, test, type Page } from "@playwright/test";
import { waitForTerminal } from "./watch";

/** The terminal's whole buffer as text (xterm's buffer, not the rendered rows). */
function screenText(page: Page): Promise<string> {
  return page
    .locator("layerlab-terminal")
    .evaluate((element) => (element as HTMLElement & { screenText(): Promise<string> }).screenText());
}

async function tabUntil(page: Page, isTarget: () => Promise<boolean>, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return presses;
  }
  throw new Error(`focus did not get there within ${limit} Tab presses`);
}

const focusInTerminal = (page: Page) => () =>
  page.evaluate(() => Boolean(document.activeElement?.closest("layerlab-terminal .xterm")));

test("the sandbox loads xterm lazily and shows a terminal", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto("/sandbox/");
  await expect(page.getByRole("heading", { level: 1, name: "Sandbox" })).toBeVisible();
  expect(await waitForTerminal(page)).toBe("ready");
  await expect(page.getByRole("region", { name: "Terminal" })).toBeVisible();
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).toHaveCount(1);
  await expect(page.locator("[data-terminal-status]")).toHaveCount(0);
  // xterm's own stylesheet is in place: its input element is present but invisible.
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).toHaveCSS("opacity", "0");
  // xterm arrives in its own chunk, after the page's first scripts.
  expect(scripts.some((path) => /\/_astro\/boot\.[\w-]+\.js$/.test(path))).toBe(true);
});

test("pages without a terminal do not load xterm", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto("/lessons/first-container/");
  await page.waitForLoadState("networkidle");
  expect(scripts.filter((path) => /boot|xterm|simulator/.test(path))).toEqual([]);
});

test("keyboard focus reaches the terminal, and Esc then Tab leaves it", async ({ page }) => {
  await page.goto("/sandbox/");
  await waitForTerminal(page);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await tabUntil(page, focusInTerminal(page));
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).toBeFocused();

  // Tab alone belongs to the terminal (shell completion) ...
  await page.keyboard.press("Tab");
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).toBeFocused();
  // ... Esc, then Tab, moves on.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).not.toBeFocused();

  // Coming back with Shift+Tab, the shell takes input as before.
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator("layerlab-terminal .xterm-helper-textarea")).toBeFocused();
  await page.keyboard.type("echo back");
  await page.keyboard.press("Enter");
  await expect.poll(() => screenText(page)).toMatch(/^back$/m);
});

test("the Japanese sandbox labels the terminal in Japanese", async ({ page }) => {
  await page.goto("/ja/sandbox/");
  expect(await waitForTerminal(page)).toBe("ready");
  await expect(page.getByRole("region", { name: "ターミナル" })).toBeVisible();
  await expect(page.getByText("Esc キーを押してから Tab キー")).toBeVisible();
});

test("typing docker commands in the sandbox shows their output", async ({ page }) => {
  await page.goto("/sandbox/");
  expect(await waitForTerminal(page)).toBe("ready");
  await page.locator("layerlab-terminal .xterm-helper-textarea").focus();

  await page.keyboard.type("echo hello");
  await page.keyboard.press("Enter");
  await expect.poll(() => screenText(page)).toMatch(/^hello$/m);

  await page.keyboard.type("docker run --rm busybox echo hi");
  await page.keyboard.press("Enter");
  await expect.poll(() => screenText(page)).toMatch(/^hi$/m);
});
