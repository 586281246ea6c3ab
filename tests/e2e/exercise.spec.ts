import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import firstContainer from "../../content/lessons/first-container/exercises";
import { databaseName } from "../../src/progress/backend";
import { progressKey } from "../../src/progress/store";
import { firstLesson, watchPage } from "./watch";

/**
 * The workbook on a lesson page, by keyboard: start an exercise, solve it in the lesson terminal,
 * see it pass; a wrong attempt explains itself; undo and reset; click-to-run blocks.
 */

// Each test boots the simulator in the page and drives a terminal key by key: on a busy machine
// that takes longer than the suite's default 30 seconds.
test.describe.configure({ timeout: 90_000 });

const exercise = (id: string) => {
  const found = firstContainer.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id} in the first lesson`);
  return found;
};
const hello = exercise("first-container/hello");
const sleeper = exercise("first-container/sleeper");

const section = (page: Page, id: string) => page.locator(`section[data-exercise="${id}"]`);
const panel = (page: Page) => page.locator("#ll-lesson-terminal");
const terminalInput = (page: Page) => panel(page).locator(".xterm-helper-textarea");

/** The lesson terminal's whole buffer as text. */
function screenText(page: Page): Promise<string> {
  return panel(page)
    .locator("layerlab-terminal")
    .evaluate((element) => (element as HTMLElement & { screenText(): Promise<string> }).screenText());
}

/** The exercises the progress store has recorded as passed (its IndexedDB entry, read directly). */
function recordedPasses(page: Page): Promise<string[]> {
  return page.evaluate(
    ([name, key]) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("kv")) return resolve([]);
          const get = db.transaction("kv").objectStore("kv").get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => resolve(Object.keys((get.result as { exercises?: object } | undefined)?.exercises ?? {}));
        };
      }),
    [databaseName, progressKey] as const,
  );
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target} within ${limit} presses`);
}

/** Types command lines into the focused terminal, waiting for each one's prompt to come back. */
async function typeCommands(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    const prompts = (await screenText(page)).split("learner@layerlab:~$").length;
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await screenText(page)).split("learner@layerlab:~$").length, { intervals: [50, 100, 250] })
      .toBeGreaterThan(prompts);
  }
}

/** Starts an exercise by keyboard from the top of the page; focus ends in its terminal. */
async function startByKeyboard(page: Page, id: string): Promise<void> {
  await page.goto(firstLesson);
  await page.locator("body").press("Tab");
  await tabTo(page, section(page, id).getByRole("button", { name: "Start" }));
  await page.keyboard.press("Enter");
  await expect(terminalInput(page)).toBeFocused();
  await expect.poll(() => screenText(page)).toContain("learner@layerlab:~$");
}

