/**
 * tar x/t: BusyBox's get_header_tar loop (magic and checksum checks, GNU long names, PAX
 * records, lone zero blocks) with its list formats and data_extract_all's rules for replacing
 * files, deferring links and restoring owners, modes and times.
 */
import { FsError } from "../../fs/types";
import { dirname } from "../../fs/path";
import { decodeHeader, isZeroBlock, parsePax } from "../../util/tar-header";
import type { ProcessContext } from "../program";
import { Fatal, errText, warn } from "./lib/sys-applet";
import { type ModeType, modeString } from "./lib/sys-modestr";
import { matchesMember, stripUnsafePrefix } from "./lib/sys-tarnames";
import { groupByName, userByName } from "./lib/sys-users";

export interface ReadOptions {
  /** 0: no listing, 1: names, 2: long listing. */
  verbose: number;
  extract: boolean;
  toStdout: boolean;
  keepOld: boolean;
  overwrite: boolean;
  noOwner: boolean;
  noPerm: boolean;
  noTime: boolean;
  numericOwner: boolean;
  strip: number;
  members: string[];
}

interface Member {
  name: string;
  type: ModeType;
  mode: number;
  uid: number;
  gid: number;
  uname: string | null;
  gname: string | null;
  mtime: number;
  size: number;
  link: string | null;
  data: Uint8Array;
  dev: [number, number];
}

const dec = new TextDecoder();
const DEVNAMES: Record<string, string> = { "1,3": "null", "1,5": "zero", "1,7": "full", "1,8": "random", "1,9": "urandom", "5,0": "tty", "5,1": "console" };
const two = (n: number) => String(n).padStart(2, "0");

function listLine(m: Member): string {
  const d = new Date(m.mtime * 1000);
  const when = `${String(d.getUTCFullYear()).padStart(4, " ")}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const user = m.uname ?? String(m.uid);
  const group = m.gname ?? String(m.gid);
  return `${modeString(m.type, m.mode)} ${user}/${group} ${String(m.size).padStart(9, " ")} ${when} ${m.name}${m.link !== null ? " -> " + m.link : ""}\n`;
}

/** Walk the archive; returns the exit status. */
export async function readArchive(ctx: ProcessContext, bytes: Uint8Array, o: ReadOptions): Promise<number> {
  const passed: string[] = [];
  const deferred: Array<{ hard: boolean; name: string; target: string }> = [];
  let warned = false;
  let off = 0;
  let seen = 0;
  let lastZero = false;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  for (;;) {
    await ctx.tick();
    off = Math.ceil(off / 512) * 512;
    // the padding after the last member's data is missing
    if (off > bytes.length) throw new Fatal("short read");
    if (off === bytes.length) {
      if (seen === 0) {
        await warn(ctx, "short read");
        return 1;
      }
      break;
    }
    if (off + 512 > bytes.length) throw new Fatal("short read");
    const block = bytes.subarray(off, off + 512);
    off += 512;
    seen++;
    if (isZeroBlock(block) && longName === null) {
      if (lastZero) break;
      lastZero = true;
      continue;
    }
    lastZero = false;
    const magic = dec.decode(block.subarray(257, 262));
    if (magic !== "ustar" && !block.subarray(257, 262).every((b) => b === 0)) throw new Fatal("invalid tar magic");
    let h;
    try {
      h = decodeHeader(block);
    } catch {
      throw new Fatal("invalid tar header checksum");
    }
    const flag = h.typeflag === "\0" ? "0" : h.typeflag;
    const dataOf = (n: number) => {
      if (off + n > bytes.length) throw new Fatal("short read");
      const d = bytes.subarray(off, off + n);
      off += n;
      return d;
    };
    if (flag === "L" || flag === "K") {
      const v = dec.decode(dataOf(h.size)).replace(/\0.*$/s, "");
      if (flag === "L") longName = v;
      else longLink = v;
      continue;
    }
    if (flag === "x" || flag === "g") {
      const recs = parsePax(dataOf(h.size));
      if (flag === "x") pax = { ...pax, ...recs };
      continue;
    }
    if (!"01234567".includes(flag)) {
      if (flag === "V" || flag === "S") {
        await warn(ctx, `warning: skipping header '${flag}'`);
        dataOf(h.size);
        continue;
      }
      throw new Fatal(`unknown typeflag: 0x${flag.charCodeAt(0).toString(16)}`);
    }
    let name = longName ?? pax.path ?? h.name;
    const link = longLink ?? pax.linkpath ?? (h.linkname || null);
    longName = longLink = null;
    const px = pax;
    pax = {};
    let type: ModeType = "file";
    if (flag === "1") type = "hardlink";
    else if (flag === "2") type = "symlink";
    else if (flag === "3") type = "chardev";
    else if (flag === "4") type = "blockdev";
    else if (flag === "5" || ((flag === "0" || flag === "7") && name.endsWith("/"))) type = "dir";
    else if (flag === "6") type = "fifo";
    const size = type === "file" ? (px.size !== undefined ? Number(px.size) : h.size) : 0;
    const m: Member = {
      name: "",
      type,
      mode: h.mode & 0o7777,
      uid: px.uid !== undefined ? Number(px.uid) : h.uid,
      gid: px.gid !== undefined ? Number(px.gid) : h.gid,
      uname: (px.uname ?? h.uname) || null,
      gname: (px.gname ?? h.gname) || null,
      mtime: Math.floor(px.mtime !== undefined ? Number(px.mtime) : h.mtime),
      size,
      link,
      data: new Uint8Array(0),
      dev: [h.devmajor, h.devminor],
    };
    name = stripUnsafePrefix(name, (removed) => {
      if (!warned) void warn(ctx, `removing leading '${removed}' from member names`);
      warned = true;
    });
    m.name = name;
    const accepted = o.members.length === 0 || o.members.some((p) => matchesMember(p, name));
    if (!accepted) {
      dataOf(Math.min(size, bytes.length - off));
      continue;
    }
    if (o.verbose === 1) await ctx.stdout.write(name + "\n");
    else if (o.verbose >= 2) await ctx.stdout.write(listLine(m));
    m.name = name.length > 1 && name.endsWith("/") ? name.slice(0, -1) : name;
    m.data = dataOf(size);
    passed.push(m.name);
    if (o.toStdout) {
      if (type === "file" && link === null) await ctx.stdout.write(m.data);
    } else if (o.extract) await extract(ctx, m, o, deferred);
  }
  for (const l of deferred) makeLink(ctx, l.hard, l.name, l.target);
  for (const p of o.members) {
    if (!passed.some((n) => n === p || matchesMember(n, p))) throw new Fatal(`${p}: not found in archive`);
  }
  return 0;
}

function makeLink(ctx: ProcessContext, hard: boolean, name: string, target: string): void {
  try {
    if (hard) ctx.fs.link(target, name);
    else ctx.fs.symlink(target, name);
  } catch (e) {
    throw new Fatal(`can't create ${hard ? "hard" : "sym"}link '${name}' to '${target}': ${errText(e)}`);
  }
}

