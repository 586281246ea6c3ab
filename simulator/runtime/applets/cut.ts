/** cut: select bytes, characters or fields of lines (-b -c -f -d -s -D -O -F regex). */
import { utf8 } from "../../util/bytes";
import { Die, UsageError, defineApplet } from "./lib/applet";
import { perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, closeInput, openInput } from "./lib/io";
import { RegexError, compilePosix, posixExec } from "./lib/regex";

interface Range {
  start: number;
  end: number;
}

const BIG = 0x7fffffff;

function parseList(spec: string, nosort: boolean): Range[] {
  const lists: Range[] = [];
  const pos = (t: string) => {
    if (!/^\d+$/.test(t)) throw new Die(`invalid number '${t}'`);
    return +t;
  };
  for (const tok of spec.split(",")) {
    if (tok === "") continue;
    const dash = tok.indexOf("-");
    const a = dash < 0 ? tok : tok.slice(0, dash);
    let s = a === "" ? 0 : pos(a);
    if (s) s--;
    let e: number;
    if (dash < 0) e = s;
    else if (tok.slice(dash + 1) === "") e = BIG;
    else {
      e = pos(tok.slice(dash + 1));
      if (e < s) throw new Die(`${e}<${s}`);
      e--;
    }
    lists.push({ start: s, end: e });
  }
  if (lists.length === 0) throw new Die("missing list of positions");
  if (!nosort) lists.sort((x, y) => x.start - y.start);
  return lists;
}

defineApplet({
  name: "cut",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "b:c:f:d:O:sDF:n");
    const kinds = ["b", "c", "f", "F"].filter((k) => o.has(k));
    if (kinds.length > 1) throw new UsageError(null);
    const regex = o.has("F");
    let delim = o.last("d") ?? "";
    if (delim === "") delim = regex ? "[[:space:]]+" : "\t";
    const odelim = o.last("O") ?? (regex ? " " : delim);
    if (kinds.length === 0) throw new Die("expected a list of bytes, characters, or fields");
    const fields = o.has("f") || regex;
    if (!fields) {
      if (o.has("s")) throw new Die("suppressing non-delimited lines makes sense only when operating on fields");
      if (o.has("d")) throw new Die("a delimiter may be specified only when operating on fields");
    }
    const lists = parseList(o.last(kinds[0])!, o.has("D"));
    let re: RegExp | null = null;
    if (regex) {
      try {
        re = compilePosix(delim, { extended: true });
      } catch (e) {
        if (e instanceof RegexError) throw new Die(`bad regex '${delim}': ${e.message}`);
        throw e;
      }
    }
    const d = utf8(delim)[0];
    const od = utf8(odelim);
    let status = 0;
    for (const f of o.operands.length ? o.operands : ["-"]) {
      let src;
      try {
        src = openInput(ctx, f);
      } catch (e) {
        await perror(ctx, f, e);
        status = 1;
        continue;
      }
      const lr = new LineReader(ctx, src);
      let lineno = 0;
      for (;;) {
        let r;
        try {
          r = await lr.nextRaw();
        } catch {
          r = null;
        }
        if (!r) break;
        const line = r.bytes;
        const out: number[] = [];
        const push = (b: ArrayLike<number>) => {
          for (let i = 0; i < b.length; i++) out.push(b[i]);
        };
        let printLine = true;
        if (!fields) {
          const printed = new Uint8Array(line.length + 1);
          for (const cl of lists) {
            for (let sp = cl.start; sp < line.length; ) {
              if (!printed[sp]) {
                printed[sp] = 1;
                out.push(line[sp]);
              }
              if (++sp > cl.end) break;
            }
          }
        } else if (!regex && d === 10) {
          // cutting "lines" with a newline delimiter: print the selected line numbers whole
          printLine = lists.some((cl) => lineno >= cl.start && lineno <= cl.end);
          if (printLine) push(line);
        } else {
          const str = regex ? new TextDecoder().decode(line) : "";
          const bytes = regex ? utf8(str) : line;
          const len = bytes.length;
          let clPos = 0;
          let uu = 0;
          let start = 0;
          let end = 0;
          let outN = 0;
          let dcount = 0;
          for (;;) {
            if (end === len || dcount > lists[clPos].end) {
              if (++clPos >= lists.length) break;
              if (o.has("D")) start = dcount = uu = 0;
              end = 0;
            }
            if (uu === len) {
              if (!clPos && !dcount && !regex) {
                if (o.has("s")) {
                  printLine = false;
                  break;
                }
              } else if (dcount < lists[clPos].start) start = len;
              end = len;
            } else {
              if (re) {
                re.lastIndex = 0;
                const tail = new TextDecoder().decode(bytes.subarray(uu));
                const m = posixExec(re, tail);
                if (m && !(m.index === 0 && m[0].length === 0)) {
                  end = uu + utf8(tail.slice(0, m.index)).length;
                  uu += utf8(tail.slice(0, m.index + m[0].length)).length;
                } else {
                  uu = len;
                  continue;
                }
              } else if (bytes[(end = uu++)] !== d) continue;
              if (dcount++ < lists[clPos].start) {
                start = uu;
                continue;
              }
            }
            if (end !== start || !regex) {
              if (outN++) push(od);
              push(bytes.subarray(start, end));
            }
            start = uu;
            if (!dcount) break;
          }
        }
        lineno++;
        if (!printLine) continue;
        out.push(10);
        await ctx.stdout.write(new Uint8Array(out));
      }
      closeInput(ctx, src);
    }
    return status;
  },
});
