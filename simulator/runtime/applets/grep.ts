/**
 * grep, egrep, fgrep: search for patterns (BRE, -E ERE, -F fixed) with BusyBox's options
 * (-i -v -c -l -L -n -q -o -w -x -s -h -H -r -R -m N -A/-B/-C N -e -f) and its exit codes:
 * 0 matched, 1 nothing matched, 2 an error.
 */
import type { ProcessContext } from "../program";
import type { Readable } from "../streams";
import { text } from "../../util/bytes";
import { Die, UsageError, appletName, defineApplet } from "./lib/applet";
import { perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, closeInput, openInput, readAllInput } from "./lib/io";
import { recursiveAction } from "./lib/recurse";
import { RegexError, compilePosix, searchFrom } from "./lib/regex";

class Quit extends Error {}

interface Pattern {
  text: string;
  re: RegExp | null;
}

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

interface Grep {
  ctx: ProcessContext;
  has: (k: string) => boolean;
  patterns: Pattern[];
  invert: boolean;
  printName: boolean;
  maxMatches: number;
  before: number;
  after: number;
  out: string[];
  openErrors: boolean;
  didPrint: boolean;
  lastPrinted: number;
}

/** Does `line` match `p`? Returns the first match range used by -o. */
function matchOne(g: Grep, p: Pattern, line: string): { found: boolean; start: number; end: number } {
  if (!p.re) {
    const hay = g.has("i") ? line.toLowerCase() : line;
    const needle = g.has("i") ? p.text.toLowerCase() : p.text;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) return { found: false, start: 0, end: 0 };
      if (g.has("x")) return { found: at === 0 && line.length === needle.length, start: at, end: at + needle.length };
      if (g.has("w")) {
        if (!isWord(at > 0 ? line[at - 1] : " ") && !isWord(line[at + needle.length])) return { found: true, start: at, end: at + needle.length };
        from = at + 1;
        continue;
      }
      return { found: true, start: at, end: at + needle.length };
    }
  }
  let from = 0;
  for (;;) {
    const m = searchFrom(p.re, line, from);
    if (!m) return { found: false, start: 0, end: 0 };
    const start = m.index;
    const end = start + m[0].length;
    if (g.has("x")) return { found: start === 0 && end === line.length, start, end };
    if (!g.has("w")) return { found: true, start, end };
    if (!isWord(start > 0 ? line[start - 1] : " ") && !isWord(line[end])) return { found: true, start, end };
    if (end === 0 || end === from) return { found: false, start, end };
    from = end;
  }
}

async function flush(g: Grep): Promise<void> {
  if (g.out.length) await g.ctx.stdout.write(g.out.splice(0).join(""));
}

function printLine(g: Grep, name: string, line: string, num: number, deco: string): void {
  if (num < 1) return;
  if ((g.before || g.after) && g.didPrint && g.lastPrinted !== num - 1) g.out.push("--\n");
  g.didPrint = true;
  g.lastPrinted = num;
  let s = "";
  if (g.printName) s += name + deco;
  if (g.has("n")) s += num + deco;
  if (!(g.has("v") && g.has("o"))) s += line + (g.has("z") ? "\0" : "\n");
  g.out.push(s);
}

/** grep one input; true when it "matched" (for the exit status). */
async function grepFile(g: Grep, src: Readable, name: string): Promise<boolean> {
  const { ctx } = g;
  const lr = new LineReader(ctx, src, g.has("z") ? 0 : 10);
  let num = 0;
  let nmatches = 0;
  let afterLeft = 0;
  const beforeBuf: Array<{ line: string; num: number }> = [];
  for (;;) {
    const r = await lr.next();
    if (!r) break;
    const line = r.line;
    num++;
    let found = false;
    let which: Pattern | null = null;
    let range = { start: 0, end: 0 };
    for (const p of g.patterns) {
      const m = matchOne(g, p, line);
      if (m.found) {
        found = true;
        which = p;
        range = m;
        break;
      }
    }
    if (found !== g.invert) {
      nmatches++;
      if (g.has("q") || g.has("l") || g.has("L")) {
        if (g.has("q")) throw new Quit();
        if (g.has("l")) {
          g.out.push(name + "\n");
          return true;
        }
        return false;
      }
      if (g.has("m") && nmatches > g.maxMatches) break;
      if (!g.has("c")) {
        for (const b of beforeBuf.splice(0)) printLine(g, name, b.line, b.num, "-");
        afterLeft = g.after;
        if (g.has("o")) {
          if (which && !which.re) {
            if (found) printLine(g, name, which.text, num, ":");
          } else if (which?.re) {
            let { start, end } = range;
            for (;;) {
              if (end > start) printLine(g, name, line.slice(start, end), num, ":");
              if (end >= line.length) break;
              const from = end === start ? end + 1 : end;
              const m = searchFrom(which.re, line, from);
              if (!m) break;
              start = m.index;
              end = start + m[0].length;
            }
          }
        } else printLine(g, name, line, num, ":");
      }
    } else if (afterLeft) {
      printLine(g, name, line, num, "-");
      afterLeft--;
    } else if (g.before) {
      beforeBuf.push({ line, num });
      if (beforeBuf.length > g.before) beforeBuf.shift();
    }
    if (g.out.length > 200) await flush(g);
    if (g.has("m") && !afterLeft && nmatches === g.maxMatches) break;
  }
  if (g.has("c")) g.out.push((g.printName ? name + ":" : "") + nmatches + "\n");
  if (g.has("L")) {
    g.out.push(name + "\n");
    return true;
  }
  return nmatches !== 0;
}

