import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstLesson, watchPage } from "./watch";

/**
 * Progress, its export and import, the class roll-up, presenter mode and offline use.
 * Progress is seeded by writing the stored entry into IndexedDB as the store keeps it
 * ({version: 1, exercises: {id: {date}}} under "progress" in database "layerlab"), which also
 * pins the stored format; from there on everything goes through the pages.
 */

type Stored = unknown;

async function writeStored(page: Page, value: Stored) {
  await page.evaluate(async (entry) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("layerlab", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("kv");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("kv", "readwrite");
      tx.objectStore("kv").put(entry, "progress");
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, value);
}

async function readStored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("layerlab", 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const get = db.transaction("kv").objectStore("kv").get("progress");
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return value;
  });
}

/** Exercise ids as the progress page lists them (at least two, from the first lesson). */
async function openProgress(page: Page): Promise<string[]> {
  await page.goto("/progress/");
  await expect(page.locator("#ll-code")).not.toHaveValue("");
  const ids = await page.locator("li[data-exercise]").evaluateAll((items) => items.map((li) => li.getAttribute("data-exercise") ?? ""));
  expect(ids.length).toBeGreaterThanOrEqual(2);
  return ids;
}

const exercise = (page: Page, id: string) => page.locator(`li[data-exercise="${id}"]`);

async function seed(page: Page, passes: Record<string, string>) {
  await writeStored(page, {
    version: 1,
    exercises: Object.fromEntries(Object.entries(passes).map(([id, date]) => [id, { date }])),
  });
  await page.reload();
  await expect(page.locator("#ll-code")).not.toHaveValue("");
}

