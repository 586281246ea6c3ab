/**
 * Tar archives: reading every layout found in practice (ustar, GNU, PAX, v7) and writing the
 * exact headers of three writers:
 *  - "docker": Go's archive/tar as Docker uses it (docker save/export, layer tars): ustar magic
 *    "ustar\0" "00", file-type bits in the mode field, PAX records for what ustar cannot hold.
 *  - "gnu": GNU tar 1.34's default format: magic "ustar  \0", permission bits only, ././@LongLink
 *    entries for long names, output padded to 10240-byte records.
 *  - "busybox": BusyBox 1.35's tar: GNU layout, but long-name entries carry no owner or mode and
 *    the output is not padded past the two closing zero blocks.
 * Pure byte work (no I/O): the engine and the tar applet share it.
 */
import { concat, utf8 } from "./bytes";
import { TarError, decodeHeader, formatOctal, isZeroBlock, parsePax } from "./tar-header";

export { TarError } from "./tar-header";

export type TarEntryType = "file" | "dir" | "symlink" | "hardlink" | "chardev" | "blockdev" | "fifo";

export interface TarEntry {
  /** Path as stored ("bin/", "./etc/passwd"); directories written by writeTar always end in "/". */
  name: string;
  type: TarEntryType;
  /** Permission bits including setuid/setgid/sticky (file-type bits are never included). */
  mode: number;
  uid: number;
  gid: number;
  uname?: string;
  gname?: string;
  /** Modification time in ms since the epoch (archives hold whole seconds). */
  mtime: number;
  /** Bytes of content (files only; 0 for everything else). */
  size: number;
  data?: Uint8Array;
  /** Symlink target, or the path a hard link points at. */
  linkname?: string;
  devmajor?: number;
  devminor?: number;
}

export type TarFormat = "docker" | "gnu" | "busybox";

export interface WriteTarOptions {
  /** Default "docker". */
  format?: TarFormat;
  /** Pad the archive to a multiple of this many bytes (GNU tar: 10240). Default: "gnu" 10240, else 512. */
  recordSize?: number;
}

const BLOCK = 512;
const TYPEFLAG: Record<TarEntryType, string> = { file: "0", hardlink: "1", symlink: "2", chardev: "3", blockdev: "4", dir: "5", fifo: "6" };
/** The st_mode file-type bits Go's FileInfoHeader puts in the mode field. */
const TYPEBITS: Record<TarEntryType, number> = { file: 0o100000, hardlink: 0o100000, symlink: 0o120000, chardev: 0o20000, blockdev: 0o60000, dir: 0o40000, fifo: 0o10000 };

function isASCII(s: string): boolean {
  return /^[\x01-\x7f]*$/.test(s);
}

/** Put `s` at `off`, truncated to `size` bytes (no terminator when it fills the field). */
function putString(h: Uint8Array, off: number, size: number, s: string): void {
  const b = utf8(s);
  h.set(b.subarray(0, size), off);
}

/** A numeric field: octal with a NUL when it fits, else GNU base-256. */
function putNumber(h: Uint8Array, off: number, size: number, n: number): void {
  if (n >= 0 && n < 8 ** (size - 1)) {
    putString(h, off, size, formatOctal(n, size - 1) + "\0");
    return;
  }
  let v = BigInt(Math.trunc(n));
  for (let i = off + size - 1; i > off; i--) {
    h[i] = Number(v & 255n);
    v >>= 8n;
  }
  h[off] = 0x80;
}

function checksum(h: Uint8Array): void {
  h.fill(32, 148, 156);
  let sum = 0;
  for (const x of h) sum += x;
  putString(h, 148, 8, formatOctal(sum, 6) + "\0 ");
}

interface Fields {
  name: string;
  linkname: string;
  prefix: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  magic: "gnu" | "ustar";
  uname: string;
  gname: string;
  /** undefined leaves the device fields empty. */
  dev?: [number, number];
}

function header(f: Fields): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, f.name);
  putNumber(h, 100, 8, f.mode);
  putNumber(h, 108, 8, f.uid);
  putNumber(h, 116, 8, f.gid);
  putNumber(h, 124, 12, f.size);
  putNumber(h, 136, 12, f.mtime);
  putString(h, 156, 1, f.typeflag);
  putString(h, 157, 100, f.linkname);
  putString(h, 257, 8, f.magic === "gnu" ? "ustar  \0" : "ustar\x0000");
  putString(h, 265, 32, f.uname);
  putString(h, 297, 32, f.gname);
  if (f.dev) {
    putNumber(h, 329, 8, f.dev[0]);
    putNumber(h, 337, 8, f.dev[1]);
  }
  putString(h, 345, 155, f.prefix);
  checksum(h);
  return h;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rem = data.length % BLOCK;
  return rem === 0 ? [data] : [data, new Uint8Array(BLOCK - rem)];
}

