/**
 * A Compose project as the simulator's `docker compose` works with it, after loading: the
 * Compose Specification's model (compose-go's types.Project), limited to the attributes the
 * simulator supports (see load.ts for the list).
 */

export interface PortConfig {
  mode: "ingress";
  /** The container port. */
  target: number;
  /** The host port ("" when Docker picks one). */
  published: string;
  host_ip: string;
  protocol: "tcp" | "udp";
}

export interface VolumeMount {
  type: "volume" | "bind" | "tmpfs";
  /** Volume key (as in the file), absolute host path, or "" for an anonymous volume / tmpfs. */
  source: string;
  target: string;
  read_only: boolean;
  nocopy?: boolean;
  /** bind: create the host path when missing (the short syntax does). */
  create_host_path?: boolean;
}

export interface DependsOn {
  condition: "service_started" | "service_healthy" | "service_completed_successfully";
  restart: boolean;
  required: boolean;
}

export interface BuildConfig {
  /** Absolute path of the build context. */
  context: string;
  dockerfile: string;
  args: Record<string, string | null>;
  target: string;
}

export interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface Service {
  name: string;
  image?: string;
  build?: BuildConfig;
  command?: string[] | null;
  entrypoint?: string[] | null;
  /** KEY -> value; null for a variable named without a value and not set in the environment. */
  environment: Record<string, string | null>;
  ports: PortConfig[];
  expose: string[];
  volumes: VolumeMount[];
  /** Network keys (as in the file) with their aliases; "default" when the service names none. */
  networks: Record<string, { aliases: string[] } | null>;
  network_mode?: string;
  depends_on: Record<string, DependsOn>;
  container_name?: string;
  hostname?: string;
  restart?: string;
  working_dir?: string;
  user?: string;
  labels: Record<string, string>;
  stop_signal?: string;
  stop_grace_period?: string;
  tty?: boolean;
  stdin_open?: boolean;
  healthcheck?: Healthcheck;
  extra_hosts: string[];
  init?: boolean;
  privileged?: boolean;
  read_only?: boolean;
  cap_add: string[];
  cap_drop: string[];
  dns: string[];
  tmpfs: string[];
}

export interface NetworkConfig {
  /** The engine's name ("<project>_<key>", or `name:`). */
  name: string;
  external: boolean;
  driver?: string;
  labels: Record<string, string>;
}

export interface VolumeConfig {
  name: string;
  external: boolean;
  driver?: string;
  labels: Record<string, string>;
}

export interface Project {
  name: string;
  /** The project directory (relative paths in the files resolve against it). */
  workingDir: string;
  /** Absolute paths of the files the project came from. */
  composeFiles: string[];
  /** Services in the order the files declare them. */
  services: Service[];
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  /** Warnings loading printed (e.g. the obsolete `version`). */
  warnings: string[];
}

/** An error loading or validating a project, with Compose's exit status for it. */
export class ComposeError extends Error {
  constructor(
    message: string,
    /** 14 file not found, 15 parse failure, 16 command syntax, 17 build, 18 pull, 1 other. */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const COMPOSE_VERSION = "2.29.7";

export const LABELS = {
  project: "com.docker.compose.project",
  service: "com.docker.compose.service",
  number: "com.docker.compose.container-number",
  oneoff: "com.docker.compose.oneoff",
  configHash: "com.docker.compose.config-hash",
  dependsOn: "com.docker.compose.depends_on",
  image: "com.docker.compose.image",
  version: "com.docker.compose.version",
  workingDir: "com.docker.compose.project.working_dir",
  configFiles: "com.docker.compose.project.config_files",
  slug: "com.docker.compose.slug",
  network: "com.docker.compose.network",
  volume: "com.docker.compose.volume",
  replace: "com.docker.compose.replace",
} as const;
