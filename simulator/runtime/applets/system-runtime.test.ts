/** The system applets against the runtime itself: namespaces, cgroups, signals, simulated time. */
import { describe, expect, it } from "vitest";
import { readTar } from "../../util/tar";
import { APPLETS } from "../busybox";
import { Machine } from "../machine";
import { Collector, Pipe } from "../streams";
import "./index";
import { Lab } from "./testdata/sys-lab";

describe("ps", () => {
  it("shows host pids on the host and namespace pids in a container", async () => {
    const m = new Machine();
    m.linkApplets();
    const out = new Collector();
    for (let i = 0; i < 3; i++) m.spawn({ argv: ["sleep", "100"], stdout: out, stderr: out });
    const host = await m.run(["ps", "-o", "pid,ppid,args"]);
    // The host's PID 1 is its init; the sleeps follow it and are its children.
    expect(host.stdout.split("\n").slice(1, 5)).toEqual(["    1     0 /sbin/init", "    2     0 sleep 100", "    3     0 sleep 100", "    4     0 sleep 100"]);
    const lab = new Lab();
    lab.spawn(["sleep", "100"], { stdout: new Collector(), stderr: new Collector() });
    const r = await lab.run(["ps"]);
    expect(r.stdout).toBe("PID   USER     COMMAND\n    1 root     sleep 100\n    2 root     ps\n");
  });
});

describe("dd and the memory cgroup", () => {
  it("is OOM-killed when its block does not fit the limit, and fits otherwise", async () => {
    const lab = new Lab({ memory: 64 << 20 });
    const big = await lab.run(["dd", "if=/dev/zero", "of=/dev/null", "bs=200M", "count=1"]);
    expect(big.exit).toBe(137);
    expect(lab.ns.cgroup.oomKilled).toBe(true);
    const small = await new Lab({ memory: 64 << 20 }).run(["dd", "if=/dev/zero", "of=/dev/null", "bs=16M", "count=4"]);
    expect(small).toMatchObject({ exit: 0, stderr: "4+0 records in\n4+0 records out\n" });
  });
  it("copies urandom into a file of the right size", async () => {
    const lab = new Lab();
    expect((await lab.run(["dd", "if=/dev/urandom", "of=/tmp/r", "bs=1000", "count=70"])).exit).toBe(0);
    expect(lab.root.node(["tmp", "r"])!.data!.length).toBe(70_000);
  });
});

describe("yes", () => {
  it("dies of SIGPIPE when its reader goes away", async () => {
    const m = new Machine();
    const pipe = new Pipe();
    const p = m.spawn({ argv: ["yes", "hi"], stdout: pipe.writer, stderr: new Collector() });
    const first = await m.sched.runUntil(pipe.reader.read());
    expect(new TextDecoder().decode(first!).startsWith("hi\nhi\n")).toBe(true);
    pipe.reader.close();
    expect(await m.sched.runUntil(p.exited)).toBe(141);
  });
});

describe("time", () => {
  it("sleep sums its arguments in simulated time", async () => {
    const m = new Machine();
    const t0 = m.sched.now;
    expect((await m.run(["sleep", "1.5m", "2", ".5s"])).exit).toBe(0);
    expect(m.sched.now - t0).toBe(92_500);
  });
  it("date -s with SYS_TIME moves the clock every process reads", async () => {
    const lab = new Lab({ capAdd: ["SYS_TIME"] });
    expect((await lab.run(["date", "-s", "2030-05-06 07:08:09"])).stdout).toBe("Mon May  6 07:08:09 UTC 2030\n");
    expect((await lab.run(["date", "+%Y-%m-%d %H:%M"])).stdout).toBe("2030-05-06 07:08\n");
  });
});

