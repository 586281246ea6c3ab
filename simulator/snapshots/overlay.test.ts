// The snapshotter's conformance suite: OverlayFs over layer trees behaves like overlayfs under
// Docker (copy-up, whiteouts, opaque directories, read-only views, hard links), and an upper tree
// committed as a layer holds exactly the container's changes.
import { describe, expect, it } from "vitest";
import { type Inode, newDir } from "../fs/inode";
import { MemFs } from "../fs/memfs";
import { FsError } from "../fs/types";
import { text, utf8 } from "../util/bytes";
import { flatten } from "./flatten";
import { layerTarEntries } from "./layer-tar";
import { OverlayFs } from "./overlay";
import { OPAQUE } from "./whiteout";

const T = Date.UTC(2024, 0, 1);
const LATER = T + 60_000;
const p = (s: string) => s.split("/").filter(Boolean);

/** A lower layer: /bin/sh (with a hard link /bin/ash), /etc/passwd, /etc/shadow 0640, /lib -> usr/lib, /data/{a,b}. */
function baseLayer(): Inode {
  const fs = new MemFs(newDir(0o755, 0, 0, T), () => T);
  fs.mkdir(p("bin"), { mtime: T });
  fs.writeFile(p("bin/sh"), utf8("#!sh"), { mode: 0o755, mtime: T });
  fs.link(p("bin/sh"), p("bin/ash"));
  fs.mkdir(p("etc"), { mtime: T });
  fs.writeFile(p("etc/passwd"), utf8("root:x:0:0\n"), { mtime: T });
  fs.writeFile(p("etc/shadow"), utf8("root:*\n"), { mode: 0o640, uid: 0, gid: 42, mtime: T });
  fs.symlink("usr/lib", p("lib"), { mtime: T });
  fs.mkdir(p("data"), { mode: 0o700, uid: 1000, gid: 1000, mtime: T });
  fs.writeFile(p("data/a"), utf8("a"), { uid: 1000, gid: 1000, mtime: T });
  fs.writeFile(p("data/b"), utf8("b"), { uid: 1000, gid: 1000, mtime: T });
  return fs.root;
}

function overlay(lowers: Inode[] = [baseLayer()], readOnly = false) {
  let now = LATER;
  return new OverlayFs(lowers, undefined, () => now++, readOnly);
}

/** Every path of a view with its type and content/target, for comparing views. */
function listing(view: { lstat: OverlayFs["lstat"]; readdir: OverlayFs["readdir"]; readFile: OverlayFs["readFile"] }, at: string[] = []): string[] {
  const out: string[] = [];
  for (const name of view.readdir(at).sort()) {
    const q = [...at, name];
    const st = view.lstat(q)!;
    const what = st.type === "file" ? text(view.readFile(q)) : st.type === "symlink" ? `-> ${st.target}` : "";
    out.push(`${q.join("/")} ${st.type} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${what}`);
    if (st.type === "dir") out.push(...listing(view, q));
  }
  return out;
}

const names = (upper: Inode) => layerTarEntries(upper).map((e) => `${e.name} ${e.type}`);

describe("copy-up", () => {
  it("copies a lower file up on write, leaving the lower layer untouched", () => {
    const base = baseLayer();
    const o = overlay([base]);
    o.writeFile(p("etc/passwd"), utf8("changed\n"), {});
    expect(text(o.readFile(p("etc/passwd")))).toBe("changed\n");
    expect(text(base.entries!.get("etc")!.entries!.get("passwd")!.data!)).toBe("root:x:0:0\n");
  });

  it("keeps content, mode and owner when only metadata changes", () => {
    const o = overlay();
    o.setattr(p("etc/shadow"), { mode: 0o600 });
    const up = o.upper.entries!.get("etc")!.entries!.get("shadow")!;
    expect(up).toMatchObject({ type: "file", mode: 0o600, uid: 0, gid: 42, mtime: T });
    expect(text(up.data!)).toBe("root:*\n");
  });

  it("keeps a symlink a symlink, with its target", () => {
    const o = overlay();
    o.setattr(p("lib"), { uid: 5 });
    expect(o.upper.entries!.get("lib")).toMatchObject({ type: "symlink", target: "usr/lib", uid: 5 });
  });

  it("copies parent directories up with their own metadata", () => {
    const o = overlay();
    o.writeFile(p("data/c"), utf8("c"), { uid: 1000, gid: 1000 });
    expect(o.upper.entries!.get("data")).toMatchObject({ type: "dir", mode: 0o700, uid: 1000, gid: 1000 });
    expect(listing(o).filter((l) => l.startsWith("data/"))).toEqual(["data/a file 644 1000:1000 a", "data/b file 644 1000:1000 b", "data/c file 644 1000:1000 c"]);
  });
});

