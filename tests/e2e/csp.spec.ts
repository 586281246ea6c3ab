import { expect, test } from "@playwright/test";
import { sitePages, waitForTerminal, watchPage } from "./watch";

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

for (const path of sitePages) {
  test(`${path} has a strict CSP, no violations, no console errors, no other hosts`, async ({ page, baseURL }) => {
    const problems = await watchPage(page, { baseURL });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);

    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content");
    expect(policy, "the page carries a Content-Security-Policy").toBeTruthy();
    const csp = directives(policy ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const values of csp.values()) {
      for (const value of values) expect(value, "no source names another host").not.toMatch(/^(https?:|\*|\/\/)/);
    }

    if (path.endsWith("sandbox/")) expect(await waitForTerminal(page)).toBe("ready");
    await page.waitForLoadState("networkidle");
    expect(await problems.list()).toEqual([]);
  });
}

test("search loads its index under the CSP", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL });
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("dialog", { name: "Search" }).getByRole("textbox").fill("container");
  await expect(page.locator(".pagefind-ui__result").first()).toBeVisible();
  expect(await problems.list()).toEqual([]);
});
