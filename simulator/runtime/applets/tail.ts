/**
 * tail: the last lines or bytes of files (-n [+-]N, -c [+-]N, -q, -v), and -f/-F following
 * files as they grow, in simulated time (-s SECONDS between looks). The buffer of an endless
 * input without newlines (tail /dev/zero) is charged to the process's memory.
 */
import type { ProcessContext } from "../program";
import type { Readable } from "../streams";
import { concat } from "../../util/bytes";
import { defineApplet, Die } from "./lib/applet";
import { perror, strerror, warn } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { holdMemory, openInput } from "./lib/io";
import { parseSuffixed } from "./lib/num";

const MEM_STEP = 1 << 20;

interface Input {
  name: string;
  src: Readable;
  /** Bytes read so far (where following continues). */
  offset: number;
  ino: number | null;
}

/** Where the last `count` lines of `data` start (a final line without newline counts). */
function lastLinesStart(data: Uint8Array, count: number): number {
  if (count === 0) return data.length;
  let need = count;
  let i = data.length - 1;
  if (i >= 0 && data[i] === 10) i--;
  for (; i >= 0; i--) {
    if (data[i] === 10 && --need === 0) return i + 1;
  }
  return 0;
}

async function tailOne(ctx: ProcessContext, inp: Input, count: number, bytes: boolean, fromTop: boolean): Promise<boolean> {
  const parts: Array<{ d: Uint8Array; nl: number }> = [];
  let held = 0;
  let charged = 0;
  let totalNl = 0;
  let seen = 1;
  for (;;) {
    await ctx.tick();
    let c: Uint8Array | null;
    try {
      c = await inp.src.read();
    } catch (e) {
      if (!(e instanceof Error && e.name === "FsError")) throw e;
      await warn(ctx, `read error: ${strerror(e)}`);
      return false;
    }
    if (!c) break;
    inp.offset += c.length;
    if (fromTop) {
      let skip = 0;
      if (seen < count) {
        if (bytes) {
          skip = Math.min(c.length, count - seen);
          seen += c.length;
        } else {
          while (skip < c.length) {
            if (c[skip++] === 10 && ++seen === count) break;
          }
        }
      }
      if (skip < c.length) await ctx.stdout.write(c.subarray(skip));
      continue;
    }
    if (count === 0) continue;
    let nl = 0;
    if (!bytes) for (const b of c) if (b === 10) nl++;
    parts.push({ d: c, nl });
    held += c.length;
    totalNl += nl;
    // drop what can no longer be part of the tail
    while (parts.length > 1) {
      const keep = bytes ? held - parts[0].d.length >= count : totalNl - parts[0].nl >= count + 1;
      if (!keep) break;
      held -= parts[0].d.length;
      totalNl -= parts[0].nl;
      parts.shift();
    }
    if (held - charged >= MEM_STEP || held < charged - MEM_STEP) {
      charged = held;
      await holdMemory(ctx, held);
    }
  }
  if (!fromTop && count > 0 && parts.length) {
    const data = concat(parts.map((p) => p.d));
    const start = bytes ? Math.max(0, data.length - count) : lastLinesStart(data, count);
    await ctx.stdout.write(data.subarray(start));
  }
  if (charged) await ctx.useMemory(0);
  return true;
}

defineApplet({
  name: "tail",
  async run(ctx) {
    let args = ctx.argv.slice(1);
    let count = 10;
    let fromTop = false;
    const eat = (p: string) => {
      if (p.startsWith("-")) p = p.slice(1);
      else if (p.startsWith("+")) {
        p = p.slice(1);
        fromTop = true;
      }
      return parseSuffixed(p);
    };
    if (args[0] && /^[+-]\d/.test(args[0])) {
      count = eat(args[0]);
      args = args.slice(1);
    }
    const o = getopt(args, "fc:n:qs:vF");
    const bytes = o.has("c");
    if (o.has("c")) count = eat(o.last("c")!);
    if (o.has("n")) count = eat(o.last("n")!);
    let threshold = 1;
    if (o.has("q")) threshold = Infinity;
    if (o.has("v")) threshold = 0;
    const retry = o.has("F");
    let follow = o.has("f") || retry;
    let period = 1;
    if (o.has("s")) {
      const s = o.last("s")!;
      if (!/^\d+$/.test(s)) throw new Die(`invalid number '${s}'`);
      period = +s;
    }
    const names = o.operands.length ? o.operands : ["-"];
    if (!o.operands.length && !ctx.stdin.isTTY) follow = false;
    const inputs: Input[] = [];
    let status = 0;
    for (const n of names) {
      try {
        const src = openInput(ctx, n);
        let ino: number | null = null;
        if (n !== "-") ino = ctx.fs.stat(n).ino;
        inputs.push({ name: o.operands.length ? n : "standard input", src, offset: 0, ino });
      } catch (e) {
        await warn(ctx, `can't open '${n}': ${strerror(e)}`);
        status = 1;
      }
    }
    if (inputs.length === 0) throw new Die("no files");
    let first = true;
    for (const inp of inputs) {
      if (inputs.length > threshold) {
        await ctx.stdout.write(`${first ? "" : "\n"}==> ${inp.name} <==\n`);
        first = false;
      }
      if (!(await tailOne(ctx, inp, count, bytes, fromTop))) status = 1;
    }
    if (!follow) return status;
    let prev: Input = inputs[inputs.length - 1];
    for (;;) {
      await ctx.sleep(period * 1000);
      for (const inp of inputs) {
        let chunk: Uint8Array | null = null;
        if (inp.ino === null) {
          // stdin (a terminal): wait for what is typed next
          chunk = await inp.src.read();
        } else {
          try {
            const st = ctx.fs.stat(inp.name);
            if (retry && st.ino !== inp.ino) {
              await warn(ctx, `${inp.name} has been replaced; following end of new file`);
              inp.ino = st.ino;
              inp.offset = 0;
            }
            const data = ctx.fs.readFile(inp.name);
            if (data.length < inp.offset) inp.offset = 0;
            if (data.length > inp.offset) chunk = data.subarray(inp.offset);
            inp.offset = data.length;
          } catch (e) {
            if (retry) await perror(ctx, `${inp.name} has been renamed or deleted`, e);
          }
        }
        if (!chunk || chunk.length === 0) continue;
        if (inputs.length > threshold && inp !== prev) await ctx.stdout.write(`\n==> ${inp.name} <==\n`);
        prev = inp;
        await ctx.stdout.write(chunk);
      }
    }
  },
});