/** Go's USTAR split of a long ASCII name into prefix (<=155) and name (<=100) at a slash. */
function splitUstar(name: string): [string, string] | null {
  if (name.length <= 100 || !isASCII(name)) return null;
  let len = name.length;
  if (len > 156) len = 156;
  else if (name[len - 1] === "/") len--;
  const i = name.lastIndexOf("/", len - 1);
  if (i <= 0) return null;
  const suffix = name.length - i - 1;
  if (suffix > 100 || suffix === 0 || i > 155) return null;
  return [name.slice(0, i), name.slice(i + 1)];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const blen = utf8(body).length;
  let n = blen + 1;
  while (String(n).length + blen !== n) n = String(n).length + blen;
  return n + body;
}

function toASCII(s: string): string {
  return [...s].filter((c) => c.charCodeAt(0) < 0x80 && c !== "\0").join("");
}

function normalised(e: TarEntry): { name: string; size: number; data: Uint8Array; link: string; secs: number } {
  const name = e.type === "dir" && !e.name.endsWith("/") ? e.name + "/" : e.name;
  const data = e.type === "file" ? (e.data ?? new Uint8Array(e.size)) : new Uint8Array(0);
  return { name, size: data.length, data, link: e.linkname ?? "", secs: Math.floor(e.mtime / 1000) };
}

function isDev(e: TarEntry): boolean {
  return e.type === "chardev" || e.type === "blockdev";
}

function dockerEntry(e: TarEntry): Uint8Array[] {
  const n = normalised(e);
  const pax: Record<string, string> = {};
  let name = n.name;
  let prefix = "";
  if (name.length > 100 || !isASCII(name)) {
    const sp = splitUstar(name);
    if (sp) [prefix, name] = sp;
    else pax.path = n.name;
  }
  if (n.link.length > 100 || !isASCII(n.link)) pax.linkpath = n.link;
  const uname = e.uname ?? "";
  const gname = e.gname ?? "";
  if (uname.length > 32 || !isASCII(uname)) pax.uname = uname;
  if (gname.length > 32 || !isASCII(gname)) pax.gname = gname;
  if (e.uid > 0o7777777) pax.uid = String(e.uid);
  if (e.gid > 0o7777777) pax.gid = String(e.gid);
  if (n.size > 0o77777777777) pax.size = String(n.size);
  if (n.secs < 0 || n.secs > 0o77777777777) pax.mtime = String(n.secs);
  const out: Uint8Array[] = [];
  const keys = Object.keys(pax).sort();
  if (keys.length > 0) {
    if (pax.path !== undefined) prefix = "";
    const body = utf8(keys.map((k) => paxRecord(k, pax[k])).join(""));
    const slash = n.name.replace(/\/+$/, "").lastIndexOf("/");
    const dir = slash >= 0 ? n.name.slice(0, slash + 1) : "";
    const file = n.name.slice(dir.length).replace(/\/+$/, "");
    const pname = dir + "PaxHeaders.0" + (file ? "/" + file : "");
    out.push(header({ name: toASCII(pname), linkname: "", prefix: "", mode: 0, uid: 0, gid: 0, size: body.length, mtime: 0, typeflag: "x", magic: "ustar", uname: "", gname: "" }));
    out.push(...padded(body));
  }
  const clip = (v: number, max: number) => (v > max ? 0 : v);
  out.push(
    header({
      name: pax.path !== undefined ? toASCII(name) : name,
      linkname: pax.linkpath !== undefined ? toASCII(n.link) : n.link,
      prefix,
      mode: (e.mode & 0o7777) | TYPEBITS[e.type],
      uid: clip(e.uid, 0o7777777),
      gid: clip(e.gid, 0o7777777),
      size: clip(n.size, 0o77777777777),
      mtime: pax.mtime !== undefined ? 0 : n.secs,
      typeflag: TYPEFLAG[e.type],
      magic: "ustar",
      uname: pax.uname !== undefined ? toASCII(uname).slice(0, 32) : uname,
      gname: pax.gname !== undefined ? toASCII(gname).slice(0, 32) : gname,
      dev: [e.devmajor ?? 0, e.devminor ?? 0],
    }),
  );
  out.push(...padded(n.data));
  return out;
}

