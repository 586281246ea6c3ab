/** gzip, gunzip and zcat: BusyBox's bbunpack flow (file to file.gz and back, -c, -k, -f, -t). */
import { concat } from "../../util/bytes";
import { GzipError, gunzip, gzip, isGzip } from "../../util/gzip";
import type { ProcessContext } from "../program";
import { readAll } from "../streams";
import { Fatal, defineSysApplet, errText, nameOf, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

interface Mode {
  decompress: boolean;
  stdout: boolean;
  test: boolean;
  force: boolean;
  keep: boolean;
  /** zcat: input must be compressed (checked before anything is written). */
  seamless: boolean;
  level: number;
}

function newName(filename: string, decompress: boolean): string | null {
  if (!decompress) return filename + ".gz";
  if (filename.endsWith(".tgz") && filename.length > 4) return filename.slice(0, -4) + ".tar";
  if (filename.endsWith(".gz") && filename.length > 3) return filename.slice(0, -3);
  return null;
}

/** Decompress, writing what was decoded even when the stream is damaged. Returns success. */
async function unpack(ctx: ProcessContext, data: Uint8Array, out: (d: Uint8Array) => Promise<void>): Promise<boolean> {
  try {
    await out(gunzip(data));
    return true;
  } catch (e) {
    if (!(e instanceof GzipError)) throw e;
    if (e.partial.length) await out(e.partial);
    await warn(ctx, e.message);
    return false;
  }
}

async function bbunpack(ctx: ProcessContext, files: string[], m: Mode): Promise<number> {
  const fs = ctx.fs;
  let exit = 0;
  if (files.length === 0) files = ["-"];
  for (const arg of files) {
    await ctx.tick();
    let filename: string | null = arg === "-" ? null : arg;
    let input: Uint8Array;
    let mode = 0o644;
    if (filename !== null) {
      let st;
      try {
        st = fs.stat(filename);
        mode = st.mode;
      } catch (e) {
        await warn(ctx, `${filename}: ${errText(e)}`);
        exit = 1;
        continue;
      }
      try {
        input = await readAll(fs.openRead(filename));
      } catch (e) {
        await warn(ctx, `can't open '${filename}': ${errText(e)}`);
        exit = 1;
        continue;
      }
    } else input = await readAll(ctx.stdin);
    if (m.seamless) {
      if (input.length < 2) throw new Fatal("short read");
      if (!isGzip(input)) throw new Fatal("no gzip/bzip2/xz magic");
    }
    if (m.stdout || m.test) filename = null;
    let target: string | null = null;
    if (filename !== null) {
      target = newName(filename, m.decompress);
      if (target === null) {
        await warn(ctx, `${filename}: unknown suffix - ignored`);
        exit = 1;
        continue;
      }
      if (m.force) {
        try {
          fs.unlink(target);
        } catch {
          /* nothing to replace */
        }
      }
      try {
        fs.writeFile(target, new Uint8Array(0), { exclusive: true, mode });
      } catch (e) {
        await warn(ctx, `can't open '${target}': ${errText(e)}`);
        exit = 1;
        continue;
      }
    }
    const parts: Uint8Array[] = [];
    const out = async (d: Uint8Array) => {
      if (m.test) return;
      if (target === null) await ctx.stdout.write(d);
      else parts.push(d);
    };
    let ok = true;
    if (m.decompress) ok = await unpack(ctx, input, out);
    else await out(gzip(input, { level: m.level }));
    if (target !== null) {
      const t = target;
      fs.writeFile(t, concat(parts));
      const mtime = m.decompress && ok ? (input[4] | (input[5] << 8) | (input[6] << 16) | (input[7] << 24)) >>> 0 : 0;
      if (mtime) fs.utimes(t, mtime * 1000);
      if (!ok) fs.unlink(t);
      else if (!m.keep) fs.unlink(filename!);
    }
    if (!ok) exit = 1;
  }
  return exit;
}

function options(ctx: ProcessContext, spec: string) {
  return getopt(ctx.argv.slice(1), spec, [
    { name: "stdout", key: "c" },
    { name: "to-stdout", key: "c" },
    { name: "force", key: "f" },
    { name: "keep", key: "k" },
    { name: "quiet", key: "q" },
    { name: "verbose", key: "v" },
    { name: "decompress", key: "d" },
    { name: "uncompress", key: "d" },
    { name: "test", key: "t" },
    { name: "no-name", key: "n" },
  ]);
}

async function gunzipMain(ctx: ProcessContext): Promise<number> {
  const o = options(ctx, "cfkvqdtn");
  const zcat = nameOf(ctx) === "zcat";
  const m: Mode = { decompress: true, stdout: zcat || o.has("c"), test: o.has("t"), force: o.has("f"), keep: o.has("k"), seamless: zcat, level: 6 };
  return bbunpack(ctx, o.operands, m);
}

defineSysApplet({ name: "gunzip", run: gunzipMain });
defineSysApplet({ name: "zcat", run: gunzipMain });
defineSysApplet({
  name: "gzip",
  async run(ctx) {
    const o = options(ctx, "cfkvqdtn123456789");
    if (o.has("d") || o.has("t")) return gunzipMain(ctx);
    let level = 6;
    for (const [k] of o.list) if (/^[1-9]$/.test(k)) level = Number(k);
    return bbunpack(ctx, o.operands, { decompress: false, stdout: o.has("c"), test: false, force: o.has("f"), keep: o.has("k"), seamless: false, level });
  },
});
