/**
 * dd: block copies with BusyBox's operands, record counts and errors. The Debian build prints
 * no third ("bytes copied") status line, so neither do we. The block buffer counts as the
 * process's memory, so `dd bs=200M` is OOM-killed under a smaller memory limit.
 */
import type { ProcessContext } from "../program";
import type { Writable } from "../streams";
import { Fatal, ShowUsage, defineSysApplet, errText } from "./lib/sys-applet";
import { BlockReader } from "./lib/sys-blockread";
import { xatoul } from "./lib/sys-num";

const SFX = { c: 1, w: 2, b: 512, kB: 1000, kD: 1000, k: 1024, KB: 1000, KD: 1000, K: 1024, MB: 1e6, MD: 1e6, M: 1 << 20, GB: 1e9, GD: 1e9, G: 1 << 30 };
const MAX_BS = Number.MAX_SAFE_INTEGER;
const MAX_BS_TEXT = "9223372036854775807";
const WORDS = { conv: ["notrunc", "sync", "noerror", "fsync", "swab"], iflag: ["skip_bytes", "count_bytes", "fullblock", "direct"], oflag: ["seek_bytes", "append", "direct"], status: ["none", "noxfer"] };

interface Opts {
  ibs: number;
  obs: number;
  count: number | null;
  seek: number;
  skip: number;
  infile?: string;
  outfile?: string;
  flags: Set<string>;
}

function parseArgs(args: string[]): Opts {
  const o: Opts = { ibs: 512, obs: 512, count: null, seek: 0, skip: 0, flags: new Set() };
  const big = (v: string) => xatoul(v, { suffixes: SFX });
  for (const arg of args) {
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    if (eq < 0) throw new ShowUsage();
    const key = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    switch (key) {
      case "bs":
        o.ibs = o.obs = xatoul(val, { suffixes: SFX, lower: 1, upper: MAX_BS, upperText: MAX_BS_TEXT });
        break;
      case "ibs":
        o.ibs = xatoul(val, { suffixes: SFX, lower: 1, upper: MAX_BS, upperText: MAX_BS_TEXT });
        break;
      case "obs":
        o.obs = xatoul(val, { suffixes: SFX, lower: 1, upper: MAX_BS, upperText: MAX_BS_TEXT });
        break;
      case "count":
        o.count = big(val);
        break;
      case "seek":
        o.seek = big(val);
        break;
      case "skip":
        o.skip = big(val);
        break;
      case "if":
        o.infile = val;
        break;
      case "of":
        o.outfile = val;
        break;
      case "conv":
      case "iflag":
      case "oflag":
      case "status":
        for (const w of key === "status" ? [val] : val.split(",")) {
          if (!WORDS[key].includes(w)) throw new Fatal(`invalid argument '${w}' to '${key}'`);
          o.flags.add(`${key}=${w}`);
        }
        break;
      default:
        throw new ShowUsage();
    }
  }
  return o;
}

/** Where the blocks go: a device or stdout as a stream, a regular file as an in-place buffer. */
interface Sink {
  write(b: Uint8Array): Promise<void>;
  finish(): void;
}

function fileSink(ctx: ProcessContext, path: string, o: Opts): Sink {
  const fs = ctx.fs;
  const st = fs.exists(path) ? fs.stat(path) : null;
  const append = o.flags.has("oflag=append");
  if (st?.type === "chardev" || st?.type === "fifo") {
    const w: Writable = fs.openWrite(path);
    return { write: (b) => w.write(b), finish: () => w.close() };
  }
  // open (creating) first: errors are reported before any input is read
  fs.openWrite(path, { append: true, mode: 0o666 });
  let data: Uint8Array = fs.readFile(path);
  const truncate = !o.seek && !o.flags.has("conv=notrunc");
  const seekBytes = o.seek * (o.flags.has("oflag=seek_bytes") ? 1 : o.obs);
  if (truncate) data = new Uint8Array(0);
  else if (o.seek && !o.flags.has("conv=notrunc")) data = resize(data, seekBytes);
  let pos = append ? data.length : seekBytes;
  let len = data.length;
  return {
    async write(b) {
      if (pos + b.length > data.length) data = resize(data, Math.max(pos + b.length, data.length * 2));
      data.set(b, pos);
      pos += b.length;
      len = Math.max(len, pos);
    },
    finish() {
      fs.writeFile(path, data.subarray(0, len));
    },
  };
}

function resize(d: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(d.subarray(0, Math.min(n, d.length)));
  return out;
}

