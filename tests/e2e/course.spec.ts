import { expect, test, type Locator, type Page } from "@playwright/test";
import { exercisesByLesson } from "../../content/exercises";
import { textsOf } from "../../simulator/check/exercise";
import { workbookStrings } from "../../src/workbook/strings";

/**
 * The whole course, by keyboard: on every lesson page, start the lesson's first exercise, type
 * its solution into the lesson terminal line by line, and see it pass. Every exercise's solution
 * is made of command lines (files are written with printf or sed, not an editor), so each
 * lesson's first exercise can be solved by typing and none is skipped. The Japanese edition is
 * walked the same way with each lesson's last exercise, in its Japanese texts.
 */

// Each test boots the simulator in the page and types several commands key by key: on a slow
// machine that takes far longer than the suite's default 30 seconds.
test.describe.configure({ timeout: 120_000 });

const prompt = "learner@layerlab:~$";
const section = (page: Page, id: string) => page.locator(`section[data-exercise="${id}"]`);
const panel = (page: Page) => page.locator("#ll-lesson-terminal");

/** The lesson terminal's whole buffer as text. */
function screenText(page: Page): Promise<string> {
  return panel(page)
    .locator("layerlab-terminal")
    .evaluate((element) => (element as HTMLElement & { screenText(): Promise<string> }).screenText());
}

const promptCount = async (page: Page) => (await screenText(page)).split(prompt).length;

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target} within ${limit} presses`);
}

/** Types command lines into the focused terminal, waiting for each one's prompt to come back. */
async function typeCommands(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    const prompts = await promptCount(page);
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => promptCount(page), { message: `the prompt after \`${line}\``, intervals: [50, 100, 250], timeout: 60_000 })
      .toBeGreaterThan(prompts);
  }
}

const editions = [
  { locale: "en", prefix: "", pick: "first" },
  { locale: "ja", prefix: "/ja", pick: "last" },
] as const;

for (const { locale, prefix, pick } of editions) {
  const t = workbookStrings[locale];
  for (const [slug, exercises] of Object.entries(exercisesByLesson)) {
    const chosen = pick === "first" ? exercises[0] : exercises[exercises.length - 1];
    test(`${prefix}/lessons/${slug}/: its ${pick} exercise (${chosen?.id ?? "none"}) is solved by typing its solution`, async ({ page }) => {
      if (!chosen) throw new Error(`lesson ${slug} has no exercise`);
      await page.goto(`${prefix}/lessons/${slug}/`);
      const ex = section(page, chosen.id);
      await expect(ex).toHaveCount(1);
      await expect(ex.locator(".ll-exercise-title")).toContainText(textsOf(chosen, locale).title);

      await page.locator("body").press("Tab");
      await tabTo(page, ex.getByRole("button", { name: t.start, exact: true }));
      await page.keyboard.press("Enter");
      await expect(panel(page).locator(".xterm-helper-textarea")).toBeFocused();
      await expect.poll(() => screenText(page)).toContain(prompt);

      await typeCommands(page, chosen.solution);
      await expect(ex.locator("[data-results]")).toContainText(t.passed);
      await expect(ex.locator('[data-check][data-pass="true"]')).toHaveCount(chosen.checks.length);
    });
  }
}
