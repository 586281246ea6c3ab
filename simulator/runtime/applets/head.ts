/** head: the first lines or bytes of files (-n [-]N, -c [-]N, -q, -v, legacy -N). */
import type { ProcessContext } from "../program";
import type { Readable } from "../streams";
import { concat } from "../../util/bytes";
import { defineApplet } from "./lib/applet";
import { perror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, closeInput, openInput, readAllInput } from "./lib/io";
import { parseSuffixed } from "./lib/num";

async function firstN(ctx: ProcessContext, src: Readable, n: number, bytes: boolean): Promise<void> {
  if (bytes) {
    let left = n;
    while (left > 0) {
      await ctx.tick();
      const c = await src.read();
      if (!c) break;
      const part = c.length > left ? c.subarray(0, left) : c;
      if (c.length > left) src.unshift(c.subarray(left));
      await ctx.stdout.write(part);
      left -= part.length;
    }
    return;
  }
  const lr = new LineReader(ctx, src);
  for (let i = 0; i < n; i++) {
    const l = await lr.nextRaw();
    if (!l) break;
    await ctx.stdout.write(l.nl ? concat([l.bytes, new Uint8Array([10])]) : l.bytes);
  }
}

async function allButLast(ctx: ProcessContext, src: Readable, n: number, bytes: boolean): Promise<void> {
  const data = await readAllInput(ctx, src);
  if (bytes) {
    await ctx.stdout.write(data.subarray(0, Math.max(0, data.length - n)));
    return;
  }
  // drop the last n lines (a final line without newline counts as one)
  let end = data.length;
  for (let k = 0; k < n && end > 0; k++) {
    let i = end - 1;
    if (k === 0 && data[i] !== 10) i++;
    let j = i - 1;
    while (j >= 0 && data[j] !== 10) j--;
    end = j + 1;
  }
  await ctx.stdout.write(data.subarray(0, end));
}

defineApplet({
  name: "head",
  async run(ctx) {
    let args = ctx.argv.slice(1);
    let count = 10;
    let neg = false;
    let bytes = false;
    let threshold = 1;
    const num = (p: string) => {
      neg = p.startsWith("-");
      return parseSuffixed(neg ? p.slice(1) : p);
    };
    if (args[0] && /^-\d/.test(args[0])) {
      count = num(args[0].slice(1));
      args = args.slice(1);
    }
    const o = getopt(args, "n:c:qv");
    for (const s of o.seen) {
      if (s.key === "q") threshold = Infinity;
      else if (s.key === "v") threshold = -1;
      else if (s.key === "c" || s.key === "n") {
        if (s.key === "c") bytes = true;
        count = num(s.value!);
      }
    }
    const files = o.operands.length ? o.operands : ["-"];
    const header = o.operands.length > threshold;
    let status = 0;
    let first = true;
    for (const f of files) {
      let src: Readable;
      const wasFirst = first;
      first = false;
      try {
        src = openInput(ctx, f);
      } catch (e) {
        await perror(ctx, f, e);
        status = 1;
        continue;
      }
      if (header) await ctx.stdout.write(`${wasFirst ? "" : "\n"}==> ${f === "-" ? "standard input" : f} <==\n`);
      try {
        if (neg) await allButLast(ctx, src, count, bytes);
        else await firstN(ctx, src, count, bytes);
      } catch (e) {
        if (!(e instanceof Error && e.name === "FsError")) throw e;
        // reading a directory: stdio reports the failure when the stream is closed
        await warn(ctx, `${f}: Input/output error`);
        status = 1;
      }
      closeInput(ctx, src);
    }
    return status;
  },
});
