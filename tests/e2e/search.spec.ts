import { expect, test } from "@playwright/test";
import { firstLesson } from "./watch";

test("search finds a lesson by a word in its text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog", { name: "Search" });
  await dialog.getByRole("textbox").fill("writable");
  // several lessons speak of the writable layer; the first lesson is among the results
  const result = dialog.locator(".pagefind-ui__result-link", { hasText: "Your first container" }).first();
  await expect(result).toHaveText("Your first container");
  await expect(result).toHaveAttribute("href", firstLesson);
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${firstLesson}$`));
});

test("the keyboard shortcut opens search on a Japanese page", async ({ page }) => {
  await page.goto("/ja/");
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "検索" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox").fill("busybox");
  await expect(dialog.locator(".pagefind-ui__result-link").first()).toBeVisible();
});
