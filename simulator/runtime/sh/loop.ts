/**
 * The command loop: parse one command line at a time from a source and run it (ash's
 * cmdloop). Input that may grow (a terminal, a pipe) is read on demand: when the parser runs
 * out of text mid-command, more is fetched and the command is parsed again.
 */
import type { Node } from "./ast";
import { DiscardError, Interrupted, ParseError, ShellError } from "./errors";
import { evaltree, lineOf, syntaxError } from "./interp";
import { Parser } from "./parser";
import { EV_EXIT, type Shell } from "./shell";
import { NeedMore, type Source } from "./source";

export interface LoopOptions {
  /** The shell's main input (its end ends the shell). */
  top: boolean;
  /** Fetch more text; `continuation` is true inside an unfinished command. null at end of input. */
  more?: (continuation: boolean) => Promise<string | null>;
  /** Called before each new command is read (interactive prompt). */
  beforeCommand?: () => Promise<void>;
  /** Errors return to the loop instead of ending it (interactive shells). */
  interactive?: boolean;
  /** Run the last command with EV_EXIT (sh -c). */
  exitLast?: boolean;
}

export async function cmdloop(sh: Shell, src: Source, opts: LoopOptions): Promise<number> {
  let status = 0;
  for (;;) {
    // forget text already run
    if (src.pos > 4096) {
      src.buf = src.buf.slice(src.pos);
      src.pos = 0;
    }
    const start = src.pos;
    const startLine = src.linno;
    let n: Node | null | "eof" = null;
    let eof = false;
    let prompted = false;
    for (;;) {
      try {
        if (!prompted && opts.beforeCommand && src.atEnd()) await opts.beforeCommand();
        prompted = true;
        const p = new Parser(src, (a) => sh.aliases.get(a) ?? null, () => sh.lineno, sh.bash);
        n = p.parseCommand();
        eof = p.atEof();
        // set -v echoes input lines as they are read (not for -c strings)
        if (sh.opts.has("v") && !opts.exitLast) await sh.err(src.buf.slice(start, Math.min(src.pos, src.buf.length)));
        break;
      } catch (e) {
        if (e instanceof NeedMore && opts.more) {
          const continuation = src.buf.slice(start).trim() !== "";
          src.pos = start;
          src.linno = startLine;
          const more = await opts.more(continuation);
          if (more === null) src.final = true;
          else src.buf += more;
          continue;
        }
        if (e instanceof ParseError) {
          e.lineText ??= lineOf(src.buf, start, startLine, e.linno);
          if (!opts.interactive) await syntaxError(sh, e);
          try {
            await syntaxError(sh, e);
          } catch (e2) {
            if (!(e2 instanceof ShellError)) throw e2;
          }
          // drop the rest of the input line
          src.buf = "";
          src.pos = 0;
          n = null;
          break;
        }
        throw e;
      }
    }
    if (n === "eof") break;
    if (n === null) continue;
    try {
      const i = await evaltree(sh, n, opts.exitLast && eof ? EV_EXIT : 0);
      status = i;
    } catch (e) {
      if ((opts.interactive && e instanceof ShellError) || (e instanceof DiscardError && opts.top)) {
        status = sh.status;
        continue;
      }
      if (opts.interactive && e instanceof Interrupted) {
        await sh.err("\n");
        status = sh.status;
        continue;
      }
      throw e;
    }
    if (eof) break;
  }
  return status;
}
