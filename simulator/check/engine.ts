/**
 * The engine interface exercise checks query. Two engines implement it with the same semantics:
 * the simulator (simulator/check/sim-engine.ts) and a real Docker daemon (verify/docker-engine.ts,
 * through the Engine API). Shapes are the Engine API's own JSON (the fields checks use are typed;
 * the rest is there as the engine sent it), so a check reads `c.State.Status` on both.
 *
 * Semantics shared by both implementations:
 * - a lookup by name, ID or ID prefix returns null when the object does not exist (never throws
 *   for "not found"); any other failure throws an Error whose message says what went wrong;
 * - container names are given without the leading slash; `Name` in inspect keeps Docker's "/name";
 * - lists are in the engine's order (newest first for containers and images).
 */

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  State: string;
  Status: string;
  Labels: Record<string, string>;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  [field: string]: unknown;
}

export interface MountPoint {
  Type: "volume" | "bind" | "tmpfs" | string;
  Name?: string;
  Source: string;
  Destination: string;
  RW: boolean;
  [field: string]: unknown;
}

export interface EndpointSettings {
  NetworkID: string;
  IPAddress: string;
  Aliases: string[] | null;
  [field: string]: unknown;
}

export interface ContainerInspect {
  Id: string;
  /** "/name", as Docker reports it. */
  Name: string;
  /** The image ID (sha256:...). */
  Image: string;
  Created: string;
  RestartCount: number;
  State: {
    Status: "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";
    Running: boolean;
    Paused: boolean;
    Restarting: boolean;
    OOMKilled: boolean;
    ExitCode: number;
    Pid: number;
    [field: string]: unknown;
  };
  Config: {
    Image: string;
    Cmd: string[] | null;
    Entrypoint: string[] | null;
    Env: string[] | null;
    Labels: Record<string, string> | null;
    User: string;
    WorkingDir: string;
    ExposedPorts?: Record<string, object> | null;
    Hostname: string;
    [field: string]: unknown;
  };
  HostConfig: {
    Memory: number;
    PidsLimit: number | null;
    NanoCpus: number;
    ReadonlyRootfs: boolean;
    Privileged: boolean;
    CapAdd: string[] | null;
    CapDrop: string[] | null;
    NetworkMode: string;
    RestartPolicy: { Name: string; MaximumRetryCount: number };
    PortBindings: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    Binds: string[] | null;
    AutoRemove: boolean;
    [field: string]: unknown;
  };
  NetworkSettings: {
    Networks: Record<string, EndpointSettings>;
    Ports: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    [field: string]: unknown;
  };
  Mounts: MountPoint[];
  [field: string]: unknown;
}

export interface ImageSummary {
  Id: string;
  RepoTags: string[] | null;
  Created: number;
  Size: number;
  Labels: Record<string, string> | null;
  [field: string]: unknown;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  Created: string;
  Size: number;
  Author: string;
  Comment: string;
  Architecture: string;
  Os: string;
  Config: {
    Cmd: string[] | null;
    Entrypoint: string[] | null;
    Env: string[] | null;
    User: string;
    WorkingDir: string;
    Labels: Record<string, string> | null;
    ExposedPorts?: Record<string, object> | null;
    Volumes?: Record<string, object> | null;
    [field: string]: unknown;
  };
  RootFS: { Type: string; Layers: string[] };
  [field: string]: unknown;
}

/** One row of `GET /images/{name}/history` (newest first). */
export interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface VolumeInspect {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Labels: Record<string, string> | null;
  Scope: string;
  CreatedAt?: string;
  [field: string]: unknown;
}

export interface NetworkInspect {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Internal: boolean;
  IPAM: { Driver: string; Config: { Subnet?: string; Gateway?: string }[] | null };
  /** Attached containers by container ID (on real Docker only running ones are listed). */
  Containers: Record<string, { Name: string; IPv4Address: string; [field: string]: unknown }> | null;
  Labels: Record<string, string> | null;
  [field: string]: unknown;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CheckEngine {
  /** Which engine this is: checks must not depend on it, but messages may mention it. */
  readonly kind: "simulator" | "docker";
  containers(opts?: { all?: boolean }): Promise<ContainerSummary[]>;
  container(idOrName: string): Promise<ContainerInspect | null>;
  images(): Promise<ImageSummary[]>;
  image(ref: string): Promise<ImageInspect | null>;
  /** Image history, newest layer first; null when the image does not exist. */
  history(ref: string): Promise<HistoryItem[] | null>;
  volumes(): Promise<VolumeInspect[]>;
  volume(name: string): Promise<VolumeInspect | null>;
  networks(): Promise<NetworkInspect[]>;
  network(idOrName: string): Promise<NetworkInspect | null>;
  /** Runs argv (no shell unless argv says so) in a running container; throws if it is not running. */
  exec(container: string, argv: string[], opts?: { user?: string; workdir?: string }): Promise<ExecResult>;
  /**
   * Reads a regular file from a container's filesystem (running or stopped, like `docker cp`),
   * as UTF-8 text; null when the path does not exist or is not a regular file.
   */
  readFile(container: string, path: string): Promise<string | null>;
  /**
   * Reads a file of the learner's working folder on the host (the simulated host's home
   * directory, or the folder `verify setup` prepared), by relative path; null when absent.
   */
  hostFile(path: string): Promise<string | null>;
}
