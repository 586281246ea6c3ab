/** Linux namespaces and the cgroup a process lives in, as the simulator models them. */
import type { MountTable } from "./mounts";
import type { Process } from "./process";

export class PidNamespace {
  private next = 1;
  readonly members = new Map<number, Process>();
  constructor(
    readonly id: number,
    readonly parent: PidNamespace | null,
  ) {}
  allocate(): number {
    return this.next++;
  }
  /** The pid namespace's init (nsPid 1), if alive. */
  get init(): Process | undefined {
    return this.members.get(1);
  }
}

export interface UtsNamespace {
  id: number;
  hostname: string;
  domainname: string;
}

/** A network interface as `ip addr` shows it. */
export interface NetInterface {
  name: string;
  index: number;
  mac: string;
  /** IPv4 address with prefix, e.g. "172.17.0.2/16". */
  addr: string | null;
  mtu: number;
  up: boolean;
  /** Peer ifindex for veth pairs (eth0@if5). */
  peer?: number;
}

/** What a network namespace offers processes; the engine's network model implements it. */
export interface NetNamespace {
  id: number;
  interfaces(): NetInterface[];
  /** The nameserver lines /etc/resolv.conf would point at. */
  readonly kind: "host" | "container" | "none";
}

export interface Cgroup {
  /** e.g. "/docker/<id>" or "/" for the host. */
  path: string;
  memoryLimit: number | null;
  memorySwapLimit: number | null;
  pidsLimit: number | null;
  nanoCpus: number | null;
  cpuShares: number | null;
  /** Set when the OOM killer fired in this cgroup. */
  oomKilled: boolean;
  /** Paused containers' processes are frozen. */
  frozen: boolean;
}

export interface Namespaces {
  pid: PidNamespace;
  uts: UtsNamespace;
  mnt: MountTable;
  net: NetNamespace;
  ipc: { id: number };
  user: { id: number };
  cgroup: Cgroup;
}

export function hostCgroup(): Cgroup {
  return { path: "/", memoryLimit: null, memorySwapLimit: null, pidsLimit: null, nanoCpus: null, cpuShares: null, oomKilled: false, frozen: false };
}
