import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildVersion, serviceWorkerSource, siteFiles } from "./integration";

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layerlab-sw-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const template = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8");

describe("service worker manifest", () => {
  it("lists every file, pages by their folder, without the worker and source maps", () => {
    const root = site({
      "index.html": "home",
      "404.html": "missing",
      "lessons/first-container/index.html": "lesson",
      "_astro/page.abc123.js": "js",
      "_astro/page.abc123.js.map": "map",
      "pagefind/pagefind.js": "search",
      "sw.js": "old worker",
    });
    expect(siteFiles(root)).toEqual([
      "./",
      "404.html",
      "_astro/page.abc123.js",
      "lessons/first-container/",
      "pagefind/pagefind.js",
    ]);
  });

  it("versions the build by file names and contents", () => {
    const a = site({ "index.html": "home", "_astro/x.js": "1" });
    const b = site({ "index.html": "home", "_astro/x.js": "2" });
    const c = site({ "index.html": "home", "_astro/x.js": "1" });
    const version = (root: string) => buildVersion(root, siteFiles(root), template);
    expect(version(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(version(a)).not.toBe(version(b));
    expect(version(a)).toBe(version(c));
    expect(buildVersion(a, siteFiles(a), `${template}\n`)).not.toBe(version(a));
  });

  it("writes the build into the worker", () => {
    const source = serviceWorkerSource(template, { version: "0123456789abcdef", files: ["./", "404.html"] });
    expect(source).toContain('const BUILD = {"version":"0123456789abcdef","files":["./","404.html"]};');
    expect(() => serviceWorkerSource("const BUILD = {};", { version: "x", files: [] })).toThrow(/placeholder/);
  });
});
