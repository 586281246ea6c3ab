/**
 * The terminal port: the only thing the simulator knows about a screen. The browser adapts xterm
 * to it (src/terminal/), tests adapt a string buffer. Data is text as a terminal sends and shows
 * it: keystrokes in (with escape sequences), output out (with "\r\n" line ends and ANSI codes).
 */
export interface TerminalPort {
  /** Show text. Line feeds must already be "\r\n" where a newline is meant. */
  write(data: string): void;
  /**
   * Show everything written so far now. A port may hold writes back and show them together
   * (the browser's does, so that a command's echo, output and prompt reach the screen in one
   * piece); the session flushes once a keystroke's echo is written and once a command is done.
   */
  flush?(): void;
  /** Subscribe to keystrokes and pastes. Returns an unsubscribe function. */
  onData(listener: (data: string) => void): () => void;
  /** Current size in character cells. */
  readonly cols: number;
  readonly rows: number;
  /** Subscribe to size changes. Returns an unsubscribe function. */
  onResize?(listener: (size: { cols: number; rows: number }) => void): () => void;
}

/** What a page needs from a running terminal session. */
export interface TerminalSession {
  /** Type a command line as if the learner had typed it and pressed Enter. */
  typeLine(line: string): void;
  /** Resolves when no foreground command is running and the prompt is shown. */
  idle(): Promise<void>;
  /** Called after every command line finishes (for views and exercise checks). */
  onCommandDone(listener: (e: { line: string; exitCode: number }) => void): () => void;
  dispose(): void;
}
