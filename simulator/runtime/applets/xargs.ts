/**
 * xargs: build command lines from stdin (-n -s -I -0 -t -r -E -x -a), BusyBox's quoting rules
 * and exit statuses (123 a command failed, 124 one exited 255, 125 killed, 126/127 can't run).
 */
import type { ProcessContext } from "../program";
import type { Readable } from "../streams";
import { utf8, text } from "../../util/bytes";
import { Die, defineApplet } from "./lib/applet";
import { perror, strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { openInput } from "./lib/io";
import { spawnAndWait } from "./lib/spawn";

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** A byte reader over a stream (getchar()). */
class Chars {
  private buf: Uint8Array | null = null;
  private i = 0;
  private eof = false;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly src: Readable,
  ) {}
  async get(): Promise<number> {
    for (;;) {
      if (this.buf && this.i < this.buf.length) return this.buf[this.i++];
      if (this.eof) return -1;
      await this.ctx.tick();
      const c = await this.src.read();
      if (!c) {
        this.eof = true;
        return -1;
      }
      this.buf = c;
      this.i = 0;
    }
  }
}

interface State {
  quote: number;
  mode: "norm" | "quote" | "backslash";
}

defineApplet({
  name: "xargs",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "+trn:s:e::E:px0I:i::P:a:", [{ name: "no-run-if-empty", key: "r" }]);
    let eofStr: string | null = null;
    const eo = o.lastOf("e", "E");
    if (eo) eofStr = o.last(eo) ?? null;
    if (eo === "E" && eofStr === "") eofStr = null;
    let src: Readable = ctx.stdin;
    if (o.has("a")) {
      try {
        src = openInput(ctx, o.last("a")!);
      } catch (e) {
        throw new Die(`can't open '${o.last("a")}': ${strerror(e)}`);
      }
    }
    const zero = o.has("0");
    const cmd = o.operands.length ? o.operands : ["echo"];
    let maxChars = 32 * 1024 - 2048;
    const range = (s: string) => {
      if (!/^\d+$/.test(s)) throw new Die(`invalid number '${s}'`);
      if (+s < 1 || +s > 0x7fffffff) throw new Die(`number ${s} is not in 1..2147483647 range`);
      return +s;
    };
    if (o.has("s")) maxChars = range(o.last("s")!);
    for (const a of cmd) maxChars -= utf8(a).length + 1;
    if (maxChars <= 0) throw new Die("can't fit single argument within argument list size limit");
    let maxArgs = maxChars;
    if (o.has("n")) maxArgs = range(o.last("n")!);
    const repl = o.has("I") ? o.last("I")! : o.has("i") ? (o.last("i") ?? "{}") : null;
    let noEmpty = o.has("r") || repl !== null;
    const chars = new Chars(ctx, src);
    const st: State = { quote: 0, mode: "norm" };
    let pending = "";
    let done = false;
    let exitcode = 0;

    /** Read up to maxArgs words; returns the words and what did not fit. */
    const readWords = async (): Promise<{ words: string[]; rest: string }> => {
      const words: string[] = [];
      let cur: number[] = [...utf8(pending)];
      let used = cur.length;
      let n = maxArgs;
      const finish = () => {
        const w = text(new Uint8Array(cur));
        cur = [];
        return w;
      };
      for (;;) {
        if (done) break;
        let c = await chars.get();
        if (zero) {
          if (c === -1) {
            done = true;
            if (cur.length === 0) break;
            c = 0;
          }
          if (c !== 0) cur.push(c);
          used++;
          if (c === 0) {
            words.push(finish());
            if (--n === 0) break;
          }
          if (used >= maxChars) break;
          continue;
        }
        let close = false;
        if (c === -1) {
          done = true;
          if (cur.length === 0) break;
          close = true;
        } else if (st.mode === "backslash") {
          st.mode = "norm";
          cur.push(c);
        } else if (st.mode === "quote") {
          if (c !== st.quote) cur.push(c);
          else {
            st.quote = 0;
            st.mode = "norm";
          }
        } else if (isSpace(c)) {
          if (cur.length) close = true;
        } else if (c === 92) st.mode = "backslash";
        else if (c === 39 || c === 34) {
          st.quote = c;
          st.mode = "quote";
        } else cur.push(c);
        if (c !== -1) used++;
        if (close) {
          st.mode = "norm";
          if (st.quote) throw new Die(`unmatched ${st.quote === 39 ? "single" : "double"} quote`);
          const w = finish();
          if (eofStr !== null && w === eofStr) {
            while ((await chars.get()) !== -1) {
              /* drain */
            }
            done = true;
            break;
          }
          words.push(w);
          if (--n === 0) break;
        }
        if (used >= maxChars) break;
      }
      return { words, rest: text(new Uint8Array(cur)) };
    };

    /** One line for -I: leading blanks and empty lines skipped. */
    const readLine = async (): Promise<string | null> => {
      const eol = zero ? 0 : 10;
      const cur: number[] = [];
      for (;;) {
        const c = await chars.get();
        if (cur.length === 0) {
          if (c === -1) return null;
          if (c === eol || isSpace(c)) continue;
        }
        if (c === -1 || c === eol) return text(new Uint8Array(cur));
        cur.push(c);
      }
    };

    for (;;) {
      let args: string[];
      if (repl !== null) {
        const line = await readLine();
        if (line === null) break;
        args = cmd.map((a) => a.split(repl).join(line));
      } else {
        const { words, rest } = await readWords();
        if (words.length === 0) {
          if (rest !== "") throw new Die("argument line too long");
          if (noEmpty) break;
        }
        pending = rest;
        args = [...cmd, ...words];
      }
      noEmpty = true;
      if (o.has("t") || o.has("p")) await ctx.stderr.write(args.join(" ") + (o.has("p") ? " ?..." : "\n"));
      if (o.has("p")) {
        // asks on the terminal, not stdin
        await ctx.stderr.write("\n");
      }
      const r = await spawnAndWait(ctx, args);
      let status: number;
      if ("error" in r) {
        await perror(ctx, args[0], r.error);
        status = r.error.code === "ENOENT" ? 127 : 126;
      } else if (r.signal !== null) {
        await warn(ctx, `'${args[0]}' terminated by signal ${r.signal}`);
        status = 125;
      } else if (r.status === 255) {
        await warn(ctx, `${args[0]}: exited with status 255; aborting`);
        status = 124;
      } else {
        if (r.status !== 0) exitcode = 123;
        status = 0;
      }
      if (status !== 0) {
        exitcode = status;
        break;
      }
      if (repl === null && done && pending === "") break;
    }
    return exitcode;
  },
});
