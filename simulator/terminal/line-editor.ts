/**
 * Line editing as a shell's readline does it: cursor movement, Home/End, Ctrl-A/E/U/K/W/L,
 * history on Up/Down, and Tab completion. It only edits text and tells the screen what to draw;
 * what a finished line means is up to its owner.
 */
export interface EditorScreen {
  write(s: string): void;
}

export type Completer = (line: string, cursor: number) => { start: number; candidates: string[] };

export class LineEditor {
  buf = "";
  cursor = 0;
  private history: string[] = [];
  private histIndex = 0;
  private saved = "";

  constructor(
    private readonly screen: EditorScreen,
    private readonly complete: Completer,
    history: string[] = [],
  ) {
    this.history = [...history];
    this.histIndex = this.history.length;
  }

  get historyList(): readonly string[] {
    return this.history;
  }

  /** Replace the whole line on screen (cursor back, clear to end, write, cursor to place). */
  private redraw(next: string, cursor = next.length): void {
    let s = this.cursor > 0 ? `\x1b[${this.cursor}D` : "";
    s += "\x1b[K" + next;
    if (next.length > cursor) s += `\x1b[${next.length - cursor}D`;
    this.screen.write(s);
    this.buf = next;
    this.cursor = cursor;
  }

  insert(text: string): void {
    const clean = text.replace(/[\x00-\x1f\x7f]/g, "");
    if (!clean) return;
    const next = this.buf.slice(0, this.cursor) + clean + this.buf.slice(this.cursor);
    if (this.cursor === this.buf.length) {
      this.screen.write(clean);
      this.buf = next;
      this.cursor += clean.length;
    } else this.redraw(next, this.cursor + clean.length);
  }

  /** The line is done: remember it, reset, and return it. */
  accept(): string {
    const line = this.buf;
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > 500) this.history.shift();
    this.histIndex = this.history.length;
    this.buf = "";
    this.cursor = 0;
    this.screen.write("\r\n");
    return line;
  }

  /** Drop the line (Ctrl-C). */
  cancel(): void {
    this.screen.write("^C\r\n");
    this.buf = "";
    this.cursor = 0;
    this.histIndex = this.history.length;
  }

  /** Handle one key sequence. Returns false if the key is not an editing key. */
  key(k: string): boolean {
    switch (k) {
      case "\x7f":
      case "\b":
        if (this.cursor > 0) this.redraw(this.buf.slice(0, this.cursor - 1) + this.buf.slice(this.cursor), this.cursor - 1);
        return true;
      case "\x1b[3~":
        if (this.cursor < this.buf.length) this.redraw(this.buf.slice(0, this.cursor) + this.buf.slice(this.cursor + 1), this.cursor);
        return true;
      case "\x1b[D":
      case "\x02":
        if (this.cursor > 0) {
          this.cursor--;
          this.screen.write("\x1b[D");
        }
        return true;
      case "\x1b[C":
      case "\x06":
        if (this.cursor < this.buf.length) {
          this.cursor++;
          this.screen.write("\x1b[C");
        }
        return true;
      case "\x1b[H":
      case "\x1bOH":
      case "\x01":
        this.redraw(this.buf, 0);
        return true;
      case "\x1b[F":
      case "\x1bOF":
      case "\x05":
        this.redraw(this.buf, this.buf.length);
        return true;
      case "\x15":
        this.redraw(this.buf.slice(this.cursor), 0);
        return true;
      case "\x0b":
        this.redraw(this.buf.slice(0, this.cursor), this.cursor);
        return true;
      case "\x17": {
        const before = this.buf.slice(0, this.cursor).replace(/\S+\s*$/, "");
        this.redraw(before + this.buf.slice(this.cursor), before.length);
        return true;
      }
      case "\x1b[A":
        if (this.histIndex > 0) {
          if (this.histIndex === this.history.length) this.saved = this.buf;
          this.histIndex--;
          this.redraw(this.history[this.histIndex]);
        }
        return true;
      case "\x1b[B":
        if (this.histIndex < this.history.length) {
          this.histIndex++;
          this.redraw(this.histIndex === this.history.length ? this.saved : this.history[this.histIndex]);
        }
        return true;
      case "\t":
        this.tab();
        return true;
      default:
        return false;
    }
  }

  private tab(): void {
    const { start, candidates } = this.complete(this.buf, this.cursor);
    if (candidates.length === 0) return;
    const word = this.buf.slice(start, this.cursor);
    let common = candidates[0];
    for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
    if (candidates.length === 1 && !common.endsWith("/")) common += " ";
    if (common.length > word.length) {
      this.insert(common.slice(word.length));
      return;
    }
    if (candidates.length > 1) {
      // list the choices below, then show the line again
      const line = this.buf;
      const cur = this.cursor;
      this.screen.write("\r\n" + candidates.join("  ") + "\r\n");
      this.buf = "";
      this.cursor = 0;
      this.onListed?.();
      this.insert(line);
      this.redraw(line, cur);
    }
  }

  /** Called after completion candidates were listed, so the owner can print the prompt again. */
  onListed?: () => void;
}
