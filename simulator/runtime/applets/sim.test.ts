/**
 * Behaviour that depends on the simulated machine rather than on a host recording: simulated
 * time (tail -f), cgroup memory limits (tail /dev/zero), other mounts (mv across filesystems,
 * df rows from the mount table), terminals (ls columns) and child exit statuses (xargs).
 */
import { describe, expect, it } from "vitest";
import { MemFs } from "../../fs/memfs";
import { split } from "../../fs/path";
import { utf8 } from "../../util/bytes";
import { registerApplet } from "../busybox";
import { Machine } from "../machine";
import { Collector, type Writable, fromBytes } from "../streams";
import "./index";

const ENV = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root" };

registerApplet({ name: "exit255", run: async () => 255 });
registerApplet({ name: "exit3", run: async () => 3 });

function machine(): Machine {
  const m = new Machine();
  m.linkApplets();
  m.rootfs.writeFile(split("/etc/passwd"), utf8("root:x:0:0:root:/root:/bin/sh\n"), { mode: 0o644 });
  m.rootfs.writeFile(split("/etc/group"), utf8("root:x:0:\n"), { mode: 0o644 });
  return m;
}

function mount(m: Machine, at: string, fstype: string, source: string, options: string): MemFs {
  const fs = new MemFs(undefined, () => m.sched.now);
  if (!m.rootfs.node(split(at))) m.rootfs.mkdir(split(at), { mode: 0o755 });
  m.hostNs.mnt.add({ at: split(at), backend: fs, readOnly: false, source, fstype, options });
  return fs;
}

describe("tail -f follows a file in simulated time", () => {
  it("prints what is appended until it is killed", async () => {
    const m = machine();
    m.rootfs.writeFile(split("/tmp/log"), utf8("one\ntwo\n"), { mode: 0o644 });
    // pid 1 ignores SIGINT and SIGTERM like any init: let tail be an ordinary process
    await m.run(["echo"], { env: ENV });
    const out = new Collector();
    const tail = m.spawn({ argv: ["tail", "-f", "/tmp/log"], env: ENV, stdout: out, stderr: out });
    const writer = m.spawn({
      argv: ["writer"],
      env: ENV,
      stdout: out,
      stderr: out,
      program: async (ctx) => {
        await ctx.sleep(1500);
        ctx.fs.writeFile("/tmp/log", "three\n", { append: true });
        await ctx.sleep(2500);
        ctx.fs.writeFile("/tmp/log", "four\n", { append: true });
        await ctx.sleep(1500);
        m.kernel.signal(tail, 2);
        return 0;
      },
    });
    const t0 = m.sched.now;
    const status = await m.sched.runUntil(tail.exited);
    await m.sched.runUntil(writer.exited);
    expect(out.text()).toBe("one\ntwo\nthree\nfour\n");
    expect(status).toBe(128 + 2);
    expect(m.sched.now - t0).toBeGreaterThanOrEqual(5500);
  });

  it("-s sets the interval between looks", async () => {
    const m = machine();
    m.rootfs.writeFile(split("/tmp/log"), utf8(""), { mode: 0o644 });
    const out = new Collector();
    const tail = m.spawn({ argv: ["tail", "-f", "-s", "10", "/tmp/log"], env: ENV, stdout: out, stderr: out });
    let seenAt = -1;
    const t0 = m.sched.now;
    m.spawn({
      argv: ["writer"],
      env: ENV,
      stdout: out,
      stderr: out,
      program: async (ctx) => {
        await ctx.sleep(1000);
        ctx.fs.writeFile("/tmp/log", "x\n", { append: true });
        while (out.text() === "") await ctx.sleep(500);
        seenAt = ctx.now() - t0;
        m.kernel.signal(tail, 9);
        return 0;
      },
    });
    await m.sched.runUntil(tail.exited);
    expect(seenAt).toBeGreaterThanOrEqual(10_000);
  });
});

describe("memory limits", () => {
  it("tail /dev/zero grows its buffer until the cgroup's OOM killer stops it", async () => {
    const m = machine();
    m.hostNs.cgroup.memoryLimit = 8 * 1024 * 1024;
    const r = await m.run(["tail", "/dev/zero"], { env: ENV });
    expect(r.exit).toBe(128 + 9);
    expect(m.hostNs.cgroup.oomKilled).toBe(true);
  });

  it("grep on an endless line is stopped the same way", async () => {
    const m = machine();
    m.hostNs.cgroup.memoryLimit = 4 * 1024 * 1024;
    const r = await m.run(["grep", "x", "/dev/zero"], { env: ENV });
    expect(r.exit).toBe(128 + 9);
  });
});

