/** A container's HostConfig as the Engine API returns it: every field, in the engine's order. */
import type { HostConfig } from "./container/container";

const MASKED_PATHS = ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware"];
const READONLY_PATHS = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

export function hostConfigJSON(h: HostConfig): Record<string, unknown> {
  const x = h.extra ?? {};
  const out: Record<string, unknown> = {
    Binds: h.Binds,
    ContainerIDFile: x.ContainerIDFile ?? "",
    LogConfig: x.LogConfig ?? { Type: "json-file", Config: {} },
    NetworkMode: h.NetworkMode,
    PortBindings: h.PortBindings,
    RestartPolicy: { ...h.RestartPolicy },
    AutoRemove: h.AutoRemove,
    VolumeDriver: x.VolumeDriver ?? "",
    VolumesFrom: h.VolumesFrom,
    CapAdd: h.CapAdd,
    CapDrop: h.CapDrop,
    CgroupnsMode: x.CgroupnsMode || "host",
    Dns: h.Dns,
    DnsOptions: x.DnsOptions ?? [],
    DnsSearch: x.DnsSearch ?? [],
    ExtraHosts: h.ExtraHosts,
    GroupAdd: x.GroupAdd ?? null,
    IpcMode: x.IpcMode || "private",
    Cgroup: "",
    Links: h.Links,
    OomScoreAdj: x.OomScoreAdj ?? 0,
    PidMode: x.PidMode ?? "",
    Privileged: h.Privileged,
    PublishAllPorts: h.PublishAllPorts,
    ReadonlyRootfs: h.ReadonlyRootfs,
    SecurityOpt: x.SecurityOpt ?? (h.Privileged ? ["label=disable"] : null),
  };
  if (x.StorageOpt) out.StorageOpt = x.StorageOpt;
  if (h.Tmpfs) out.Tmpfs = h.Tmpfs;
  Object.assign(out, {
    UTSMode: x.UTSMode ?? "",
    UsernsMode: x.UsernsMode ?? "",
    ShmSize: x.ShmSize || 67108864,
  });
  if (x.Sysctls && Object.keys(x.Sysctls).length) out.Sysctls = x.Sysctls;
  Object.assign(out, {
    Runtime: x.Runtime || "runc",
    ConsoleSize: [0, 0],
    Isolation: x.Isolation ?? "",
    CpuShares: h.CpuShares,
    Memory: h.Memory,
    NanoCpus: h.NanoCpus,
    CgroupParent: x.CgroupParent ?? "",
    BlkioWeight: x.BlkioWeight ?? 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: x.CpuPeriod ?? 0,
    CpuQuota: x.CpuQuota ?? 0,
    CpuRealtimePeriod: x.CpuRealtimePeriod ?? 0,
    CpuRealtimeRuntime: x.CpuRealtimeRuntime ?? 0,
    CpusetCpus: x.CpusetCpus ?? "",
    CpusetMems: x.CpusetMems ?? "",
    Devices: x.Devices ?? [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: x.KernelMemory ?? 0,
    KernelMemoryTCP: 0,
    MemoryReservation: x.MemoryReservation ?? 0,
    MemorySwap: h.MemorySwap,
    MemorySwappiness: x.MemorySwappiness ?? null,
    OomKillDisable: x.OomKillDisable ?? false,
    PidsLimit: h.PidsLimit,
    Ulimits: x.Ulimits ?? [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
  });
  if (h.Mounts.length) out.Mounts = h.Mounts.map((m) => ({ Type: m.Type, Source: m.Source, Target: m.Target, ...(m.ReadOnly ? { ReadOnly: true } : {}) }));
  out.MaskedPaths = h.Privileged ? null : MASKED_PATHS;
  out.ReadonlyPaths = h.Privileged ? null : READONLY_PATHS;
  if (h.Init !== null) out.Init = h.Init;
  return out;
}