async function grepPath(g: Grep, path: string): Promise<boolean> {
  const { ctx } = g;
  let src: Readable;
  try {
    src = openInput(ctx, path);
  } catch (e) {
    if (!g.has("s")) {
      await flush(g);
      await perror(ctx, path, e);
    }
    g.openErrors = true;
    return false;
  }
  try {
    return await grepFile(g, src, path);
  } catch (e) {
    // reading a directory fails: glibc's getline just reports end of file
    if (e instanceof Error && e.name === "FsError") return false;
    throw e;
  } finally {
    closeInput(ctx, src);
  }
}

defineApplet({
  name: "grep",
  aliases: ["egrep", "fgrep"],
  failCode: 2,
  async run(ctx) {
    const name = appletName(ctx);
    const o = getopt(ctx.argv.slice(1), "lnqvscFiHhe:f:LorRm:wxA:B:C:EzaI", [{ name: "color", key: "color", arg: "optional" }]);
    const has = (k: string) => {
      if (k === "H" || k === "h") return o.lastOf("H", "h") === k;
      if (k === "n" && (o.has("c") || o.has("q") || o.has("l") || o.has("L"))) return false;
      if (k === "F" && name === "fgrep") return true;
      return o.has(k);
    };
    const num = (k: string) => {
      const v = o.last(k)!;
      if (!/^\d+$/.test(v)) throw new Die(`invalid number '${v}'`, 2);
      return +v;
    };
    let before = 0;
    let after = 0;
    // -C sets both unless -A/-B also given; -c/-q/-l/-L turn context off
    if (o.has("C")) before = after = num("C");
    if (o.has("A")) after = num("A");
    if (o.has("B")) before = num("B");
    if (o.has("c") || o.has("q") || o.has("l") || o.has("L")) before = after = 0;
    let invert = o.has("v");
    const texts: string[] = [];
    for (const e of o.all("e")) texts.push(...e.split("\n"));
    let args = o.operands;
    if (o.has("f")) {
      const fromFiles: string[] = [];
      for (const f of o.all("f")) {
        let src: Readable;
        try {
          src = openInput(ctx, f);
        } catch (e) {
          await perror(ctx, f, e);
          return 2;
        }
        const data = text(await readAllInput(ctx, src));
        closeInput(ctx, src);
        const lines = data.split("\n");
        if (lines[lines.length - 1] === "") lines.pop();
        fromFiles.push(...lines);
      }
      texts.push(...fromFiles);
      if (texts.length === 0) {
        texts.push(o.has("x") ? ".*" : "");
        invert = !invert;
      }
    }
    if (texts.length === 0) {
      if (args.length === 0) throw new UsageError(null);
      texts.push(...args[0].split("\n"));
      args = args.slice(1);
    }
    const extended = name === "egrep" || o.has("E");
    const patterns: Pattern[] = [];
    for (const t of texts) {
      if (has("F")) patterns.push({ text: t, re: null });
      else {
        try {
          patterns.push({ text: t, re: compilePosix(t, { extended, icase: o.has("i"), gnu: true }) });
        } catch (e) {
          if (e instanceof RegexError) throw new Die(`bad regex '${t}'`, 2);
          throw e;
        }
      }
    }
    let m = 0;
    if (o.has("m")) m = num("m");
    const g: Grep = { ctx, has, patterns, invert, printName: args.length > 1, maxMatches: m, before, after, out: [], openErrors: false, didPrint: false, lastPrinted: 0 };
    if (has("H")) g.printName = true;
    if (has("h")) g.printName = false;
    let matched = false;
    try {
      for (const a of args.length ? args : ["-"]) {
        if (a === "-") {
          matched = (await grepFile(g, ctx.stdin, "(standard input)")) || matched;
          continue;
        }
        if (o.has("r") || o.has("R")) {
          let isDir = false;
          try {
            isDir = ctx.fs.stat(a).type === "dir";
          } catch {
            isDir = false;
          }
          if (isDir) {
            if (!has("h")) g.printName = true;
            await recursiveAction(
              ctx,
              a,
              { recurse: true, followLinks: o.has("R"), followTop: true, depthFirst: true },
              async (path, st) => {
                if (st.type === "symlink") {
                  try {
                    if (ctx.fs.stat(path).type === "dir") return true;
                  } catch (e) {
                    if (!g.has("s")) await perror(ctx, path, e);
                    return false;
                  }
                }
                matched = (await grepPath(g, path)) || matched;
                return true;
              },
              async () => true,
            );
            continue;
          }
        }
        matched = (await grepPath(g, a)) || matched;
      }
    } catch (e) {
      if (e instanceof Quit) return 0;
      throw e;
    } finally {
      await flush(g);
    }
    if (g.openErrors) return 2;
    return matched ? 0 : 1;
  },
});
