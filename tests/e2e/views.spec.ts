import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { waitForTerminal, watchPage } from "./watch";

/**
 * The engine views on the sandbox, driven by the keyboard alone: commands typed into the terminal,
 * Esc then Tab to leave it, arrow keys across the view tabs, Shift+Tab back to the terminal.
 */

// typing into xterm key by key and simulated builds take a while in a browser
test.describe.configure({ timeout: 180_000 });

const terminalInput = (page: Page) => page.locator("layerlab-terminal .xterm-helper-textarea");
const views = (page: Page) => page.locator("layerlab-views");

async function tabUntil(page: Page, isTarget: () => Promise<boolean>, limit = 80): Promise<void> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return;
  }
  throw new Error(`focus did not get there within ${limit} Tab presses`);
}

/** Opens the sandbox and puts keyboard focus in its terminal by pressing Tab. */
async function openSandbox(page: Page): Promise<void> {
  await page.goto("/sandbox/");
  expect(await waitForTerminal(page)).toBe("ready");
  await expect(views(page)).toHaveAttribute("data-views", "ready");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await tabUntil(page, () => page.evaluate(() => Boolean(document.activeElement?.closest("layerlab-terminal .xterm"))));
  await expect(terminalInput(page)).toBeFocused();
}

/** Types a command line, presses Enter and waits until the shell prompts again. */
async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await page
    .locator("layerlab-terminal")
    .evaluate(async (element) => (await (element as HTMLElement & { start(): Promise<{ session: { idle(): Promise<void> } }> }).start()).session.idle());
}

/** From the terminal to the selected view tab: Esc, then Tab. */
async function toTabs(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.locator('layerlab-views [role="tab"][aria-selected="true"]')).toBeFocused();
}

/** Arrow keys across the tabs until `name` is selected. */
async function selectTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name });
  for (let i = 0; i < 5 && (await tab.getAttribute("aria-selected")) !== "true"; i++) await page.keyboard.press("ArrowRight");
  await expect(tab).toHaveAttribute("aria-selected", "true");
  await expect(tab).toBeFocused();
  await expect(page.getByRole("tabpanel", { name })).toBeVisible();
}

/** Back into the terminal from the selected tab. */
async function backToTerminal(page: Page): Promise<void> {
  await page.keyboard.press("Shift+Tab");
  await expect(terminalInput(page)).toBeFocused();
}

test("a later step deleting a big file shows as a whiteout and wasted bytes in the layer view", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL });
  await openSandbox(page);
  await run(page, "printf 'FROM busybox\\nRUN dd if=/dev/zero of=/big bs=1024 count=2048\\nRUN rm /big\\n' > Dockerfile");
  await run(page, "docker build -t big .");
  await toTabs(page);
  await expect(page.getByRole("tab", { name: "Layers" })).toHaveAttribute("aria-selected", "true");
  const panel = page.getByRole("tabpanel", { name: "Layers" });
  await expect(panel.getByRole("heading", { name: "Layer stack of big:latest" })).toBeVisible();
  const stack = panel.getByRole("list", { name: "Layers, bottom first" });
  // the RUN rm layer holds the whiteout; the dd layer still holds the bytes
  const rmLayer = stack.locator(":scope > li", { hasText: "RUN rm /big" });
  await expect(rmLayer.locator('[data-mark="whiteout"]')).toHaveText("whiteout .wh.big hides /big: 2.1MB in 1 file still stored below");
  const ddLayer = stack.locator(":scope > li", { hasText: "RUN dd if=/dev/zero" });
  await expect(ddLayer.locator('[data-mark="wasted"]')).toHaveText("/big: 2.1MB wasted, deleted by layer 3 (RUN rm /big)");
  await expect(panel.locator("[data-wasted]")).toHaveAttribute("data-wasted", "2097152");
  // the merged tree has no /big
  await expect(panel.locator(".ll-v-merged")).not.toContainText("/big");

  // pick the busybox image with the keyboard: its stack has nothing wasted
  await page.keyboard.press("Tab"); // the panel
  await page.keyboard.press("Tab"); // the picker
  await expect(panel.getByLabel("Show")).toBeFocused();
  await panel.getByLabel("Show").press("ArrowDown");
  await panel.getByLabel("Show").press("ArrowDown");
  await expect(panel.getByLabel("Show")).toHaveValue(/^image:/);
  const picked = await panel.getByLabel("Show").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  await expect(panel.getByRole("heading", { name: `Layer stack of ${picked}` })).toBeVisible();
  expect(await problems.list()).toEqual([]);
});

