/** docker update: change a container's restart policy and resource limits, live if it runs (moby's daemon/update.go). */
import type { HostConfig, RestartPolicy } from "./container/container";
import type { Daemon } from "./daemon";
import { conflict, invalidParameter } from "./errdefs";
import { validateRestartPolicy } from "./create-verify";

export interface UpdateRequest {
  RestartPolicy?: RestartPolicy;
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuShares?: number;
  PidsLimit?: number;
}

export function containerUpdate(d: Daemon, ref: string, u: UpdateRequest): void {
  const c = d.mustContainer(ref);
  const hc = c.hostConfig;
  if (u.RestartPolicy) {
    validateRestartPolicy(u.RestartPolicy);
    if (hc.AutoRemove && u.RestartPolicy.Name !== "no" && u.RestartPolicy.Name !== "") {
      throw invalidParameter("Restart policy cannot be updated because AutoRemove is enabled for the container");
    }
  }
  const memory = u.Memory ?? hc.Memory;
  let swap = u.MemorySwap ?? hc.MemorySwap;
  if (u.Memory !== undefined && u.Memory > 0 && u.Memory < 6 * 1024 * 1024) throw invalidParameter("Minimum memory limit allowed is 6MB");
  if (u.Memory !== undefined && u.MemorySwap === undefined && hc.MemorySwap > 0 && memory > hc.MemorySwap) {
    throw conflict("Cannot update container " + c.id + ": Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
  }
  if (memory > 0 && swap > 0 && swap < memory) throw invalidParameter("Minimum memoryswap limit should be larger than memory limit, see usage");
  if (u.Memory !== undefined && u.MemorySwap === undefined && hc.MemorySwap === 0 && memory > 0) swap = memory * 2;
  const next: Partial<HostConfig> = {};
  if (u.RestartPolicy) next.RestartPolicy = { Name: u.RestartPolicy.Name || "no", MaximumRetryCount: u.RestartPolicy.MaximumRetryCount };
  if (u.Memory !== undefined || u.MemorySwap !== undefined) Object.assign(next, { Memory: memory, MemorySwap: swap });
  if (u.NanoCpus !== undefined) next.NanoCpus = u.NanoCpus;
  if (u.CpuShares !== undefined) next.CpuShares = u.CpuShares;
  if (u.PidsLimit !== undefined) next.PidsLimit = u.PidsLimit === 0 ? hc.PidsLimit : u.PidsLimit;
  Object.assign(hc, next);
  const cg = c.process?.ns.cgroup;
  if (cg) {
    cg.memoryLimit = hc.Memory > 0 ? hc.Memory : null;
    cg.memorySwapLimit = hc.MemorySwap !== 0 ? hc.MemorySwap : null;
    cg.nanoCpus = hc.NanoCpus || null;
    cg.cpuShares = hc.CpuShares || null;
    cg.pidsLimit = hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : null;
  }
  d.events.emit({ Type: "container", Action: "update", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
}
