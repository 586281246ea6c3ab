import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchPage } from "./watch";

/**
 * The sandbox's state by keyboard alone: the host files editor, reload, permalinks, undo and
 * reset. Every action is a key press; the page is only read.
 */

// Each test types a dozen commands and reloads or opens pages: give them room on a busy machine.
test.describe.configure({ timeout: 180_000 });

function screenText(page: Page): Promise<string> {
  return page
    .locator("layerlab-terminal")
    .evaluate((element) => (element as HTMLElement & { screenText(): Promise<string> }).screenText());
}

const terminalInput = (page: Page) => page.locator("layerlab-terminal .xterm-helper-textarea");
const sandbox = (page: Page) => page.locator("layerlab-sandbox");
const status = (page: Page) => page.locator("[data-sandbox-status]");

/** Saves of the sandbox so far (the page counts them on <layerlab-sandbox data-saves>). */
const saves = async (page: Page) => Number((await sandbox(page).getAttribute("data-saves")) ?? "0");

async function openSandbox(page: Page, url = "/sandbox/"): Promise<void> {
  await page.goto(url);
  await expect(sandbox(page)).toHaveAttribute("data-state", "ready");
  await expect(page.locator("layerlab-terminal")).toHaveAttribute("data-state", "ready");
}

/** Presses Tab (or Shift+Tab) until `target` has focus. Leaves the terminal first if needed. */
async function focusByKeyboard(page: Page, target: Locator, direction: "forward" | "backward" = "forward", limit = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    const where = await page.evaluate((el) => (document.activeElement === el ? "there" : document.activeElement?.closest("layerlab-terminal .xterm") ? "terminal" : "elsewhere"), handle);
    if (where === "there") return;
    // Tab alone is completion inside the terminal; Esc first lets it move focus on
    if (where === "terminal") await page.keyboard.press("Escape");
    await page.keyboard.press(direction === "forward" ? "Tab" : "Shift+Tab");
  }
  throw new Error(`Tab did not reach ${target} within ${limit} presses`);
}

async function toTerminal(page: Page): Promise<void> {
  await focusByKeyboard(page, terminalInput(page));
}

/** Types a command line in the terminal, waits for the prompt to come back, and for the save. */
async function run(page: Page, line: string, expectOutput?: RegExp): Promise<void> {
  const before = await saves(page);
  await expect(terminalInput(page)).toBeFocused();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  if (expectOutput) await expect.poll(() => screenText(page)).toMatch(expectOutput);
  await expect.poll(() => saves(page)).toBeGreaterThan(before);
}

async function press(page: Page, button: Locator): Promise<void> {
  await focusByKeyboard(page, button, "backward");
  await page.keyboard.press("Enter");
}

const undoButton = (page: Page) => page.getByRole("button", { name: "Undo last command" });
const resetButton = (page: Page) => page.getByRole("button", { name: "Reset host" });
const linkButton = (page: Page) => page.getByRole("button", { name: "Make a link" });