test("changing a copied file and rebuilding shows the MISS reason in the cache view", async ({ page }) => {
  await openSandbox(page);
  await run(page, "mkdir app && cd app");
  await run(page, "printf 'FROM busybox\\nRUN echo base > /base\\nCOPY a.txt /a.txt\\nRUN cat /a.txt\\n' > Dockerfile");
  await run(page, "echo one > a.txt");
  await run(page, "docker build -t app .");
  await toTabs(page);
  await selectTab(page, "Build cache");
  const panel = page.getByRole("tabpanel", { name: "Build cache" });
  await expect(panel.getByRole("heading", { name: /^Build 1: / })).toBeVisible();
  await expect(panel.locator("tbody tr")).toHaveCount(3);
  await expect(panel.locator("[data-cache]")).toHaveText(["MISS", "MISS", "MISS"]);

  await backToTerminal(page);
  await run(page, "echo two > a.txt");
  await run(page, "docker build -t app .");
  await expect(panel.getByRole("heading", { name: /^Build 2: / })).toBeVisible();
  await expect(panel.locator("[data-cache]")).toHaveText(["HIT", "MISS", "MISS"]);
  const rows = panel.locator("tbody tr");
  await expect(rows.nth(1)).toContainText("COPY a.txt /a.txt");
  await expect(rows.nth(1)).toContainText("files changed: a.txt (modified)");
  await expect(rows.nth(2)).toContainText("an earlier step was rebuilt ([3/4] COPY a.txt /a.txt)");
  await expect(panel.getByText("1 from cache, 2 rebuilt; tagged app.")).toBeVisible();
});

test("run, stop and remove: the containers view follows on the state diagram", async ({ page }) => {
  await openSandbox(page);
  await toTabs(page);
  await selectTab(page, "Containers");
  const panel = page.getByRole("tabpanel", { name: "Containers" });
  await expect(panel.getByText("No containers.", { exact: false })).toBeVisible();
  const node = (state: string) => panel.locator(`.ll-v-diagram [data-state="${state}"]`);
  const edge = (key: string) => panel.locator(`.ll-v-diagram [data-edge="${key}"]`);

  await backToTerminal(page);
  await run(page, "docker run -d --name web busybox sleep 300");
  await expect(node("running")).toHaveAttribute("data-count", "1");
  await expect(node("running")).toContainText("web");
  await expect(edge("created>running")).toHaveClass(/ll-v-edge--last/);
  const card = panel.locator('details[data-container="web"]');
  await expect(card.locator("[data-status]")).toHaveText("running");
  await expect(panel.getByRole("img", { name: /Container state diagram\. web: created → running/ })).toBeVisible();

  // the card opens from the keyboard and shows the container's process
  await toTabs(page);
  await expect(page.getByRole("tab", { name: "Containers" })).toBeFocused();
  await page.keyboard.press("Tab"); // the panel ...
  await page.keyboard.press("Tab"); // ... the card
  await expect(card.locator("summary")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card.getByRole("table")).toContainText("sleep 300");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(terminalInput(page)).toBeFocused();

  await run(page, "docker stop -t 1 web");
  await expect(node("exited")).toHaveAttribute("data-count", "1");
  await expect(node("running")).toHaveAttribute("data-count", "0");
  await expect(edge("running>exited")).toHaveClass(/ll-v-edge--last/);
  await expect(card.locator("[data-status]")).toHaveText("exited");
  await expect(card).toContainText("Exited (137)");
  // the card stayed open across redraws
  await expect(card).toHaveAttribute("open", "");

  await run(page, "docker rm web");
  await expect(card).toHaveCount(0);
  await expect(node("exited")).toHaveAttribute("data-count", "0");
  await expect(panel.locator('[data-removed="web"]')).toHaveText("web: exited → removing, then gone");
  await expect(edge("exited>removing")).toHaveClass(/ll-v-edge--last/);

  // a --rm container's whole life shows after the one command
  await run(page, "docker run --rm --name once busybox true");
  await expect(panel.locator('[data-removed="once"]')).toHaveText("once: created → running → exited → removing, then gone");
});

