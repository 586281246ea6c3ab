/**
 * The one place where xterm meets the simulator: an xterm Terminal adapted to the simulator's
 * TerminalPort (write, onData, cols, rows, onResize). Only src/terminal/ imports @xterm/*.
 */
import { Terminal, type ITerminalOptions } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import type { TerminalPort } from "../../simulator/terminal/port";

/** The part of xterm's Terminal that the port needs (an xterm Terminal satisfies it). */
export interface XtermLike {
  readonly cols: number;
  readonly rows: number;
  write(data: string): void;
  onData(listener: (data: string) => void): { dispose(): void };
  onResize(listener: (size: { cols: number; rows: number }) => void): { dispose(): void };
}

/**
 * Adapts a terminal to the simulator's port. Unsubscribe functions dispose xterm listeners.
 *
 * Writes are held and handed to xterm together, when the session flushes or else in the next
 * task. xterm parses the first write after a keystroke at once and later ones in a timer task,
 * which the browser runs only after it has drawn a frame; so a command's echo, output and prompt
 * given as one write are on screen in the frame after Enter instead of the one after that.
 */
export function portFromXterm(term: XtermLike, later: (f: () => void) => unknown = (f) => setTimeout(f, 0)): TerminalPort {
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const data = pending;
    pending = "";
    term.write(data);
  };
  return {
    write(data) {
      pending += data;
      if (!scheduled) {
        scheduled = true;
        later(flush);
      }
    },
    flush,
    onData(listener) {
      const subscription = term.onData((data) => listener(data));
      return () => subscription.dispose();
    },
    get cols() {
      return term.cols;
    },
    get rows() {
      return term.rows;
    },
    onResize(listener) {
      const subscription = term.onResize(({ cols, rows }) => listener({ cols, rows }));
      return () => subscription.dispose();
    },
  };
}

/**
 * Key handling for leaving the terminal by keyboard. A terminal needs Tab (shell completion), so
 * Tab alone stays inside; Escape followed by Tab or Shift+Tab moves focus on, like the browser's
 * own Tab would. Returns false when xterm must leave the key to the browser.
 */
export function createFocusEscape(): (event: Pick<KeyboardEvent, "type" | "key">) => boolean {
  let armed = false;
  return (event) => {
    if (event.type !== "keydown") return true;
    if (event.key === "Escape") {
      armed = true;
      return true;
    }
    if (event.key === "Tab" && armed) {
      armed = false;
      return false;
    }
    if (event.key !== "Shift") armed = false;
    return true;
  };
}

export const terminalTheme = {
  background: "#16181d",
  foreground: "#e8e8ea",
  cursor: "#ffcc66",
  cursorAccent: "#16181d",
  selectionBackground: "#3d5a80",
  black: "#2e3440",
  red: "#ff7b72",
  green: "#7ee787",
  yellow: "#f2cc60",
  blue: "#79c0ff",
  magenta: "#d2a8ff",
  cyan: "#76e3ea",
  white: "#e8e8ea",
  brightBlack: "#9aa0a6",
  brightRed: "#ffa198",
  brightGreen: "#aff5b4",
  brightYellow: "#f8e3a1",
  brightBlue: "#a5d6ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#b3f0ff",
  brightWhite: "#ffffff",
} as const;

export interface OpenedXterm {
  terminal: Terminal;
  port: TerminalPort;
  /** The whole active buffer as text, one line per row, trailing blanks trimmed. */
  screenText(): string;
  dispose(): void;
}

/** Opens an xterm in `container`, sized to it and re-fitted whenever the container resizes. */
export function openXterm(container: HTMLElement, options: ITerminalOptions = {}): OpenedXterm {
  const terminal = new Terminal({
    screenReaderMode: true,
    convertEol: false,
    cursorBlink: true,
    scrollback: 2000,
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 15,
    theme: terminalTheme,
    ...options,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.attachCustomKeyEventHandler(createFocusEscape());
  terminal.open(container);
  const refit = () => {
    if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit();
  };
  refit();
  const observer = new ResizeObserver(refit);
  observer.observe(container);
  return {
    terminal,
    port: portFromXterm(terminal),
    screenText() {
      const buffer = terminal.buffer.active;
      const lines: string[] = [];
      for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? "");
      while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
      return lines.join("\n");
    },
    dispose() {
      observer.disconnect();
      terminal.dispose();
    },
  };
}