async function resetByKeyboard(page: Page) {
  await page.getByRole("button", { name: "Reset progress…" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Forget all \d+ passed exercise/)).toBeVisible();
  await page.getByRole("button", { name: "Forget my progress" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your progress was reset.")).toBeVisible();
}

test("progress kept in the browser survives a reload and shows on the lesson page", async ({ page }) => {
  const [first, second] = await openProgress(page);
  await seed(page, { [first!]: "2025-03-01" });
  await expect(exercise(page, first!)).toContainText("passed 1 Mar 2025");
  await expect(exercise(page, second!)).toContainText("not yet");
  await page.reload();
  await expect(exercise(page, first!)).toContainText("passed 1 Mar 2025");

  await page.goto(firstLesson);
  await expect(page.locator("[data-ll-lesson-badge]")).toContainText(/^1 of \d+ exercises passed$/);
});

test("progress moves by code: export, reset, import, reload", async ({ page }) => {
  const [first, second] = await openProgress(page);
  await seed(page, { [first!]: "2025-03-01", [second!]: "2025-03-04" });
  const code = await page.locator("#ll-code").inputValue();
  expect(code).toMatch(/^[0-9A-Z]{1,4}(-[0-9A-Z]{1,4})+$/);

  await resetByKeyboard(page);
  await expect(exercise(page, first!)).toContainText("not yet");
  expect(await readStored(page)).toEqual({ version: 1, exercises: {} });

  // A typo is caught, not imported.
  const typo = code.replace(/^./, (c) => (c === "7" ? "8" : "7"));
  await page.getByLabel("Progress code to add").fill(typo);
  await page.getByRole("button", { name: "Add code" }).click();
  await expect(page.getByText("the code has a typo")).toBeVisible();

  await page.getByLabel("Progress code to add").fill(code.toLowerCase());
  await page.getByLabel("Progress code to add").press("Enter");
  await expect(page.getByText("Added: the code or file had 2 passed exercises.")).toBeVisible();
  await expect(exercise(page, first!)).toContainText("passed 1 Mar 2025");
  await expect(exercise(page, second!)).toContainText("passed 4 Mar 2025");

  await page.reload();
  await expect(exercise(page, second!)).toContainText("passed 4 Mar 2025");
  await expect(page.locator("#ll-code")).toHaveValue(code);
});

test("progress moves by file: download, reset, upload", async ({ page }) => {
  const [first] = await openProgress(page);
  await seed(page, { [first!]: "2025-02-14" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download progress file" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^layerlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  await resetByKeyboard(page);
  await expect(exercise(page, first!)).toContainText("not yet");
  await page.getByLabel("Progress file to add").setInputFiles(file);
  await expect(page.getByText("Added: the code or file had 1 passed exercise.")).toBeVisible();
  await expect(exercise(page, first!)).toContainText("passed 14 Feb 2025");
  await page.reload();
  await expect(exercise(page, first!)).toContainText("passed 14 Feb 2025");
});

test("a damaged saved entry is set aside and the readable passes are kept", async ({ page }) => {
  const [first] = await openProgress(page);
  const damaged = { version: 1, exercises: { [first!]: { date: "2025-03-01" }, "first-container/x": { date: 3 } } };
  await writeStored(page, damaged);
  await page.reload();
  await expect(page.getByText("Part of your saved progress could not be read. 1 passed exercise was kept")).toBeVisible();
  await expect(exercise(page, first!)).toContainText("passed 1 Mar 2025");
  await expect(page.getByRole("heading", { name: "Set-aside progress" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download set-aside data" }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const saved = JSON.parse(await readFile(await download.path(), "utf8")) as { raw: unknown }[];
  expect(saved.map((entry) => entry.raw)).toEqual([damaged]);
});

test("the class roll-up shows pasted codes as a table", async ({ page }) => {
  const [first, second] = await openProgress(page);
  await seed(page, { [first!]: "2025-03-01", [second!]: "2025-03-01" });
  const both = await page.locator("#ll-code").inputValue();
  await seed(page, { [first!]: "2025-03-02" });
  const one = await page.locator("#ll-code").inputValue();

  await page.goto("/class/");
  await page.getByLabel("Progress codes").fill(`Aiko: ${both}\n\n${one}\nBen: ${one.slice(0, -1)}X`);
  await page.getByRole("button", { name: "Show the class" }).click();
  const table = page.getByRole("table", { name: /Exercises passed per lesson, 2 learners/ });
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator("th")).toHaveText("Aiko");
  await expect(rows.nth(1).locator("th")).toHaveText("Learner 2");
  // The first lesson's column: Aiko passed both of its first two exercises, learner 2 one.
  await expect(rows.nth(0).locator("td").first()).toHaveText(/^2\/\d+$/);
  await expect(rows.nth(1).locator("td").first()).toHaveText(/^1\/\d+$/);
  await expect(page.getByText("Line 4: the code has a typo")).toBeVisible();

  // The filled-in table and the problem list are accessible too.
  const results = await new AxeBuilder({ page }).include("ll-class-page").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("the completion report keeps the name locally and prints without the site around it", async ({ page }) => {
  const [first] = await openProgress(page);
  await seed(page, { [first!]: "2025-03-01" });
  await page.goto("/report/");
  await page.getByLabel("Your name on the report").fill("Aiko Tanaka");
  await page.reload();
  await expect(page.getByLabel("Your name on the report")).toHaveValue("Aiko Tanaka");
  const sheet = page.locator(".ll-report-sheet");
  await expect(sheet.locator('[data-role="name"]')).toHaveText("Aiko Tanaka");
  await expect(sheet.locator(`tr[data-exercise="${first}"]`)).toContainText("1 Mar 2025");
  await expect(sheet.locator('[data-role="code"]')).not.toBeEmpty();

  await page.emulateMedia({ media: "print" });
  await expect(sheet).toBeVisible();
  await expect(page.getByLabel("Your name on the report")).toBeHidden();
  await expect(page.locator("header.header")).toBeHidden();
  await expect(page.locator("nav.sidebar")).toBeHidden();
});

test("course paths show each path's lessons, with lessons not written yet as coming", async ({ page }) => {
  const [first] = await openProgress(page);
  await page.goto("/paths/");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Onboarding",
    "Workshop: layers and builds",
    "Workshop: runtime and isolation",
  ]);
  const runtime = page.locator('section[data-path="runtime-and-isolation"]');
  await expect(runtime.locator("ol > li")).toHaveCount(6);
  await expect(runtime.locator('li[data-lesson="first-container"]')).toContainText("0 of");
  await expect(page.locator('section[data-path="layers-and-builds"] ol > li')).toHaveCount(4);
  await expect(page.locator('section[data-path="onboarding"] ol > li')).toHaveCount(15);

  await page.goto("/progress/");
  await seed(page, { [first!]: "2025-03-01" });
  await page.goto("/paths/");
  await expect(runtime.locator('li[data-lesson="first-container"]')).toContainText("1 of");
});

test("presenter mode: ?present switches it on, it is remembered, the button switches it off", async ({ page }) => {
  const html = page.locator("html");
  await page.goto("/?present");
  await expect(html).toHaveAttribute("data-presenter", "");
  await page.goto("/progress/");
  await expect(html).toHaveAttribute("data-presenter", "");
  const toggle = page.locator("header").getByRole("button", { name: "Presenter mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(html).not.toHaveAttribute("data-presenter");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(html).not.toHaveAttribute("data-presenter");
  const size = await html.evaluate((el) => getComputedStyle(el).fontSize);
  await toggle.click();
  const large = await html.evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(large)).toBeGreaterThan(parseFloat(size));
});

for (const path of ["/progress/", "/ja/progress/", "/report/", "/ja/report/", "/paths/", "/ja/paths/", "/class/", "/ja/class/"]) {
  test(`${path} runs under the CSP without errors`, async ({ page, baseURL }) => {
    const problems = await watchPage(page, { baseURL });
    expect((await page.goto(path))?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(await problems.list()).toEqual([]);
  });
}

test("the Japanese progress page speaks Japanese, including what its script writes", async ({ page }) => {
  await page.goto("/ja/progress/");
  await expect(page.getByRole("heading", { level: 1, name: "学習の進み具合" })).toBeVisible();
  await expect(page.getByText(/^\d+ 問中 0 問の演習に合格しています。$/)).toBeVisible();
  await page.getByLabel("追加する進み具合コード").fill("ABCD-EFGH");
  await page.getByRole("button", { name: "コードを追加" }).click();
  await expect(page.getByText("コードに打ち間違いがあります。")).toBeVisible();
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });

  test("after a first visit, lessons and the progress page load with the network off", async ({ page, context }) => {
    await page.goto("/");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    // The network really is off for the worker too: an address it has not cached fails.
    const probe = await page.evaluate(() =>
      fetch("/not-cached-probe.txt").then(
        (response) => `status ${response.status}`,
        () => "failed",
      ),
    );
    expect(probe).toBe("failed");

    const response = await page.goto(firstLesson);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/progress/");
    await expect(page.locator("#ll-code")).not.toHaveValue("");
    await context.setOffline(false);
  });
});
