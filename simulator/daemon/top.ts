/**
 * docker top (moby's daemon/top_unix.go): run the host's ps with the given arguments and keep the
 * rows of the container's processes, parsed as the daemon parses ps output.
 */
import { split } from "../fs/path";
import type { Process } from "../runtime/process";
import { HOST_FACTS } from "../runtime/procfs";
import { text } from "../util/bytes";
import type { Container } from "./container/container";
import { psFormat, psText } from "./container/procps";
import type { Daemon } from "./daemon";
import { conflict, systemError } from "./errdefs";

export interface TopResult {
  Titles: string[];
  Processes: string[][];
}

/**
 * The container's processes in host PID order: those in its cgroup, as the engine finds them
 * (a PID namespace may hold other containers' processes too, with --pid container:<id> or host).
 */
export function containerProcesses(d: Daemon, c: Container): Process[] {
  const cgroup = c.process?.ns.cgroup;
  if (!cgroup) return [];
  return d.kernel.list().filter((p) => p.alive && p.ns.cgroup === cgroup);
}

function hostUsers(d: Daemon): Map<number, string> {
  const users = new Map<number, string>();
  try {
    const body = text(d.machine.rootfs.readFile(split("/etc/passwd")));
    for (const line of body.split("\n")) {
      const f = line.split(":");
      if (f.length > 2 && /^\d+$/.test(f[2]) && !users.has(Number(f[2]))) users.set(Number(f[2]), f[0]);
    }
  } catch {
    /* no passwd: numeric users */
  }
  return users;
}

/** parsePSOutput: titles from the first line; the last column takes the rest of each line. */
export function parsePsOutput(out: string, pids: Set<number>): TopResult {
  const lines = out.split("\n");
  const titles = lines[0].trim().split(/\s+/).filter(Boolean);
  const pidIndex = titles.indexOf("PID");
  if (pidIndex < 0) throw systemError("Couldn't find PID field in ps output");
  const processes: string[][] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const fields = line.trim().split(/\s+/);
    const pid = Number(fields[pidIndex]);
    if (!pids.has(pid)) continue;
    processes.push([...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(" ")]);
  }
  return { Titles: titles, Processes: processes };
}

export function containerTop(d: Daemon, ref: string, psArgs: string): TopResult {
  const c = d.mustContainer(ref);
  if (!c.state.Running || !c.process) throw conflict(`Container ${c.id} is not running`);
  if (c.state.Restarting) throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  const cols = psFormat((psArgs || "-ef").split(" "));
  if ("error" in cols) throw systemError(`ps: ${cols.error}`);
  const procs = containerProcesses(d, c);
  const users = hostUsers(d);
  const out = psText(cols, procs, {
    userName: (uid) => users.get(uid) ?? null,
    now: d.now(),
    memTotal: HOST_FACTS.memTotalKb * 1024,
    ttyOf: () => (c.config.Tty ? "pts/0" : null),
  });
  return parsePsOutput(out, new Set(procs.map((p) => p.pid)));
}
