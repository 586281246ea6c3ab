/**
 * Engine API shaped types (the JSON the Docker Engine API returns), shared by the daemon, the CLI
 * and the exercise checks. Field names are Docker's own, so `--format '{{.State.Status}}'` and
 * `docker inspect` output read the same as against a real engine.
 */
export type EmptyObject = Record<string, never>;

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, EmptyObject>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: { Test: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, EmptyObject> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The image configuration whose digest is the image ID. */
export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  author?: string;
  comment?: string;
  created: string;
  config: ContainerConfig;
  container?: string;
  container_config?: ContainerConfig;
  docker_version?: string;
  history: HistoryEntry[];
  rootfs: { type: "layers"; diff_ids: string[] };
}

export function emptyContainerConfig(): ContainerConfig {
  return {
    Hostname: "",
    Domainname: "",
    User: "",
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: "",
    Volumes: null,
    WorkingDir: "",
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}
