import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Inode, newDir, nextIno } from "../fs/inode";
import { utf8 } from "../util/bytes";
import { digest } from "../util/sha256";
import { readTar } from "../util/tar";
import { layerTar, layerTarEntries, treeFromTar } from "./layer-tar";
import { EMPTY_LAYER_DIFF_ID, diffIdOf, treeKey } from "./layers";

const T = Date.UTC(2024, 0, 1);
const hasDocker = (() => {
  try {
    execFileSync("docker", ["image", "inspect", "busybox:latest"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function dir(entries: Record<string, Inode>, mode = 0o755): Inode {
  const d = newDir(mode, 0, 0, T);
  for (const [k, v] of Object.entries(entries)) {
    d.entries!.set(k, v);
    if (v.type === "dir") d.nlink++;
  }
  return d;
}
const file = (s: string, mode = 0o644, uid = 0): Inode => ({ ino: nextIno(), type: "file", mode, uid, gid: uid, mtime: T, nlink: 1, data: utf8(s) });
const link = (target: string): Inode => ({ ino: nextIno(), type: "symlink", mode: 0o777, uid: 0, gid: 0, mtime: T, nlink: 1, target });
const wh = (): Inode => ({ ino: nextIno(), type: "file", mode: 0o644, uid: 0, gid: 0, mtime: T + 5000, nlink: 1, data: new Uint8Array(0) });

describe("layerTarEntries: a layer tree in Docker's tar order", () => {
  it("walks sorted, depth first, without a root entry, directories ending in /", () => {
    const tree = dir({ etc: dir({ passwd: file("root\n") }), bin: dir({ sh: file("x", 0o755) }), ".dockerenv": file("") });
    expect(layerTarEntries(tree).map((e) => e.name)).toEqual([".dockerenv", "bin/", "bin/sh", "etc/", "etc/passwd"]);
  });

  it("places a whiteout where the name it hides sorts, as an empty 0600 file", () => {
    const tree = dir({ etc: dir({ ".wh.shadow": wh(), group: file("g"), zz: file("z") }) });
    const es = layerTarEntries(tree);
    expect(es.map((e) => e.name)).toEqual(["etc/", "etc/group", "etc/.wh.shadow", "etc/zz"]);
    expect(es[2]).toMatchObject({ type: "file", mode: 0o600, size: 0, mtime: T + 5000 });
  });

  it("writes the opaque marker right after its directory, with the directory's mode and time 0", () => {
    const tree = dir({ home: dir({ ".wh..wh..opq": wh(), a: file("a") }, 0o750) });
    const es = layerTarEntries(tree);
    expect(es.map((e) => e.name)).toEqual(["home/", "home/.wh..wh..opq", "home/a"]);
    expect(es[1]).toMatchObject({ type: "file", mode: 0o750, mtime: 0, uname: "root" });
  });

  it("stores a second path of the same inode as a hard link to the first", () => {
    const f = file("data");
    f.nlink = 2;
    const tree = dir({ a: f, b: f, s: link("a") });
    const es = layerTarEntries(tree);
    expect(es.map((e) => [e.name, e.type, e.linkname ?? ""])).toEqual([["a", "file", ""], ["b", "hardlink", "a"], ["s", "symlink", "a"]]);
  });

  it("writes whiteout modes without file-type bits, as Docker's converter does", () => {
    const bytes = layerTar(dir({ ".wh.x": wh() }));
    expect(new TextDecoder().decode(bytes.subarray(100, 107))).toBe("0000600");
  });

  it("names an empty layer by the digest of two zero blocks", () => {
    expect(layerTar(newDir(0o755, 0, 0, T)).length).toBe(1024);
    expect(diffIdOf(newDir(0o755, 0, 0, T))).toBe(EMPTY_LAYER_DIFF_ID);
  });
});

describe("treeFromTar: a layer tree from tar entries", () => {
  it("round-trips a tree through its tar", () => {
    const f = file("same");
    f.nlink = 2;
    // whiteouts as a tar carries them: 0600 files, the opaque marker with its directory's mode and time 0
    const gone = { ...wh(), mode: 0o600 };
    const opq = { ...wh(), mode: 0o755, mtime: 0 };
    const tree = dir({ d: dir({ ".wh..wh..opq": opq, x: file("x", 0o600, 1000) }), h1: f, h2: f, l: link("/etc"), ".wh.gone": gone });
    const back = treeFromTar(readTar(layerTar(tree)), T);
    expect(treeKey(back)).toBe(treeKey(tree));
    expect(back.entries!.get("h1")).toBe(back.entries!.get("h2"));
  });

  it("normalises names, creates missing parents and skips entries that leave the root", () => {
    const e = (name: string, extra = {}) => ({ name, type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: T, size: 1, data: utf8("x"), ...extra });
    const tree = treeFromTar([e("./a/b/c"), e("/top"), e("../evil"), e("a/../../evil2"), e("hl", { type: "hardlink", linkname: "missing" })], T);
    expect([...tree.entries!.keys()].sort()).toEqual(["a", "top"]);
    expect(tree.entries!.get("a")!.entries!.get("b")!.entries!.get("c")!.data).toEqual(utf8("x"));
  });

  it("lets a later entry replace an earlier one at the same path", () => {
    const e = (name: string, s: string) => ({ name, type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: T, size: s.length, data: utf8(s) });
    const tree = treeFromTar([e("f", "one"), e("f", "two")], T);
    expect(new TextDecoder().decode(tree.entries!.get("f")!.data)).toBe("two");
  });
});

describe.skipIf(!hasDocker)("against the real engine's layer tars", () => {
  it("rewrites the lab image's layer byte for byte, so its diffID is the engine's", () => {
    const work = mkdtempSync(join(tmpdir(), "layertar-"));
    try {
      execFileSync("sh", ["-c", `docker save busybox:latest | tar -x -C ${work}`]);
      const manifest = JSON.parse(readFileSync(join(work, "manifest.json"), "utf8"))[0];
      const config = JSON.parse(readFileSync(join(work, manifest.Config), "utf8"));
      const orig = new Uint8Array(readFileSync(join(work, manifest.Layers[0])));
      const again = layerTar(treeFromTar(readTar(orig), T));
      expect(again).toEqual(orig);
      expect(digest(again)).toBe(config.rootfs.diff_ids[0]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