function mkdirs(ctx: ProcessContext, dir: string): void {
  if (dir === "." || dir === "/" || dir === "") return;
  if (ctx.fs.exists(dir)) return;
  mkdirs(ctx, dirname(dir));
  try {
    ctx.fs.mkdir(dir, 0o755);
  } catch (e) {
    if (!(e instanceof FsError && e.code === "EEXIST")) throw new Fatal(`can't create directory '${dir}': ${errText(e)}`);
  }
}

async function extract(ctx: ProcessContext, m: Member, o: ReadOptions, deferred: Array<{ hard: boolean; name: string; target: string }>): Promise<void> {
  const fs = ctx.fs;
  let dst = m.name;
  let hardLink = m.type === "hardlink" || (m.type === "file" && m.size === 0 && m.link !== null) ? m.link : null;
  // --strip-components shortens the name, and a hard link's target with it
  const strip1 = (s: string) => {
    const i = s.indexOf("/");
    return i < 0 || i === s.length - 1 ? null : s.slice(i + 1);
  };
  for (let n = o.strip; n > 0; n--) {
    const d = strip1(dst);
    if (d === null) return;
    dst = d;
    if (hardLink !== null) {
      const h = strip1(hardLink);
      if (h === null) return;
      hardLink = h;
    }
  }
  if (dst.includes("/")) mkdirs(ctx, dirname(dst));
  if (!o.keepOld && !o.overwrite && m.type !== "dir") {
    if (hardLink !== null && hardLink === dst) return;
    try {
      fs.unlink(dst);
    } catch (e) {
      if (!(e instanceof FsError && e.code === "ENOENT")) throw new Fatal(`can't remove old file ${dst}: ${errText(e)}`);
    }
  }
  if (hardLink !== null) {
    deferred.push({ hard: true, name: dst, target: hardLink });
    return;
  }
  switch (m.type) {
    case "dir":
      try {
        fs.mkdir(dst, m.mode & 0o7755);
      } catch (e) {
        if (!(e instanceof FsError && e.code === "EEXIST")) await warn(ctx, `can't make dir ${dst}: ${errText(e)}`);
      }
      break;
    case "symlink": {
      const t = m.link ?? "";
      if (t.startsWith("/") || t.includes("..")) deferred.push({ hard: false, name: dst, target: t });
      else makeLink(ctx, false, dst, t);
      break;
    }
    case "fifo":
    case "chardev":
    case "blockdev":
      try {
        fs.mknod(dst, m.type === "fifo" ? "fifo" : "chardev", DEVNAMES[m.dev.join(",")] ?? m.dev.join(","), m.mode & 0o7755);
      } catch (e) {
        await warn(ctx, `can't create node ${dst}: ${errText(e)}`);
      }
      break;
    default:
      try {
        // writing data clears setuid/setgid for a writer without CAP_FSETID, as the kernel does
        const mode = m.data.length > 0 && !ctx.proc.cred.caps.has("FSETID") ? m.mode & 0o1755 : m.mode & 0o7755;
        if (o.overwrite && fs.exists(dst)) fs.writeFile(dst, m.data);
        else fs.writeFile(dst, m.data, { exclusive: true, mode });
      } catch (e) {
        throw new Fatal(`can't open '${dst}': ${errText(e)}`);
      }
  }
  if (m.type === "symlink") return;
  if (!o.noOwner) {
    let uid = m.uid;
    let gid = m.gid;
    if (!o.numericOwner) {
      if (m.uname) uid = userByName(fs, m.uname)?.uid ?? uid;
      if (m.gname) gid = groupByName(fs, m.gname)?.gid ?? gid;
    }
    try {
      fs.chown(dst, uid, gid);
    } catch {
      /* as chown(2) in BusyBox: failures are ignored */
    }
  }
  if (!o.noPerm) {
    try {
      fs.chmod(dst, m.mode);
    } catch {
      /* ignored as in BusyBox */
    }
  }
  if (!o.noTime) {
    try {
      fs.utimes(dst, m.mtime * 1000);
    } catch {
      /* ignored as in BusyBox */
    }
  }
}
