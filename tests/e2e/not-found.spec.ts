import { expect, test } from "@playwright/test";
import { watchPage } from "./watch";

test("an unknown address gets the 404 page in both languages", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL, allowMissingDocument: true });
  const response = await page.goto("/no/such/page/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("link", { name: "日本語のホームページへ" })).toHaveAttribute("href", "/ja/");
  expect(await problems.list()).toEqual([]);
});
