/** stat: file or filesystem status, default layouts, -t terse, -c FORMAT, -L, -f. */
import type { Stat } from "../../fs/types";
import type { ProcessContext } from "../program";
import { defineApplet, UsageError } from "./lib/applet";
import { strerror, warn } from "./lib/errors";
import { blocks512, devNumbers } from "./lib/fileinfo";
import { FS_NAMES, statfs, type StatFs } from "./lib/fsstat";
import { getopt } from "./lib/getopt";
import { fullMode, modeString } from "./lib/mode";
import { formatValue, type Spec } from "./lib/printf";
import { strftime } from "./lib/time";
import { Accounts } from "./lib/users";

const DEFAULT =
  "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %h\n" +
  "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z";
const DEVICE =
  "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %-5h Device type: %t,%T\n" +
  "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z";
const TERSE = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o";
const FS_DEFAULT =
  "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s\nBlocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d";
const FS_TERSE = "%n %i %l %t %s %b %f %a %c %d";

function fileType(st: Stat): string {
  switch (st.type) {
    case "file":
      return st.size === 0 ? "regular empty file" : "regular file";
    case "dir":
      return "directory";
    case "chardev":
      return "character special file";
    case "fifo":
      return "fifo";
    case "symlink":
      return "symbolic link";
    default:
      return "socket";
  }
}

/** Expand a stat format: "%<flags/width/precision><letter>", each letter through `conv`. */
function expand(fmt: string, conv: (spec: Spec, letter: string) => string): string {
  let out = "";
  let i = 0;
  while (i < fmt.length) {
    const p = fmt.indexOf("%", i);
    if (p < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, p);
    let j = p + 1;
    while (j < fmt.length && "#-+.I 0123456789".includes(fmt[j])) j++;
    const mods = fmt.slice(p + 1, j);
    const letter = fmt[j];
    if (letter === undefined) return out + "%";
    if (letter === "%") {
      out += "%";
      i = j + 1;
      continue;
    }
    const m = /^([-+ #0I]*)(\d*)(?:\.(\d*))?/.exec(mods)!;
    const spec: Spec = { flags: m[1].replace(/I/g, ""), width: m[2] ? +m[2] : null, prec: m[3] !== undefined ? +(m[3] || 0) : null, conv: "s" };
    out += conv(spec, letter);
    i = j + 1;
  }
  return out + "\n";
}

const num = (spec: Spec, v: number | bigint, conv = "u") => formatValue({ ...spec, conv }, typeof v === "bigint" ? v : BigInt(v));
const str = (spec: Spec, v: string) => formatValue({ ...spec, conv: "s" }, v);

function human(ms: number): string {
  return strftime("%Y-%m-%d %H:%M:%S.000000000 %z", ms);
}

function statText(ctx: ProcessContext, acc: Accounts, name: string, st: Stat, fmt: string, dev: number): string {
  return expand(fmt, (spec, c) => {
    const [maj, min] = devNumbers(st);
    switch (c) {
      case "n": return str(spec, name);
      case "N": {
        if (st.type !== "symlink") return str(spec, name);
        try {
          return `'${name}' -> '${ctx.fs.readlink(name)}'`;
        } catch {
          return "";
        }
      }
      case "d": return num(spec, dev);
      case "D": return num(spec, dev, "x");
      case "i": return num(spec, st.ino);
      case "a": return num(spec, st.mode & 0o7777, "o");
      case "A": return str(spec, modeString(st));
      case "f": return num(spec, fullMode(st), "x");
      case "F": return str(spec, fileType(st));
      case "h": return num(spec, st.nlink);
      case "u": return num(spec, st.uid);
      case "U": return str(spec, acc.userName(st.uid) ?? "UNKNOWN");
      case "g": return num(spec, st.gid);
      case "G": return str(spec, acc.groupName(st.gid) ?? "UNKNOWN");
      case "t": return num(spec, maj, "x");
      case "T": return num(spec, min, "x");
      case "s": return num(spec, st.size);
      case "B": return num(spec, 512);
      case "b": return num(spec, blocks512(st));
      case "o": return num(spec, 4096);
      case "x": case "y": case "z": return str(spec, human(st.mtime));
      case "X": case "Y": case "Z": return num(spec, Math.floor(st.mtime / 1000), "d");
      default: return formatValue({ ...spec, conv: "c" }, c);
    }
  });
}

function fsText(name: string, s: StatFs, fmt: string): string {
  return expand(fmt, (spec, c) => {
    switch (c) {
      case "n": return str(spec, name);
      case "i": return num(spec, s.fsid, "x");
      case "l": return num(spec, s.namelen);
      case "t": return num(spec, s.type, "x");
      case "T": return str(spec, FS_NAMES[s.type] ?? "UNKNOWN");
      case "b": return num(spec, s.blocks);
      case "f": return num(spec, s.bfree);
      case "a": return num(spec, s.bavail);
      case "s": case "S": return num(spec, s.bsize);
      case "c": return num(spec, s.files);
      case "d": return num(spec, s.ffree);
      default: return formatValue({ ...spec, conv: "c" }, c);
    }
  });
}

defineApplet({
  name: "stat",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "tLfc:");
    if (o.operands.length === 0) throw new UsageError(null);
    const acc = new Accounts(ctx.fs);
    const fmt = o.last("c");
    let ok = true;
    for (const f of o.operands) {
      if (o.has("f")) {
        let m;
        try {
          ctx.fs.stat(f);
          m = ctx.fs.mountOf(f);
        } catch (e) {
          await warn(ctx, `can't read file system information for '${f}': ${strerror(e)}`);
          ok = false;
          continue;
        }
        await ctx.stdout.write(fsText(f, statfs(m), fmt ?? (o.has("t") ? FS_TERSE : FS_DEFAULT)));
        continue;
      }
      let st: Stat;
      try {
        st = o.has("L") ? ctx.fs.stat(f) : ctx.fs.lstat(f);
      } catch (e) {
        await warn(ctx, `can't stat '${f}': ${strerror(e)}`);
        ok = false;
        continue;
      }
      const mounts = ctx.fs.mounts.mounts;
      let dev = 0x801;
      try {
        dev = 0x801 + Math.max(0, mounts.indexOf(ctx.fs.resolve(f, o.has("L")).mount));
      } catch {
        /* keep the root device */
      }
      const def = o.has("t") ? TERSE : st.type === "chardev" ? DEVICE : DEFAULT;
      await ctx.stdout.write(statText(ctx, acc, f, st, fmt ?? def, dev));
    }
    return ok ? 0 : 1;
  },
});