describe("whiteouts", () => {
  it("hides a removed lower file behind .wh.<name> in the upper layer", () => {
    const o = overlay();
    o.unlink(p("etc/shadow"));
    expect(o.lstat(p("etc/shadow"))).toBeNull();
    expect(o.readdir(p("etc"))).toEqual(["passwd"]);
    expect([...o.upper.entries!.get("etc")!.entries!.keys()]).toEqual([".wh.shadow"]);
  });

  it("needs no whiteout for a file that only ever lived in the upper layer", () => {
    const o = overlay();
    o.writeFile(p("tmpfile"), utf8("x"), {});
    o.unlink(p("tmpfile"));
    expect([...o.upper.entries!.keys()]).toEqual([]);
  });

  it("drops the whiteout when the name is created again", () => {
    const o = overlay();
    o.unlink(p("etc/shadow"));
    o.writeFile(p("etc/shadow"), utf8("new"), { mode: 0o600 });
    expect([...o.upper.entries!.get("etc")!.entries!.keys()]).toEqual(["shadow"]);
    expect(text(o.readFile(p("etc/shadow")))).toBe("new");
  });
});

describe("opaque directories", () => {
  it("marks a directory removed and made again opaque, so lower entries stay hidden", () => {
    const o = overlay();
    for (const f of o.readdir(p("data"))) o.unlink(p(`data/${f}`));
    o.rmdir(p("data"));
    o.mkdir(p("data"), { mode: 0o755 });
    o.writeFile(p("data/new"), utf8("n"), {});
    expect(o.readdir(p("data"))).toEqual(["new"]);
    expect(o.upper.entries!.get("data")!.entries!.has(OPAQUE)).toBe(true);
    expect(names(o.upper)).toEqual(["data/ dir", "data/.wh..wh..opq file", "data/new file"]);
  });

  it("hides every lower layer below the opaque one", () => {
    const top = newDir(0o755, 0, 0, T);
    const data = newDir(0o755, 0, 0, T);
    data.entries!.set(OPAQUE, { ino: 1, type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, nlink: 1, data: new Uint8Array(0) });
    top.entries!.set("data", data);
    const o = overlay([top, baseLayer()]);
    expect(o.readdir(p("data"))).toEqual([]);
    expect(o.readdir(p("etc")).sort()).toEqual(["passwd", "shadow"]);
  });
});

describe("commit: the upper tree is the layer diff", () => {
  it("holds additions, modifications and whiteouts, and nothing unchanged", () => {
    const o = overlay();
    o.writeFile(p("hello"), utf8("hi\n"), {});
    o.writeFile(p("etc/passwd"), utf8("root:x:0:0\nme:x:1:1\n"), {});
    o.unlink(p("bin/ash"));
    o.mkdir(p("tmp"), { mode: 0o1777 });
    expect(names(o.upper)).toEqual(["bin/ dir", "bin/.wh.ash file", "etc/ dir", "etc/passwd file", "hello file", "tmp/ dir"]);
  });

  it("gives the same view when the diff is stacked on the image as a layer", () => {
    const base = baseLayer();
    const o = overlay([base]);
    o.writeFile(p("etc/passwd"), utf8("edited"), {});
    o.unlink(p("data/a"));
    o.symlink("/bin/sh", p("shell"), {});
    const committed = new OverlayFs([o.upper, base], undefined, () => LATER);
    expect(listing(committed)).toEqual(listing(o));
  });

  it("flattens to the same tree the union shows (docker export)", () => {
    const o = overlay();
    o.unlink(p("etc/shadow"));
    o.writeFile(p("new"), utf8("n"), {});
    const flat = new MemFs(flatten([o.upper, ...o.lowers]), () => T);
    expect(listing(flat)).toEqual(listing(o));
  });
});

describe("read-only views", () => {
  it("refuses every change with EROFS", () => {
    const o = overlay(undefined, true);
    const erofs = (f: () => void) => expect(f).toThrow(new FsError("EROFS"));
    erofs(() => o.writeFile(p("etc/passwd"), utf8("x"), {}));
    erofs(() => o.unlink(p("etc/passwd")));
    erofs(() => o.mkdir(p("x"), {}));
    erofs(() => o.setattr(p("etc"), { mode: 0o700 }));
    expect(text(o.readFile(p("etc/passwd")))).toBe("root:x:0:0\n");
  });
});

describe("hard links", () => {
  it("shows lower hard links as one inode", () => {
    const o = overlay();
    expect(o.lstat(p("bin/sh"))!.ino).toBe(o.lstat(p("bin/ash"))!.ino);
  });

  it("copies the file up once and links it in the upper layer", () => {
    const o = overlay();
    o.link(p("etc/passwd"), p("passwd2"));
    expect(o.lstat(p("passwd2"))!.ino).toBe(o.lstat(p("etc/passwd"))!.ino);
    expect(names(o.upper)).toEqual(["etc/ dir", "etc/passwd file", "passwd2 hardlink"]);
  });

  it("refuses to hard-link a directory", () => {
    expect(() => overlay().link(p("etc"), p("etc2"))).toThrow(new FsError("EPERM"));
  });
});

describe("renames", () => {
  it("refuses to rename a lower directory (EXDEV: tools copy instead)", () => {
    expect(() => overlay().rename(p("data"), p("data2"))).toThrow(new FsError("EXDEV"));
  });

  it("renames a lower file as copy-up plus whiteout", () => {
    const o = overlay();
    o.rename(p("etc/passwd"), p("etc/passwd.old"));
    expect(o.readdir(p("etc")).sort()).toEqual(["passwd.old", "shadow"]);
    expect(names(o.upper)).toEqual(["etc/ dir", "etc/.wh.passwd file", "etc/passwd.old file"]);
  });
});
