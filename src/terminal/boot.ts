/**
 * Loaded on demand by <layerlab-terminal>: opens xterm and connects it to a new simulated Docker
 * host. This module and everything it imports (xterm, the simulator) stay out of the first load.
 */
import "./slices";
import { createHost, type Host } from "../../simulator/host/host";
import type { TerminalSession } from "../../simulator/terminal/port";
import { openXterm, type OpenedXterm } from "./xterm-port";
import { loadXtermStylesheet } from "./stylesheet";

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

/** Opens xterm in `container` with a shell on `host` (a fresh simulated host when not given). */
export async function bootTerminal(container: HTMLElement, host?: Host, history: readonly string[] = []): Promise<BootedTerminal> {
  await loadXtermStylesheet();
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
