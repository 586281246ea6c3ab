/**
 * Astro's CSP hashes the scripts it bundles, but not `<script is:inline>` blocks, and Starlight
 * ships a few (theme picker, search shortcut hint, sidebar state, synced tabs). This reads them
 * from the installed Starlight components so that the hashes always match the installed version.
 * Build-time only (runs in astro.config.mjs).
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const inlineScript = /<script\s+is:inline(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;

/** The bodies of every `<script is:inline>` in the given Astro component source. */
export function inlineScriptBodies(astroSource: string): string[] {
  return [...astroSource.matchAll(inlineScript)].map((match) => match[1] ?? "");
}

/** A CSP source expression for a script body: 'sha256-<base64>' without the quotes. */
export function sha256Source(body: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`;
}

/** Hashes of all inline scripts in Starlight's components, sorted and without duplicates. */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  // The package's main entry is dist/index.js; its components sit next to it.
  const root = dirname(fileURLToPath(import.meta.resolve("@astrojs/starlight")));
  const hashes = new Set<`sha256-${string}`>();
  for (const folder of ["components", "user-components"]) {
    for (const file of readdirSync(join(root, folder))) {
      if (!file.endsWith(".astro")) continue;
      for (const body of inlineScriptBodies(readFileSync(join(root, folder, file), "utf8"))) {
        hashes.add(sha256Source(body));
      }
    }
  }
  if (hashes.size === 0) throw new Error("No inline scripts found in Starlight's components: has its layout changed?");
  return [...hashes].sort();
}
