/**
 * Loaded on demand by <layerlab-terminal>: opens xterm and connects it to a new simulated Docker
 * host. This module and everything it imports (xterm, the simulator) stay out of the first load.
 */
import "./slices";
import { createHost, type Host } from "../../simulator/host/host";
import type { TerminalSession } from "../../simulator/terminal/port";
import { openXterm, type OpenedXterm } from "./xterm-port";
// xterm's stylesheet as a file of this site, added when a terminal opens (a <link> to our own
// origin, which the CSP allows); pages without a terminal never load it.
import xtermStylesheet from "@xterm/xterm/css/xterm.css?url";

export interface BootedTerminal {
  xterm: OpenedXterm;
  /** The session on the current host (a new one after each attach). */
  readonly session: TerminalSession;
  /**
   * Moves the terminal to another host: the current shell ends, `notice` (one line, if given) is
   * shown, and a new shell starts on `host` with the command history kept.
   */
  attach(host: Host, notice?: string): TerminalSession;
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

/** Opens xterm in `container` with a shell on `host` (a fresh simulated host when not given). */
export async function bootTerminal(container: HTMLElement, host?: Host, history: readonly string[] = []): Promise<BootedTerminal> {
  await loadStylesheet(xtermStylesheet);
  const xterm = openXterm(container);
  let session: ReturnType<Host["openSession"]>;
  try {
    session = (host ?? createHost()).openSession(xterm.port, [...history]);
  } catch (error) {
    xterm.dispose();
    throw error;
  }
  return {
    xterm,
    get session() {
      return session;
    },
    attach(next, notice) {
      const history = [...session.history];
      session.dispose();
      xterm.port.write(notice ? `\r\n\x1b[2m${notice.replace(/[\r\n]+/g, " ")}\x1b[0m\r\n` : "\r\n");
      session = next.openSession(xterm.port, history);
      return session;
    },
    dispose() {
      session.dispose();
      xterm.dispose();
    },
  };
}