/** From inside the terminal: Esc, Tab to "Back to the exercise", Enter. Focus is on the exercise. */
async function backToExercise(page: Page, id: string): Promise<void> {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(panel(page).getByRole("link", { name: "Back to the exercise" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(section(page, id)).toBeFocused();
}

test("an exercise is started, solved in the terminal and passes, by keyboard alone", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL });
  await startByKeyboard(page, hello.id);
  const ex = section(page, hello.id);
  await expect(panel(page).getByRole("heading", { name: /Terminal/ })).toContainText(hello.title);
  // Before any command every check is listed, none passing yet.
  await expect(ex.locator("[data-check]")).toHaveCount(hello.checks.length);
  for (const check of hello.checks) await expect(ex.locator("[data-check]").filter({ hasText: check.description.replace(/`/g, "") })).toContainText("not yet");

  await typeCommands(page, hello.solution);
  const results = ex.locator("[data-results]");
  await expect(results).toHaveAttribute("aria-live", "polite");
  await expect(results).toContainText("Passed: every check passes.");
  await expect(ex.locator('[data-check][data-pass="true"]')).toHaveCount(hello.checks.length);
  await expect(ex.locator("[data-message]")).toBeHidden();
  // The pass is reported to the learner's progress.
  await expect.poll(() => recordedPasses(page)).toEqual([hello.id]);
  expect(await problems.list()).toEqual([]);
});

for (const [index, wrong] of hello.wrong.entries()) {
  test(`a wrong attempt shows the explanatory message (${index + 1}: ${wrong.commands.join("; ")})`, async ({ page }) => {
    await startByKeyboard(page, hello.id);
    const ex = section(page, hello.id);
    await typeCommands(page, wrong.commands);
    await expect(ex.locator("[data-status]")).toContainText("Not yet");
    await expect(ex.locator("[data-message]")).toBeVisible();
    await expect(ex.locator("[data-message]")).toContainText(wrong.expect.replace(/`/g, ""));
    await expect(ex.locator('[data-check][data-pass="false"]').first()).toContainText("not yet");
  });
}

test("undo restores the state from before the last command", async ({ page }) => {
  await startByKeyboard(page, sleeper.id);
  const ex = section(page, sleeper.id);
  const status = ex.locator("[data-status]");
  const undo = ex.getByRole("button", { name: "Undo" });
  await expect(undo).toHaveAttribute("aria-disabled", "true");

  await typeCommands(page, [...sleeper.solution, "docker rm -f sleeper"]);
  await expect(status).toContainText("Not yet");
  await expect(ex.locator("[data-message]")).toContainText("expected a container named sleeper");

  await backToExercise(page, sleeper.id);
  await tabTo(page, undo, 5);
  await expect(undo).toHaveAttribute("aria-disabled", "false");
  await page.keyboard.press("Enter");
  await expect(status).toContainText("Passed");
  await expect.poll(() => screenText(page)).toContain("— last command undone —");
  // The terminal is on the restored host: the container is back (started again, see docs/differences.md).
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(ex.getByRole("button", { name: "Go to the terminal" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(terminalInput(page)).toBeFocused();
  await typeCommands(page, ["docker ps --format '{{.Names}} {{.Command}}'"]);
  await expect.poll(() => screenText(page)).toMatch(/^sleeper "sleep 3600"$/m);
});

test("reset returns to the start state, and undo brings back what was there", async ({ page }) => {
  await startByKeyboard(page, sleeper.id);
  const ex = section(page, sleeper.id);
  const status = ex.locator("[data-status]");
  const reset = ex.getByRole("button", { name: "Reset" });
  await typeCommands(page, sleeper.solution);
  await expect(status).toContainText("Passed");

  await backToExercise(page, sleeper.id);
  await tabTo(page, reset, 5);
  await page.keyboard.press("Enter");
  await expect(status).toContainText("Back at the start state");
  await expect(ex.locator('[data-check][data-pass="true"]')).toHaveCount(0);
  await expect.poll(() => screenText(page)).toContain("— back at the start state —");
  // Focus stays on Reset; Shift+Tab reaches Undo, which brings back the state before the reset.
  await expect(reset).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(ex.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toContainText("Passed");

  // Reset again, then recall the solution from the shell's history (kept across hosts).
  await page.keyboard.press("Tab");
  await expect(reset).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toContainText("Back at the start state");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(ex.getByRole("button", { name: "Go to the terminal" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(terminalInput(page)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(status).toContainText("Passed");
});

test("hints come one at a time, and a solution command runs with one click", async ({ page }) => {
  await page.goto(firstLesson);
  const ex = section(page, hello.id);
  const hints = ex.locator("[data-hints] > li");
  await expect(hints.filter({ visible: true })).toHaveCount(0);
  for (let shown = 1; shown <= hello.hints.length; shown++) {
    await ex.getByRole("button", { name: new RegExp(`hint \\(${shown} of ${hello.hints.length}\\)`) }).press("Enter");
    await expect(hints.filter({ visible: true })).toHaveCount(shown);
  }
  // After the last hint the button is gone and focus is on that hint.
  await expect(ex.getByRole("button", { name: /hint/ })).toHaveCount(0);
  await expect(hints.last()).toBeFocused();

  const toggle = ex.getByRole("button", { name: "Show solution" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.press("Enter");
  await expect(ex.getByRole("button", { name: "Hide solution" })).toHaveAttribute("aria-expanded", "true");
  for (const command of hello.solution) await ex.getByRole("button", { name: `Run in the terminal: ${command}` }).press("Enter");
  await expect(ex.locator("[data-status]")).toContainText("Passed");
  await expect.poll(() => screenText(page)).toContain(hello.solution[0]);
});

test("a click-to-run block types its command into the lesson terminal and runs it", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL });
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(firstLesson);
  await page.waitForLoadState("networkidle");
  // Nothing of the terminal or the simulator loads before it is used.
  expect(scripts.filter((path) => /boot|xterm|host|runtime/.test(path))).toEqual([]);
  await expect(panel(page)).toHaveCount(0);

  await page.locator("body").press("Tab");
  const run = page.getByRole("button", { name: "Run in the terminal: docker run busybox echo hi" });
  await tabTo(page, run);
  await page.keyboard.press("Enter");
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByRole("heading", { name: /Terminal/ })).toContainText("this lesson");
  await expect.poll(() => screenText(page)).toMatch(/\$ docker run busybox echo hi\nhi$/m);
  // Focus stays in the prose, so the next block is one Tab away.
  await expect(run).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Run in the terminal: docker ps -a" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => screenText(page)).toMatch(/busybox\s+"echo hi"\s+.*Exited \(0\)/);
  expect(await problems.list()).toEqual([]);
});

test("the real-Docker commands of an exercise can be copied", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(firstLesson);
  const ex = section(page, hello.id);
  await ex.getByText("On real Docker").click();
  const command = `npm run --silent verify -- check ${hello.id}`;
  await ex.getByRole("button", { name: `Copy: ${command}` }).click();
  await expect(ex.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
});

for (const scheme of ["dark", "light"] as const) {
  test(`a lesson with a running exercise has no serious or critical axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(firstLesson);
    const ex = section(page, hello.id);
    await ex.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => screenText(page)).toContain("learner@layerlab:~$");
    await typeCommands(page, hello.wrong[0]!.commands);
    await expect(ex.locator("[data-message]")).toBeVisible();
    await ex.getByRole("button", { name: /hint/ }).click();
    await ex.getByRole("button", { name: "Show solution" }).click();
    await ex.getByText("On real Docker").click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
