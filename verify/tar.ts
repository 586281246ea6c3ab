/**
 * A minimal reader for the tar streams the Engine API sends (GET /containers/{id}/archive):
 * ustar and GNU headers, GNU long names ('L') and PAX extended headers ('x', 'g'). It reads
 * what it needs to find entries by name, type and content; nothing else.
 */

export type TarEntryType = "file" | "link" | "symlink" | "directory" | "other";

export interface TarEntry {
  name: string;
  type: TarEntryType;
  /** The link target of a symlink or hard link ("" otherwise). */
  linkName: string;
  mode: number;
  size: number;
  data: Uint8Array;
}

const BLOCK = 512;
const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

function cString(buf: Uint8Array, start: number, length: number, decoder = utf8): string {
  const field = buf.subarray(start, start + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

/** Numeric header fields: octal text, or GNU base-256 when the high bit of the first byte is set. */
function number(buf: Uint8Array, start: number, length: number): number {
  const field = buf.subarray(start, start + length);
  if (field[0] & 0x80) {
    let n = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    return n;
  }
  const text = latin1.decode(field).replace(/\0.*$/s, "").trim();
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) throw new Error(`tar: bad number field ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

function checksumOk(header: Uint8Array): boolean {
  const stored = number(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return sum === stored;
}

/** PAX records: "<len> <key>=<value>\n" repeated. */
function paxRecords(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = parseInt(latin1.decode(data.subarray(pos, space)), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const record = utf8.decode(data.subarray(space + 1, pos + len - 1));
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

function typeOf(flag: string): TarEntryType {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "1":
      return "link";
    case "2":
      return "symlink";
    case "5":
      return "directory";
    default:
      return "other";
  }
}

/** Every entry of a tar archive, in order. Throws on a damaged archive. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  while (pos + BLOCK <= archive.length) {
    const header = archive.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break; // end of archive
    if (!checksumOk(header)) throw new Error(`tar: bad header checksum at offset ${pos}`);
    const flag = String.fromCharCode(header[156]);
    const size = number(header, 124, 12);
    const dataStart = pos + BLOCK;
    if (dataStart + size > archive.length) throw new Error("tar: archive ends inside an entry");
    const data = archive.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === "L") {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (flag === "K") {
      longLink = cString(data, 0, data.length);
      continue;
    }
    if (flag === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (flag === "g") continue;
    const magic = latin1.decode(header.subarray(257, 263));
    const prefix = magic.startsWith("ustar") && magic !== "ustar " ? cString(header, 345, 155) : "";
    let name = cString(header, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    entries.push({
      name: pax.path ?? longName ?? name,
      type: typeOf(flag),
      linkName: pax.linkpath ?? longLink ?? cString(header, 157, 100),
      mode: number(header, 100, 8),
      size: pax.size !== undefined ? Number(pax.size) : size,
      data,
    });
    longName = longLink = undefined;
    pax = {};
  }
  return entries;
}
