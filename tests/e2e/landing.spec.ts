import { expect, test } from "@playwright/test";
import { firstLesson } from "./watch";

test("English landing page says what Layerlab is and who it is for", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Layerlab/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Layerlab" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What Layerlab is" })).toBeVisible();
  for (const audience of ["Self-study", "Team onboarding", "Workshops"]) {
    await expect(page.getByText(audience, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Start the first lesson" })).toHaveAttribute("href", firstLesson);
  await expect(page.getByRole("link", { name: "Open the sandbox" })).toHaveAttribute("href", "/sandbox/");
  await expect(page.getByRole("main").getByRole("link", { name: "Your first container" })).toHaveAttribute(
    "href",
    firstLesson,
  );
});

test("Japanese landing page is in Japanese and links within /ja/", async ({ page }) => {
  await page.goto("/ja/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { name: "Layerlab とは" })).toBeVisible();
  for (const audience of ["独学", "チームのオンボーディング", "ワークショップ"]) {
    await expect(page.getByText(audience, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "最初のレッスンを始める" })).toHaveAttribute("href", `/ja${firstLesson}`);
  await expect(page.getByRole("link", { name: "サンドボックスを開く" })).toHaveAttribute("href", "/ja/sandbox/");
});

test("the language picker switches between English and Japanese", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Select language" }).selectOption({ label: "日本語" });
  await expect(page).toHaveURL(/\/ja\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