defineSysApplet({
  name: "dd",
  async run(ctx) {
    const o = parseArgs(ctx.argv.slice(1));
    const fs = ctx.fs;
    let reader: BlockReader;
    let zero = false;
    if (o.infile !== undefined) {
      let st;
      try {
        st = fs.stat(o.infile);
        if (st.type === "dir") throw new Fatal(`${o.infile}: Is a directory`);
        reader = new BlockReader(fs.openRead(o.infile), st.type === "chardev");
      } catch (e) {
        if (e instanceof Fatal) throw e;
        throw new Fatal(`can't open '${o.infile}': ${errText(e)}`);
      }
      zero = st.type === "chardev" && st.rdev === "zero";
    } else reader = new BlockReader(ctx.stdin);
    const outName = o.outfile ?? "standard output";
    let sink: Sink;
    let toNull = false;
    if (o.outfile !== undefined) {
      try {
        sink = fileSink(ctx, o.outfile, o);
        const st = fs.stat(o.outfile);
        toNull = st.type === "chardev" && st.rdev === "null";
      } catch (e) {
        throw new Fatal(`can't open '${o.outfile}': ${errText(e)}`);
      }
    } else {
      if (o.seek) throw new Fatal("standard output: Illegal seek");
      sink = { write: (b) => ctx.stdout.write(b), finish() {} };
    }
    const stats = { inFull: 0, inPart: 0, outFull: 0, outPart: 0 };
    const status = async () => {
      if (!o.flags.has("status=none")) await ctx.stderr.write(`${stats.inFull}+${stats.inPart} records in\n${stats.outFull}+${stats.outPart} records out\n`);
    };
    if (o.skip) {
      const blk = o.flags.has("iflag=skip_bytes") ? 1 : o.ibs;
      for (let n = o.skip; n > 0; n--) {
        if ((await reader.read(blk)).length === 0) break;
        await ctx.tick();
      }
    }
    const countBytes = o.flags.has("iflag=count_bytes");
    // /dev/zero into /dev/null moves no bytes: count blocks without making them
    const virtual = zero && toNull;
    let count = o.count;
    let held = 0;
    const twoBufs = o.ibs !== o.obs;
    const obuf = new Uint8Array(twoBufs && !virtual ? o.obs : 0);
    let ocount = 0;
    const put = async (b: Uint8Array, len: number) => {
      try {
        if (!virtual) await sink.write(b);
      } catch (e) {
        await ctx.stderr.write(`dd: error writing '${outName}': ${errText(e)}\n`);
        return false;
      }
      if (len === o.obs) stats.outFull++;
      else stats.outPart++;
      return true;
    };
    let prevOdd = false;
    for (;;) {
      await ctx.tick();
      let n = o.ibs;
      if (count !== null) {
        if (count <= 0) break;
        if (countBytes && count < o.ibs) n = count;
      }
      // the memory the block buffers really touch (a read fills them)
      const want = n + (twoBufs ? o.obs : 0);
      if (want > held) {
        held = want;
        await ctx.useMemory(held);
      }
      let block = virtual ? new Uint8Array(0) : o.flags.has("iflag=fullblock") ? await reader.full(n) : await reader.read(n);
      let len = virtual ? n : block.length;
      if (len === 0) break;
      if (o.flags.has("conv=swab") && !virtual) {
        if (prevOdd) throw new Fatal(`can't swab ${len} byte buffer`);
        prevOdd = len % 2 === 1;
        block = block.slice();
        for (let i = 0; i + 1 < len; i += 2) [block[i], block[i + 1]] = [block[i + 1], block[i]];
      }
      if (count !== null) count -= countBytes ? len : 1;
      if (len === o.ibs) stats.inFull++;
      else {
        stats.inPart++;
        if (o.flags.has("conv=sync")) {
          if (!virtual) {
            const padded = new Uint8Array(o.ibs);
            padded.set(block);
            block = padded;
          }
          len = o.ibs;
        }
      }
      if (twoBufs) {
        let off = 0;
        while (off < len) {
          const d = Math.min(o.obs - ocount, len - off);
          if (!virtual) obuf.set(block.subarray(off, off + d), ocount);
          off += d;
          ocount += d;
          if (ocount === o.obs) {
            if (!(await put(obuf.slice(), o.obs))) return (await status(), 1);
            ocount = 0;
          }
        }
      } else if (!(await put(block, len))) return (await status(), 1);
    }
    if (ocount && !(await put(obuf.slice(0, ocount), ocount))) return (await status(), 1);
    sink.finish();
    await ctx.useMemory(0);
    await status();
    return 0;
  },
});
