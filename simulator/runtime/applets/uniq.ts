/** uniq: collapse adjacent duplicate lines (-c -d -u -i -z -f N -s N -w N, [INPUT [OUTPUT]]). */
import { text } from "../../util/bytes";
import type { Writable } from "../streams";
import { Die, UsageError, defineApplet } from "./lib/applet";
import { strerror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, openInput } from "./lib/io";
import { umaskOf } from "./lib/mode";

const isSpace = (c: string) => c === " " || (c >= "\t" && c <= "\r");

defineApplet({
  name: "uniq",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "cduf:s:w:iz");
    const num = (k: string, def: number) => {
      const v = o.last(k);
      if (v === undefined) return def;
      if (!/^\d+$/.test(v)) throw new Die(`invalid number '${v}'`);
      return +v;
    };
    const skipFields = num("f", 0);
    const skipChars = num("s", 0);
    const maxChars = num("w", Infinity);
    const [input, output, extra] = o.operands;
    let src = ctx.stdin;
    if (input !== undefined && input !== "-") {
      try {
        src = openInput(ctx, input);
      } catch (e) {
        throw new Die(`can't open '${input}': ${strerror(e)}`);
      }
    }
    if (extra !== undefined) throw new UsageError(null);
    let out: Writable = ctx.stdout;
    if (output !== undefined && output !== "-") {
      try {
        out = ctx.fs.openWrite(output, { mode: 0o666 & ~umaskOf(ctx) });
      } catch (e) {
        throw new Die(`can't open '${output}': ${strerror(e)}`);
      }
    }
    const eol = o.has("z") ? "\0" : "\n";
    const key = (line: string) => {
      let i = 0;
      for (let f = 0; f < skipFields; f++) {
        while (i < line.length && isSpace(line[i])) i++;
        while (i < line.length && !isSpace(line[i])) i++;
      }
      i = Math.min(line.length, i + skipChars);
      let k = line.slice(i);
      if (maxChars !== Infinity) k = k.slice(0, maxChars);
      return o.has("i") ? k.toLowerCase() : k;
    };
    const lr = new LineReader(ctx, src);
    let prev: string | null = null;
    let prevKey = "";
    let dups = 0;
    const buf: string[] = [];
    const emit = async () => {
      if (prev === null) return;
      const show = dups ? !o.has("u") : !o.has("d");
      if (show) buf.push((o.has("c") ? String(dups + 1).padStart(7) + " " : "") + prev + eol);
      if (buf.length > 200) await out.write(buf.splice(0).join(""));
    };
    try {
      for (;;) {
        const r = await lr.nextRaw();
        if (!r) break;
        const line = text(r.bytes);
        const k = key(line);
        if (prev !== null && k === prevKey) {
          dups++;
          continue;
        }
        await emit();
        prev = line;
        prevKey = k;
        dups = 0;
      }
      await emit();
    } catch (e) {
      if (!(e instanceof Error && e.name === "FsError")) throw e;
      await emit();
      if (buf.length) await out.write(buf.splice(0).join(""));
      throw new Die(`${input ?? "standard input"}: ${strerror(e)}`);
    }
    if (buf.length) await out.write(buf.join(""));
    return 0;
  },
});
