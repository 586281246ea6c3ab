/**
 * A terminal device in cooked mode: the line discipline between the learner's keystrokes and the
 * processes reading the terminal. Completed lines queue for readers; output gets "\r\n" line ends.
 */
import { EMPTY, text, toBytes, utf8 } from "../util/bytes";
import type { Readable, Writable } from "../runtime/streams";

export class Tty {
  private lines: Uint8Array[] = [];
  private eofPending = false;
  private waiters: Array<() => void> = [];
  /** Called by an interactive shell just before it reads a command line (status of the last one). */
  onPrompt: (status: number) => void = () => {};
  /** True while some process is blocked reading the terminal. */
  reading = 0;
  /** Called when a reader finds no input and starts waiting (after a prompt has been printed). */
  onReadBlocked: () => void = () => {};

  constructor(private readonly output: (s: string) => void) {}

  readonly reader: Readable & { prompt(status: number): void } = {
    read: async () => {
      for (;;) {
        if (this.lines.length) return this.lines.shift()!;
        if (this.eofPending) {
          this.eofPending = false;
          return null;
        }
        this.reading++;
        this.onReadBlocked();
        try {
          await new Promise<void>((r) => this.waiters.push(r));
        } finally {
          this.reading--;
        }
      }
    },
    unshift: (d) => {
      if (d.length) this.lines.unshift(d);
    },
    close: () => {},
    dup: () => this.reader,
    isTTY: true,
    prompt: (status: number) => this.onPrompt(status),
  };

  readonly writer: Writable = {
    write: async (d) => {
      const s = typeof d === "string" ? d : text(d);
      this.output(s.replace(/\r?\n/g, "\r\n"));
    },
    close: () => {},
    dup: () => this.writer,
    isTTY: true,
  };

  /** A completed line (Enter). */
  pushLine(line: string): void {
    this.lines.push(utf8(line + "\n"));
    this.wake();
  }

  /** Ctrl-D on an empty line: the reader sees end of input once. */
  pushEof(): void {
    this.eofPending = true;
    this.wake();
  }

  /** Drop typed-ahead input (after Ctrl-C). */
  flush(): void {
    this.lines = [];
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

export { EMPTY, toBytes };