describe("mv across filesystems", () => {
  it("copies and removes when rename fails with EXDEV", async () => {
    const m = machine();
    const vol = mount(m, "/mnt/vol", "ext4", "/dev/vdb", "rw,relatime");
    m.rootfs.mkdir(split("/tmp/src"), { mode: 0o750, mtime: Date.UTC(2020, 0, 2) });
    m.rootfs.writeFile(split("/tmp/src/f"), utf8("data\n"), { mode: 0o600, mtime: Date.UTC(2020, 0, 3), uid: 5, gid: 6 });
    m.rootfs.symlink("f", split("/tmp/src/l"), { mtime: Date.UTC(2020, 0, 3) });
    m.rootfs.setattr(split("/tmp/src"), { mtime: Date.UTC(2020, 0, 2) });
    const r = await m.run(["mv", "/tmp/src", "/mnt/vol/"], { env: ENV });
    expect(r).toEqual({ exit: 0, stdout: "", stderr: "" });
    expect(m.rootfs.node(split("/tmp/src"))).toBeNull();
    const d = vol.lstat(["src"])!;
    expect(d.type).toBe("dir");
    expect(d.mode).toBe(0o750);
    expect(d.mtime).toBe(Date.UTC(2020, 0, 2));
    const f = vol.lstat(["src", "f"])!;
    expect([f.mode, f.uid, f.gid, f.mtime]).toEqual([0o600, 5, 6, Date.UTC(2020, 0, 3)]);
    expect(new TextDecoder().decode(vol.readFile(["src", "f"]))).toBe("data\n");
    expect(vol.lstat(["src", "l"])!.target).toBe("f");
  });

  it("refuses to put a directory over a file on the other side", async () => {
    const m = machine();
    const vol = mount(m, "/mnt/vol", "ext4", "/dev/vdb", "rw");
    vol.writeFile(["x"], utf8("file"), {});
    m.rootfs.mkdir(split("/tmp/x"), {});
    const r = await m.run(["mv", "-T", "/tmp/x", "/mnt/vol/x"], { env: ENV });
    expect(r.stderr).toBe("mv: can't overwrite non-directory with directory\n");
    expect(r.exit).toBe(1);
  });

  it("cp -a keeps hard links within the copy", async () => {
    const m = machine();
    const vol = mount(m, "/mnt/vol", "ext4", "/dev/vdb", "rw");
    m.rootfs.mkdir(split("/tmp/h"), {});
    m.rootfs.writeFile(split("/tmp/h/a"), utf8("x"), {});
    m.rootfs.link(split("/tmp/h/a"), split("/tmp/h/b"));
    const r = await m.run(["cp", "-a", "/tmp/h", "/mnt/vol/h"], { env: ENV });
    expect(r.exit).toBe(0);
    expect(vol.lstat(["h", "a"])!.ino).toBe(vol.lstat(["h", "b"])!.ino);
    expect(vol.lstat(["h", "a"])!.nlink).toBe(2);
  });
});

describe("df reads the mount table", () => {
  it("lists mounts with sizes, leaving out empty pseudo filesystems", async () => {
    const m = machine();
    mount(m, "/dev/shm", "tmpfs", "shm", "rw,nosuid,nodev,noexec,relatime,size=65536k");
    mount(m, "/proc", "proc", "proc", "rw,nosuid,nodev,noexec,relatime");
    const r = await m.run(["df"], { env: ENV });
    expect(r.stdout).toBe(
      "Filesystem           1K-blocks      Used Available Use% Mounted on\n" +
        "/dev/vda1             65011712  16777216  44941312  27% /\n" +
        "shm                      65536         0     65536   0% /dev/shm\n",
    );
    const h = await m.run(["df", "-h", "/dev/shm/"], { env: ENV });
    expect(h.stdout).toBe("Filesystem                Size      Used Available Use% Mounted on\nshm                      64.0M         0     64.0M   0% /dev/shm\n");
    const t = await m.run(["df", "-T", "-a"], { env: ENV });
    expect(t.stdout.split("\n")[3]).toBe("proc                 proc               0         0         0   0% /proc");
  });

  it("stat -f describes the filesystem a path is on", async () => {
    const m = machine();
    mount(m, "/dev/shm", "tmpfs", "shm", "rw,size=65536k");
    const r = await m.run(["stat", "-f", "-c", "%T %b %s", "/", "/dev/shm"], { env: ENV });
    expect(r.stdout).toBe("ext2/ext3 16252928 4096\ntmpfs 16384 4096\n");
  });
});