test("a file written in the editor is the file cat prints and docker build reads", async ({ page, baseURL }) => {
  const problems = await watchPage(page, { baseURL });
  await openSandbox(page);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await focusByKeyboard(page, page.getByRole("button", { name: "New file" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("New file name (relative to /home/learner)")).toBeFocused();
  await page.keyboard.type("app/Dockerfile");
  await page.keyboard.press("Enter");
  // a missing folder is not made for you, as in a shell
  await expect(page.locator(".ll-editor-status")).toHaveText(/Could not create app\/Dockerfile: No such file or directory/);

  await focusByKeyboard(page, page.getByRole("button", { name: "New folder" }));
  await page.keyboard.press("Enter");
  await page.keyboard.type("app");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab"); // back to the tree's last entry, past its note
  await focusByKeyboard(page, page.getByRole("button", { name: "New file" }), "backward");
  await page.keyboard.press("Enter");
  // the selected folder is filled in
  await expect(page.getByLabel("New file name (relative to /home/learner)")).toHaveValue("app/");
  await page.keyboard.type("Dockerfile");
  await page.keyboard.press("Enter");
  const editor = page.getByRole("textbox", { name: "Contents of app/Dockerfile" });
  await expect(editor).toBeFocused();
  await page.keyboard.type("FROM busybox\n# the greeting\nCMD [\"echo\", \"hello from the editor\"]\n");
  // Dockerfile highlighting behind the text
  await expect(page.locator(".ll-code-paint .tok-keyword").first()).toHaveText("FROM");
  await expect(page.locator(".ll-code-paint .tok-comment")).toHaveText("# the greeting");
  const axe = await new AxeBuilder({ page }).include(".ll-editor-section").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await toTerminal(page);
  await run(page, "cat app/Dockerfile", /^# the greeting$/m);
  await run(page, "docker build -q -t greeter app && docker run --rm greeter", /^hello from the editor$/m);

  // a change made in the terminal shows in the editor
  await run(page, "echo 'LABEL made=shell' >> app/Dockerfile");
  await expect(editor).toHaveValue(/LABEL made=shell\n$/);
  await expect(page.getByRole("button", { name: "greeter" })).toHaveCount(0);
  await expect(page.locator(".ll-editor-tree button")).toHaveText(["app/", "Dockerfile"]);
  expect(await problems.list()).toEqual([]);
});

test("a reload returns to the same host, files, history and open file", async ({ page }) => {
  await openSandbox(page);
  await toTerminal(page);
  await run(page, "mkdir web && echo '<h1>kept</h1>' > web/index.html");
  await run(page, "docker run -d --name server -v /home/learner/web:/www busybox httpd -f -h /www", /^[0-9a-f]{64}$/m);
  await run(page, "docker run --name finished busybox echo done", /^done$/m);
  await focusByKeyboard(page, page.getByRole("button", { name: "index.html" }), "forward");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Contents of web/index.html" })).toHaveValue("<h1>kept</h1>\n");
  await expect.poll(async () => (await page.locator("layerlab-sandbox").getAttribute("data-saves")) !== null).toBe(true);
  const savedCount = await saves(page);
  await page.waitForTimeout(0);
  expect(savedCount).toBeGreaterThan(0);

  await page.reload();
  await expect(sandbox(page)).toHaveAttribute("data-state", "ready");
  await expect(status(page)).toHaveText(/^Restored the host saved on /);
  await expect(page.getByRole("textbox", { name: "Contents of web/index.html" })).toHaveValue("<h1>kept</h1>\n");
  await toTerminal(page);
  // the running container started again; the stopped one is as it was
  await run(page, "docker ps -a --format '{{.Names}}: {{.State}}'", /^finished: exited\nserver: running$/m);
  await run(page, "docker exec server wget -q -O - http://localhost/", /^<h1>kept<\/h1>$/m);
  // the history came back too: Up Up recalls the docker ps line
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect.poll(async () => ((await screenText(page)).match(/^server: running$/gm) ?? []).length).toBe(2);
});

test("a permalink lands in the same state in another browser", async ({ page, browser }) => {
  await openSandbox(page);
  await toTerminal(page);
  await run(page, "printf 'FROM busybox\\nRUN echo built > /built.txt\\n' > Dockerfile");
  await run(page, "docker build -q -t linked . && docker network create linknet && docker volume create linkvol", /^linkvol$/m);
  await run(page, "docker run --name inlink --network linknet -v linkvol:/data linked sh -c 'cp /built.txt /data/'");
  await press(page, linkButton(page));
  const output = page.getByLabel("Link to this host");
  await expect(output).toBeFocused();
  await expect(status(page)).toHaveText(/The link below holds this host/);
  const link = await output.inputValue();
  expect(link).toMatch(/\/sandbox\/#state=[A-Za-z0-9_-]+$/);

  const other = await browser.newContext();
  try {
    const there = await other.newPage();
    await openSandbox(there, link);
    await expect(status(there)).toHaveText("Loaded the host from the link.");
    // the link is used once: the address no longer carries it
    expect(new URL(there.url()).hash).toBe("");
    await toTerminal(there);
    await run(there, "docker ps -a --format '{{.Names}} {{.Image}} {{.Networks}} {{.Mounts}}'", /^inlink linked linknet linkvol$/m);
    await run(there, "docker run --rm -v linkvol:/data busybox cat /data/built.txt; cat Dockerfile", /^built\nFROM busybox\nRUN echo built > \/built.txt$/m);
    await expect(there.getByRole("button", { name: "Dockerfile" })).toBeVisible();
    // Undo takes back the two commands, then the link: this browser's own host comes back
    for (let i = 0; i < 3; i++) await press(there, undoButton(there));
    await expect(status(there)).toHaveText("Back to the host you had before opening the link.");
    await expect(undoButton(there)).toBeDisabled();
    await toTerminal(there);
    await run(there, "docker ps -aq | wc -l", /^0$/m);
  } finally {
    await other.close();
  }
});

test("a host too large for a link travels as its commands and edits", async ({ page, browser }) => {
  await openSandbox(page);
  await toTerminal(page);
  // random bytes do not compress: the state no longer fits a link
  await run(page, "dd if=/dev/urandom of=noise bs=1024 count=24 2>/dev/null && docker run --name noisy -v /home/learner:/h busybox md5sum /h/noise > sum.txt", undefined);
  await focusByKeyboard(page, page.getByRole("button", { name: "New file" }));
  await page.keyboard.press("Enter");
  await page.keyboard.type("note.txt");
  await page.keyboard.press("Enter");
  await page.keyboard.type("written in the editor");
  await page.keyboard.press("Tab");
  await press(page, linkButton(page));
  await expect(status(page)).toHaveText(/too large for a link, so the link below holds the commands/);
  const link = await page.getByLabel("Link to this host").inputValue();
  expect(link).toMatch(/#commands=/);

  const other = await browser.newContext();
  try {
    const there = await other.newPage();
    await openSandbox(there, link);
    await expect(status(there)).toHaveText("Replayed 3 steps from the link.");
    await toTerminal(there);
    await run(there, "cat note.txt; echo; docker ps -a --format '{{.Names}} {{.Status}}'; wc -c < noise", /^written in the editor\nnoisy Exited \(0\).*\n24576$/m);
  } finally {
    await other.close();
  }
});

test("a bad permalink says why and leaves the host alone", async ({ page }) => {
  await openSandbox(page);
  await toTerminal(page);
  await run(page, "docker create --name untouched busybox");
  await page.goto("/sandbox/#state=AAAA-this-is-not-a-host");
  await expect(sandbox(page)).toHaveAttribute("data-state", "ready");
  await expect(status(page)).toHaveText(/This link cannot be used, so the host is left as it was\. The link is damaged/);
  await expect(status(page)).toHaveClass(/is-problem/);
  await toTerminal(page);
  await run(page, "docker ps -a --format '{{.Names}}'", /^untouched$/m);
});

test("a damaged saved host is set aside with a message, and the history survives", async ({ page }) => {
  await openSandbox(page);
  await toTerminal(page);
  await run(page, "docker create --name before-damage busybox");
  // damage the saved host the way a failing disk or an old version would
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("layerlab-sandbox", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("entries", "readwrite");
          const store = tx.objectStore("entries");
          const get = store.get("page:/sandbox/");
          get.onsuccess = () => store.put({ ...get.result, host: { ...get.result.host, layers: "scrambled" } }, "page:/sandbox/");
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(sandbox(page)).toHaveAttribute("data-state", "ready");
  await expect(status(page)).toHaveText(/The saved host could not be restored because it is damaged.*set aside.*this is a fresh host\. Your command history is kept\./);
  await expect(status(page)).toHaveClass(/is-problem/);
  await toTerminal(page);
  await run(page, "docker ps -aq | wc -l", /^0$/m);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => screenText(page)).toMatch(/\$ docker create --name before-damage busybox$/m);
  const setAside = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("layerlab-sandbox", 1);
        open.onsuccess = () => {
          const keys = open.result.transaction("entries").objectStore("entries").getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
  expect(setAside.filter((k) => k.startsWith("set-aside:/sandbox/:"))).toHaveLength(1);
});

test("undo takes back the last command, reset starts fresh, and undo brings the host back", async ({ page }) => {
  await openSandbox(page);
  await expect(undoButton(page)).toBeDisabled();
  await toTerminal(page);
  await run(page, "docker run --name first busybox true");
  await run(page, "docker rm first", /^first$/m);
  await press(page, undoButton(page));
  await expect(status(page)).toHaveText("Undid: docker rm first");
  await toTerminal(page);
  await run(page, "docker ps -a --format '{{.Names}} {{.Status}}'", /^first Exited \(0\)/m);

  await press(page, resetButton(page));
  await expect(status(page)).toHaveText("Reset: this is a fresh host.");
  await toTerminal(page);
  await run(page, "docker ps -aq | wc -l", /^0$/m);

  await press(page, undoButton(page)); // the docker ps line
  await press(page, undoButton(page)); // the reset
  await expect(status(page)).toHaveText("Undid the reset: the host is back as it was.");
  await toTerminal(page);
  await run(page, "docker ps -a --format 'back: {{.Names}}'", /^back: first$/m);
});
