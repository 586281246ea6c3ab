/** One tar header block decoded, numeric fields in every encoding, and PAX records. */

/** A damaged or unsupported archive. The message is what BusyBox's tar would say. */
export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TarError";
  }
}

export interface RawHeader {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  typeflag: string;
  linkname: string;
  magic: "ustar" | "gnu" | "v7";
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
}

const dec = new TextDecoder();

export function formatOctal(n: number, digits: number): string {
  return n.toString(8).padStart(digits, "0");
}

export function isZeroBlock(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}

function str(b: Uint8Array, off: number, size: number): string {
  const f = b.subarray(off, off + size);
  const end = f.indexOf(0);
  return dec.decode(end < 0 ? f : f.subarray(0, end));
}

/** Octal (space/NUL padded) or GNU base-256 (high bit set). */
function num(b: Uint8Array, off: number, size: number, field: string): number {
  const f = b.subarray(off, off + size);
  if (f[0] & 0x80) {
    let v = BigInt(f[0] & 0x3f);
    if (f[0] & 0x40) v -= 64n;
    for (let i = 1; i < f.length; i++) v = (v << 8n) | BigInt(f[i]);
    return Number(v);
  }
  const s = dec.decode(f).replace(/\0.*$/s, "").trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`corrupted octal value in tar header (${field})`);
  return parseInt(s, 8);
}

export function decodeHeader(b: Uint8Array): RawHeader {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const x = i >= 148 && i < 156 ? 32 : b[i];
    unsigned += x;
    signed += x > 127 ? x - 256 : x;
  }
  const stored = num(b, 148, 8, "chksum");
  if (stored !== unsigned && stored !== signed) throw new TarError("invalid tar header checksum");
  const magicField = dec.decode(b.subarray(257, 265));
  const magic = magicField === "ustar  \0" ? "gnu" : magicField.startsWith("ustar") ? "ustar" : "v7";
  let name = str(b, 0, 100);
  if (magic === "ustar") {
    const prefix = str(b, 345, 155);
    if (prefix) name = prefix + "/" + name;
  }
  const typeflag = String.fromCharCode(b[156]);
  const modern = magic !== "v7";
  return {
    name,
    mode: num(b, 100, 8, "mode"),
    uid: num(b, 108, 8, "uid"),
    gid: num(b, 116, 8, "gid"),
    size: num(b, 124, 12, "size"),
    mtime: num(b, 136, 12, "mtime"),
    typeflag,
    linkname: str(b, 157, 100),
    magic,
    uname: modern ? str(b, 265, 32) : "",
    gname: modern ? str(b, 297, 32) : "",
    devmajor: modern && (typeflag === "3" || typeflag === "4") ? num(b, 329, 8, "devmajor") : 0,
    devminor: modern && (typeflag === "3" || typeflag === "4") ? num(b, 337, 8, "devminor") : 0,
  };
}

/** "<len> <key>=<value>\n" records of a PAX extended header. */
export function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let off = 0;
  while (off < data.length) {
    if (data[off] === 0) break;
    const sp = data.indexOf(32, off);
    if (sp < 0) throw new TarError("malformed extended header");
    const len = Number(dec.decode(data.subarray(off, sp)));
    if (!Number.isInteger(len) || len <= sp - off || off + len > data.length) throw new TarError("malformed extended header");
    const rec = dec.decode(data.subarray(sp + 1, off + len - 1));
    const eq = rec.indexOf("=");
    if (eq < 0) throw new TarError("malformed extended header");
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    off += len;
  }
  return out;
}