describe("terminals", () => {
  function tty(into: Collector): Writable {
    return { write: (d) => into.write(d), close() {}, dup() { return tty(into); }, isTTY: true };
  }

  it("ls prints columns on a terminal, one name per line elsewhere", async () => {
    const m = machine();
    m.rootfs.mkdir(split("/tmp/d"), {});
    for (const n of ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]) m.rootfs.writeFile(split("/tmp/d/" + n), utf8(""), {});
    const out = new Collector();
    const p = m.spawn({ argv: ["ls", "/tmp/d"], env: { ...ENV, COLUMNS: "30" }, stdout: tty(out), stderr: out });
    await m.sched.runUntil(p.exited);
    expect(out.text()).toBe("alpha    epsilon  theta\nbeta     eta      zeta\ndelta    gamma\n");
    const r = await m.run(["ls", "/tmp/d"], { env: ENV });
    expect(r.stdout.split("\n").length).toBe(9);
  });

  it("rm asks before removing a write-protected file when stdin is a terminal", async () => {
    const m = machine();
    m.rootfs.writeFile(split("/tmp/p"), utf8("x"), { mode: 0o444, uid: 1000 });
    m.rootfs.writeFile(split("/tmp/q"), utf8("x"), { mode: 0o444, uid: 1000 });
    const out = new Collector();
    const input = fromBytes("n\ny\n");
    const ttyIn = { ...input, read: () => input.read(), unshift: (d: Uint8Array) => input.unshift(d), isTTY: true, dup: () => ttyIn };
    const p = m.kernel.start({
      argv: ["rm", "/tmp/p", "/tmp/q"],
      env: ENV,
      cwd: "/",
      cred: { uid: 1000, gid: 1000, groups: [1000], caps: new Set() },
      ns: m.hostNs,
      devices: m.devices,
      stdin: ttyIn,
      stdout: out,
      stderr: out,
      program: (await import("../busybox")).busyboxProgram,
      containerId: null,
      parent: null,
    });
    await m.sched.runUntil(p.exited);
    expect(out.text()).toBe("rm: remove '/tmp/p'? rm: remove '/tmp/q'? ");
    expect(m.rootfs.node(split("/tmp/p"))).not.toBeNull();
    expect(m.rootfs.node(split("/tmp/q"))).toBeNull();
  });
});

describe("commands run by xargs and find", () => {
  it("xargs stops with 124 when a command exits 255", async () => {
    const m = machine();
    const r = await m.run(["xargs", "-n", "1", "exit255"], { stdin: "a b c\n", env: ENV });
    expect(r).toEqual({ exit: 124, stdout: "", stderr: "xargs: exit255: exited with status 255; aborting\n" });
  });

  it("xargs reports 123 when a command fails and goes on", async () => {
    const m = machine();
    const r = await m.run(["xargs", "-n", "1", "exit3"], { stdin: "a b\n", env: ENV });
    expect(r.exit).toBe(123);
  });

  it("find -exec runs commands found in PATH and uses their status", async () => {
    const m = machine();
    m.rootfs.mkdir(split("/tmp/f"), {});
    m.rootfs.writeFile(split("/tmp/f/a"), utf8("A\n"), {});
    const r = await m.run(["find", "/tmp/f", "-type", "f", "-exec", "exit3", "{}", ";", "-o", "-print"], { env: ENV });
    // the directory fails -type f and is printed by -o -print; the file's command fails too
    expect(r).toEqual({ exit: 0, stdout: "/tmp/f\n/tmp/f/a\n", stderr: "" });
  });
});

describe("awk runs through the whole input in simulated steps", () => {
  it("counts a large generated input", async () => {
    const m = machine();
    const lines = Array.from({ length: 20000 }, (_, i) => `${i} ${i % 7}`).join("\n") + "\n";
    const r = await m.run(["awk", "{ s[$2] += $1 } END { for (k in s) n++; print n, NR }"], { stdin: lines, env: ENV });
    expect(r).toEqual({ exit: 0, stdout: "7 20000\n", stderr: "" });
  });
});

describe("runaway input and scripts stay bounded", () => {
  it("an endless line without a memory limit ends in BusyBox's out of memory", async () => {
    const m = machine();
    const r = await m.run(["tail", "/dev/zero"], { env: ENV });
    expect(r).toEqual({ exit: 1, stdout: "", stderr: "tail: out of memory\n" });
  });

  it("a sed loop of jumps can be stopped", async () => {
    const m = machine();
    const out = new Collector();
    const p = m.spawn({ argv: ["sed", ":a;ba"], env: ENV, stdin: fromBytes("x\n"), stdout: out, stderr: out });
    m.spawn({
      argv: ["killer"],
      env: ENV,
      stdout: out,
      stderr: out,
      program: async (ctx) => {
        await ctx.sleep(50);
        m.kernel.signal(p, 9);
        return 0;
      },
    });
    expect(await m.sched.runUntil(p.exited)).toBe(128 + 9);
  });

  it("an awk loop can be stopped", async () => {
    const m = machine();
    const out = new Collector();
    const p = m.spawn({ argv: ["awk", "BEGIN { while (1) n++ }"], env: ENV, stdout: out, stderr: out });
    m.spawn({ argv: ["killer"], env: ENV, stdout: out, stderr: out, program: async (ctx) => (await ctx.sleep(50), m.kernel.signal(p, 9), 0) });
    expect(await m.sched.runUntil(p.exited)).toBe(128 + 9);
  });
});
