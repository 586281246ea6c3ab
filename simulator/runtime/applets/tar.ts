/** tar: create (c), extract (x) or list (t) archives the way BusyBox 1.35's tar does, with -z via util/gzip. */
import { FsError } from "../../fs/types";
import { GzipError, gunzip, gzip } from "../../util/gzip";
import { readAll } from "../streams";
import { Fatal, ShowUsage, defineSysApplet, errText, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";
import { archiveBytes, createEntries } from "./tar-create";
import { readArchive } from "./tar-extract";

const LONGS = [
  ["list", "t"], ["extract", "x"], ["directory", "C", true], ["file", "f", true], ["to-stdout", "O"], ["no-same-owner", "o"],
  ["same-permissions", "p"], ["verbose", "v"], ["keep-old", "k"], ["create", "c"], ["dereference", "h"], ["bzip2", "j"],
  ["gzip", "z"], ["xz", "J"], ["compress", "Z"], ["auto-compress", "a"], ["touch", "m"], ["strip-components", "strip", true],
  ["lzma", "lzma"], ["no-recursion", "norecurse"], ["to-command", "tocommand", true], ["numeric-owner", "numeric"],
  ["no-same-permissions", "noperm"], ["overwrite", "overwrite"],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: arg === true }));

defineSysApplet({
  name: "tar",
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === "--version") {
      await ctx.stdout.write("tar (busybox) 1.35.0\n");
      return 0;
    }
    // old style: "tar cvf FILE" is "-cvf FILE" with 'f' moved last so that it takes the next word
    if (args.length && args[0] !== "" && !args[0].startsWith("-")) {
      let a = args[0];
      const f = a.indexOf("f");
      if (f >= 0) a = a.slice(0, f) + a.slice(f + 1) + "f";
      args[0] = "-" + a;
    }
    const o = getopt(args, "txC:f:OopvkchjzJZam", LONGS);
    const modes = ["c", "t", "x"].filter((k) => o.has(k));
    if (modes.length !== 1) throw new ShowUsage();
    for (const k of ["j", "J", "Z", "lzma"]) if (o.has(k)) throw new Fatal(`${{ j: "bzip2", J: "xz", Z: "compress", lzma: "lzma" }[k]} compression is not available here (only gzip, -z)`);
    if (o.has("tocommand")) throw new Fatal("--to-command is not available here");
    let strip = 0;
    if (o.has("strip")) {
      const s = o.get("strip")!;
      if (!/^\d+$/.test(s)) throw new Fatal(`invalid number '${s}'`);
      strip = Number(s);
    }
    const verbose = o.count("v") + (o.has("t") ? 1 : 0);
    const file = o.get("f") ?? "-";
    const members = o.operands.map((m) => (m.length > 1 && m.endsWith("/") ? m.slice(0, -1) : m));
    let gz = o.has("z");
    const fs = ctx.fs;

    if (o.has("c")) {
      if (members.length === 0) throw new Fatal("empty archive");
      let out: { write(b: Uint8Array): Promise<void>; close(): void };
      let self: number | null = null;
      if (file === "-") out = ctx.stdout;
      else {
        try {
          out = fs.openWrite(file, { mode: 0o666 });
          self = fs.stat(file).ino;
        } catch (e) {
          throw new Fatal(`can't open '${file}': ${errText(e)}`);
        }
        if (o.has("a") && file.endsWith("gz")) gz = true;
      }
      if (o.has("C")) {
        try {
          const st = fs.stat(o.get("C")!);
          if (st.type !== "dir") throw new FsError("ENOTDIR");
          ctx.cwd = fs.realpath(o.get("C")!);
        } catch (e) {
          throw new Fatal(`can't change directory to '${o.get("C")}': ${errText(e)}`);
        }
      }
      const listTo = file === "-" ? (l: string) => ctx.stderr.write(l + "\n") : (l: string) => ctx.stdout.write(l + "\n");
      const { entries, failed } = await createEntries(ctx, {
        files: members,
        dereference: o.has("h"),
        recurse: !o.has("norecurse"),
        verbose: verbose > 0,
        listTo,
        self,
      });
      let bytes = archiveBytes(entries);
      if (gz) bytes = gzip(bytes);
      await out.write(bytes);
      if (failed) {
        await warn(ctx, "error exit delayed from previous errors");
        return 1;
      }
      return 0;
    }

    let bytes: Uint8Array;
    if (file === "-") bytes = await readAll(ctx.stdin);
    else {
      try {
        bytes = await readAll(fs.openRead(file));
      } catch (e) {
        throw new Fatal(`can't open '${file}': ${errText(e)}`);
      }
    }
    if (o.has("C")) {
      try {
        const st = fs.stat(o.get("C")!);
        if (st.type !== "dir") throw new FsError("ENOTDIR");
        ctx.cwd = fs.realpath(o.get("C")!);
      } catch (e) {
        throw new Fatal(`can't change directory to '${o.get("C")}': ${errText(e)}`);
      }
    }
    let gzFailed = false;
    if (gz) {
      try {
        bytes = gunzip(bytes);
      } catch (e) {
        if (!(e instanceof GzipError)) throw e;
        await warn(ctx, e.message);
        bytes = e.partial;
        gzFailed = true;
      }
    }
    const status = await readArchive(ctx, bytes, {
      verbose,
      extract: o.has("x"),
      toStdout: o.has("O"),
      keepOld: o.has("k"),
      overwrite: o.has("overwrite"),
      noOwner: o.has("o"),
      noPerm: o.has("noperm") || ctx.proc.cred.uid !== 0,
      noTime: o.has("m"),
      numericOwner: o.has("numeric"),
      strip,
      members,
    });
    return gzFailed ? 1 : status;
  },
});
