/**
 * Runs a recorded shell case in the simulator: a fresh Machine, the same fixture directory
 * and environment as the recording, a step budget so runaway scripts end.
 */
import { split } from "../../../fs/path";
import { Machine } from "../../machine";
import { Collector, fromBytes } from "../../streams";
import { bashMain, shMain } from "../main";

export interface Fixture {
  dir: string;
  env: Record<string, string>;
  files: Array<{ path: string; content?: string; mode?: string; dir?: boolean }>;
}

export interface Case {
  name: string;
  flags: string[];
  script: string;
  stdin: string | null;
  stdout: string;
  stderr: string;
  exit: number;
}

const enc = new TextEncoder();
const PASSWD = "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";

export function machineWithFixture(fx: Fixture): Machine {
  const m = new Machine();
  m.linkApplets();
  const t = m.sched.now;
  m.rootfs.writeFile(["etc", "passwd"], enc.encode(PASSWD), { mode: 0o644, uid: 0, gid: 0, mtime: t });
  const base = split(fx.dir);
  for (let i = 1; i <= base.length; i++) {
    if (!m.rootfs.node(base.slice(0, i))) m.rootfs.mkdir(base.slice(0, i), { mode: 0o755, mtime: t });
  }
  for (const f of fx.files) {
    const p = [...base, ...split(f.path)];
    if (f.dir) m.rootfs.mkdir(p, { mode: 0o755, mtime: t });
    else m.rootfs.writeFile(p, enc.encode(f.content ?? ""), { mode: parseInt(f.mode ?? "644", 8), uid: 0, gid: 0, mtime: t });
  }
  return m;
}

export async function runCase(fx: Fixture, c: Pick<Case, "script" | "stdin" | "flags">, budget = 3_000_000, shell: "sh" | "bash" = "sh"): Promise<{ stdout: string; stderr: string; exit: number }> {
  const m = machineWithFixture(fx);
  const out = new Collector();
  const err = new Collector();
  const stdinScript = c.flags.includes("stdin-script");
  if (c.flags.includes("file")) {
    m.rootfs.writeFile([...split(fx.dir), "prog.sh"], enc.encode(c.script + "\n"), { mode: 0o644, uid: 0, gid: 0, mtime: m.sched.now });
  }
  const argv = c.flags.includes("file") ? [shell, "prog.sh"] : stdinScript ? [shell] : [shell, "-c", c.script];
  // pid 1 is init's: the shell under test is an ordinary process, as on a real host
  m.spawn({ argv: ["init"], program: async () => 0, stdout: out, stderr: err });
  const p = m.spawn({
    argv,
    program: shell === "bash" ? bashMain : (ctx) => shMain(ctx),
    env: { ...fx.env },
    cwd: fx.dir,
    stdin: fromBytes(stdinScript ? c.script + "\n" : (c.stdin ?? "")),
    stdout: out,
    stderr: err,
  });
  m.kernel.setBudget(p, { remaining: budget, exceeded: false });
  const exit = await m.sched.runUntil(p.exited, { deadline: m.sched.now + 3_600_000 });
  return { stdout: out.text(), stderr: err.text(), exit };
}