describe("namespaces and credentials", () => {
  it("hostname with SYS_ADMIN renames the UTS namespace for every process in it", async () => {
    const lab = new Lab({ capAdd: ["SYS_ADMIN"] });
    expect((await lab.run(["hostname", "renamed"])).exit).toBe(0);
    expect((await lab.run(["uname", "-n"])).stdout).toBe("renamed\n");
  });
  it("kill from inside cannot stop the container's init, killall stops the others", async () => {
    const lab = new Lab();
    const init = lab.spawn(["sleep", "1000"], { stdout: new Collector(), stderr: new Collector() });
    const other = lab.spawn(["sleep", "1000"], { stdout: new Collector(), stderr: new Collector() });
    expect((await lab.run(["kill", "-9", "1"])).exit).toBe(0);
    expect(init.alive).toBe(true);
    expect((await lab.run(["killall", "sleep"])).exit).toBe(0);
    expect(await lab.m.sched.runUntil(other.exited)).toBe(143);
    expect(init.alive).toBe(true);
  });
  it("env runs the program PATH finds, with the environment it built", async () => {
    const r = await new Lab().run(["env", "-i", "PATH=/bin", "X=1", "env"]);
    expect(r.stdout).toBe("PATH=/bin\nX=1\n");
  });
  it("su switches credentials and drops capabilities for the program it runs", async () => {
    const lab = new Lab();
    const r = await lab.run(["su", "-s", "/bin/id", "nobody"]);
    expect(r.stdout).toBe("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
    const h = await lab.run(["su", "-s", "/bin/hostname", "nobody", "x"]);
    expect(h.stderr).toBe("hostname: sethostname: Operation not permitted\n");
  });
  it.runIf(APPLETS.has("sh"))("su -c runs the command through the user's -s shell", async () => {
    const r = await new Lab().run(["su", "-s", "/bin/sh", "nobody", "-c", "id -u"]);
    expect(r.stdout).toBe("65534\n");
  });
  it("mount -t tmpfs with SYS_ADMIN gives a fresh filesystem that umount takes away", async () => {
    const lab = new Lab({ capAdd: ["SYS_ADMIN"], files: [{ path: "/m/old", content: "under\n" }] });
    expect((await lab.run(["mount", "-t", "tmpfs", "tmpfs", "/m"])).exit).toBe(0);
    expect((await lab.run(["md5sum", "/m/old"])).exit).toBe(1);
    expect((await lab.run(["dd", "of=/m/new"], { stdin: "x" })).exit).toBe(0);
    expect(lab.root.node(["m", "new"])).toBeNull();
    expect((await lab.run(["umount", "/m"])).exit).toBe(0);
    expect((await lab.run(["md5sum", "/m/old"])).exit).toBe(0);
  });
});

describe("tar and util/tar", () => {
  it("writes archives util/tar reads back, in BusyBox's layout", async () => {
    const lab = new Lab({ files: [{ path: "/w/a", content: "hello\n", mode: 0o600, uid: 4242 }, { path: "/w/l", type: "symlink", target: "a" }] });
    const r = await lab.run(["tar", "cf", "-", "-C", "/w", "a", "l"]);
    const es = readTar(r.out);
    expect(es.map((e) => [e.name, e.type, e.mode, e.uid, e.uname, e.linkname])).toEqual([
      ["a", "file", 0o600, 4242, "4242", undefined],
      ["l", "symlink", 0o777, 0, "root", "a"],
    ]);
    expect(new TextDecoder().decode(r.out.subarray(257, 265))).toBe("ustar  \0");
    expect(r.out.length).toBe(512 * 5);
  });
  it("lists what it reads from a pipe", async () => {
    const lab = new Lab({ files: [{ path: "/w/f", content: "data\n" }] });
    const a = await lab.run(["tar", "czf", "-", "/w/f"]);
    const t = await lab.run(["tar", "tzvf", "-"], { stdin: a.out });
    expect(t.stdout).toBe("-rw-r--r-- root/root         5 2024-01-01 00:00:00 w/f\n");
    expect(a.stderr).toBe("tar: removing leading '/' from member names\n");
  });
});
