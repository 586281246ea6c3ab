import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { utf8, text } from "./bytes";
import { GzipError, crc32, gunzip, gzip, isGzip } from "./gzip";

/** `echo hello | busybox gzip`, byte for byte. */
const BUSYBOX_HELLO = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 2, 0, 0x20, 0x30, 0x3a, 0x36, 6, 0, 0, 0]);

function fails(d: Uint8Array): GzipError {
  try {
    gunzip(d);
  } catch (e) {
    if (e instanceof GzipError) return e;
    throw e;
  }
  throw new Error("gunzip accepted damaged input");
}

function pseudoRandom(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe("gzip", () => {
  it("writes the header and stream BusyBox writes for a small input", () => {
    expect([...gzip(utf8("hello\n"))]).toEqual([...BUSYBOX_HELLO]);
  });
  it("stores mtime (seconds) and a file name when asked", () => {
    const g = gzip(utf8("x"), { mtime: 1704067200_000, name: "x.txt" });
    expect(g[3]).toBe(8);
    expect(g[4] | (g[5] << 8) | (g[6] << 16) | (g[7] << 24)).toBe(1704067200);
    expect(text(g.subarray(10, 15))).toBe("x.txt");
    expect(text(gunzip(g))).toBe("x");
  });
  it("round-trips empty, text, binary and large inputs at every level", () => {
    for (const data of [new Uint8Array(0), utf8("layer ".repeat(5000)), pseudoRandom(70_000)]) {
      for (const level of [1, 6, 9]) expect(gunzip(gzip(data, { level }))).toEqual(data);
    }
  });
  it("recognises the magic", () => {
    expect(isGzip(BUSYBOX_HELLO)).toBe(true);
    expect(isGzip(utf8("hello"))).toBe(false);
  });
});

describe("gunzip", () => {
  it("decodes concatenated members", () => {
    const d = new Uint8Array([...gzip(utf8("hello\n")), ...gzip(utf8("world\n"))]);
    expect(text(gunzip(d))).toBe("hello\nworld\n");
  });
  it("ignores trailing bytes that are not another member, as BusyBox does", () => {
    expect(text(gunzip(new Uint8Array([...BUSYBOX_HELLO, 0, 0, 0, 0])))).toBe("hello\n");
    expect(text(gunzip(new Uint8Array([...BUSYBOX_HELLO, ...utf8("junk")])))).toBe("hello\n");
  });
  it("fails with BusyBox's messages and keeps the decoded part", () => {
    expect(fails(new Uint8Array(0)).message).toBe("invalid magic");
    expect(fails(BUSYBOX_HELLO.subarray(0, 1)).message).toBe("invalid magic");
    expect(fails(utf8("not gzip")).message).toBe("invalid magic");
    expect(fails(BUSYBOX_HELLO.subarray(0, 2)).message).toBe("corrupted data");
    expect(fails(BUSYBOX_HELLO.subarray(0, 10)).message).toBe("unexpected end of file");
    expect(fails(BUSYBOX_HELLO.subarray(0, 12)).message).toBe("unexpected end of file");
    const cut = fails(BUSYBOX_HELLO.subarray(0, 20));
    expect(cut.message).toBe("corrupted data");
    expect(text(cut.partial)).toBe("hello\n");
    const method = BUSYBOX_HELLO.slice();
    method[2] = 9;
    expect(fails(method).message).toBe("corrupted data");
    const crc = BUSYBOX_HELLO.slice();
    crc[BUSYBOX_HELLO.length - 6] ^= 1;
    expect(fails(crc).message).toBe("crc error");
    expect(text(fails(crc).partial)).toBe("hello\n");
    const len = BUSYBOX_HELLO.slice();
    len[BUSYBOX_HELLO.length - 2] ^= 1;
    expect(fails(len).message).toBe("incorrect length");
    const junkMember = new Uint8Array([...BUSYBOX_HELLO, 0x1f, 0x8b, ...utf8("junk")]);
    const j = fails(junkMember);
    expect(j.message).toBe("corrupted data");
    expect(text(j.partial)).toBe("hello\n");
  });
  it("reports damage in a later member after keeping the earlier ones", () => {
    const second = gzip(utf8("world\n"));
    second[second.length - 8] ^= 0xff;
    const e = fails(new Uint8Array([...BUSYBOX_HELLO, ...second]));
    expect(e.message).toBe("crc error");
    expect(text(e.partial)).toBe("hello\nworld\n");
  });
  it("never hangs or throws anything else on arbitrary bytes", () => {
    for (let seed = 1; seed < 200; seed++) {
      const d = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...pseudoRandom(seed % 40, seed)]);
      try {
        gunzip(d);
      } catch (e) {
        expect(e).toBeInstanceOf(GzipError);
      }
    }
  });
});

describe.runIf(existsSync("/usr/bin/gzip") && existsSync("/bin/busybox"))("against real gzip and BusyBox", () => {
  it("decodes GNU gzip output with a stored name", () => {
    const data = pseudoRandom(100_000, 3);
    const gz = execFileSync("sh", ["-c", "cat > /tmp/layerlab-gz-in && gzip -9 -c -N /tmp/layerlab-gz-in"], { input: data });
    expect(gunzip(new Uint8Array(gz))).toEqual(data);
  });
  it("writes what busybox gunzip decodes", () => {
    const data = utf8("line\n".repeat(20000));
    const out = execFileSync("busybox", ["gunzip", "-c"], { input: gzip(data) });
    expect(new Uint8Array(out)).toEqual(data);
  });
});
