/** The run/create options beyond the common ones: health checks and the settings kept in HostConfig. */
import type { ContainerConfig } from "../../../api/types";
import type { HostConfigExtra } from "../../../daemon/container/container";
import { bool, list, num, str, type Values } from "../../command";
import { ClientError } from "./opts-parse";

const MS_NS = 1_000_000;

/** --health-* and --no-healthcheck as the CLI turns them into Config.Healthcheck (durations in ns). */
export function healthConfig(v: Values, changed: string[]): ContainerConfig["Healthcheck"] | undefined {
  const given = ["health-cmd", "health-interval", "health-timeout", "health-start-period", "health-retries"].filter((k) => changed.includes(k));
  if (bool(v, "no-healthcheck")) {
    if (given.length) throw new ClientError("--no-healthcheck conflicts with --health-* options");
    return { Test: ["NONE"] };
  }
  if (given.length === 0) return undefined;
  for (const k of ["health-interval", "health-timeout", "health-start-period"]) if (num(v, k) < 0) throw new ClientError(`--${k} cannot be negative`);
  if (num(v, "health-retries") < 0) throw new ClientError("--health-retries cannot be negative");
  const hc: NonNullable<ContainerConfig["Healthcheck"]> = { Test: str(v, "health-cmd") ? ["CMD-SHELL", str(v, "health-cmd")] : [] };
  // zero values are left out (omitempty), and then come from the image or the defaults
  if (num(v, "health-interval")) hc.Interval = Math.round(num(v, "health-interval") * MS_NS);
  if (num(v, "health-timeout")) hc.Timeout = Math.round(num(v, "health-timeout") * MS_NS);
  if (num(v, "health-start-period")) hc.StartPeriod = Math.round(num(v, "health-start-period") * MS_NS);
  if (num(v, "health-retries")) hc.Retries = num(v, "health-retries");
  return hc;
}

function kv(items: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of items) {
    const i = s.indexOf("=");
    if (i <= 0) throw new ClientError(`invalid ${what} format: ${s}`);
    out[s.slice(0, i)] = s.slice(i + 1);
  }
  return out;
}

function device(spec: string) {
  const [host, inContainer = host, perms = "rwm"] = spec.split(":");
  if (!/^[rwm]+$/.test(perms)) throw new ClientError(`invalid device mode: ${perms}`);
  return { PathOnHost: host, PathInContainer: inContainer, CgroupPermissions: perms };
}

/** HostConfig fields the engine records for these options (inspect shows them). */
export function extraHostConfig(v: Values, changed: string[]): HostConfigExtra {
  const x: HostConfigExtra = {};
  const has = (k: string) => changed.includes(k);
  if (has("cidfile")) x.ContainerIDFile = str(v, "cidfile");
  if (has("log-driver") || has("log-opt")) x.LogConfig = { Type: str(v, "log-driver"), Config: kv(list(v, "log-opt"), "log-opt") };
  if (has("group-add")) x.GroupAdd = list(v, "group-add");
  if (has("dns-option")) x.DnsOptions = list(v, "dns-option");
  if (has("dns-search")) x.DnsSearch = list(v, "dns-search");
  if (has("oom-score-adj")) {
    if (num(v, "oom-score-adj") < -1000 || num(v, "oom-score-adj") > 1000) throw new ClientError(`invalid value ${num(v, "oom-score-adj")}, range for oom score adj is [-1000, 1000]`);
    x.OomScoreAdj = num(v, "oom-score-adj");
  }
  if (has("shm-size")) x.ShmSize = Number(v["shm-size"] ?? 0);
  if (has("sysctl")) x.Sysctls = { ...((v.sysctl as Record<string, string> | undefined) ?? {}) };
  if (has("ulimit")) {
    x.Ulimits = list(v, "ulimit").map((u) => {
      const [name, limits] = u.split("=");
      const [soft, hard = soft] = limits.split(":").map(Number);
      if (soft > hard) throw new ClientError(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
      return { Name: name, Hard: hard, Soft: soft };
    });
  }
  if (has("security-opt")) x.SecurityOpt = list(v, "security-opt");
  const strings: Array<[string, keyof HostConfigExtra]> = [
    ["cgroup-parent", "CgroupParent"],
    ["cgroupns", "CgroupnsMode"],
    ["ipc", "IpcMode"],
    ["pid", "PidMode"],
    ["uts", "UTSMode"],
    ["userns", "UsernsMode"],
    ["runtime", "Runtime"],
    ["isolation", "Isolation"],
    ["volume-driver", "VolumeDriver"],
    ["cpuset-cpus", "CpusetCpus"],
    ["cpuset-mems", "CpusetMems"],
  ];
  for (const [flag, field] of strings) if (has(flag)) (x as Record<string, unknown>)[field] = str(v, flag);
  const numbers: Array<[string, keyof HostConfigExtra]> = [
    ["blkio-weight", "BlkioWeight"],
    ["cpu-period", "CpuPeriod"],
    ["cpu-quota", "CpuQuota"],
    ["cpu-rt-period", "CpuRealtimePeriod"],
    ["cpu-rt-runtime", "CpuRealtimeRuntime"],
    ["kernel-memory", "KernelMemory"],
    ["memory-reservation", "MemoryReservation"],
  ];
  for (const [flag, field] of numbers) if (has(flag)) (x as Record<string, unknown>)[field] = Number(v[flag] ?? 0);
  if (has("memory-swappiness") && num(v, "memory-swappiness") !== -1) {
    const s = num(v, "memory-swappiness");
    if (s < 0 || s > 100) throw new ClientError(`invalid value: ${s}. Valid memory swappiness range is 0-100`);
    x.MemorySwappiness = s;
  }
  if (has("oom-kill-disable")) x.OomKillDisable = bool(v, "oom-kill-disable");
  if (has("storage-opt")) x.StorageOpt = kv(list(v, "storage-opt"), "storage-opt");
  if (has("device")) x.Devices = list(v, "device").map(device);
  return x;
}
