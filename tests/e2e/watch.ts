import type { Page } from "@playwright/test";

/** Pages the site builds, for tests that visit all of them. */
export const firstLesson = "/lessons/first-container/";
export const sitePages = ["/", "/ja/", firstLesson, `/ja${firstLesson}`, "/sandbox/", "/ja/sandbox/"] as const;

export interface PageProblems {
  /** Console errors, uncaught exceptions, CSP violations and requests to other hosts, as text. */
  list(): Promise<string[]>;
}

/**
 * Records everything that should never happen on a Layerlab page. Call before page.goto().
 * CSP violations are caught twice: Chromium logs them as console errors, and an init script
 * (injected by the test runner, so not itself subject to the page's policy) records the
 * securitypolicyviolation events.
 */
export async function watchPage(
  page: Page,
  options: { baseURL: string | undefined; allowMissingDocument?: boolean },
): Promise<PageProblems> {
  if (!options.baseURL) throw new Error("watchPage: the test has no baseURL");
  const problems: string[] = [];
  const baseOrigin = new URL(options.baseURL).origin;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (options.allowMissingDocument && /status of 404/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== baseOrigin) problems.push(`request to another host: ${url}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    async list() {
      const violations = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [] as string[]);
      return [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
    },
  };
}

/** Waits until the page's terminal has loaded xterm and reached a final state. */
export async function waitForTerminal(page: Page): Promise<string> {
  const terminal = page.locator("layerlab-terminal");
  await terminal.locator(".xterm").waitFor();
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>("layerlab-terminal")?.dataset.state;
    return state === "ready" || state === "failed";
  });
  return (await terminal.getAttribute("data-state")) ?? "";
}
