/** A container as the daemon keeps it: configuration, state, its writable layer, logs and mounts. */
import type { ContainerConfig } from "../../api/types";
import type { Inode } from "../../fs/inode";
import type { Process } from "../../runtime/process";
import { type ContainerState, newState } from "./state";

export interface RestartPolicy {
  Name: "" | "no" | "always" | "unless-stopped" | "on-failure";
  MaximumRetryCount: number;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface MountSpec {
  Type: "bind" | "volume" | "tmpfs";
  Source: string;
  Target: string;
  ReadOnly: boolean;
  /** volume: do not copy the image's content into an empty volume. */
  NoCopy?: boolean;
}

export interface HostConfig {
  Binds: string[] | null;
  AutoRemove: boolean;
  RestartPolicy: RestartPolicy;
  NetworkMode: string;
  PortBindings: Record<string, PortBinding[]>;
  PublishAllPorts: boolean;
  Memory: number;
  MemorySwap: number;
  NanoCpus: number;
  CpuShares: number;
  PidsLimit: number | null;
  ReadonlyRootfs: boolean;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  Privileged: boolean;
  Init: boolean | null;
  Tmpfs: Record<string, string> | null;
  VolumesFrom: string[] | null;
  Dns: string[];
  ExtraHosts: string[] | null;
  Links: string[] | null;
  Mounts: MountSpec[];
  /** Settings the engine records and reports in inspect (see HostConfigExtra). */
  extra?: HostConfigExtra;
}

/**
 * run/create options kept as the engine keeps them (inspect shows them). GroupAdd, Domainname,
 * ShmSize, OomScoreAdj and the log driver take effect; the rest are recorded only.
 */
export interface HostConfigExtra {
  ContainerIDFile?: string;
  LogConfig?: { Type: string; Config: Record<string, string> };
  GroupAdd?: string[] | null;
  DnsOptions?: string[];
  DnsSearch?: string[];
  OomScoreAdj?: number;
  ShmSize?: number;
  Sysctls?: Record<string, string>;
  Ulimits?: Array<{ Name: string; Soft: number; Hard: number }>;
  SecurityOpt?: string[] | null;
  CgroupParent?: string;
  CgroupnsMode?: string;
  IpcMode?: string;
  PidMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  Runtime?: string;
  Isolation?: string;
  VolumeDriver?: string;
  BlkioWeight?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  KernelMemory?: number;
  MemoryReservation?: number;
  MemorySwappiness?: number | null;
  OomKillDisable?: boolean;
  StorageOpt?: Record<string, string>;
  Devices?: Array<{ PathOnHost: string; PathInContainer: string; CgroupPermissions: string }>;
}

/** A mount as inspect reports it under .Mounts. */
export interface MountPoint {
  Type: "bind" | "volume" | "tmpfs";
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** A process started in a running container by docker exec. */
export interface ExecInstance {
  id: string;
  argv: string[];
  user: string;
  workingDir: string;
  env: string[];
  tty: boolean;
  running: boolean;
  exitCode: number | null;
  pid: number;
}

export interface LogEntry {
  stream: "stdout" | "stderr";
  /** ms since epoch */
  time: number;
  data: Uint8Array;
}

export class Container {
  state: ContainerState = newState();
  restartCount = 0;
  /** The writable (upper) layer: this container's own changes, including whiteouts. */
  rw: Inode | null = null;
  /** The init layer Docker adds under the rw layer (/.dockerenv, /etc/hosts, ... placeholders). */
  init: Inode | null = null;
  logs: LogEntry[] = [];
  mounts: MountPoint[] = [];
  /** Files Docker bind-mounts over /etc: hostname, hosts, resolv.conf. */
  etcFiles: { hostname: Inode; hosts: Inode; resolv: Inode } | null = null;
  /** The running main process (not part of saved state). */
  process: Process | null = null;
  /** Set by `docker stop`/`kill` so that restart policies know the stop was wanted. */
  manualStop = false;
  hasBeenStarted = false;
  /** Host ports bound for this container while it runs (PortBindings with chosen ports filled in). */
  hostPorts: Record<string, PortBinding[]> = {};
  /** Exec instances by ID (docker exec), kept while the container exists. */
  execs = new Map<string, ExecInstance>();
  /** Network attachments by network name. */
  networks: Record<string, { IPAddress: string; Gateway: string; MacAddress: string; Aliases: string[] | null; NetworkID: string; EndpointID: string; IPPrefixLen: number }> = {};

  constructor(
    readonly id: string,
    public name: string,
    readonly created: number,
    readonly path: string,
    readonly args: string[],
    readonly config: ContainerConfig,
    readonly hostConfig: HostConfig,
    /** Image ID. */
    readonly image: string,
  ) {}

  get shortId(): string {
    return this.id.slice(0, 12);
  }
}
