import { expect, test } from "@playwright/test";

test("dark and light mode can be chosen and are remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const picker = page.getByRole("combobox", { name: "Select theme" });

  await picker.selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("combobox", { name: "Select theme" })).toHaveValue("dark");

  await page.getByRole("combobox", { name: "Select theme" }).selectOption("light");
  await expect(html).toHaveAttribute("data-theme", "light");
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(lightBackground).not.toBe(darkBackground);
});

test("without a stored choice the theme follows the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/sandbox/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});
