import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { firstLesson, waitForTerminal } from "./watch";

const pages = [
  { name: "landing", path: "/" },
  { name: "Japanese landing", path: "/ja/" },
  { name: "lesson", path: firstLesson },
  { name: "sandbox", path: "/sandbox/" },
  { name: "progress", path: "/progress/" },
  { name: "class roll-up", path: "/class/" },
];

for (const { name, path } of pages) {
  for (const scheme of ["dark", "light"] as const) {
    test(`${name} page has no serious or critical axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (path.includes("sandbox")) await waitForTerminal(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    });
  }
}