test("networks and volumes views show attachments, DNS names, ports and users", async ({ page }) => {
  await openSandbox(page);
  await run(page, "docker network create app");
  await run(page, "docker run -d --name db --network app --network-alias database -v data:/var/lib/db busybox sleep 300");
  await run(page, "docker run -d --name web -p 8080:80 busybox sleep 300");
  await toTabs(page);
  await selectTab(page, "Networks");
  const nets = page.getByRole("tabpanel", { name: "Networks" });
  const app = nets.locator('[data-network="app"]');
  await expect(app.getByRole("row", { name: /db/ })).toContainText("172.18.0.2");
  await expect(app.getByRole("row", { name: /db/ })).toContainText("database");
  await expect(nets.locator('[data-port="8080/tcp"]')).toHaveText("0.0.0.0:8080 → web:80/tcp");
  await selectTab(page, "Volumes");
  const vols = page.getByRole("tabpanel", { name: "Volumes" });
  await expect(vols.locator('[data-volume="data"] [data-user="db"]')).toHaveText("db → /var/lib/db (read-write, running)");
});

test("the Japanese sandbox shows the views in Japanese", async ({ page }) => {
  await page.goto("/ja/sandbox/");
  expect(await waitForTerminal(page)).toBe("ready");
  await expect(page.getByRole("tab", { name: "レイヤー" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "ビルドキャッシュ" })).toBeVisible();
  await expect(page.getByRole("tabpanel", { name: "レイヤー" }).getByRole("heading", { name: "busybox:latest のレイヤー構成" })).toBeVisible();
});

for (const scheme of ["dark", "light"] as const) {
  test(`every view, filled in, has no serious or critical axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSandbox(page);
    await run(page, "printf 'FROM busybox\\nRUN echo x > /x\\nRUN rm /x\\n' > Dockerfile");
    await run(page, "docker build -t small .");
    await run(page, "docker network create app");
    await run(page, "docker run -d --name web --network app -p 8080:80 -v data:/data busybox sleep 300");
    await run(page, "docker run --rm --name once busybox true");
    await toTabs(page);
    for (const name of ["Layers", "Build cache", "Containers", "Networks", "Volumes"]) {
      await selectTab(page, name);
      await expect(page.getByRole("tabpanel", { name }).locator(".ll-views-body > *").first()).toBeVisible();
      const results = await new AxeBuilder({ page }).include("layerlab-views").analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${name}: ${violation.id}: ${violation.help} — ${violation.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    }
  });
}

test("the views follow the sandbox to another host: reset, then undo", async ({ page }) => {
  await openSandbox(page);
  await run(page, "docker run -d --name web busybox sleep 300");
  await toTabs(page);
  await selectTab(page, "Containers");
  const panel = page.getByRole("tabpanel", { name: "Containers" });
  await expect(panel.locator('details[data-container="web"]')).toHaveCount(1);
  // back through the terminal to the sandbox's buttons
  await page.keyboard.press("Shift+Tab");
  await expect(terminalInput(page)).toBeFocused();
  await page.keyboard.press("Escape");
  const reset = page.getByRole("button", { name: "Reset host" });
  for (let i = 0; i < 6 && !(await reset.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(reset).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.locator('details[data-container="web"]')).toHaveCount(0);
  await expect(panel.getByText("No containers.", { exact: false })).toBeVisible();
  const undo = page.getByRole("button", { name: "Undo last command" });
  await page.keyboard.press("Shift+Tab");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.locator('details[data-container="web"]')).toHaveCount(1);
});
