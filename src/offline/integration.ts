/**
 * Writes the service worker into the build: dist/sw.js = sw-template.js with this build's file
 * list and version. Erasable TypeScript only: astro.config.mjs imports this file directly.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export const serviceWorkerFile = "sw.js";
const placeholder = '/* BUILD */ { version: "dev", files: [] }';

/** Files the site is made of, as URLs relative to the site root (pages as their folder). */
export function siteFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return files
    .filter((file) => file !== serviceWorkerFile && !file.endsWith(".map") && !file.startsWith("."))
    .map((file) => (file === "index.html" ? "./" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file))
    .sort();
}

/** The build's identity: changes whenever any file's name or content, or the worker, changes. */
export function buildVersion(root: string, files: readonly string[], template: string): string {
  const hash = createHash("sha256").update(template).update("\0");
  for (const file of files) {
    const path = file === "./" ? "index.html" : file.endsWith("/") ? `${file}index.html` : file;
    hash.update(`${file}\0`).update(readFileSync(join(root, path))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

export function serviceWorkerSource(template: string, build: { version: string; files: string[] }): string {
  if (!template.includes(placeholder)) throw new Error("sw-template.js has lost its BUILD placeholder");
  return template.replace(placeholder, JSON.stringify(build));
}

export function offlineIntegration(): AstroIntegration {
  return {
    name: "layerlab:offline",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = siteFiles(root);
        const template = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8");
        const version = buildVersion(root, files, template);
        writeFileSync(join(root, serviceWorkerFile), serviceWorkerSource(template, { version, files }));
        logger.info(`${serviceWorkerFile}: ${files.length} files, build ${version}`);
      },
    },
  };
}
