/** The CSP hash of presenter mode's inline boot script (build-time, for astro.config.mjs). */
import { createHash } from "node:crypto";
import { presenterBootScript } from "./boot.ts";

export function presenterInlineScriptHashes(): `sha256-${string}`[] {
  return [`sha256-${createHash("sha256").update(presenterBootScript, "utf8").digest("base64")}`];
}
