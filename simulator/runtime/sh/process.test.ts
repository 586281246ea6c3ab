/** Process-level behaviour that output alone does not show: exec keeps the pid, sh -c's last command replaces the shell, fork failures, pipelines as processes. */
import { describe, expect, it } from "vitest";
import "./index";
import { registerApplet } from "../busybox";
import { Machine } from "../machine";
import type { Process } from "../process";
import { PidNamespace } from "../namespaces";
import { SIGNALS } from "../signals";
import { Collector, fromBytes } from "../streams";
import { shMain } from "./main";

const seen: Array<{ pid: number; comm: string; argv: string[] }> = [];
registerApplet({
  name: "whoami-proc",
  async run(ctx) {
    seen.push({ pid: ctx.proc.pid, comm: ctx.proc.comm, argv: [...ctx.proc.argv] });
    await ctx.stdout.write(`${ctx.proc.nsPid}\n`);
    return 5;
  },
});
registerApplet({
  name: "nap1",
  async run(ctx) {
    await ctx.sleep(1000);
    return 0;
  },
});
registerApplet({
  name: "hold",
  async run(ctx) {
    await ctx.sleep(10_000);
    return 0;
  },
});

async function run(script: string, setup?: (m: Machine) => void): Promise<{ out: string; err: string; exit: number; sh: Process; m: Machine }> {
  const m = new Machine();
  m.linkApplets();
  setup?.(m);
  const out = new Collector();
  const err = new Collector();
  m.spawn({ argv: ["init"], program: async () => 0, stdout: out, stderr: err });
  const sh = m.spawn({ argv: ["sh", "-c", script], program: shMain, env: { PATH: "/bin" }, cwd: "/", stdin: fromBytes(""), stdout: out, stderr: err });
  const exit = await m.sched.runUntil(sh.exited);
  return { out: out.text(), err: err.text(), exit, sh, m };
}

describe("sh processes", () => {
  it("exec runs the program in the shell's own process", async () => {
    seen.length = 0;
    const r = await run("echo $$; exec whoami-proc a b; echo not reached");
    const [shPid, execPid] = r.out.trim().split("\n");
    expect(execPid).toBe(shPid);
    expect(r.exit).toBe(5);
    expect(seen[0]).toEqual({ pid: r.sh.pid, comm: "whoami-proc", argv: ["whoami-proc", "a", "b"] });
  });

  it("sh -c execs its last command in place, as ash does", async () => {
    seen.length = 0;
    const r = await run("true; whoami-proc");
    expect(seen[0].pid).toBe(r.sh.pid);
    expect(r.exit).toBe(5);
  });

  it("forks for a command that is not last", async () => {
    seen.length = 0;
    const r = await run("whoami-proc; true");
    expect(seen[0].pid).not.toBe(r.sh.pid);
    expect(r.exit).toBe(0);
  });

  it("runs each pipeline element as its own process", async () => {
    seen.length = 0;
    const r = await run("whoami-proc | whoami-proc | whoami-proc; :");
    expect(new Set(seen.map((s) => s.pid)).size).toBe(3);
    expect(r.exit).toBe(0);
  });

  it("reports fork failure with BusyBox's text when the pids limit is reached", async () => {
    const r = await run("hold & hold & hold & echo after", (m) => {
      m.hostNs.cgroup.pidsLimit = 3;
    });
    expect(r.err).toBe("sh: can't fork: Resource temporarily unavailable\n");
    expect(r.exit).toBe(2);
  });

  it("stops a runaway loop at the step budget", async () => {
    const m = new Machine();
    const sh = m.spawn({ argv: ["sh", "-c", "while :; do :; done"], program: shMain, stdout: new Collector(), stderr: new Collector() });
    m.kernel.setBudget(sh, { remaining: 10_000, exceeded: false });
    expect(await m.sched.runUntil(sh.exited)).toBe(137);
  });

  it("$! is the background job's pid and kill reaches it in the shell's namespace", async () => {
    const r = await run("hold & p=$!; kill $p; wait $p; echo $?");
    expect(r.out).toBe("143\n");
    expect(r.err).toBe("Terminated\n");
  });

  it("as a container's PID 1, runs its TERM trap after the foreground command (docker stop)", async () => {
    const m = new Machine();
    const out = new Collector();
    const ns = { ...m.hostNs, pid: new PidNamespace(7, m.hostNs.pid) };
    const sh = m.kernel.start({
      argv: ["sh", "-c", 'trap "echo got TERM; exit 3" TERM; echo $$; while true; do nap1; done'],
      env: { PATH: "/bin" }, cwd: "/", cred: { uid: 0, gid: 0, groups: [0], caps: new Set() }, ns, devices: m.devices,
      stdin: fromBytes(""), stdout: out, stderr: out, program: shMain, containerId: "c1", parent: null,
    });
    const t0 = m.sched.now;
    m.sched.at(2500, () => m.kernel.signal(sh, SIGNALS.TERM));
    expect(await m.sched.runUntil(sh.exited)).toBe(3);
    expect(out.text()).toBe("1\ngot TERM\n");
    expect(m.sched.now - t0).toBe(3000);
  });

  it("as PID 1 without a trap, ignores TERM (only KILL stops it)", async () => {
    const m = new Machine();
    const ns = { ...m.hostNs, pid: new PidNamespace(8, m.hostNs.pid) };
    const sh = m.kernel.start({
      argv: ["sh", "-c", "while true; do nap1; done"],
      env: { PATH: "/bin" }, cwd: "/", cred: { uid: 0, gid: 0, groups: [0], caps: new Set() }, ns, devices: m.devices,
      stdin: fromBytes(""), stdout: new Collector(), stderr: new Collector(), program: shMain, containerId: "c2", parent: null,
    });
    m.sched.at(2500, () => m.kernel.signal(sh, SIGNALS.TERM));
    m.sched.at(10_000, () => m.kernel.signal(sh, SIGNALS.KILL));
    expect(await m.sched.runUntil(sh.exited)).toBe(137);
  });
});
