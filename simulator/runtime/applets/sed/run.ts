/**
 * Running a parsed sed script over input lines, following BusyBox's process_files(): one line of
 * read-ahead for "$", ranges that stay open across lines, the append queue, and the rules for
 * when a missing final newline is reproduced.
 */
import type { ProcessContext } from "../../program";
import type { Readable } from "../../streams";
import { text } from "../../../util/bytes";
import { Die } from "../lib/applet";
import { perror } from "../lib/errors";
import { LineReader, closeInput, openInput } from "../lib/io";
import { type Eol, Out } from "./out";
import type { Regex, Script, SedCmd } from "./parse";
import { substitute } from "./subst";

export { Out } from "./out";

export class Runner {
  hold: string | null = null;
  exitcode = 0;
  private files: string[] = [];
  private fi = 0;
  private reader: LineReader | null = null;
  private src: Readable | null = null;
  private appendQ: string[] = [];
  quit = false;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly sc: Script,
    private readonly out: Out,
    private readonly wfiles: Map<string, Out>,
  ) {}

  private async flushAppend(): Promise<void> {
    for (const a of this.appendQ.splice(0)) await this.out.puts(a, "\n");
  }

  /** The next input line (get_next_line), or null when every file is read. */
  private async nextLine(): Promise<{ line: string; eol: Eol } | null> {
    await this.flushAppend();
    while (this.fi < this.files.length) {
      if (!this.reader) {
        const name = this.files[this.fi];
        try {
          this.src = name === "-" ? this.ctx.stdin : openInput(this.ctx, name);
        } catch (e) {
          await perror(this.ctx, name, e);
          this.exitcode = 1;
          this.fi++;
          continue;
        }
        this.reader = new LineReader(this.ctx, this.src);
      }
      let r: { bytes: Uint8Array; nl: boolean } | null;
      try {
        r = await this.reader.nextRaw();
      } catch (e) {
        if (!(e instanceof Error && e.name === "FsError")) throw e;
        r = null;
      }
      if (r) {
        // NUL also ends a line (bb_get_chunk_from_file)
        const z = r.bytes.indexOf(0);
        if (z >= 0) {
          const rest = r.bytes.subarray(z + 1);
          const tail = r.nl ? new Uint8Array([...rest, 10]) : rest;
          if (tail.length) this.src!.unshift(tail);
          const atEof = tail.length === 0 && (await this.peekEof());
          return { line: text(r.bytes.subarray(0, z)), eol: atEof ? "lastnul" : "\0" };
        }
        return { line: text(r.bytes), eol: r.nl ? "\n" : "none" };
      }
      if (this.src) closeInput(this.ctx, this.src);
      this.reader = null;
      this.src = null;
      this.fi++;
    }
    return null;
  }

  private async peekEof(): Promise<boolean> {
    const c = await this.src!.read();
    if (c && c.length) {
      this.src!.unshift(c);
      return false;
    }
    return true;
  }

  private matches(re: Regex, s: string): boolean {
    re.re.lastIndex = 0;
    return re.re.test(s);
  }

  private begMatch(c: SedCmd, ps: string): boolean {
    const r = c.begMatch !== null && this.matches(c.begMatch, ps);
    if (r) this.sc.previous = c.begMatch;
    return r;
  }

  private async writeTo(name: string, s: string, eol: Eol): Promise<void> {
    const w = this.wfiles.get(name);
    if (w) await w.puts(s, eol);
  }

  /** Process `files` (one call of process_files: line numbers restart). */
  async process(files: string[]): Promise<void> {
    this.files = files;
    this.fi = 0;
    const cmds = this.sc.cmds;
    let next = await this.nextLine();
    let linenum = 0;
    while (next && !this.quit) {
      await this.ctx.tick();
      let ps = next.line;
      let eol = next.eol;
      next = await this.nextLine();
      linenum++;
      let substituted = false;
      let discard = false;
      let printIt = true;
      restart: for (;;) {
        await this.ctx.tick();
        for (let ci = 0; ci < cmds.length; ci++) {
          const c = cmds[ci];
          const old = c.inMatch;
          if (!old) c.endLine = c.endLineOrig;
          c.inMatch =
            c.inMatch ||
            (!c.begLine && !c.endLine && !c.begMatch && !c.endMatch) ||
            (c.begLine > 0 && (c.endLine || c.endMatch ? c.begLine <= linenum : c.begLine === linenum)) ||
            this.begMatch(c, ps) ||
            (c.begLine === -1 && next === null);
          const matched = c.inMatch;
          if (matched) {
            if (c.endLine <= -2) c.endLine = linenum + (-c.endLine - 2);
            if (c.begLine > 0) c.begLine = -2;
            c.inMatch = !(
              (c.endLine ? (c.endLine === -1 ? next === null : c.endLine <= linenum) : !c.endMatch) ||
              (c.endMatch !== null && old && this.matches(c.endMatch, ps))
            );
          }
          if (c.cmd === "{") {
            if (c.invert ? matched : !matched) {
              let nest = 0;
              for (;;) {
                const x = cmds[ci];
                if (!x) throw new Die("unterminated {");
                if (x.cmd === "{") nest++;
                if (x.cmd === "}" && --nest === 0) break;
                ci++;
              }
            }
            continue;
          }
          if (c.invert ? matched : !matched) continue;
          if (c.begMatch) this.sc.previous = c.begMatch;
          switch (c.cmd) {
            case "=":
              await this.out.w.write(`${linenum}\n`);
              break;
            case "P": {
              const nl = ps.indexOf("\n");
              await this.out.puts(nl >= 0 ? ps.slice(0, nl) : ps, "\n");
              break;
            }
            case "p":
              await this.out.puts(ps, "\n");
              break;
            case "D": {
              const nl = ps.indexOf("\n");
              if (nl >= 0) {
                ps = ps.slice(nl + 1);
                continue restart;
              }
              discard = true;
              break;
            }
            case "d":
              discard = true;
              break;
            case "s": {
              const r = substitute(this.sc, c, ps);
              if (r === null) break;
              ps = r;
              substituted = true;
              if (c.subP) await this.out.puts(ps, eol);
              if (c.wfile) await this.writeTo(c.wfile, ps, eol);
              break;
            }
            case "a":
              this.appendQ.push(c.string ?? "");
              break;
            case "i":
              await this.out.puts(c.string ?? "", "\n");
              break;
            case "c":
              if (!c.inMatch) await this.out.puts(c.string ?? "", "\n");
              discard = true;
              break;
            case "r":
              try {
                const data = text(this.ctx.fs.readFile(c.string ?? ""));
                const lines = data.split("\n");
                if (lines[lines.length - 1] === "") lines.pop();
                this.appendQ.push(...lines);
              } catch {
                /* a missing file adds nothing */
              }
              break;
            case "w":
              await this.writeTo(c.wfile ?? "", ps, eol);
              break;
            case "n":
              if (!this.sc.quiet) await this.out.puts(ps, eol);
              if (next === null) {
                discard = true;
                break;
              }
              ps = next.line;
              eol = next.eol;
              next = await this.nextLine();
              substituted = false;
              linenum++;
              break;
            case "q":
              next = null;
              this.quit = true;
              ci = cmds.length;
              break;
            case "N":
              if (next === null) {
                ci = cmds.length;
                break;
              }
              ps = ps + "\n" + next.line;
              eol = next.eol;
              next = await this.nextLine();
              linenum++;
              break;
            case "t":
            case "T":
            case "b": {
              if (c.cmd === "t") {
                if (!substituted) break;
                substituted = false;
              } else if (c.cmd === "T" && substituted) break;
              if (!c.string) {
                ci = cmds.length;
                break;
              }
              const target = cmds.findIndex((x) => x.cmd === ":" && x.string === c.string);
              if (target < 0) throw new Die(`can't find label for jump to '${c.string}'`);
              // a loop made of jumps must stay interruptible
              await this.ctx.tick();
              ci = target;
              break;
            }
            case "y": {
              const pairs = [...(c.string ?? "")];
              let r = "";
              for (const ch of ps) {
                let o = ch;
                for (let j = 0; j + 1 < pairs.length; j += 2) {
                  if (pairs[j] === ch) {
                    o = pairs[j + 1];
                    break;
                  }
                }
                r += o;
              }
              ps = r;
              break;
            }
            case "g":
              ps = this.hold ?? "";
              break;
            case "G":
              ps = ps + "\n" + (this.hold ?? "");
              eol = "\n";
              break;
            case "h":
              this.hold = ps;
              break;
            case "H":
              this.hold = (this.hold ?? "") + "\n" + ps;
              break;
            case "x": {
              const t = ps;
              ps = this.hold ?? "";
              eol = "\n";
              this.hold = t;
              break;
            }
          }
          if (discard) break;
        }
        break;
      }
      if (discard) printIt = false;
      if (printIt && !this.sc.quiet) await this.out.puts(ps, eol);
      await this.flushAppend();
    }
  }
}

/** Open the files w commands write to (truncating them), as sed does while parsing. */
export function openWFiles(ctx: ProcessContext, names: Set<string>, mode: number): Map<string, Out> {
  const m = new Map<string, Out>();
  for (const n of names) {
    if (n === "/dev/stdout") m.set(n, new Out(ctx.stdout));
    else if (n === "/dev/stderr") m.set(n, new Out(ctx.stderr));
    else {
      try {
        m.set(n, new Out(ctx.fs.openWrite(n, { mode })));
      } catch (e) {
        throw new Die(`can't open '${n}': ${(e as Error).message}`);
      }
    }
  }
  return m;
}

