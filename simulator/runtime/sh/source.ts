/**
 * Characters of shell input for the lexer: a growing text buffer with a read position and
 * line counting. When the text runs out before the input has ended (a terminal or a pipe that
 * may deliver more), reading throws NeedMore; the reader fetches more and parses again.
 */

/** End of input. */
export const PEOF = "";

export class NeedMore extends Error {
  constructor() {
    super("need more input");
    this.name = "NeedMore";
  }
}

interface AliasRegion {
  name: string;
  end: number;
  /** The value ended with a blank: the word after it is checked for an alias too. */
  blank: boolean;
}

export class Source {
  pos = 0;
  private aliases: AliasRegion[] = [];
  /** The last pgetc hit the end (so the next pungetc has nothing to put back). */
  private atEofRead = false;

  constructor(
    public buf: string,
    /** Line number of the text at `pos`. */
    public linno = 1,
    /** No more text will arrive. */
    public final = true,
  ) {}

  /** Next character, or PEOF. */
  pgetc(): string {
    if (this.pos >= this.buf.length) {
      if (!this.final) throw new NeedMore();
      this.pos = this.buf.length;
      this.atEofRead = true;
      return PEOF;
    }
    this.atEofRead = false;
    const c = this.buf[this.pos++];
    if (c === "\n") this.linno++;
    return c;
  }

  /** Next character, skipping backslash-newline pairs. */
  pgetcEatBnl(): string {
    for (;;) {
      const c = this.pgetc();
      if (c !== "\\") return c;
      const d = this.pgetc();
      if (d !== "\n") {
        this.pungetc();
        return c;
      }
    }
  }

  /** Put back the last character read. */
  pungetc(): void {
    if (this.atEofRead) {
      this.atEofRead = false;
      return;
    }
    if (this.pos === 0) return;
    this.pos--;
    if (this.buf[this.pos] === "\n") this.linno--;
  }

  /** Look at the next character without consuming it (may throw NeedMore). */
  peek(): string {
    const c = this.pgetc();
    this.pungetc();
    return c;
  }

  atEnd(): boolean {
    return this.pos >= this.buf.length;
  }

  /** Insert an alias's value at the read position (recursion is blocked while it is read). */
  pushAlias(name: string, value: string): void {
    this.atEofRead = false;
    this.buf = this.buf.slice(0, this.pos) + value + this.buf.slice(this.pos);
    for (const r of this.aliases) if (r.end >= this.pos) r.end += value.length;
    this.aliases.push({ name, end: this.pos + value.length, blank: /[ \t]$/.test(value) });
  }

  aliasActive(name: string): boolean {
    return this.aliases.some((r) => r.name === name && r.end >= this.pos);
  }

  /** A word starting at `at` follows an alias value ending in a blank (and is the first such word). */
  afterBlankAlias(at: number): boolean {
    let hit = false;
    this.aliases = this.aliases.filter((r) => {
      if (r.end > at) return true;
      if (r.blank) hit = true;
      return false;
    });
    return hit;
  }
}
