/**
 * Pages whose components may open the lesson terminal allow inline <style> elements, as
 * src/terminal/Terminal.astro does: xterm's DOM renderer writes them at run time. Every exercise
 * and click-to-run block asks; the policy gets the source once per page.
 */
import type { AstroGlobal } from "astro";

const allowed = new WeakSet<Request>();

export function allowTerminalStyles(astro: Pick<AstroGlobal, "csp" | "request">): void {
  if (allowed.has(astro.request)) return;
  allowed.add(astro.request);
  astro.csp?.insertStyleResource({ resource: "'unsafe-inline'", kind: "element" });
}
