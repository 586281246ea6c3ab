/**
 * Loaded on demand by <layerlab-terminal>: opens xterm and connects it to a new simulated Docker
 * host. This module and everything it imports (xterm, the simulator) stay out of the first load.
 */
import type { TerminalSession } from "../../simulator/terminal/port";
import { openXterm, type OpenedXterm } from "./xterm-port";
// xterm's stylesheet as a file of this site, added when a terminal opens (a <link> to our own
// origin, which the CSP allows); pages without a terminal never load it.
import xtermStylesheet from "@xterm/xterm/css/xterm.css?url";

export interface BootedTerminal {
  xterm: OpenedXterm;
  session: TerminalSession;
  dispose(): void;
}

function loadStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`);
  if (existing) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => reject(new Error(`could not load ${href}`)), { once: true });
    document.head.append(link);
  });
}

export async function bootTerminal(container: HTMLElement): Promise<BootedTerminal> {
  // The simulator is a chunk of its own, fetched while xterm's stylesheet loads.
  const [{ createHost }] = await Promise.all([import("../../simulator"), loadStylesheet(xtermStylesheet)]);
  const xterm = openXterm(container);
  let session: TerminalSession;
  try {
    session = createHost().openSession(xterm.port);
  } catch (error) {
    xterm.dispose();
    throw error;
  }
  return {
    xterm,
    session,
    dispose() {
      session.dispose();
      xterm.dispose();
    },
  };
}
