/** cat: concatenate files; -n/-b number lines, -v/-t/-e/-A show non-printing characters. */
import type { ProcessContext } from "../program";
import { defineApplet } from "./lib/applet";
import { strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, closeInput, openInput } from "./lib/io";
import type { Readable } from "../streams";

async function open(ctx: ProcessContext, path: string): Promise<Readable | null> {
  try {
    return openInput(ctx, path);
  } catch (e) {
    await warn(ctx, `can't open '${path}': ${strerror(e)}`);
    return null;
  }
}

/** The ^X / M-X rendering of one byte (libbb's visible()). */
function visible(c: number, tabs: boolean, ends: boolean): string {
  if (c === 9 && !tabs) return "\t";
  if (c === 10) return ends ? "$\n" : "\n";
  let s = "";
  if (c >= 128) {
    c -= 128;
    s = "M-";
  }
  if (c < 32 || c === 127) {
    s += "^";
    c ^= 0x40;
  }
  return s + String.fromCharCode(c);
}

defineApplet({
  name: "cat",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "etvAnbu");
    const all = o.has("A");
    const tabs = o.has("t") || all;
    const ends = o.has("e") || all;
    const vis = o.has("v") || tabs || ends || all;
    const files = o.operands.length ? o.operands : ["-"];
    let status = 0;
    let lineno = 0;
    const numbering = o.has("n") || o.has("b");
    let eolSeen = numbering;
    for (const f of files) {
      const src = await open(ctx, f);
      if (!src) {
        status = 1;
        continue;
      }
      try {
        if (vis) {
          for (;;) {
            await ctx.tick();
            const chunk = await src.read();
            if (!chunk) break;
            let out = "";
            for (const c of chunk) {
              if (eolSeen && !(o.has("b") && c === 10)) out += String(++lineno).padStart(6) + "  ";
              if (numbering) eolSeen = c === 10;
              out += visible(c, tabs, ends);
            }
            await ctx.stdout.write(out);
          }
        } else if (numbering) {
          const lr = new LineReader(ctx, src);
          for (;;) {
            const l = await lr.nextRaw();
            if (!l) break;
            const num = !o.has("b") || l.bytes.length > 0;
            const head = num ? String(++lineno).padStart(6) + "\t" : "";
            await ctx.stdout.write(head);
            await ctx.stdout.write(l.bytes);
            await ctx.stdout.write("\n");
          }
        } else {
          for (;;) {
            await ctx.tick();
            const chunk = await src.read();
            if (!chunk) break;
            try {
              await ctx.stdout.write(chunk);
            } catch (e) {
              if (!(e instanceof Error && e.name === "FsError")) throw e;
              await warn(ctx, `write error: ${strerror(e)}`);
              status = 1;
              break;
            }
          }
        }
      } catch (e) {
        if (!(e instanceof Error && e.name === "FsError")) throw e;
        await warn(ctx, `read error: ${strerror(e)}`);
        status = 1;
      }
      closeInput(ctx, src);
    }
    return status;
  },
});
