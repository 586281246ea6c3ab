/**
 * gzip (RFC 1952) over fflate's deflate: compression as BusyBox's gzip lays out the header
 * (no file name, OS 3), and decompression of every concatenated member with the checks gzip
 * makes (CRC-32 and length), failing with BusyBox's messages and keeping what was decoded.
 */
import { Gunzip, Inflate, gzipSync } from "fflate";
import { concat } from "./bytes";

/** A damaged stream. `partial` is the output decoded before the damage (BusyBox writes it out). */
export class GzipError extends Error {
  constructor(
    message: "invalid magic" | "corrupted data" | "unexpected end of file" | "crc error" | "incorrect length",
    readonly partial: Uint8Array = new Uint8Array(0),
  ) {
    super(message);
    this.name = "GzipError";
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

export interface GzipOptions {
  /** 1 (fastest) to 9 (best); default 6 like gzip. */
  level?: number;
  /** Modification time stored in the header, ms since the epoch; default 0 (none), as BusyBox writes. */
  mtime?: number;
  /** Original file name stored in the header (GNU gzip stores it; BusyBox does not). */
  name?: string;
}

export function gzip(data: Uint8Array, opts: GzipOptions = {}): Uint8Array {
  const level = Math.min(9, Math.max(1, opts.level ?? 6)) as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return gzipSync(data, { level, mtime: opts.mtime ?? 0, ...(opts.name ? { filename: opts.name } : {}) });
}

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}

/** Length of the member header at `pos`, or an error text. */
function headerLength(d: Uint8Array, pos: number): number | "corrupted data" {
  if (pos + 10 > d.length || d[pos + 2] !== 8) return "corrupted data";
  const flg = d[pos + 3];
  let st = pos + 10;
  if (flg & 4) {
    if (st + 2 > d.length) return "corrupted data";
    st += 2 + (d[st] | (d[st + 1] << 8));
  }
  for (const bit of [8, 16]) {
    if (!(flg & bit)) continue;
    while (st < d.length && d[st] !== 0) st++;
    st++;
  }
  if (flg & 2) st += 2;
  if (st > d.length) return "corrupted data";
  return st - pos;
}

/** Inflate one raw deflate stream; returns the output and where the stream ended. */
function inflateMember(d: Uint8Array, start: number): { out: Uint8Array; end: number } | GzipError {
  const chunks: Uint8Array[] = [];
  const collect = () => concat(chunks);
  // the streaming inflater keeps partial output when the input is cut short
  const inf = new Inflate((c) => chunks.push(c));
  if (start >= d.length) return new GzipError("unexpected end of file");
  try {
    inf.push(d.subarray(start), false);
  } catch (e) {
    const code = (e as { code?: number }).code;
    return new GzipError(code === 0 ? "unexpected end of file" : "corrupted data", collect());
  }
  const out = collect();
  try {
    const probe = new Inflate(() => {});
    probe.push(d.subarray(start), true);
  } catch (e) {
    const code = (e as { code?: number }).code;
    return new GzipError(code === 0 ? "unexpected end of file" : "corrupted data", out);
  }
  // the shortest prefix that inflates completely ends where the stream ends
  let lo = 1;
  let hi = d.length - start;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let ok = true;
    try {
      new Inflate(() => {}).push(d.subarray(start, start + mid), true);
    } catch {
      ok = false;
    }
    if (ok) hi = mid;
    else lo = mid + 1;
  }
  return { out, end: start + lo };
}

function checkTrailer(d: Uint8Array, end: number, out: Uint8Array, done: Uint8Array[]): GzipError | null {
  const partial = () => concat([...done, out]);
  if (end + 8 > d.length) return new GzipError("corrupted data", partial());
  if (u32(d, end) !== crc32(out)) return new GzipError("crc error", partial());
  if (u32(d, end + 4) !== (out.length >>> 0)) return new GzipError("incorrect length", partial());
  return null;
}

/** Member by member, for damaged input or trailing bytes: exact positions and messages. */
function slowGunzip(d: Uint8Array): Uint8Array {
  const done: Uint8Array[] = [];
  let pos = 0;
  for (let first = true; ; first = false) {
    if (!first && (pos + 2 > d.length || !isGzip(d.subarray(pos)))) break;
    const h = headerLength(d, pos);
    if (typeof h === "string") throw new GzipError(h, concat(done));
    const r = inflateMember(d, pos + h);
    if (r instanceof GzipError) throw new GzipError(r.message as "corrupted data", concat([...done, r.partial]));
    const bad = checkTrailer(d, r.end, r.out, done);
    if (bad) throw bad;
    done.push(r.out);
    pos = r.end + 8;
  }
  return concat(done);
}

/** Decompress every member. Throws GzipError (with the partial output) on damage. */
export function gunzip(d: Uint8Array): Uint8Array {
  if (!isGzip(d)) throw new GzipError("invalid magic");
  const outputs: Uint8Array[] = [];
  const starts: number[] = [0];
  let cur: Uint8Array[] = [];
  try {
    if (typeof headerLength(d, 0) === "string") return slowGunzip(d);
    const g = new Gunzip((c) => cur.push(c));
    g.onmember = (offset) => {
      outputs.push(concat(cur));
      cur = [];
      starts.push(offset);
    };
    g.push(d, true);
    outputs.push(concat(cur));
  } catch {
    return slowGunzip(d);
  }
  if (outputs.length !== starts.length) return slowGunzip(d);
  for (let i = 0; i < outputs.length; i++) {
    const end = (i + 1 < starts.length ? starts[i + 1] : d.length) - 8;
    const bad = end < starts[i] ? new GzipError("corrupted data") : checkTrailer(d, end, outputs[i], outputs.slice(0, i));
    if (bad) return slowGunzip(d);
  }
  return concat(outputs);
}
