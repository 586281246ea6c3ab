import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { text, utf8 } from "./bytes";
import { type TarEntry, TarError, iterTar, readTar, writeTar } from "./tar";

const here = new URL("./testdata/", import.meta.url).pathname;
const fixture = (n: string) => new Uint8Array(readFileSync(join(here, n)));
const T2024 = Date.UTC(2024, 0, 1);
const LONG = "long-name-".repeat(11) + "end.txt";
const hasDocker = (() => {
  try {
    execFileSync("docker", ["image", "inspect", "busybox:latest"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function entry(name: string, type: TarEntry["type"], extra: Partial<TarEntry> = {}): TarEntry {
  const data = extra.data;
  return { name, type, mode: type === "dir" ? 0o755 : type === "symlink" ? 0o777 : 0o644, uid: 0, gid: 0, uname: "root", gname: "root", mtime: T2024, size: data?.length ?? 0, ...extra };
}

function sampleEntries(): TarEntry[] {
  return [
    entry("app/", "dir"),
    entry("app/hello.txt", "file", { data: utf8("hello\n") }),
    entry("app/run", "file", { data: utf8("#!/bin/sh\n"), mode: 0o4755 }),
    entry("app/link", "symlink", { linkname: "hello.txt" }),
    entry("app/again", "hardlink", { linkname: "app/hello.txt" }),
    entry("app/" + LONG, "file", { data: utf8("long\n"), uid: 1000, gid: 1000, uname: "alice", gname: "alice" }),
    entry("app/.wh.gone", "file", { data: new Uint8Array(0) }),
    entry("app/pipe", "fifo"),
    entry("app/null", "chardev", { devmajor: 1, devminor: 3, mode: 0o666 }),
  ];
}

function strip(es: TarEntry[]) {
  return es.map((e) => ({ ...e, data: e.data ? text(e.data) : undefined }));
}

describe("readTar on GNU tar's own archives", () => {
  const gnu = readTar(fixture("gnu-sample.tar"));
  it("reads every kind of entry with its metadata", () => {
    const byName = new Map(gnu.map((e) => [e.name, e]));
    expect(gnu.map((e) => e.name)).toContain("root/deep/er/still/" + LONG);
    expect(byName.get("root/")).toMatchObject({ type: "dir", mode: 0o755, uid: 0, uname: "root", mtime: T2024 });
    expect(text(byName.get("root/etc/hello-again.txt")!.data!)).toBe("hello, layers\n");
    expect(byName.get("root/etc/hello.txt")).toMatchObject({ type: "hardlink", linkname: "root/etc/hello-again.txt", size: 0 });
    expect(byName.get("root/link")).toMatchObject({ type: "symlink", linkname: "etc/hello.txt" });
    expect(byName.get("root/long-link")).toMatchObject({ type: "symlink", linkname: "deep/er/still/" + LONG });
    expect(byName.get("root/bin/suid")!.mode).toBe(0o4755);
    expect(byName.get("root/bin/tool")!.mode).toBe(0o755);
    expect(byName.get("root/fifo")!.type).toBe("fifo");
    expect(byName.get("root/etc/.wh.removed")).toMatchObject({ type: "file", size: 0 });
    expect(byName.get("root/opaque/.wh..wh..opq")).toMatchObject({ type: "file", size: 0 });
    expect(byName.get("root/home/alice/notes")).toMatchObject({ uid: 4242, gid: 4242, size: 6 });
    expect(byName.get("root/deep/er/still/" + LONG)!.data!.length).toBe(1500);
  });
  it("agrees with GNU tar's listing", () => {
    const list = readFileSync(join(here, "gnu-sample.list"), "utf8").trim().split("\n");
    expect(gnu.length).toBe(list.length);
    gnu.forEach((e, i) => expect(list[i]).toContain(" " + e.name));
  });
  it("reads the pax layout of the same tree identically", () => {
    expect(strip(readTar(fixture("pax-sample.tar")))).toEqual(strip(gnu));
  });
  it("writes GNU tar's bytes back exactly (format gnu)", () => {
    expect(writeTar(gnu, { format: "gnu" })).toEqual(fixture("gnu-sample.tar"));
  });
});

describe("writeTar", () => {
  it("round-trips every entry type in every format", () => {
    for (const format of ["docker", "gnu", "busybox"] as const) {
      const back = readTar(writeTar(sampleEntries(), { format }));
      expect(strip(back)).toEqual(strip(sampleEntries()));
    }
  });
  it("ends with two zero blocks, padded to records only for gnu", () => {
    const one = [entry("a", "file", { data: utf8("x") })];
    expect(writeTar(one).length).toBe(512 * 4);
    expect(writeTar(one, { format: "busybox" }).length).toBe(512 * 4);
    expect(writeTar(one, { format: "gnu" }).length).toBe(10240);
    expect(writeTar([]).length).toBe(1024);
  });
  it("lays out a docker header as Go's archive/tar does", () => {
    const h = writeTar([entry("w/f", "file", { data: utf8("x\n") })]).subarray(0, 512);
    expect(text(h.subarray(100, 108))).toBe("0100644\0");
    expect(text(h.subarray(257, 265))).toBe("ustar\u000000");
    expect(text(h.subarray(329, 345))).toBe("0000000\u00000000000\0");
    expect(text(h.subarray(148, 156))).toMatch(/^[0-7]{6}\0 $/);
  });
  it("uses the ustar prefix, then PAX records, for long docker names", () => {
    const mid = "d".repeat(60) + "/" + "e".repeat(90);
    const split = writeTar([entry(mid, "file")]);
    expect(text(split.subarray(345, 345 + 60))).toBe("d".repeat(60));
    expect(readTar(split)[0].name).toBe(mid);
    const long = writeTar([entry("w/" + "a".repeat(120), "file", { data: utf8("x\n") })]);
    expect(String.fromCharCode(long[156])).toBe("x");
    expect(text(long.subarray(0, 100))).toBe("w/PaxHeaders.0/" + "a".repeat(85));
    expect(text(long.subarray(512, 512 + 132))).toBe("132 path=w/" + "a".repeat(120) + "\n");
    const uni = writeTar([entry("caf\u00e9", "file")]);
    expect(readTar(uni)[0].name).toBe("caf\u00e9");
    expect(text(uni.subarray(1024, 1028))).toBe("caf\0");
  });
  it("uses ././@LongLink at 100 bytes for busybox and past 100 for gnu", () => {
    const n100 = "c".repeat(100);
    expect(text(writeTar([entry(n100, "file")], { format: "busybox" }).subarray(0, 13))).toBe("././@LongLink");
    expect(text(writeTar([entry(n100, "file")], { format: "gnu" }).subarray(0, 100))).toBe(n100);
    expect(readTar(writeTar([entry(n100 + "d", "file")], { format: "gnu" }))[0].name).toBe(n100 + "d");
  });
  it("keeps large ids and sizes (base-256 for gnu, PAX for docker)", () => {
    const big = [entry("big", "file", { uid: 3_000_000, gid: 70_000_000 })];
    for (const format of ["docker", "gnu"] as const) expect(readTar(writeTar(big, { format }))[0]).toMatchObject({ uid: 3_000_000, gid: 70_000_000 });
  });
  it("adds the trailing slash to directory names", () => {
    expect(readTar(writeTar([entry("dir", "dir")]))[0].name).toBe("dir/");
  });
});

describe("damaged archives", () => {
  const good = writeTar(sampleEntries());
  it("reports a bad checksum", () => {
    const bad = good.slice();
    bad[0] ^= 1;
    expect(() => readTar(bad)).toThrow(new TarError("invalid tar header checksum"));
  });
  it("reports truncation after the entries it could read", () => {
    const cut = good.subarray(0, 512 + 100);
    const seen: string[] = [];
    expect(() => {
      for (const e of iterTar(cut)) seen.push(e.name);
    }).toThrow(TarError);
    expect(seen).toEqual(["app/"]);
  });
  it("treats an archive without end blocks as ending at its last entry", () => {
    expect(readTar(good.subarray(0, 512)).map((e) => e.name)).toEqual(["app/"]);
    expect(readTar(new Uint8Array(0))).toEqual([]);
  });
  it("never throws anything but TarError on arbitrary bytes", () => {
    let s = 1;
    for (let i = 0; i < 300; i++) {
      const d = good.slice(0, 2048);
      for (let k = 0; k < 4; k++) {
        s = (s * 1103515245 + 12345) >>> 0;
        d[s % d.length] = s >>> 24;
      }
      try {
        readTar(d);
      } catch (e) {
        expect(e).toBeInstanceOf(TarError);
      }
    }
  });
});

describe.runIf(existsSync("/bin/tar"))("GNU tar reads what writeTar writes", () => {
  for (const format of ["docker", "gnu", "busybox"] as const) {
    it(`lists and extracts the ${format} format`, () => {
      const dir = mkdtempSync(join(tmpdir(), "layerlab-tar-"));
      try {
        const file = join(dir, "out.tar");
        writeFileSync(file, writeTar(sampleEntries(), { format }));
        const list = execFileSync("tar", ["--numeric-owner", "-tvf", file], { env: { TZ: "UTC", PATH: process.env.PATH } }).toString();
        expect(list.split("\n").filter(Boolean)).toEqual([
          "drwxr-xr-x 0/0               0 2024-01-01 00:00 app/",
          "-rw-r--r-- 0/0               6 2024-01-01 00:00 app/hello.txt",
          "-rwsr-xr-x 0/0              10 2024-01-01 00:00 app/run",
          "lrwxrwxrwx 0/0               0 2024-01-01 00:00 app/link -> hello.txt",
          "hrw-r--r-- 0/0               0 2024-01-01 00:00 app/again link to app/hello.txt",
          `-rw-r--r-- 1000/1000         5 2024-01-01 00:00 app/${LONG}`,
          "-rw-r--r-- 0/0               0 2024-01-01 00:00 app/.wh.gone",
          "prw-r--r-- 0/0               0 2024-01-01 00:00 app/pipe",
          "crw-rw-rw- 0/0             1,3 2024-01-01 00:00 app/null",
        ]);
        execFileSync("tar", ["-xf", file, "-C", dir, "--exclude=app/null", "--exclude=app/pipe"]);
        expect(readFileSync(join(dir, "app", LONG), "utf8")).toBe("long\n");
        expect(readFileSync(join(dir, "app/again"), "utf8")).toBe("hello\n");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe.runIf(existsSync("/bin/busybox"))("BusyBox tar's layout", () => {
  it("is written byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "layerlab-bbtar-"));
    try {
      execFileSync("sh", ["-c", `cd ${dir} && mkdir d && echo hi > d/a && ln -s a d/s && mkdir d/${"x".repeat(99)} && touch d/${"y".repeat(130)} && find d -exec touch -h -d @1704067200 {} +`]);
      const real = new Uint8Array(execFileSync("busybox", ["tar", "cf", "-", "d"], { cwd: dir }));
      expect(writeTar(readTar(real), { format: "busybox" })).toEqual(real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(hasDocker)("a real `docker save busybox:latest` archive", () => {
  it("parses, and Docker's layout is written back byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "layerlab-save-"));
    try {
      const file = join(dir, "bb.tar");
      execFileSync("docker", ["save", "busybox:latest", "-o", file]);
      const bytes = new Uint8Array(readFileSync(file));
      const outer = readTar(bytes);
      const manifest = JSON.parse(text(outer.find((e) => e.name === "manifest.json")!.data!));
      expect(manifest[0].RepoTags).toContain("busybox:latest");
      const layerName = manifest[0].Layers[0] as string;
      const layer = outer.find((e) => e.name === layerName)!;
      const files = readTar(layer.data!);
      const names = new Set(files.map((e) => e.name));
      expect(names.has("bin/busybox")).toBe(true);
      expect(names.has("etc/passwd")).toBe(true);
      expect(files.find((e) => e.name === "bin/sh")!.type).toBe("hardlink");
      expect(files.find((e) => e.name === "tmp/")!.mode).toBe(0o1777);
      expect(writeTar(files)).toEqual(layer.data);
      expect(writeTar(outer)).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
