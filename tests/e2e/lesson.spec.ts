import { expect, test } from "@playwright/test";
import { firstLesson } from "./watch";

test("a lesson page shows its content with the lessons sidebar", async ({ page }) => {
  await page.goto(firstLesson);
  await expect(page.getByRole("heading", { level: 1, name: "Your first container" })).toBeVisible();
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByText("Lessons", { exact: true })).toBeVisible();
  const current = sidebar.locator('a[aria-current="page"]');
  await expect(current).toHaveText("Your first container");
  await expect(current).toHaveAttribute("href", firstLesson);
  await expect(sidebar.getByRole("link", { name: "Sandbox" })).toHaveAttribute("href", "/sandbox/");
  // Code blocks are highlighted at build time and come with a copy button.
  await expect(page.locator(".expressive-code").getByText("docker run --rm busybox echo hi")).toBeVisible();
});

test("a lesson is served under /ja/ in Japanese, with the Japanese sidebar", async ({ page }) => {
  await page.goto(`/ja${firstLesson}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "はじめてのコンテナ" })).toBeVisible();
  // every lesson is translated, so no page falls back to the English text with a notice
  await expect(page.getByText("このページはまだ日本語に翻訳されていないため")).toHaveCount(0);
  const sidebar = page.getByRole("navigation", { name: "メイン" });
  await expect(sidebar.getByText("レッスン", { exact: true })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: "サンドボックス" })).toHaveAttribute("href", "/ja/sandbox/");
});
