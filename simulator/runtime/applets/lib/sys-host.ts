/**
 * The simulated host machine's fixed facts: what uname, nproc, free, top and uptime report.
 * A model of a typical Docker Desktop VM (the numbers are the model's, not any real machine's):
 *   kernel  Linux 6.10.14-linuxkit "#1 SMP PREEMPT_DYNAMIC Fri Nov 29 17:22:03 UTC 2024" x86_64
 *   CPUs    4
 *   memory  MemTotal 8025424 kB, no swap in use (1 GiB configured), load average 0.08 0.03 0.01
 * Containers see the host's kernel, CPUs and /proc/meminfo, as on Linux.
 */
import type { Kernel } from "../../kernel";

export const HOST_UNAME = {
  sysname: "Linux",
  release: "6.10.14-linuxkit",
  version: "#1 SMP PREEMPT_DYNAMIC Fri Nov 29 17:22:03 UTC 2024",
  machine: "x86_64",
  os: "GNU/Linux",
};

export const HOST_CPUS = 4;

/** /proc/meminfo of the idle host, in kB. */
export const HOST_MEMINFO = {
  MemTotal: 8025424,
  MemFree: 6782736,
  MemAvailable: 7465816,
  Buffers: 74372,
  Cached: 721200,
  Shmem: 8788,
  SReclaimable: 62524,
  SwapTotal: 1048572,
  SwapFree: 1048572,
};

export const HOST_LOADAVG: readonly [number, number, number] = [0.08, 0.03, 0.01];

export interface MemSnapshot {
  total: number;
  free: number;
  available: number;
  buffers: number;
  cached: number;
  shared: number;
  reclaimable: number;
  swapTotal: number;
  swapFree: number;
}

/** Memory in kB now: the idle host minus what simulated processes hold. */
export function memory(kernel: Kernel): MemSnapshot {
  let held = 0;
  for (const p of kernel.procs.values()) held += p.memory;
  const kb = Math.ceil(held / 1024);
  const m = HOST_MEMINFO;
  const free = Math.max(0, m.MemFree - kb);
  return {
    total: m.MemTotal,
    free,
    available: Math.max(0, m.MemAvailable - kb),
    buffers: m.Buffers,
    cached: m.Cached,
    shared: m.Shmem,
    reclaimable: m.SReclaimable,
    swapTotal: m.SwapTotal,
    swapFree: m.SwapFree,
  };
}

/** When the host booted: the start of the oldest process, or now (ms). */
export function bootTime(kernel: Kernel): number {
  let t = kernel.now();
  for (const p of kernel.procs.values()) if (p.startTime < t) t = p.startTime;
  return t;
}
