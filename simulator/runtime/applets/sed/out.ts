/** sed's output: puts_maybe_newline() and the last character it wrote. */
import type { Writable } from "../../streams";

/** The end of a line as read: "\n", "\0", none (last line without newline) or "\0" at EOF. */
export type Eol = "\n" | "\0" | "none" | "lastnul";

/** An output with the "last character written" state puts_maybe_newline() keeps. */
export class Out {
  last = "\n";
  constructor(readonly w: Writable) {}
  async puts(s: string, eol: Eol): Promise<void> {
    let o = "";
    let lpc = this.last;
    if (lpc !== "\n" && lpc !== "\0") {
      o += "\n";
      lpc = "\n";
    }
    o += s;
    if (s) lpc = "x";
    if (eol === "lastnul") {
      o += "\0";
      lpc = "x";
    } else if (eol !== "none") {
      o += eol;
      lpc = eol;
    }
    this.last = lpc;
    await this.w.write(o);
  }
}
