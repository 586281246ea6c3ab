/**
 * Page weight: gzipped JS and CSS a browser loads for a page of the built site (dist/).
 * First load = every script and stylesheet the HTML references (module preloads included), plus
 * the modules those import statically. Lazy = what dynamic import() pulls in later (the terminal
 * with xterm and the simulator, the search UI), reported per dynamically imported chunk.
 * Builds the site first when dist/ is missing or `--build` is given.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { readLessonFiles } from "../src/lessons/sidebar";
import type { BenchModule, BenchRow } from "./types";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

interface Asset {
  /** Site path, e.g. /_astro/page.abc.js */
  path: string;
  raw: number;
  gz: number;
}

const gzSize = (text: string | Buffer) => gzipSync(text).length;

function readAsset(sitePath: string): Asset | undefined {
  const file = join(dist, ...sitePath.split("/").filter(Boolean));
  if (!existsSync(file)) return undefined;
  const content = readFileSync(file);
  return { path: sitePath, raw: content.length, gz: gzSize(content) };
}

/** Resolves an import specifier or URL found in `fromPath` (a site path) to a site path. */
function resolveSitePath(specifier: string, fromPath: string): string | undefined {
  if (/^[a-z]+:/i.test(specifier) || specifier.startsWith("//")) return undefined;
  const resolved = specifier.startsWith("/") ? specifier : posix.join(posix.dirname(fromPath), specifier);
  return resolved.split(/[?#]/)[0];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']([^"']*)["']`, "i").exec(tag)?.[1];

/** Scripts and stylesheets an HTML page references, plus its inline code. */
function pageReferences(html: string) {
  const scripts: string[] = [];
  const styles: string[] = [];
  const inlineScripts: string[] = [];
  let inlineStyleBytes = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(match[0], "src");
    if (src) scripts.push(src);
    else inlineScripts.push(match[2] ?? "");
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(match[0], "rel")?.toLowerCase() ?? "";
    const href = attr(match[0], "href");
    if (!href) continue;
    if (rel.split(/\s+/).includes("modulepreload")) scripts.push(href);
    if (rel.split(/\s+/).includes("stylesheet")) styles.push(href);
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineStyleBytes += (match[1] ?? "").length;
  return { scripts, styles, inlineScripts, inlineStyleBytes };
}

/** Static imports, dynamic imports and stylesheet URLs that a (minified) module mentions. */
function moduleReferences(code: string) {
  const statics = [
    ...code.matchAll(
      /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+|[\w$]+(?:\s*,\s*\{[^}]*\})?|\*)?\s*(?:from\s*)?(["'`])([^"'`\n]+?\.m?js)\1/g,
    ),
  ].map((m) => m[2] ?? "");
  const dynamics = [...code.matchAll(/\bimport\(\s*(["'`])([^"'`$\n]+?)\1\s*\)/g)].map((m) => m[2] ?? "");
  // Vite lists a dynamic chunk's dependencies (JS and CSS) as site-relative paths, and `?url`
  // imports become string literals: either way a stylesheet the module may load.
  const styles = [...code.matchAll(/(["'`])(\/?_astro\/[^"'`\n]+?\.css)\1/g)].map((m) => m[2] ?? "");
  const preloads = [...code.matchAll(/(["'`])(\/?_astro\/[^"'`\n]+?\.js)\1/g)].map((m) => m[2] ?? "");
  return { statics, dynamics, styles, preloads };
}

interface Graph {
  firstJs: Map<string, Asset>;
  firstCss: Map<string, Asset>;
  lazy: Map<string, { js: Map<string, Asset>; css: Map<string, Asset> }>;
  inlineJsBytes: number;
  inlineCssBytes: number;
  html: Asset;
}

const siteRooted = (path: string) => (path.startsWith("/") ? path : `/${path}`);

function analysePage(pagePath: string): Graph {
  const htmlPath = `${pagePath.replace(/\/?$/, "/")}index.html`;
  const html = readAsset(htmlPath);
  if (!html) throw new Error(`dist${htmlPath} is missing: build the site first`);
  const refs = pageReferences(readFileSync(join(dist, ...htmlPath.split("/").filter(Boolean)), "utf8"));

  const firstJs = new Map<string, Asset>();
  const firstCss = new Map<string, Asset>();
  const dynamicRoots = new Set<string>();
  const addCss = (into: Map<string, Asset>, path: string) => {
    const asset = readAsset(path);
    if (asset) into.set(path, asset);
  };
  const visitStatic = (path: string, into: Map<string, Asset>, onDynamic: (path: string) => void, onCss: (path: string) => void) => {
    if (into.has(path)) return;
    const asset = readAsset(path);
    if (!asset) return;
    into.set(path, asset);
    const code = readFileSync(join(dist, ...path.split("/").filter(Boolean)), "utf8");
    const found = moduleReferences(code);
    for (const spec of found.statics) {
      const target = resolveSitePath(spec, path);
      if (target) visitStatic(target, into, onDynamic, onCss);
    }
    for (const spec of found.dynamics) {
      const target = resolveSitePath(spec, path);
      if (target) onDynamic(target);
    }
    for (const style of found.styles) onCss(siteRooted(style));
    for (const preload of found.preloads) onDynamic(siteRooted(preload));
  };

  const pendingCss: string[] = [];
  for (const src of refs.scripts) {
    const target = resolveSitePath(src, htmlPath);
    if (target) visitStatic(target, firstJs, (d) => dynamicRoots.add(d), (c) => pendingCss.push(c));
  }
  for (const code of refs.inlineScripts) {
    for (const spec of [...moduleReferences(code).statics]) {
      const target = resolveSitePath(spec, htmlPath);
      if (target) visitStatic(target, firstJs, (d) => dynamicRoots.add(d), (c) => pendingCss.push(c));
    }
  }
  for (const href of refs.styles) {
    const target = resolveSitePath(href, htmlPath);
    if (target) addCss(firstCss, target);
  }

  // Each dynamically imported chunk, with everything it loads in turn, is one lazy group.
  const lazy: Graph["lazy"] = new Map();
  const assigned = new Set<string>(firstJs.keys());
  const queue = [...dynamicRoots].filter((path) => !firstJs.has(path));
  for (const rootChunk of queue) {
    if (assigned.has(rootChunk)) continue;
    const js = new Map<string, Asset>();
    const css = new Map<string, Asset>();
    const nested: string[] = [];
    visitStatic(rootChunk, js, (d) => nested.push(d), (c) => addCss(css, c));
    while (nested.length > 0) {
      const next = nested.shift();
      if (next && !js.has(next) && !assigned.has(next)) visitStatic(next, js, (d) => nested.push(d), (c) => addCss(css, c));
    }
    for (const path of [...js.keys()]) {
      if (assigned.has(path)) js.delete(path);
      else assigned.add(path);
    }
    for (const path of firstCss.keys()) css.delete(path);
    lazy.set(rootChunk, { js, css });
  }
  // Stylesheets that first-load modules only name (dependencies Vite preloads with a dynamic
  // import) load with those imports, not with the page.
  const namedCss = new Map<string, Asset>();
  for (const path of pendingCss) if (!firstCss.has(path)) addCss(namedCss, path);
  if (namedCss.size > 0) lazy.set("/_astro/styles-of-dynamic-imports.js", { js: new Map(), css: namedCss });

  return {
    firstJs,
    firstCss,
    lazy,
    inlineJsBytes: gzSize(refs.inlineScripts.join("\n")),
    inlineCssBytes: refs.inlineStyleBytes,
    html,
  };
}

const sum = (assets: Iterable<Asset>) => {
  let raw = 0;
  let gz = 0;
  let files = 0;
  for (const asset of assets) {
    raw += asset.raw;
    gz += asset.gz;
    files++;
  }
  return { raw, gz, files };
};

const chunkName = (path: string) => posix.basename(path).replace(/(\.[\w-]{6,12})?\.m?js$/, "");

const lazyNotes: Record<string, string> = {
  boot: "terminal: xterm + simulator, when a terminal comes into view",
  runtime: "workbook: exercises, lesson terminal (xterm + simulator), progress, on first Start or Run",
  "ui-core": "search UI, when the browser is idle (the Pagefind index loads on search)",
  render: "engine views (layers, build cache, containers, networks, volumes), when the terminal is ready",
};

function rowsFor(label: string, pagePath: string): BenchRow[] {
  const graph = analysePage(pagePath);
  const js = sum(graph.firstJs.values());
  const css = sum(graph.firstCss.values());
  const rows: BenchRow[] = [
    { metric: `${label} first-load JS`, value: js.gz, unit: "B gz", note: `${js.files} files, ${js.raw} B raw` },
    { metric: `${label} first-load CSS`, value: css.gz, unit: "B gz", note: `${css.files} files, ${css.raw} B raw` },
    {
      metric: `${label} HTML`,
      value: graph.html.gz,
      unit: "B gz",
      note: `${graph.html.raw} B raw, incl. inline scripts (${graph.inlineJsBytes} B gz) and styles (${graph.inlineCssBytes} B raw)`,
    },
  ];
  for (const [rootChunk, group] of graph.lazy) {
    const lazyJs = sum(group.js.values());
    const lazyCss = sum(group.css.values());
    if (lazyJs.files + lazyCss.files === 0) continue;
    const name = chunkName(rootChunk);
    const largest = [...group.js.values(), ...group.css.values()]
      .sort((a, b) => b.gz - a.gz)
      .slice(0, 4)
      .map((asset) => `${posix.basename(asset.path).replace(/\.[\w-]{6,12}(?=\.\w+$)/, "")} ${asset.gz}`)
      .join(", ");
    rows.push({
      metric: `${label} lazy ${name} JS+CSS`,
      value: lazyJs.gz + lazyCss.gz,
      unit: "B gz",
      note: `${lazyNotes[name] ?? "dynamic import"}; JS ${lazyJs.files} files, CSS ${lazyCss.files} (B gz: ${largest})`,
    });
  }
  return rows;
}

function ensureBuilt(): void {
  if (existsSync(join(dist, "index.html")) && !process.argv.includes("--build")) return;
  console.log("page-weight: building the site (astro build)");
  const result = spawnSync("astro build", { cwd: root, shell: true, stdio: "inherit" });
  if (result.status !== 0) throw new Error("astro build failed");
}

/** JS the sandbox may ship on first load (gzip); the rest loads when it is needed. */
const SANDBOX_FIRST_LOAD_BUDGET = 200 * 1024;

const pageWeight: BenchModule = {
  name: "page-weight",
  description: "gzipped JS and CSS per page of dist/ (first load, then lazy chunks)",
  async run() {
    ensureBuilt();
    const firstLesson = readLessonFiles(join(root, "content", "lessons"))[0];
    const pages: Array<[string, string]> = [["landing /", "/"]];
    if (firstLesson) pages.push([`lesson /lessons/${firstLesson.slug}/`, `/lessons/${firstLesson.slug}/`]);
    pages.push(["sandbox /sandbox/", "/sandbox/"]);
    const rows = pages.flatMap(([label, path]) => rowsFor(label, path));
    // the sandbox ships at most 200 KB of gzipped JS on first load; the rest loads when needed
    const sandbox = rows.find((row) => row.metric === "sandbox /sandbox/ first-load JS");
    if (sandbox) sandbox.note = `${sandbox.note}; budget ${SANDBOX_FIRST_LOAD_BUDGET} B gz: ${sandbox.value <= SANDBOX_FIRST_LOAD_BUDGET ? "within budget" : "OVER BUDGET"}`;
    return rows;
  },
};

export default pageWeight;