function gnuEntry(e: TarEntry, busybox: boolean): Uint8Array[] {
  const n = normalised(e);
  const out: Uint8Array[] = [];
  const long = (flag: string, value: string) => {
    const body = utf8(value + "\0");
    const owner = busybox ? "" : "root";
    out.push(header({ name: "././@LongLink", linkname: "", prefix: "", mode: busybox ? 0 : 0o644, uid: 0, gid: 0, size: body.length, mtime: 0, typeflag: flag, magic: "gnu", uname: owner, gname: owner }));
    out.push(...padded(body));
  };
  const limit = busybox ? 99 : 100;
  if (utf8(n.link).length > limit) long("K", n.link);
  if (utf8(n.name).length > limit) long("L", n.name);
  out.push(
    header({
      name: n.name,
      linkname: n.link,
      prefix: "",
      mode: e.mode & 0o7777,
      uid: e.uid,
      gid: e.gid,
      size: n.size,
      mtime: n.secs,
      typeflag: TYPEFLAG[e.type],
      magic: "gnu",
      uname: e.uname ?? "",
      gname: e.gname ?? "",
      dev: isDev(e) ? [e.devmajor ?? 0, e.devminor ?? 0] : undefined,
    }),
  );
  out.push(...padded(n.data));
  return out;
}

/** The archive for `entries`, in order, closed by two zero blocks. */
export function writeTar(entries: readonly TarEntry[], opts: WriteTarOptions = {}): Uint8Array {
  const format = opts.format ?? "docker";
  const parts: Uint8Array[] = [];
  for (const e of entries) parts.push(...(format === "docker" ? dockerEntry(e) : gnuEntry(e, format === "busybox")));
  parts.push(new Uint8Array(2 * BLOCK));
  let total = 0;
  for (const p of parts) total += p.length;
  const record = opts.recordSize ?? (format === "gnu" ? 10240 : BLOCK);
  if (total % record !== 0) parts.push(new Uint8Array(record - (total % record)));
  return concat(parts);
}

/**
 * Entries one by one, so that a caller can act on what precedes damage. Throws TarError at a bad
 * header or truncated content. Stops at the first zero block or at the end of the bytes.
 */
export function* iterTar(bytes: Uint8Array): Generator<TarEntry> {
  let off = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  let global: Record<string, string> = {};
  while (off + BLOCK <= bytes.length) {
    const block = bytes.subarray(off, off + BLOCK);
    if (isZeroBlock(block)) return;
    const h = decodeHeader(block);
    off += BLOCK;
    const size = pax.size !== undefined ? Number(pax.size) : h.size;
    const hasData = !["1", "2", "3", "4", "5", "6"].includes(h.typeflag);
    const dataLen = hasData ? size : 0;
    if (off + dataLen > bytes.length) throw new TarError("short read");
    const data = bytes.subarray(off, off + dataLen);
    off += Math.ceil(dataLen / BLOCK) * BLOCK;
    const str = () => new TextDecoder().decode(data).replace(/\0.*$/s, "");
    switch (h.typeflag) {
      case "L":
        longName = str();
        continue;
      case "K":
        longLink = str();
        continue;
      case "x":
        pax = { ...pax, ...parsePax(data) };
        continue;
      case "g":
        global = { ...global, ...parsePax(data) };
        continue;
    }
    const x = { ...global, ...pax };
    let type: TarEntryType;
    switch (h.typeflag) {
      case "1": type = "hardlink"; break;
      case "2": type = "symlink"; break;
      case "3": type = "chardev"; break;
      case "4": type = "blockdev"; break;
      case "5": type = "dir"; break;
      case "6": type = "fifo"; break;
      case "0": case "\0": case "7": type = "file"; break;
      default: throw new TarError(`unknown typeflag: 0x${h.typeflag.charCodeAt(0).toString(16)}`);
    }
    const name = longName ?? x.path ?? h.name;
    if (type === "file" && name.endsWith("/") && h.typeflag !== "0" && h.typeflag !== "7") type = "dir";
    const e: TarEntry = {
      name,
      type,
      mode: h.mode & 0o7777,
      uid: x.uid !== undefined ? Number(x.uid) : h.uid,
      gid: x.gid !== undefined ? Number(x.gid) : h.gid,
      mtime: Math.floor((x.mtime !== undefined ? Number(x.mtime) : h.mtime) * 1000),
      size: dataLen,
    };
    const uname = x.uname ?? h.uname;
    const gname = x.gname ?? h.gname;
    if (uname) e.uname = uname;
    if (gname) e.gname = gname;
    if (type === "file") e.data = data;
    const link = longLink ?? x.linkpath ?? h.linkname;
    if (type === "symlink" || type === "hardlink") e.linkname = link;
    if (type === "chardev" || type === "blockdev") {
      e.devmajor = h.devmajor;
      e.devminor = h.devminor;
    }
    longName = longLink = null;
    pax = {};
    yield e;
  }
  if (off < bytes.length) throw new TarError("short read");
}

/** Every entry of an archive (throws TarError when it is damaged). */
export function readTar(bytes: Uint8Array): TarEntry[] {
  return [...iterTar(bytes)];
}
