/**
 * docker stats (moby's daemon/stats): resource use of a container's cgroup. CPU is the work its
 * processes did over their lifetime; memory is what they hold plus a resident baseline per
 * process, against the memory limit or the machine's memory; the simulator counts no network
 * or block I/O bytes.
 */
import { HOST_FACTS } from "../runtime/procfs";
import type { Container } from "./container/container";
import type { Daemon } from "./daemon";
import { containerProcesses } from "./top";
import { cpuMs } from "./container/procps";

/** Resident memory a small BusyBox process holds before it allocates anything. */
export const BASE_RSS = 156 * 1024;

export interface ContainerStats {
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  pids: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
}

export function containerStats(d: Daemon, c: Container): ContainerStats {
  if (!c.state.Running || !c.process) return { cpuPercent: 0, memUsage: 0, memLimit: 0, pids: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0 };
  const procs = containerProcesses(d, c);
  const now = d.now();
  const started = Date.parse(c.state.StartedAt);
  const busyMs = procs.reduce((a, p) => a + cpuMs(p), 0);
  const cpus = c.hostConfig.NanoCpus ? c.hostConfig.NanoCpus / 1e9 : HOST_FACTS.cpus;
  const elapsed = Math.max(1, now - started);
  const cpuPercent = Math.min(cpus * 100, (busyMs / elapsed) * 100);
  const memUsage = procs.reduce((a, p) => a + BASE_RSS + p.memory, 0);
  const memLimit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : HOST_FACTS.memTotalKb * 1024;
  return { cpuPercent, memUsage, memLimit, pids: procs.length, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0 };
}
